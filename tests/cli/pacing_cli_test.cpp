// baton pacing: the JSON contract and the human table.
#include <gtest/gtest.h>

#include <cmath>

#include "support/run_cli.h"

namespace baton {
namespace {

using testing::run_cli;
using testing::source_path;

const char* kDmr = "Ruby Patel,Chloe Adams,Grace Kim,Sofia Romero";

TEST(PacingCli, JsonHasEveryLegWithStartsAndTargets) {
  const auto r = run_cli({"--json", "pacing", "--team", source_path("examples/riverside.toml"),
                          "--event", "dmr", "--order", kDmr});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  EXPECT_EQ(j["event"], "dmr");
  ASSERT_EQ(j["legs"].size(), 4u);
  double start = 0.0, along_legs = 0.0;
  for (const auto& leg : j["legs"]) {
    for (const char* key : {"leg", "athlete", "distance_m", "split_s", "start_after_gun_s",
                            "start_after_gun_sd_s", "pacing"}) {
      EXPECT_TRUE(leg.contains(key)) << key;
    }
    EXPECT_NEAR(leg["start_after_gun_s"].get<double>(), start, 1e-6);
    start += leg["split_s"].get<double>();
    const auto& last = leg["pacing"].back();
    EXPECT_NEAR(last["at_m"].get<double>(), leg["distance_m"].get<double>(), 1e-9);
    along_legs += last["time_s"].get<double>();
  }
  EXPECT_NEAR(start, j["team_time_s"].get<double>(), 1e-6);
  // Pace points run from the leg's start line: scratch line to scratch line they add up too.
  EXPECT_NEAR(along_legs, j["team_time_s"].get<double>(), 0.011);
  // The 1600 m leg: 200 m splits, even laps after the first.
  const auto& mile = j["legs"][3]["pacing"];
  ASSERT_EQ(mile.size(), 8u);
  const double lap2 = mile[3]["time_s"].get<double>() - mile[1]["time_s"].get<double>();
  const double lap4 = mile[7]["time_s"].get<double>() - mile[5]["time_s"].get<double>();
  EXPECT_NEAR(lap2, lap4, 1e-9);
}

TEST(PacingCli, PlanJsonCarriesPacingAndStartsOnEveryLeg) {
  const std::vector<std::string> common = {
      "--team", source_path("examples/riverside.toml"), "--event", "dmr", "--order", kDmr};
  std::vector<std::string> plan_args = {"--json", "plan"}, pacing_args = {"--json", "pacing"};
  plan_args.insert(plan_args.end(), common.begin(), common.end());
  pacing_args.insert(pacing_args.end(), common.begin(), common.end());
  const auto plan = run_cli(plan_args);
  const auto pacing = run_cli(pacing_args);
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  ASSERT_EQ(pacing.exit_code, 0) << pacing.err;
  const auto p = plan.json(), q = pacing.json();
  ASSERT_EQ(p["legs"].size(), 4u);
  for (size_t l = 0; l < 4; ++l) {
    // The planner's keys stay; pacing and the start are added.
    EXPECT_TRUE(p["legs"][l].contains("carry_hand"));
    EXPECT_EQ(p["legs"][l]["pacing"], q["legs"][l]["pacing"]);
    EXPECT_EQ(p["legs"][l]["start_after_gun_s"], q["legs"][l]["start_after_gun_s"]);
    EXPECT_NEAR(p["legs"][l]["split_s"].get<double>(), q["legs"][l]["split_s"].get<double>(), 1e-9);
  }
}

TEST(PacingCli, TableNamesRunnersAndTargets) {
  const auto r = run_cli({"pacing", "--team", source_path("examples/riverside.toml"), "--event",
                          "4x100", "--order", "Maya Johnson,Ava Brooks,Zoe Carter,Lily Nguyen"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("all-out"), std::string::npos);
  EXPECT_NE(r.out.find("50 m "), std::string::npos);
  EXPECT_NE(r.out.find("after the gun"), std::string::npos);
  EXPECT_NE(r.out.find("Lily Nguyen"), std::string::npos);
}

// Zoe Carter has no 400 m mark: her 4x400 leg is an estimate, flagged in the pacing JSON and
// table and on her relay card; Maya Johnson's rests on her own 400 m.
TEST(PacingCli, EstimatedLegsAreFlaggedInPacingAndOnTheCards) {
  const std::string team = source_path("examples/riverside.toml");
  const char* order = "Maya Johnson,Ava Brooks,Lily Nguyen,Zoe Carter";
  const auto r =
      run_cli({"--json", "pacing", "--team", team, "--event", "4x400", "--order", order});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  EXPECT_FALSE(j["legs"][0]["estimated"].get<bool>());
  EXPECT_TRUE(j["legs"][3]["estimated"].get<bool>());
  const auto text = run_cli({"pacing", "--team", team, "--event", "4x400", "--order", order});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("* from a mark estimated at another distance"), std::string::npos)
      << text.out;
  testing::TempDir dir;
  const std::string html = dir.file("cards.html");
  const auto cards =
      run_cli({"cards", "--team", team, "--event", "4x400", "--order", order, "--html", html});
  ASSERT_EQ(cards.exit_code, 0) << cards.err;
  const std::string page = testing::read_file(html);
  const size_t zoe = page.find("<h2>Zoe Carter</h2>");
  ASSERT_NE(zoe, std::string::npos);
  EXPECT_NE(page.find("(estimate: no mark of yours at this distance)", zoe), std::string::npos);
  EXPECT_EQ(page.find("(estimate:"), page.find("(estimate:", zoe)) << "only Zoe's split";
}

TEST(PacingCli, UnknownRunnerIsAnError) {
  const auto r = run_cli({"pacing", "--team", source_path("examples/riverside.toml"), "--event",
                          "4x100", "--order", "Maya Johnson,Ava Brooks,Zoe Carter,Nobody"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("Nobody"), std::string::npos);
  EXPECT_TRUE(r.out.empty());
}

}  // namespace
}  // namespace baton
