// The whole-meet lineup and running-order prediction APIs against a running `baton serve`: the
// requests reach the library as sent (relays and squads, teams per relay, limits, exclusions,
// the order by name), the answers carry the documented keys, and every bad or oversized request
// is refused naming its field. What the lineups are is tested once, in the library.
#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <set>

#include "server/server_process.h"

namespace baton {
namespace {

class MeetPredictionApi : public testing::ExampleServerTest {};

TEST_F(MeetPredictionApi, EachRelayIsAnsweredInRequestOrder) {
  const auto r = post("/api/meet-lineups", R"({"relays": [{"event": "4x100", "sex": "F"},
      {"event": "4x100", "sex": "M"}, {"event": "4x400", "sex": "F"},
      {"event": "4x400", "sex": "M"}], "max_relays_per_athlete": 1})");
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json doc = r.json();
  for (const char* key : {"relays", "optimal", "gap", "objective_s", "model", "time_limit_s"}) {
    EXPECT_TRUE(doc.contains(key)) << key;
  }
  EXPECT_EQ(doc["model"], "physics");
  EXPECT_EQ(doc["time_limit_s"], 10.0);
  const std::vector<std::string> labels = {"4x100/F", "4x100/M", "4x400/F", "4x400/M"};
  ASSERT_EQ(doc["relays"].size(), 4u);
  // With one relay each ("max_relays_per_athlete": 1), nobody runs twice.
  std::set<std::string> runners;
  double sum = 0;
  for (size_t i = 0; i < 4; ++i) {
    const auto& relay = doc["relays"][i];
    EXPECT_EQ(relay["event"], labels[i]);
    EXPECT_EQ(relay["team"], "A");
    sum += relay["team_time_s"].get<double>();
    const bool long_relay = i >= 2;
    EXPECT_EQ(relay["name"], long_relay ? "4x400 m relay" : "4x100 m relay");
    ASSERT_EQ(relay["legs"].size(), 4u);
    for (size_t l = 0; l < 4; ++l) {
      const auto& leg = relay["legs"][l];
      EXPECT_EQ(leg["leg"], l + 1);
      EXPECT_EQ(leg["athlete"], relay["order"][l]);
      EXPECT_EQ(leg["distance_m"], long_relay ? 400.0 : 100.0);
      EXPECT_TRUE(leg.contains("leg_s"));
      EXPECT_TRUE(runners.insert(leg["athlete"].get<std::string>()).second)
          << leg["athlete"] << " runs twice";
    }
  }
  EXPECT_NEAR(sum, doc["objective_s"].get<double>(), 1e-6);
}

TEST_F(MeetPredictionApi, TeamsPerRelayAndExclusionsReachTheSolver) {
  // Eight girls' 4x100 places without Ava: only seven have a 100 m mark, so the eighth leg is
  // an estimate, which the request must allow.
  const auto r = post("/api/meet-lineups", R"({"relays": [{"event": "4x100", "sex": "F"},
      {"event": "4x400", "sex": "F"}], "teams_per_relay": 2, "max_relays_per_athlete": 2,
      "max_events": 2, "exclude": ["ava brooks"], "allow_estimates": true})");
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json doc = r.json();
  ASSERT_EQ(doc["relays"].size(), 4u);
  EXPECT_EQ(doc["relays"][0]["team"], "A");
  EXPECT_EQ(doc["relays"][1]["team"], "B");
  std::map<std::string, int> relays_run;
  for (const auto& relay : doc["relays"]) {
    for (const auto& name : relay["order"]) {
      EXPECT_NE(name, "Ava Brooks");
      ++relays_run[name.get<std::string>()];
    }
  }
  for (const auto& [name, n] : relays_run) EXPECT_LE(n, 2) << name;
}

