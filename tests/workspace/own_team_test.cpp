// Own teams in a meet: the field gets the fastest lineup's predicted splits and planned passes.
#include <gtest/gtest.h>

#include "baton/leg_prediction.h"
#include "baton/meet.h"
#include "baton/meet_field.h"
#include "baton/relay_plan.h"
#include "baton/team_file.h"
#include "support/run_cli.h"

namespace baton {
namespace {

using testing::source_path;
using testing::TempDir;

TEST(OwnTeam, TheExampleMeetSimulatesRiversidesFastestGirlsLineup) {
  const Meet meet = load_meet(source_path("examples/meet-girls-4x100.toml"));
  const std::vector<SimTeam> field = meet_field(meet, SimulationOptions{});
  ASSERT_EQ(field.size(), 8u);
  const SimTeam& own = field[0];
  EXPECT_EQ(own.name, "Riverside HS");
  ASSERT_EQ(own.legs.size(), 4u);
  ASSERT_EQ(own.exchanges.size(), 3u);
  EXPECT_TRUE(field[1].seed_only());

  // The same four girls as `baton lineup --sex F`, their planned splits and go-marks.
  const Team team = load_team(source_path("examples/riverside.toml"));
  const std::vector<std::string> order = {"Zoe Carter", "Lily Nguyen", "Ava Brooks",
                                          "Maya Johnson"};
  const RelayPlan plan = build_relay_plan(team, meet.event, order);
  double total = 0.0;
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_NEAR(own.legs[i].split_mean_s, plan.legs[i].split_s, 1e-9) << "leg " << i + 1;
    total += own.legs[i].split_mean_s;
  }
  EXPECT_NEAR(total, plan.team_time_s, 1e-9);
  for (size_t k = 0; k < 3; ++k) {
    EXPECT_TRUE(own.exchanges[k].blind);
    EXPECT_NEAR(own.exchanges[k].handoff.go_mark_m, plan.exchanges[k].plan.go_mark_m, 1e-9);
    EXPECT_EQ(own.exchanges[k].handoff.zone_length_m, 30.0);
    // The planned pass is what the simulated team runs when nothing varies.
    EXPECT_NEAR(solve_handoff(own.exchanges[k].handoff).baton_position_m,
                plan.exchanges[k].plan.baton_position_m, 1e-6);
  }
}

TEST(OwnTeam, ErrorsPointAtTheMeetEntry) {
  TempDir dir;
  const std::string team = source_path("examples/riverside.toml");
  // Both squads on the team and no sex given.
  std::string path = dir.write("m.toml", "event = \"4x100\"\n\n[[team]]\nfile = \"" + team +
                                             "\"\n\n[[team]]\nname = \"X\"\nseed = \"48.0\"\n");
  try {
    meet_field(load_meet(path), SimulationOptions{});
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().file, path);
    EXPECT_EQ(e.where().line, 3);
    EXPECT_EQ(e.where().field, "sex");
  }
  // A boy in the girls' order.
  path = dir.write("m2.toml", "event = \"4x100\"\n\n[[team]]\nfile = \"" + team +
                                  "\"\norder = [\"Ava Brooks\", \"Marcus Reed\", \"Zoe Carter\", "
                                  "\"Maya Johnson\"]\n");
  try {
    meet_field(load_meet(path), SimulationOptions{});
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().file, path);
    EXPECT_EQ(e.where().line, 3);
  }
}

TEST(OwnTeam, SimulatingTheExampleIsReproducibleAcrossThreads) {
  const std::string meet = source_path("examples/meet-girls-4x100.toml");
  const auto one = testing::run_cli(
      {"simulate", "--meet", meet, "--runs", "30000", "--seed", "9", "--threads", "1", "--json"});
  const auto two = testing::run_cli(
      {"simulate", "--meet", meet, "--runs", "30000", "--seed", "9", "--threads", "2", "--json"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out, two.out);
  const auto riverside = one.json()["teams"][0];
  EXPECT_EQ(riverside["team"], "Riverside HS");
  EXPECT_GT(riverside["p_dq"].get<double>(), 0.0);
  EXPECT_LT(riverside["p_dq"].get<double>(), 0.5);
  EXPECT_GT(riverside["p_win"].get<double>(), 0.0);
}

}  // namespace
}  // namespace baton
