#include <gtest/gtest.h>

#include "baton/leg_prediction.h"
#include "baton/team_file.h"
#include "support/run_cli.h"

namespace baton {
namespace {

using testing::run_cli;
using testing::TempDir;

// A fixture team (not the examples): four men with 100 m and 400 m marks, two women.
const char* kTeam = R"(name = "Fixture AC"
rules = "ncaa"
[[athlete]]
name = "Al Able"
sex = "M"
bests = { "100m" = "10.45", "200m" = "21.10", "400m" = "47.20" }
[[athlete]]
name = "Bo Baker"
sex = "M"
bests = { "100m" = "10.60", "400m" = "47.90" }
[[athlete]]
name = "Cy Cole"
sex = "M"
bests = { "100m" = "10.52", "200m" = "21.30" }
[[athlete]]
name = "Di Dunn"
sex = "M"
bests = { "100m" = "10.38", "200m" = "20.95", "400m" = "46.80" }
[[athlete]]
name = "Eve Ennis"
sex = "F"
bests = { "100m" = "11.80", "400m" = "54.90" }
[[athlete]]
name = "Fay Ford"
sex = "F"
bests = { "400m" = "55.60", "800m" = "2:08.5" }
)";

TEST(PredictCli, JsonContractAndSplitsAddUp) {
  TempDir dir;
  const std::string team = dir.write("team.toml", kTeam);
  const auto r = run_cli({"predict", "--team", team, "--event", "4x100", "--order",
                          "Al Able,Bo Baker,Cy Cole,Di Dunn", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  EXPECT_EQ(j["event"], "4x100");
  ASSERT_EQ(j["legs"].size(), 4u);
  double sum = 0.0;
  for (const auto& l : j["legs"]) {
    EXPECT_TRUE(l.contains("leg") && l.contains("athlete") && l.contains("distance_m"));
    sum += l["split_s"].get<double>();
  }
  EXPECT_NEAR(sum, j["team_time_s"].get<double>(), 1e-9);
  EXPECT_EQ(j["legs"][3]["athlete"], "Di Dunn");
  // 2.0-3.0 s faster than the sum of the 100 m bests (41.95).
  EXPECT_GT(41.95 - j["team_time_s"].get<double>(), 2.0);
  EXPECT_LT(41.95 - j["team_time_s"].get<double>(), 3.0);
}

TEST(PredictCli, HumanTableShowsSplitsWithUnits) {
  TempDir dir;
  const std::string team = dir.write("team.toml", kTeam);
  const auto r = run_cli({"predict", "--team", team, "--event", "4x400", "--order",
                          "Al Able,Bo Baker,Cy Cole,Di Dunn"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("team time 3:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" s "), std::string::npos);
  // Cy Cole has no 400 m mark: his leg is estimated and the output says so.
  EXPECT_NE(r.out.find("Cy Cole *"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("estimated"), std::string::npos);
}

// A team without a level is predicted at the level its marks suggest, and every team time says
// so; a team file that sets the level does not.
TEST(PredictCli, AnInferredLevelIsSaid) {
  TempDir dir;
  const std::string inferred = dir.write("team.toml", kTeam);
  const std::string set =
      dir.write("set.toml", std::string(kTeam).replace(0, 0, "level = \"college\"\n"));
  const std::vector<std::string> order = {"--event", "4x100", "--order",
                                          "Al Able,Bo Baker,Cy Cole,Di Dunn"};
  for (const std::string& command : {"predict", "plan", "lineup"}) {
    std::vector<std::string> args = {command, "--team", inferred};
    if (command == "lineup") {
      args.insert(args.end(), {"--event", "4x100", "--sex", "M"});
    } else {
      args.insert(args.end(), order.begin(), order.end());
    }
    auto r = run_cli(args);
    ASSERT_EQ(r.exit_code, 0) << command << ": " << r.err;
    // The fixture men run 10.3-10.7 s: college marks, inferred as such.
    EXPECT_NE(r.out.find("8 races in 10 at college level (inferred from the marks; set the "
                         "team's level to be sure): "),
              std::string::npos)
        << command << ": " << r.out;
    args.push_back("--json");
    r = run_cli(args);
    ASSERT_EQ(r.exit_code, 0) << command << ": " << r.err;
    EXPECT_EQ(r.json()["level"], "college") << command;
    EXPECT_EQ(r.json()["level_inferred"], true) << command;

    args[2] = set;
    r = run_cli(args);
    ASSERT_EQ(r.exit_code, 0) << command << ": " << r.err;
    EXPECT_EQ(r.json()["level_inferred"], false) << command;
    args.pop_back();
    r = run_cli(args);
    EXPECT_EQ(r.out.find("inferred"), std::string::npos) << command << ": " << r.out;
    EXPECT_NE(r.out.find("8 races in 10 at college level: "), std::string::npos) << r.out;
  }
}

TEST(PredictCli, Errors) {
  TempDir dir;
  const std::string team = dir.write("team.toml", kTeam);
  auto fails = [&](std::vector<std::string> args, const std::string& needle) {
    std::vector<std::string> all = {"predict", "--team", team};
    all.insert(all.end(), args.begin(), args.end());
    const auto r = run_cli(all);
    EXPECT_NE(r.exit_code, 0) << needle;
    EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
  };
  fails({"--event", "4x100", "--order", "Al Able,Bo Bakr,Cy Cole,Di Dunn"}, "Bo Baker");
  fails({"--event", "4x100", "--order", "Al Able,Bo Baker,Cy Cole"}, "4 legs");
  fails({"--event", "4x100", "--order", "Al Able,Bo Baker,Cy Cole,Eve Ennis"}, "single-sex");
  fails({"--event", "mixed-4x400", "--order", "Al Able,Bo Baker,Cy Cole,Eve Ennis"}, "2 men");
  fails({"--event", "4x800", "--order", "Al Able,Bo Baker,Cy Cole,Di Dunn"}, "Cy Cole");
  fails({"--event", "4x999", "--order", "Al Able,Bo Baker,Cy Cole,Di Dunn"}, "unknown event");
}

TEST(PredictCli, MixedRelayTwoPlusTwo) {
  TempDir dir;
  const std::string team = dir.write("team.toml", kTeam);
  const std::vector<std::string> order = {"Al Able", "Eve Ennis", "Di Dunn", "Fay Ford"};
  const auto r = run_cli({"predict", "--team", team, "--event", "mixed-4x400", "--order",
                          "Al Able,Eve Ennis,Di Dunn,Fay Ford", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = r.json();
  EXPECT_EQ(doc["event"], "mixed-4x400");
  ASSERT_EQ(doc["legs"].size(), 4u);
  double sum = 0.0;
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(doc["legs"][i]["athlete"], order[i]);
    EXPECT_EQ(doc["legs"][i]["leg"], static_cast<int>(i + 1));
    EXPECT_EQ(doc["legs"][i]["distance_m"], 400.0);
    sum += doc["legs"][i]["split_s"].get<double>();
  }
  const double time = doc["team_time_s"].get<double>();
  EXPECT_NEAR(time, sum, 1e-9);
  // Open 400 m marks 47.20 + 54.90 + 46.80 + 55.60 = 204.50 s. Leg 1 runs from blocks like the
  // open race (its mark already holds the reaction; the baton and the lane cost a little), the
  // other three from a rolling start worth 0.2-0.7 s each (docs/HANDOFFS.md):
  // 204.50 - 3 x 0.7 - 0.2 = 202.2 s to 204.50 - 3 x 0.2 + 0.2 = 204.1 s.
  EXPECT_GT(time, 202.2);
  EXPECT_LT(time, 204.1);
  // The CLI only translates: the library's prediction of the same order, to the last digit.
  const Team t = load_team(team);
  const RelayPrediction p = predict_relay(t, find_event("mixed-4x400", t.rules), order);
  EXPECT_NEAR(time, p.team_time_s, 1e-9);
}

}  // namespace
}  // namespace baton