TEST_F(MeetPredictionApi, BadMeetRequestsAreRefused) {
  struct Case {
    const char* body;
    int status;
    const char* field;
  };
  const Case cases[] = {
      {R"({"relays": )", 400, "body"},
      {R"({})", 400, "relays"},
      {R"({"relays": "4x100"})", 400, "relays"},
      {R"({"relays": []})", 400, "relays"},
      {R"({"relays": ["4x100"]})", 400, "relays.0"},
      {R"({"relays": [{"sex": "F"}]})", 400, "relays.0.event"},
      {R"({"relays": [{"event": 4}]})", 400, "relays.0.event"},
      {R"({"relays": [{"event": "4x150"}]})", 404, "relays.0.event"},
      {R"({"relays": [{"event": "4x100", "sex": "X"}]})", 400, "relays.0.sex"},
      {R"({"relays": [{"event": "4x100", "lanes": 8}]})", 400, "relays.0.lanes"},
      {R"({"relays": [{"event": "4x100", "sex": "F"}, {"event": "4x100", "sex": "F"}]})", 400,
       "relays.1"},
      {R"({"relays": [{"event": "4x100"}], "teams_per_relay": 4})", 400, "teams_per_relay"},
      {R"({"relays": [{"event": "4x100"}], "teams_per_relay": 0})", 400, "teams_per_relay"},
      {R"({"relays": [{"event": "4x100"}], "teams_per_relay": "2"})", 400, "teams_per_relay"},
      {R"({"relays": [{"event": "4x100"}], "max_relays_per_athlete": -1})", 400,
       "max_relays_per_athlete"},
      {R"({"relays": [{"event": "4x100"}], "max_relays_per_athlete": 1.5})", 400,
       "max_relays_per_athlete"},
      {R"({"relays": [{"event": "4x100"}], "max_events": 21})", 400, "max_events"},
      {R"({"relays": [{"event": "4x100"}], "exclude": "Ava Brooks"})", 400, "exclude"},
      {R"({"relays": [{"event": "4x100"}], "exclude": ["Nobody Here"]})", 404, "exclude"},
      {R"({"relays": [{"event": "4x100"}], "time_limit_s": 60})", 400, "time_limit_s"},
      {R"({"relays": [{"event": "4x100"}], "allow_estimates": "yes"})", 400, "allow_estimates"},
      {R"({"relays": [{"event": "4x100", "sex": "F"}, {"event": "4x400", "sex": "F"}],
          "teams_per_relay": 2, "exclude": ["Ava Brooks"]})",
       400, "allow_estimates"},
      {R"({"relays": [{"event": "4x100", "sex": "F"}], "locks": {"4x100/F": 1}})", 400, "locks"},
      {R"({"relays": [{"event": "4x100", "sex": "F"}], "locks": [{"relay": "4x100/F",
          "leg": "2", "name": "Ava Brooks"}]})",
       400, "locks.0.leg"},
      {R"({"relays": [{"event": "4x100", "sex": "F"}], "locks": [{"relay": "4x100/F",
          "leg": 5, "name": "Ava Brooks"}]})",
       400, "locks.0.leg"},
      {R"({"relays": [{"event": "4x100", "sex": "F"}], "locks": [{"relay": "4x400/F",
          "leg": 1, "name": "Ava Brooks"}]})",
       400, "locks.0.relay"},
      {R"({"relays": [{"event": "4x100", "sex": "F"}], "locks": [{"relay": "4x100/F",
          "leg": 1, "name": "Ava Brookes"}]})",
       404, "locks.0.name"},
      {R"({"relays": [{"event": "4x100", "sex": "F"}], "locks": [{"relay": "4x100/F",
          "leg": 1}]})",
       400, "locks.0.name"},
      {R"({"relays": [{"event": "4x100", "sex": "F"}], "exclude_from": [{"relay": "4x100/F",
          "name": "Nobody Here"}]})",
       404, "exclude_from.0.name"},
      {R"({"relays": [{"event": "4x100", "sex": "F"}], "exclude_from": [{"relay": "4x100/F",
          "who": "Ava Brooks"}]})",
       400, "exclude_from.0.who"},
      {R"({"relays": [{"event": "4x100", "sex": "F"}], "conflicts": [["4x100/F"]]})", 400,
       "conflicts.0"},
      {R"({"relays": [{"event": "4x100", "sex": "F"}], "conflicts": [["4x100/F", "4x400/F"]]})",
       400, "conflicts.0"},
      {R"({"relays": [{"event": "4x100", "sex": "F"}], "weights": [{"relay": "4x400/F",
          "weight": 2}]})",
       400, "weights.0.relay"},
      {R"({"relays": [{"event": "4x100", "sex": "F"}], "weights": [{"relay": "4x100/F",
          "weight": -1}]})",
       400, "weights.0.weight"},
      {R"({"relays": [{"event": "4x100", "sex": "F"}], "weights": [{"relay": "4x100/F",
          "weight": "2"}]})",
       400, "weights.0.weight"},
      {R"({"relays": [{"event": "4x100", "sex": "F"}], "weights": {"4x100/F": 2}})", 400,
       "weights"},
  };
  for (const Case& c : cases) {
    const auto r = post("/api/meet-lineups", c.body);
    EXPECT_EQ(r.status, c.status) << c.body << " -> " << r.body;
    ASSERT_NO_THROW(r.json()) << r.body;
    EXPECT_EQ(r.json()["field"], c.field) << c.body << " -> " << r.body;
    EXPECT_TRUE(r.json()["error"].is_string());
  }
  // More relays than the roster can enter (each of the 11 single-sex relays for girls and
  // boys, the mixed 4x400 once: 23) are refused before the solver starts.
  nlohmann::json many_relays = {{"relays", nlohmann::json::array()}};
  for (int i = 0; i < 24; ++i) many_relays["relays"].push_back({{"event", "4x100"}});
  auto r = post("/api/meet-lineups", many_relays.dump());
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.json()["field"], "relays");
  // Sixty-five exclusions are more names than a request may carry.
  nlohmann::json many = {{"relays", {{{"event", "4x100"}}}}, {"exclude", nlohmann::json::array()}};
  for (int i = 0; i < 65; ++i) many["exclude"].push_back("Ava Brooks");
  r = post("/api/meet-lineups", many.dump());
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.json()["field"], "exclude");
  // More girls asked for than the roster has: the library names the constraint.
  r = post("/api/meet-lineups", R"({"relays": [{"event": "4x100", "sex": "F"},
      {"event": "4x400", "sex": "F"}], "teams_per_relay": 3, "max_relays_per_athlete": 1})");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_TRUE(r.json()["error"].is_string());
}

