// Own teams in a meet: the field gets the fastest lineup's predicted splits and planned passes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "baton/leg_prediction.h"
#include "baton/meet.h"
#include "baton/meet_field.h"
#include "baton/relay_plan.h"
#include "baton/simulation.h"
#include "baton/team_file.h"
#include "support/handoff_pairs.h"
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

  // The fastest girls' lineup, by brute force over every order of four of the roster's girls
  // (the predicted team time of each order from the leg and exchange cost tables): the own
  // team's splits add up to the best team time found.
  const Team team = load_team(source_path("examples/riverside.toml"));
  const RelayCosts costs = relay_costs(team, meet.event);
  std::vector<int> girls;
  for (size_t a = 0; a < team.athletes.size(); ++a) {
    if (team.athletes[a].sex == Sex::female) girls.push_back(static_cast<int>(a));
  }
  double fastest = 1e9;
  for (int i : girls) {
    for (int j : girls) {
      for (int k : girls) {
        for (int l : girls) {
          if (i == j || i == k || i == l || j == k || j == l || k == l) continue;
          const std::vector<int> order = {i, j, k, l};
          fastest = std::min(fastest, costs.team_time_s(order));
        }
      }
    }
  }
  double total = 0.0;
  for (const SimLeg& leg : own.legs) total += leg.split_mean_s;
  EXPECT_NEAR(total, fastest, 1e-9);
  for (size_t k = 0; k < 3; ++k) {
    EXPECT_TRUE(own.exchanges[k].blind);
    EXPECT_EQ(own.exchanges[k].handoff.zone_length_m, 30.0);  // NFHS 4x100: 30 m zones
    // The planned pass, worked out from the kinematics by hand, is legal.
    const testing::PassByHand pass = testing::pass_by_hand(own.exchanges[k].handoff);
    EXPECT_TRUE(pass.legal) << "exchange " << k + 1;
    EXPECT_NEAR(solve_handoff(own.exchanges[k].handoff).baton_position_m, pass.baton_m, 1e-3);
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
  const auto doc = one.json();
  EXPECT_EQ(doc["teams"][0]["team"], "Riverside HS");
  // The same numbers as the library's own simulation of the meet with that seed.
  const Meet m = load_meet(meet);
  SimulationOptions o;
  o.runs = 30000;
  o.seed = 9;
  o.threads = 1;
  if (!m.scoring.empty()) o.scoring = m.scoring;
  const SimulationResult r = simulate_race(meet_field(m, o), m.rules, o);
  ASSERT_EQ(doc["teams"].size(), r.teams.size());
  double p_win = 0.0;
  for (size_t t = 0; t < r.teams.size(); ++t) {
    EXPECT_EQ(doc["teams"][t]["p_dq"].get<double>(), r.teams[t].p_dq) << t;
    EXPECT_EQ(doc["teams"][t]["p_win"].get<double>(), r.teams[t].p_win) << t;
    p_win += r.teams[t].p_win;
  }
  // Every race has one winner unless all eight teams fail (far below 1e-6 here).
  EXPECT_NEAR(p_win, 1.0, 1e-6);
  // The seven seed-only opponents fail at their configured rate: three blind passes, each
  // failing with probability f, so 1 - (1 - f)^3 per race; 7 x 30000 races give a standard
  // error of sqrt(p (1 - p) / 210000), and the pooled rate lies within 4.5 of them.
  const double f = o.seed_fail_per_blind_exchange;
  const double p = 1.0 - (1.0 - f) * (1.0 - f) * (1.0 - f);
  double pooled = 0.0;
  for (size_t t = 1; t < r.teams.size(); ++t) pooled += r.teams[t].p_dq / 7.0;
  EXPECT_NEAR(pooled, p, 4.5 * std::sqrt(p * (1.0 - p) / 210000.0));
}

}  // namespace
}  // namespace baton
