// The practice API against a running `baton serve`: drills logged, listed and removed, and a
// pair's report. What the report computes is tested in tests/workspace; here, the translation:
// query fields in, status codes, fields named in errors, JSON keys out.
#include <gtest/gtest.h>

#include <set>

#include "server/server_process.h"

namespace baton {
namespace {

using testing::run_cli;

class PracticeApi : public testing::ExampleServerTest {
 protected:
  testing::HttpResponse log(const std::string& body) {
    return server.send_json("POST", "/api/practice", body);
  }
};

TEST_F(PracticeApi, LogListRemove) {
  auto r = log(R"({"from": "Ava Brooks", "to": "Maya Johnson", "go_mark_m": 7.5,
                   "exchange_at_m": 21.0, "outcome": "late", "date": "2026-03-02",
                   "baton_time_s": 3.9, "note": "windy"})");
  ASSERT_EQ(r.status, 201) << r.body;
  const nlohmann::json logged = r.json()["logged"];
  EXPECT_EQ(logged["from"], "Ava Brooks");
  EXPECT_EQ(logged["outcome"], "late");
  EXPECT_DOUBLE_EQ(logged["go_mark_m"].get<double>(), 7.5);
  EXPECT_DOUBLE_EQ(logged["baton_time_s"].get<double>(), 3.9);
  EXPECT_EQ(logged["zone_length_m"], 30.0);
  // Without a date it is today's, and the outcome defaults to clean.
  r = log(R"({"from": "Zoe Carter", "to": "Lily Nguyen", "go_mark_m": 6, "exchange_at_m": 20})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["logged"]["outcome"], "clean");
  EXPECT_EQ(r.json()["logged"]["date"].get<std::string>().size(), 10u);

  r = server.get("/api/practice");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["drills"].size(), 2u);
  r = server.get("/api/practice?from=Ava%20Brooks&to=Maya%20Johnson");
  ASSERT_EQ(r.json()["drills"].size(), 1u);
  EXPECT_EQ(r.json()["drills"][0], logged);
  // The CLI sees the same drill.
  const auto cli = run_cli({"--db", server.db(), "--json", "practice", "list"});
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_EQ(cli.json()["drills"][0]["id"], logged["id"]);

  const std::string path = "/api/practice/" + std::to_string(logged["id"].get<long long>());
  r = server.request("DELETE", path);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["removed"], logged["id"]);
  EXPECT_EQ(server.request("DELETE", path).status, 404);
  EXPECT_EQ(server.get("/api/practice").json()["drills"].size(), 1u);
}

TEST_F(PracticeApi, ADrillSentAgainUnderItsKeyIsAnsweredWithTheFirstAndLoggedOnce) {
  const std::string drill = R"({"from": "Ava Brooks", "to": "Maya Johnson", "go_mark_m": 7.5,
                   "exchange_at_m": 21.0, "date": "2026-03-02", "key": "d-0123abcd"})";
  auto first = log(drill);
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.json()["logged"]["key"], "d-0123abcd");
  EXPECT_FALSE(first.json().contains("repeat"));
  const auto again = log(drill);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json()["logged"], first.json()["logged"]);
  EXPECT_EQ(again.json()["repeat"], true);
  EXPECT_EQ(server.get("/api/practice").json()["drills"].size(), 1u);
  // Bad keys are refused naming the field, and store nothing.
  for (const char* key : {R"("")", R"("two words")", "7"}) {
    const auto r = log(std::string(R"({"from": "Ava Brooks", "to": "Maya Johnson", "go_mark_m": 7,
                                       "exchange_at_m": 20, "key": )") +
                       key + "}");
    EXPECT_EQ(r.status, 400) << key;
    EXPECT_EQ(r.json()["field"], "key") << key;
  }
  EXPECT_EQ(server.get("/api/practice").json()["drills"].size(), 1u);
}