TEST_F(MeetPredictionApi, TenRelaysWithLocksExclusionsConflictsAndWhoRunsWhat) {
  // Five relays for girls and for boys; a lock, an exclusion from one relay and a conflict reach
  // the solver, and the answer says who runs what and gives every leg an alternate.
  nlohmann::json body = {{"relays", nlohmann::json::array()}};
  for (const char* event : {"4x100", "4x200", "4x400", "4x800", "4x1600"}) {
    for (const char* sex : {"F", "M"}) body["relays"].push_back({{"event", event}, {"sex", sex}});
  }
  body["locks"] = {{{"relay", "4x100/f"}, {"leg", 2}, {"name", "ava brooks"}}};
  body["exclude_from"] = {{{"relay", "4x400/M"}, {"name", "Marcus Reed"}}};
  body["conflicts"] = nlohmann::json::parse(R"([["4x100/M", "4x400/M"]])");
  const auto r = post("/api/meet-lineups", body.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json doc = r.json();
  ASSERT_EQ(doc["relays"].size(), 10u);
  EXPECT_EQ(doc["relays"][0]["order"][1], "Ava Brooks");
  EXPECT_EQ(doc["relays"][0]["legs"][1]["locked"], true);
  std::set<std::string> short_relay;
  for (const auto& name : doc["relays"][1]["order"]) short_relay.insert(name.get<std::string>());
  for (const auto& name : doc["relays"][5]["order"]) {
    EXPECT_NE(name, "Marcus Reed");
    EXPECT_EQ(short_relay.count(name.get<std::string>()), 0u) << name << " in both";
  }
  EXPECT_EQ(doc["conflicts"].dump(), R"([["4x100/M","4x400/M"]])");
  EXPECT_EQ(doc["objective"], "time");
  EXPECT_EQ(doc["weights"]["4x1600/M"], 1.0);
  ASSERT_EQ(doc["athletes"].size(), 24u);
  int legs = 0;
  for (const auto& a : doc["athletes"]) {
    for (const char* key : {"name", "sex", "relays", "entries", "relay_count", "event_count"}) {
      EXPECT_TRUE(a.contains(key)) << key;
    }
    legs += static_cast<int>(a["relays"].size());
  }
  EXPECT_EQ(legs, 40);
  for (const auto& relay : doc["relays"]) EXPECT_EQ(relay["alternates"].size(), 4u);
}

TEST_F(MeetPredictionApi, WeightsReachTheSolverAndTheAnswerNamesTheObjective) {
  const auto r = post("/api/meet-lineups", R"({"relays": [{"event": "4x100", "sex": "F"},
      {"event": "4x400", "sex": "F"}], "max_relays_per_athlete": 1,
      "weights": [{"relay": "4x400/f", "weight": 0.5}]})");
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json doc = r.json();
  EXPECT_EQ(doc["objective"], "weighted time");
  EXPECT_EQ(doc["weights"]["4x100/F"], 1.0);
  EXPECT_EQ(doc["weights"]["4x400/F"], 0.5);
  EXPECT_NEAR(doc["objective_s"].get<double>(),
              doc["relays"][0]["team_time_s"].get<double>() +
                  0.5 * doc["relays"][1]["team_time_s"].get<double>(),
              1e-6);
}

