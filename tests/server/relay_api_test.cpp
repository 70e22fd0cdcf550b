// The relay API against a running `baton serve`: lineups and hand-off plans answer what the CLI
// answers for the same roster, and every bad request is refused naming its field.
#include <gtest/gtest.h>

#include "server/server_process.h"

namespace baton {
namespace {

using testing::run_cli;

class RelayApi : public testing::ExampleServerTest {};

TEST_F(RelayApi, LineupPricesThePracticeLogLikeTheCli) {
  const nlohmann::json plain = post("/api/lineups", R"({"event": "4x100", "sex": "F"})").json();
  EXPECT_EQ(plain["practice_pair_terms"], 0);
  const std::string from = plain["order"][0], to = plain["order"][1];
  for (int i = 0; i < 6; ++i) {
    const auto r = run_cli({"--db", server.db(), "practice", "log", "--from", from, "--to", to,
                            "--go-mark", "11", "--exchange-at", "6", "--outcome", "drop", "--date",
                            "2026-03-0" + std::to_string(i + 1)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  const auto r = post("/api/lineups", R"({"event": "4x100", "sex": "F", "top": 2})");
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json doc = r.json();
  const nlohmann::json want = cli({"lineup", "--event", "4x100", "--sex", "F", "--top", "2"});
  EXPECT_EQ(doc["practice_pair_terms"], 3);
  EXPECT_EQ(doc["practice_pair_terms"], want["practice_pair_terms"]);
  EXPECT_EQ(doc["practice_s"], want["practice_s"]);
  EXPECT_EQ(doc["order"], want["order"]);
  EXPECT_EQ(doc["alternatives"], want["alternatives"]);
  EXPECT_GE(doc["team_time_s"].get<double>(), plain["team_time_s"].get<double>());
}

struct BadBody {
  const char* body;
  int status;
  const char* field;
};

void expect_refused(const testing::HttpResponse& r, const BadBody& c) {
  EXPECT_EQ(r.status, c.status) << c.body << " -> " << r.body;
  ASSERT_NO_THROW(r.json()) << r.body;
  EXPECT_EQ(r.json()["field"], c.field) << c.body << " -> " << r.body;
  EXPECT_TRUE(r.json()["error"].is_string());
}

TEST_F(RelayApi, LineupEqualsTheCliWithAlternatives) {
  const auto r = post("/api/lineups", R"({"event": "4x100", "sex": "F", "top": 3})");
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json doc = r.json();
  const nlohmann::json want = cli({"lineup", "--event", "4x100", "--sex", "F", "--top", "3"});
  EXPECT_EQ(doc["event"], want["event"]);
  EXPECT_EQ(doc["order"], want["order"]);
  EXPECT_EQ(doc["legs"], want["legs"]);
  EXPECT_DOUBLE_EQ(doc["team_time_s"].get<double>(), want["team_time_s"].get<double>());
  EXPECT_EQ(doc["alternatives"], want["alternatives"]);
  ASSERT_EQ(doc["alternatives"].size(), 3u);
  EXPECT_GE(doc["alternatives"][0]["gap_s"].get<double>(), 0.0);
  EXPECT_EQ(doc["name"], "4x100 m relay") << doc["name"];
}

TEST_F(RelayApi, LocksAndExclusionsShapeTheOrder) {
  const nlohmann::json best = post("/api/lineups", R"({"event": "4x100", "sex": "F"})").json();
  const std::string first = best["order"][0];
  const std::string fourth = best["order"][3];
  // Leave out the leadoff runner, and put the anchor on leg 2.
  const std::string body =
      nlohmann::json(
          {{"event", "4x100"}, {"sex", "F"}, {"exclude", {first}}, {"locks", {{"2", fourth}}}})
          .dump();
  const auto r = post("/api/lineups", body);
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json doc = r.json();
  EXPECT_EQ(doc["order"][1], fourth);
  for (const auto& name : doc["order"]) EXPECT_NE(name, first);
  EXPECT_GT(doc["team_time_s"].get<double>(), best["team_time_s"].get<double>());
  const nlohmann::json want = cli(
      {"lineup", "--event", "4x100", "--sex", "F", "--exclude", first, "--lock", "2=" + fourth});
  EXPECT_EQ(doc["order"], want["order"]);
}

TEST_F(RelayApi, BadLineupRequestsAreRefused) {
  const BadBody cases[] = {
      {R"({"event": "4x100", )", 400, "body"},
      {R"(["4x100"])", 400, "body"},
      {R"({})", 400, "event"},
      {R"({"event": 4})", 400, "event"},
      {R"({"event": "4x100", "sex": "X"})", 400, "sex"},
      {R"({"event": "4x100", "sex": 1})", 400, "sex"},
      {R"({"event": "4x100", "top": "3"})", 400, "top"},
      {R"({"event": "4x100", "top": 2.5})", 400, "top"},
      {R"({"event": "4x100", "top": -1})", 400, "top"},
      {R"({"event": "4x100", "top": 51})", 400, "top"},
      {R"({"event": "4x100", "locks": ["Ava Brooks"]})", 400, "locks"},
      {R"({"event": "4x100", "locks": {"5": "Ava Brooks"}})", 400, "locks.5"},
      {R"({"event": "4x100", "locks": {"two": "Ava Brooks"}})", 400, "locks.two"},
      {R"({"event": "4x100", "locks": {"2": 7}})", 400, "locks.2"},
      {R"({"event": "4x100", "exclude": "Ava Brooks"})", 400, "exclude"},
      {R"({"event": "4x100", "exclude": [3]})", 400, "exclude.0"},
      {R"({"event": "4x100", "speed": 9})", 400, "speed"},
      {R"({"event": "4x150"})", 404, "event"},
      {R"({"event": "4x100", "exclude": ["Nobody Here"]})", 404, "exclude"},
      {R"({"event": "4x100", "locks": {"1": "Nobody Here"}})", 404, "locks.1"},
  };
  for (const BadBody& c : cases) expect_refused(post("/api/lineups", c.body), c);
  // Too few girls left once most are excluded: the constraint is named, not a crash.
  const auto r = post("/api/lineups", R"({"event": "4x100", "sex": "F", "exclude":
      ["Ava Brooks", "Maya Johnson", "Zoe Carter", "Lily Nguyen", "Harper Diaz", "Chloe Adams",
       "Grace Kim", "Sofia Romero", "Ella Thompson", "Nora Williams"]})");
  EXPECT_EQ(r.status, 400) << r.body;
  // The same body sent as text is refused.
  EXPECT_EQ(server.request("POST", "/api/lineups", R"({"event": "4x100"})", "text/plain").status,
            400);
}

TEST_F(RelayApi, PlanEqualsTheCliAndCarriesEachZoneDiagram) {
  const nlohmann::json best = post("/api/lineups", R"({"event": "4x100", "sex": "F"})").json();
  const nlohmann::json body = {{"event", "4x100"}, {"order", best["order"]}};
  const auto r = post("/api/plans", body.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  nlohmann::json doc = r.json();
  std::string order;
  for (const auto& n : best["order"]) order += (order.empty() ? "" : ",") + n.get<std::string>();
  const nlohmann::json want = cli({"plan", "--event", "4x100", "--order", order});
  ASSERT_EQ(doc["exchanges"].size(), 3u);
  for (auto& x : doc["exchanges"]) {
    const std::string svg = x["svg"];
    EXPECT_NE(svg.find("<svg"), std::string::npos);
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    EXPECT_NE(svg.find(x["from"].get<std::string>()), std::string::npos) << "titled by the pair";
    x.erase("svg");
    // The go-mark in foot lengths is the metres over the outgoing runner's foot.
    EXPECT_GT(x["go_mark_m"].get<double>(), 0.0);
    EXPECT_GT(x["go_mark_foot_lengths"].get<double>(), x["go_mark_m"].get<double>());
    EXPECT_GE(x["p_illegal"].get<double>(), 0.0);
    EXPECT_LE(x["p_illegal"].get<double>(), 1.0);
  }
  EXPECT_EQ(doc["exchanges"], want["exchanges"]);
  EXPECT_EQ(doc["legs"], want["legs"]);
  EXPECT_EQ(doc["legs"][0]["athlete"], best["order"][0]);
}

TEST_F(RelayApi, BadPlanRequestsAreRefused) {
  const BadBody cases[] = {
      {R"({"event": "4x100", "order": )", 400, "body"},
      {R"({"order": ["Ava Brooks"]})", 400, "event"},
      {R"({"event": "4x100"})", 400, "order"},
      {R"({"event": "4x100", "order": "Ava Brooks,Maya Johnson"})", 400, "order"},
      {R"({"event": "4x100", "order": ["Ava Brooks", 2]})", 400, "order.1"},
      {R"({"event": "4x100", "order": ["Ava Brooks"], "rules": "wa"})", 400, "rules"},
      {R"({"event": "4x150", "order": ["Ava Brooks"]})", 404, "event"},
      {R"({"event": "4x100", "order": ["Ava Brooks", "Nobody Here", "Zoe Carter", "Lily Nguyen"]})",
       404, "order.1"},
  };
  for (const BadBody& c : cases) expect_refused(post("/api/plans", c.body), c);
  // Three runners for four legs, or one runner twice: refused, not planned.
  for (
      const char* body :
      {R"({"event": "4x100", "order": ["Ava Brooks", "Maya Johnson", "Zoe Carter"]})",
       R"({"event": "4x100", "order": ["Ava Brooks", "Maya Johnson", "Zoe Carter", "Ava Brooks"]})"}) {
    const auto r = post("/api/plans", body);
    EXPECT_EQ(r.status, 400) << body << " -> " << r.body;
  }
}

}  // namespace
}  // namespace baton