TEST_F(PracticeApi, BadDrillsAreRefusedAndNothingIsStored) {
  struct Case {
    const char* body;
    int status;
    const char* field;
  };
  const Case cases[] = {
      {R"({"from": "Ava Brooks", )", 400, "body"},
      {R"([1, 2])", 400, "body"},
      {R"({"to": "Maya Johnson", "go_mark_m": 7, "exchange_at_m": 20})", 400, "from"},
      {R"({"from": "Ava Brooks", "to": "Maya Johnson", "exchange_at_m": 20})", 400, "go_mark_m"},
      {R"({"from": 1, "to": "Maya Johnson", "go_mark_m": 7, "exchange_at_m": 20})", 400, "from"},
      {R"({"from": "Ava Brooks", "to": "Maya Johnson", "go_mark_m": "7", "exchange_at_m": 20})",
       400, "go_mark_m"},
      {R"({"from": "Ava Brooks", "to": "Maya Johnson", "go_mark_m": 70, "exchange_at_m": 20})", 400,
       "go_mark_m"},
      {R"({"from": "Ava Brooks", "to": "Maya Johnson", "go_mark_m": 7, "exchange_at_m": 200})", 400,
       "exchange_at_m"},
      {R"({"from": "Ava Brooks", "to": "Maya Johnson", "go_mark_m": 7, "exchange_at_m": 20,
           "outcome": "great"})",
       400, "outcome"},
      {R"({"from": "Ava Brooks", "to": "Maya Johnson", "go_mark_m": 7, "exchange_at_m": 20,
           "date": "2026-02-30"})",
       400, "date"},
      {R"({"from": "Ava Brooks", "to": "Maya Johnson", "go_mark_m": 7, "exchange_at_m": 20,
           "baton_time_s": 25})",
       400, "baton_time_s"},
      {R"({"from": "Ava Brooks", "to": "Maya Johnson", "go_mark_m": 7, "exchange_at_m": 20,
           "wind": 2})",
       400, "wind"},
      {R"({"from": "Ava Brooks", "to": "Ava Brooks", "go_mark_m": 7, "exchange_at_m": 20})", 400,
       nullptr},
      {R"({"from": "Nobody Here", "to": "Maya Johnson", "go_mark_m": 7, "exchange_at_m": 20})", 404,
       nullptr},
  };
  for (const Case& c : cases) {
    const auto r = log(c.body);
    EXPECT_EQ(r.status, c.status) << c.body << " -> " << r.body;
    ASSERT_NO_THROW(r.json()) << r.body;
    if (c.field) EXPECT_EQ(r.json()["field"], c.field) << c.body << " -> " << r.body;
  }
  EXPECT_TRUE(server.get("/api/practice").json()["drills"].empty());
  EXPECT_EQ(server.request("DELETE", "/api/practice/abc").status, 404);
  EXPECT_EQ(server.request("DELETE", "/api/practice/999").status, 404);
}

TEST_F(PracticeApi, ReportReadsTheQueryAndAnswersWithTheReportsKeys) {
  // One drill before the date asked about and one after it: only the first counts.
  for (const char* date : {"2026-03-02", "2026-03-12"}) {
    const std::string body = std::string(R"({"from": "Maya Johnson", "to": "Lily Nguyen",
        "go_mark_m": 7, "exchange_at_m": 20, "date": ")") +
                             date + R"("})";
    ASSERT_EQ(log(body).status, 201);
  }
  const auto r = server.get(
      "/api/practice/report?from=maya%20johnson&to=Lily%20Nguyen&event=4x100&exchange=2"
      "&as_of=2026-03-10");
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json doc = r.json();
  std::set<std::string> keys;
  for (const auto& [key, value] : doc.items()) keys.insert(key);
  const std::set<std::string> want = {"pair",
                                      "as_of",
                                      "drills",
                                      "clean",
                                      "drops",
                                      "mean_exchange_at_m",
                                      "sd_exchange_at_m",
                                      "p_clean",
                                      "target_m",
                                      "model_go_mark_m",
                                      "recommended_go_mark_m",
                                      "recommended_go_mark_foot_lengths",
                                      "foot_length_m",
                                      "nominal_reaction_s",
                                      "effective_reaction_s",
                                      "effective_drills",
                                      "half_life_days",
                                      "rms_residual_m",
                                      "reaction_at_bound",
                                      "physics",
                                      "event",
                                      "exchange"};
  for (const std::string& k : want) EXPECT_TRUE(keys.count(k)) << k << " missing: " << r.body;
  EXPECT_EQ(doc["pair"]["from"], "Maya Johnson");  // the roster's spelling
  EXPECT_EQ(doc["pair"]["to"], "Lily Nguyen");
  EXPECT_EQ(doc["as_of"], "2026-03-10");
  EXPECT_EQ(doc["event"], "4x100");
  EXPECT_EQ(doc["exchange"], 2);
  EXPECT_EQ(doc["drills"], 1);
  EXPECT_DOUBLE_EQ(doc["mean_exchange_at_m"].get<double>(), 20.0);
  EXPECT_DOUBLE_EQ(doc["foot_length_m"].get<double>(), 0.25);  // Lily Nguyen's
  // Without as_of the report is for today: both drills count.
  const auto today =
      server.get("/api/practice/report?from=Maya%20Johnson&to=Lily%20Nguyen&exchange=2");
  ASSERT_EQ(today.status, 200) << today.body;
  EXPECT_EQ(today.json()["drills"], 2);
}

TEST_F(PracticeApi, BadReportQueriesAreRefused) {
  struct Case {
    const char* query;
    int status;
    const char* field;
  };
  const Case cases[] = {
      {"to=Maya%20Johnson", 400, "from"},
      {"from=Ava%20Brooks", 400, "to"},
      {"from=Ava%20Brooks&to=Nobody", 404, "to"},
      {"from=Ava%20Brooks&to=Maya%20Johnson&exchange=9", 400, "exchange"},
      {"from=Ava%20Brooks&to=Maya%20Johnson&exchange=x", 400, "exchange"},
      {"from=Ava%20Brooks&to=Maya%20Johnson&event=4x150", 404, "event"},
      {"from=Ava%20Brooks&to=Maya%20Johnson&as_of=yesterday", 400, "as_of"},
  };
  for (const Case& c : cases) {
    const auto r = server.get(std::string("/api/practice/report?") + c.query);
    EXPECT_EQ(r.status, c.status) << c.query << " -> " << r.body;
    ASSERT_NO_THROW(r.json()) << r.body;
    EXPECT_EQ(r.json()["field"], c.field) << c.query << " -> " << r.body;
  }
}

}  // namespace
}  // namespace baton