TEST_F(MeetPredictionApi, ExpectedPointsFromAMeetFileAreTheCommandLines) {
  // The page sends the meet file's text; the answer is the one `baton lineup --objective points
  // --meet FILE` gives on the same roster: the same orders and the same expected points (same
  // races per sampled team time and seed), so a coach sees one set of numbers.
  const std::string meet = testing::source_path("examples/meet-county-relays.toml");
  nlohmann::json body = nlohmann::json::parse(R"({"relays": [{"event": "4x100", "sex": "F"},
      {"event": "4x400", "sex": "F"}], "max_relays_per_athlete": 1, "objective": "points",
      "runs": 2000, "seed": 7})");
  body["meet_file"] = testing::read_file(meet);
  const auto r = post("/api/meet-lineups", body.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json doc = r.json();
  EXPECT_EQ(doc["objective"], "expected points");
  EXPECT_EQ(doc["runs"], 2000);
  EXPECT_EQ(doc["seed"], 7);
  const nlohmann::json want =
      cli({"lineup", "--events", "4x100/F,4x400/F", "--max-relays-per-athlete", "1", "--objective",
           "points", "--meet", meet, "--runs", "2000", "--seed", "7"});
  ASSERT_EQ(doc["relays"].size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(doc["relays"][i]["order"], want["relays"][i]["order"]);
    EXPECT_EQ(doc["relays"][i]["expected_points"], want["relays"][i]["expected_points"]);
  }
  EXPECT_EQ(doc["expected_points"], want["expected_points"]);
  EXPECT_EQ(doc["optimal"], want["optimal"]);
  // Between 0 and the winner's 10 points per relay, and the relays' points add up.
  const double total = doc["relays"][0]["expected_points"].get<double>() +
                       doc["relays"][1]["expected_points"].get<double>();
  EXPECT_NEAR(doc["expected_points"].get<double>(), total, 1e-9);
  EXPECT_GT(total, 0.0);
  EXPECT_LT(total, 20.0);
}

TEST_F(MeetPredictionApi, BadPointsRequestsNameTheField) {
  struct Case {
    std::string body;
    std::string field;
  };
  const std::string relays = R"("relays": [{"event": "4x100", "sex": "F"}])";
  const std::vector<Case> cases = {
      {"{" + relays + R"(, "objective": "points"})", "meet_file"},
      {"{" + relays + R"(, "objective": "points", "meet_file": 3})", "meet_file"},
      {"{" + relays + R"(, "objective": "fastest"})", "objective"},
      {"{" + relays + R"(, "meet_file": "rules = \"nfhs\""})", "meet_file"},
      {"{" + relays + R"(, "runs": 5000})", "runs"},
      {"{" + relays + R"(, "objective": "points", "meet_file": "x", "runs": 10})", "runs"},
      // A file that is not TOML is refused naming its line.
      {"{" + relays + R"(, "objective": "points", "meet_file": "[[relay]]\nevent = "})",
       "meet_file"},
      // A relay the file does not hold.
      {"{" + relays + R"(, "objective": "points", "meet_file": "[[relay]]\nevent = \"4x400\"\n)" +
           R"(sex = \"F\"\n[[relay.team]]\nname = \"A\"\nseed = \"4:00.00\"\n"})",
       "meet_file"},
  };
  for (const Case& c : cases) {
    const auto r = post("/api/meet-lineups", c.body);
    EXPECT_EQ(r.status, 400) << c.body << " -> " << r.body;
    ASSERT_NO_THROW(r.json()) << r.body;
    EXPECT_EQ(r.json()["field"], c.field) << c.body << " -> " << r.body;
  }
  // The file's own line comes back with the error.
  const auto r = post("/api/meet-lineups", "{" + relays +
                                               R"(, "objective": "points", "meet_file": )"
                                               R"("rules = \"nfhs\"\n[[relay]]\nevent = 4"})");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.json()["line"], 3) << r.body;
}

TEST_F(MeetPredictionApi, MoreThanSixtyFourAthletesAreRefusedUnlessSomeAreLeftOut) {
  std::string csv = "name,sex,100m\n";
  for (int i = 0; i < 41; ++i)
    csv += "Runner " + std::to_string(i) + ",M,12." + std::to_string(10 + i) + "\n";
  auto r = server.request("POST", "/api/import?format=csv", csv, "text/plain");
  ASSERT_EQ(r.status, 200) << r.body;  // 24 + 41 = 65 athletes
  r = post("/api/meet-lineups", R"({"relays": [{"event": "4x100", "sex": "F"}]})");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.json()["field"], "exclude") << r.body;
  r = post("/api/meet-lineups",
           R"({"relays": [{"event": "4x100", "sex": "F"}], "exclude": ["Runner 40"]})");
  EXPECT_EQ(r.status, 200) << r.body;
}

