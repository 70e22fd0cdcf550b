// Race odds over HTTP: the request reaches the library as sent (squad or order, opponents and
// their seeds, races and seed), the answer carries the documented keys, and every bad request is
// refused naming its field. What the odds are is tested once, in the library.
#include <gtest/gtest.h>

#include "server/server_process.h"

namespace baton {
namespace {

class SimulationApi : public testing::ExampleServerTest {
 protected:
  testing::HttpResponse post(const nlohmann::json& body) {
    return server.send_json("POST", "/api/simulations", body.dump());
  }
  nlohmann::json fastest_girls() {
    return server.send_json("POST", "/api/lineups", R"({"event": "4x100", "sex": "F"})")
        .json()["order"];
  }
};

const nlohmann::json kOpponents = {{{"name", "Central"}, {"seed", "48.90"}},
                                   {{"name", "Lakeside"}, {"seed", 52.0}}};

TEST_F(SimulationApi, TheFastestOrderRacesTheSeededOpponents) {
  const auto r = post(
      {{"event", "4x100"}, {"sex", "F"}, {"opponents", kOpponents}, {"runs", 5000}, {"seed", 7}});
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json doc = r.json();
  EXPECT_EQ(doc["event"], "4x100");
  EXPECT_EQ(doc["runs"], 5000);
  EXPECT_EQ(doc["seed"], 7);
  EXPECT_EQ(doc["chosen"], false);
  EXPECT_EQ(doc["name"], "4x100 m relay");
  EXPECT_EQ(doc["order"], fastest_girls());
  ASSERT_EQ(doc["teams"].size(), 3u);
  EXPECT_EQ(doc["teams"][0]["team"], "Riverside HS");
  EXPECT_EQ(doc["teams"][0]["own"], true);
  EXPECT_EQ(doc["teams"][1]["own"], false);
  EXPECT_DOUBLE_EQ(doc["teams"][1]["seed_time_s"].get<double>(), 48.90);
  EXPECT_DOUBLE_EQ(doc["teams"][2]["seed_time_s"].get<double>(), 52.0);

  EXPECT_EQ(doc["teams"][1]["team"], "Central");
  EXPECT_EQ(doc["teams"][2]["team"], "Lakeside");
  for (const auto& t : doc["teams"]) {
    for (const char* key : {"team", "mean_time_s", "p_win", "p_place", "p_podium", "p_dq", "p_drop",
                            "expected_points"}) {
      EXPECT_TRUE(t.contains(key)) << key << " in " << t.dump();
    }
  }
  // The slower opponent wins less often; every chance is a probability.
  EXPECT_LT(doc["teams"][2]["p_win"].get<double>(), doc["teams"][1]["p_win"].get<double>());
  double wins = 0.0;
  for (const auto& t : doc["teams"]) {
    for (const char* p : {"p_win", "p_podium", "p_dq", "p_drop"}) {
      EXPECT_GE(t[p].get<double>(), 0.0);
      EXPECT_LE(t[p].get<double>(), 1.0);
    }
    wins += t["p_win"].get<double>();
  }
  EXPECT_LE(wins, 1.0 + 1e-9);
  const std::string svg = doc["svg"];
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("Lakeside"), std::string::npos);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  // The same picture laid out for a phone held upright.
  const std::string narrow = doc["svg_narrow"];
  EXPECT_EQ(narrow.find("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\""), 0u);
  EXPECT_NE(narrow.find("Lakeside"), std::string::npos);
}

TEST_F(SimulationApi, TheSameSeedGivesTheSameOddsAndAChosenOrderIsRun) {
  const nlohmann::json order = {"Ethan Park", "Tyler Brooks", "Jaylen Scott", "Marcus Reed"};
  const nlohmann::json body = {
      {"event", "4x100"}, {"order", order}, {"opponents", kOpponents}, {"seed", 3}, {"runs", 2000}};
  const auto a = post(body);
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.json()["order"], order);
  EXPECT_EQ(a.json()["chosen"], true);
  EXPECT_EQ(a.json(), post(body).json());
  // Defaults: 20000 races, seed 1; no opponents is a race against the clock.
  const auto b = post({{"event", "4x100"}, {"sex", "M"}});
  ASSERT_EQ(b.status, 200) << b.body;
  EXPECT_EQ(b.json()["runs"], 20000);
  EXPECT_EQ(b.json()["seed"], 1);
  ASSERT_EQ(b.json()["teams"].size(), 1u);
  const nlohmann::json us = b.json()["teams"][0];
  EXPECT_NEAR(us["p_win"].get<double>(), 1.0 - us["p_dq"].get<double>(), 1e-12);
}

