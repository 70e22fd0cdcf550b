// The relay API against a running `baton serve`: the lineup and plan requests reach the library
// as sent (squad, top, locks and exclusions by name, the practice log priced), the answers carry
// the documented keys, and every bad request is refused naming its field. What the lineups are
// is tested once, in the library (tests/workspace).
#include <gtest/gtest.h>

#include <cctype>
#include <map>

#include "server/server_process.h"

namespace baton {
namespace {

using testing::run_cli;

class RelayApi : public testing::ExampleServerTest {
 protected:
  // Each athlete's sex ("F", "M") as the roster API lists them.
  std::map<std::string, std::string> sexes() {
    std::map<std::string, std::string> out;
    const nlohmann::json roster = server.get("/api/athletes").json();
    for (const auto& a : roster["athletes"])
      out[a["name"].get<std::string>()] = a["sex"].get<std::string>();
    return out;
  }
};

// The keys of the document: `baton lineup --json`'s and the relay's "name".
void expect_lineup_keys(const nlohmann::json& doc) {
  for (const char* key : {"event", "name", "model", "order", "team_time_s", "legs", "alternatives",
                          "practice_pair_terms", "practice_s"}) {
    EXPECT_TRUE(doc.contains(key)) << key << " in " << doc.dump();
  }
  for (const auto& leg : doc["legs"]) {
    for (const char* key : {"leg", "athlete", "distance_m", "leg_s", "estimated"}) {
      EXPECT_TRUE(leg.contains(key)) << key << " in " << leg.dump();
    }
  }
  for (const auto& alt : doc["alternatives"]) {
    for (const char* key : {"order", "team_time_s", "gap_s"}) {
      EXPECT_TRUE(alt.contains(key)) << key << " in " << alt.dump();
    }
  }
}

TEST_F(RelayApi, LineupPricesThePracticeLog) {
  const nlohmann::json plain = post("/api/lineups", R"({"event": "4x100", "sex": "F"})").json();
  EXPECT_EQ(plain["practice_pair_terms"], 0);
  EXPECT_EQ(plain["practice_s"], 0.0);
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
  // The drilled pair can meet at each of the three exchanges.
  EXPECT_EQ(doc["practice_pair_terms"], 3);
  EXPECT_EQ(doc["model"], "physics");
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

TEST_F(RelayApi, ALineupRequestIsTranslatedFieldByField) {
  const auto r = post("/api/lineups", R"({"event": "4x100", "sex": "F", "top": 3})");
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json doc = r.json();
  expect_lineup_keys(doc);
  EXPECT_EQ(doc["event"], "4x100");
  EXPECT_EQ(doc["name"], "4x100 m relay") << doc["name"];
  ASSERT_EQ(doc["alternatives"].size(), 3u);  // "top"
  const auto sex = sexes();
  ASSERT_EQ(doc["order"].size(), 4u);
  for (size_t l = 0; l < 4; ++l) {
    EXPECT_EQ(sex.at(doc["order"][l].get<std::string>()), "F")
        << "\"sex\": \"F\" asks for the girls";
    EXPECT_EQ(doc["legs"][l]["athlete"], doc["order"][l]);
    EXPECT_EQ(doc["legs"][l]["leg"], l + 1);
  }
  for (const auto& alt : doc["alternatives"]) {
    EXPECT_GE(alt["gap_s"].get<double>(), 0.0);
    for (const auto& name : alt["order"]) EXPECT_EQ(sex.at(name.get<std::string>()), "F");
  }
  // Without "sex" either squad may run; the boys are faster.
  const nlohmann::json open = post("/api/lineups", R"({"event": "4x100"})").json();
  EXPECT_EQ(open["alternatives"].size(), 0u);
  EXPECT_LT(open["team_time_s"].get<double>(), doc["team_time_s"].get<double>());
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
  // Names are matched as the roster spells them, whatever the case.
  std::string lower = fourth;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto again =
      post("/api/lineups",
           nlohmann::json(
               {{"event", "4x100"}, {"sex", "F"}, {"exclude", {first}}, {"locks", {{"2", lower}}}})
               .dump());
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json()["order"], doc["order"]);
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

TEST_F(RelayApi, APlanFollowsTheOrderAndCarriesEachZoneDiagram) {
  const nlohmann::json order = {"Zoe Carter", "lily nguyen", "Maya Johnson", "Ava Brooks"};
  const auto r = post("/api/plans", nlohmann::json({{"event", "4x100"}, {"order", order}}).dump());
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json doc = r.json();
  EXPECT_EQ(doc["name"], "4x100 m relay");
  const std::vector<std::string> names = {"Zoe Carter", "Lily Nguyen", "Maya Johnson",
                                          "Ava Brooks"};
  ASSERT_EQ(doc["legs"].size(), 4u);
  for (size_t l = 0; l < 4; ++l) EXPECT_EQ(doc["legs"][l]["athlete"], names[l]);
  ASSERT_EQ(doc["exchanges"].size(), 3u);
  for (size_t k = 0; k < 3; ++k) {
    const auto& x = doc["exchanges"][k];
    EXPECT_EQ(x["from"], names[k]);
    EXPECT_EQ(x["to"], names[k + 1]);
    for (const char* key : {"go_mark_m", "go_mark_foot_lengths", "p_illegal"}) {
      EXPECT_TRUE(x.contains(key)) << key;
    }
    const std::string svg = x["svg"];
    EXPECT_EQ(svg.rfind("<svg", 0), 0u);
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    EXPECT_NE(svg.find(names[k]), std::string::npos) << "titled by the pair";
    // And the phone layout: 320 wide, 13-unit labels.
    const std::string narrow = x["svg_narrow"];
    EXPECT_EQ(narrow.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"320\"", 0), 0u);
    EXPECT_NE(narrow.find("font-size=\"13\""), std::string::npos);
  }
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