TEST_F(MeetPredictionApi, APredictionFollowsTheOrderAsTheRosterSpellsIt) {
  const nlohmann::json best = post("/api/lineups", R"({"event": "4x100", "sex": "F"})").json();
  for (const bool swapped : {false, true}) {
    nlohmann::json order = best["order"];
    if (swapped) std::swap(order[1], order[2]);
    nlohmann::json sent = order;
    std::string lower = sent[0];
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    sent[0] = lower;
    const auto r =
        post("/api/predictions", nlohmann::json({{"event", "4x100"}, {"order", sent}}).dump());
    ASSERT_EQ(r.status, 200) << r.body;
    const nlohmann::json doc = r.json();
    EXPECT_EQ(doc["event"], "4x100");
    EXPECT_EQ(doc["name"], "4x100 m relay");
    ASSERT_EQ(doc["legs"].size(), 4u);
    for (size_t l = 0; l < 4; ++l) {
      EXPECT_EQ(doc["legs"][l]["leg"], l + 1);
      EXPECT_EQ(doc["legs"][l]["athlete"], order[l]);
      for (const char* key : {"distance_m", "split_s"}) {
        EXPECT_TRUE(doc["legs"][l].contains(key)) << key;
      }
    }
    if (!swapped) {
      // Without a practice log the lineup's time is the prediction of its order, exactly.
      EXPECT_EQ(best["practice_s"], 0.0);
      EXPECT_DOUBLE_EQ(doc["team_time_s"].get<double>(), best["team_time_s"].get<double>());
    } else {
      EXPECT_GT(doc["team_time_s"].get<double>(), best["team_time_s"].get<double>());
    }
  }
}

TEST_F(MeetPredictionApi, BadPredictionRequestsAreRefusedNamingTheField) {
  const nlohmann::json girls = post("/api/lineups", R"({"event": "4x100", "sex": "F"})").json();
  const nlohmann::json boys = post("/api/lineups", R"({"event": "4x100", "sex": "M"})").json();
  nlohmann::json twice = girls["order"];
  twice[3] = twice[0];
  nlohmann::json mixed = girls["order"];
  mixed[2] = boys["order"][0];
  struct Case {
    std::string body;
    int status;
    const char* field;
  };
  const Case cases[] = {
      {R"({"event": "4x100", "order": )", 400, "body"},
      {R"({"order": ["Ava Brooks"]})", 400, "event"},
      {R"({"event": "4x100"})", 400, "order"},
      {R"({"event": 100, "order": []})", 400, "event"},
      {R"({"event": "4x100", "order": "Ava Brooks"})", 400, "order"},
      {R"({"event": "4x100", "order": ["Ava Brooks", 2, "Zoe Carter", "Lily Nguyen"]})", 400,
       "order.1"},
      {R"({"event": "4x100", "order": [], "sex": "F"})", 400, "sex"},
      {R"({"event": "4x150", "order": []})", 404, "event"},
      {R"({"event": "4x100", "order": ["Ava Brooks", "Maya Johnson", "Zoe Carter"]})", 400,
       "order"},
      {R"({"event": "4x100", "order": ["Ava Brooks", "Nobody Here", "Zoe Carter", "Lily Nguyen"]})",
       404, "order.1"},
      {nlohmann::json({{"event", "4x100"}, {"order", twice}}).dump(), 400, "order.3"},
      {nlohmann::json({{"event", "4x100"}, {"order", mixed}}).dump(), 400, "order"},
      // Zoe Carter's longest mark is 200 m: too short to predict an 800 m leg.
      {R"({"event": "4x800", "order": ["Grace Kim", "Zoe Carter", "Sofia Romero", "Ella Thompson"]})",
       400, "order"},
  };
  for (const Case& c : cases) {
    const auto r = post("/api/predictions", c.body);
    EXPECT_EQ(r.status, c.status) << c.body << " -> " << r.body;
    ASSERT_NO_THROW(r.json()) << r.body;
    EXPECT_EQ(r.json()["field"], c.field) << c.body << " -> " << r.body;
    EXPECT_TRUE(r.json()["error"].is_string());
  }
  // 65 names: more than a request may carry.
  nlohmann::json long_order = {{"event", "4x100"}, {"order", nlohmann::json::array()}};
  for (int i = 0; i < 65; ++i) long_order["order"].push_back("Ava Brooks");
  const auto r = post("/api/predictions", long_order.dump());
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.json()["field"], "order");
}

}  // namespace
}  // namespace baton