// A hand time converts over the race's distance: 4x100 is 400 m, so +0.14 s (units.h).
TEST_F(SimulationApi, HandTimedSeedsCountAsFat) {
  const auto r = post({{"event", "4x100"},
                       {"sex", "F"},
                       {"runs", 1000},
                       {"opponents", {{{"name", "Central"}, {"seed", "48.7h"}}}}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NEAR(r.json()["teams"][1]["seed_time_s"].get<double>(), 48.84, 1e-9);
}

TEST_F(SimulationApi, LineupOddsCompareTheFastestOrdersOfTheSquad) {
  const auto r = server.send_json("POST", "/api/lineup-odds",
                                  nlohmann::json{{"event", "4x100"},
                                                 {"sex", "F"},
                                                 {"objective", "win"},
                                                 {"candidates", 4},
                                                 {"opponents", kOpponents},
                                                 {"runs", 4000},
                                                 {"seed", 7}}
                                      .dump());
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json doc = r.json();
  ASSERT_EQ(doc["candidates"].size(), 4u);
  EXPECT_EQ(doc["objective"], "win");
  EXPECT_EQ(doc["order"], doc["chosen"]["order"]);
  EXPECT_EQ(doc["fastest"]["order"], fastest_girls());
  EXPECT_EQ(doc["event"], "4x100");
  EXPECT_EQ(doc["name"], "4x100 m relay");
  EXPECT_EQ(doc["team"], "Riverside HS");
  EXPECT_EQ(doc["runs"], 4000);
  EXPECT_EQ(doc["seed"], 7);
  for (const char* key : {"standard_error", "team_time_s", "chosen", "fastest"}) {
    EXPECT_TRUE(doc.contains(key)) << key;
  }
  // An athlete left out by name runs in none of the candidates.
  const std::string first = doc["fastest"]["order"][0];
  const auto without = server.send_json("POST", "/api/lineup-odds",
                                        nlohmann::json{{"event", "4x100"},
                                                       {"sex", "F"},
                                                       {"objective", "points"},
                                                       {"candidates", 2},
                                                       {"runs", 1000},
                                                       {"exclude", {first}}}
                                            .dump());
  ASSERT_EQ(without.status, 200) << without.body;
  EXPECT_EQ(without.json()["objective"], "points");
  ASSERT_EQ(without.json()["candidates"].size(), 2u);
  const nlohmann::json candidates = without.json()["candidates"];
  for (const auto& c : candidates) {
    for (const auto& name : c["order"]) EXPECT_NE(name, first);
  }
  for (const nlohmann::json& bad :
       {nlohmann::json{{"event", "4x100"}},
        nlohmann::json{{"event", "4x100"}, {"objective", "fastest"}},
        nlohmann::json{{"event", "4x100"}, {"objective", "win"}, {"candidates", 11}},
        nlohmann::json{{"event", "4x100"}, {"objective", "win"}, {"runs", 60000}},
        nlohmann::json{{"event", "4x100"}, {"objective", "win"}, {"exclude", {"Nobody"}}},
        nlohmann::json{{"event", "4x100"}, {"objective", "points"}, {"order", {"A"}}}}) {
    const auto refused = server.send_json("POST", "/api/lineup-odds", bad.dump());
    EXPECT_GE(refused.status, 400) << bad;
    EXPECT_TRUE(refused.json()["field"].is_string()) << refused.body;
  }
}

struct BadBody {
  nlohmann::json body;
  int status;
  const char* field;
};

TEST_F(SimulationApi, BadRequestsAreRefusedNamingTheField) {
  nlohmann::json many = nlohmann::json::array();
  for (int i = 0; i < 16; ++i) many.push_back({{"name", "T" + std::to_string(i)}, {"seed", "50"}});
  const nlohmann::json f = {{"event", "4x100"}, {"sex", "F"}};
  auto with = [&](const char* key, nlohmann::json value) {
    nlohmann::json b = f;
    b[key] = std::move(value);
    return b;
  };
  const nlohmann::json one = {{"name", "Central"}, {"seed", "48.90"}};
  auto opponent = [&](const char* key, nlohmann::json value) {
    nlohmann::json o = one;
    if (value.is_null()) {
      o.erase(key);
    } else {
      o[key] = std::move(value);
    }
    return with("opponents", nlohmann::json::array({o}));
  };
  const BadBody cases[] = {
      {nlohmann::json::object(), 400, "event"},
      {with("event", 4), 400, "event"},
      {with("event", "4x150"), 404, "event"},
      {with("speed", 1), 400, "speed"},
      {with("sex", "X"), 400, "sex"},
      {with("order", {"Ava Brooks", "Nobody"}), 404, "order.1"},
      {with("runs", 999), 400, "runs"},
      {with("runs", 200001), 400, "runs"},
      {with("runs", "20000"), 400, "runs"},
      {with("runs", 1500.5), 400, "runs"},
      {with("seed", -1), 400, "seed"},
      {with("seed", "1"), 400, "seed"},
      {with("opponents", "Central 48.90"), 400, "opponents"},
      {with("opponents", many), 400, "opponents"},
      {with("opponents", {"Central"}), 400, "opponents.0"},
      {opponent("name", nullptr), 400, "opponents.0.name"},
      {opponent("seed", nullptr), 400, "opponents.0.seed"},
      {opponent("lane", 3), 400, "opponents.0.lane"},
      {opponent("name", 5), 400, "opponents.0.name"},
      {opponent("name", "   "), 400, "opponents.0.name"},
      {opponent("name", std::string(61, 'x')), 400, "opponents.0.name"},
      {opponent("name", "riverside hs"), 400, "opponents.0.name"},
      {opponent("seed", "fast"), 400, "opponents.0.seed"},
      {opponent("seed", "0"), 400, "opponents.0.seed"},
      {opponent("seed", -48.9), 400, "opponents.0.seed"},
      {opponent("seed", true), 400, "opponents.0.seed"},
      {with("opponents", {one, one}), 400, "opponents.1.name"},
  };
  for (const BadBody& c : cases) {
    const auto r = post(c.body);
    EXPECT_EQ(r.status, c.status) << c.body.dump() << " -> " << r.body;
    ASSERT_NO_THROW(r.json()) << r.body;
    EXPECT_EQ(r.json()["field"], c.field) << c.body.dump() << " -> " << r.body;
  }
  EXPECT_EQ(server.send_json("POST", "/api/simulations", R"({"event": )").json()["field"], "body");
  EXPECT_EQ(server.request("POST", "/api/simulations", f.dump(), "text/plain").status, 400);
}

}  // namespace
}  // namespace baton
