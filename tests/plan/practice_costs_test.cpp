// Practice records priced into lineup pair costs.
#include "baton/practice_costs.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "baton/calibration.h"
#include "baton/go_mark.h"
#include "baton/leg_prediction.h"
#include "baton/lineup.h"
#include "baton/team_file.h"
#include "support/run_cli.h"

namespace baton {
namespace {

using testing::source_path;

TEST(PracticeCosts, FumbleTermIsHandDerived) {
  const HandoffParams none;
  // No drills: nothing. 10 drills, 5 clean: 0.5 s x ((2 + 5) / 30 - 0.1) = 0.0667 s.
  EXPECT_EQ(practice_cost_s({}, none, true, 40.0), 0.0);
  EXPECT_NEAR(practice_cost_s(PairRecord::of_passes(10, 5, -1.0), none, true, 40.0),
              0.5 * (7.0 / 30.0 - 0.1), 1e-12);
  // 80 clean drills: a bonus of 0.5 x (0.02 - 0.1) = -0.04 s.
  EXPECT_NEAR(practice_cost_s(PairRecord::of_passes(80, 80, -1.0), none, false, 40.0), -0.04,
              1e-12);
  PracticeCostOptions bad;
  bad.exchange.practice_prior_fail_rate = 0.0;
  EXPECT_THROW(practice_cost_s({}, none, true, 40.0, bad), ValidationError);
}

TEST(PracticeCosts, APairNeedsTwoRunners) {
  const Team team = load_team(source_path("examples/riverside.toml"));
  const Event relay = find_event("4x100", team.rules);
  try {
    planned_pair_target(team, relay, 0, "Ava Brooks", "ava brooks");
    ADD_FAILURE() << "the same runner at both ends was accepted";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().field, "to");
  }
}

TEST(PracticeCosts, AnErraticPairPaysForTheMarkItMustShorten) {
  const Team team = load_team(source_path("examples/riverside.toml"));
  const Event relay = find_event("4x100", team.rules);
  const PairTarget t = planned_pair_target(team, relay, 0, "Ava Brooks", "Maya Johnson");
  const PairRecord steady = PairRecord::of_passes(30, 30, 0.1);
  // 28 clean passes of 30, scattered: the two that went wrong show a pair that can fail.
  const PairRecord erratic = PairRecord::of_passes(30, 28, 1.5);
  const double fumble = 0.5 * (practice_fail_rate(steady, 0.1, 20.0) - 0.1);
  const double erratic_fumble = 0.5 * (practice_fail_rate(erratic, 0.1, 20.0) - 0.1);
  // Steadier than the default spread: the go-mark can be bolder, the baton gets through faster.
  EXPECT_LT(practice_cost_s(steady, t.nominal, true, 46.0), fumble);
  // Much less steady: the expected baton time under their spread, best mark re-chosen, is worse.
  GoMarkOptions wide;
  wide.exchange.failure_cost_s = 46.0;
  const double scale =
      practice_spread_scale(erratic, t.nominal.incoming_speed_mps, wide.exchange.reaction_sd_s,
                            wide.exchange.mark_sd_m, 20.0);
  const double base = best_go_mark(t.nominal, wide).best.expected_time_s;
  wide.exchange.reaction_sd_s *= scale;
  wide.exchange.mark_sd_m *= scale;
  const double widened = best_go_mark(t.nominal, wide).best.expected_time_s;
  // (The scatter counts over clean passes: 28 of them here, so the scale is recomputed.)
  EXPECT_NEAR(practice_cost_s(erratic, t.nominal, true, 46.0), erratic_fumble + widened - base,
              1e-9);
  EXPECT_GT(widened, base);
  // The same scatter with every pass clean costs nothing for the scatter: clean passes are
  // legal passes, and honest clean drills never make a pair look worse than no drills.
  const PairRecord clean_but_scattered = PairRecord::of_passes(30, 30, 1.5);
  EXPECT_NEAR(practice_cost_s(clean_but_scattered, t.nominal, true, 46.0), fumble, 1e-12);
  EXPECT_LE(practice_cost_s(clean_but_scattered, t.nominal, true, 46.0), 0.0);
}

TEST(PracticeCosts, ADrilledPairCanWinTheLineupAndTheOptimiserStaysExact) {
  const Team team = load_team(source_path("examples/riverside.toml"));
  const Event relay = find_event("4x100", team.rules);
  RelayCosts costs = relay_costs(team, relay);
  LineupRequest req;
  for (const Athlete& a : team.athletes) {
    req.sexes.push_back(a.sex);
    req.names.push_back(a.name);
  }
  req.sex_rule = relay.sex_rule;
  req.required_sex = Sex::female;
  const LineupResult plain = best_lineups(costs, req);
  // The fastest order's first pair fumbles in practice; everyone else is unknown.
  const std::string from = team.athletes[static_cast<size_t>(plain.best.order[0])].name;
  const std::string to = team.athletes[static_cast<size_t>(plain.best.order[1])].name;
  const int changed = add_practice_costs(
      costs, team, relay,
      [&](int, const std::string& a, const std::string& b) {
        return a == from && b == to ? PairRecord::of_passes(40, 8, -1.0) : PairRecord{};
      },
      PracticeCostOptions{.fumble_cost_s = 5.0});
  EXPECT_EQ(changed, 3);  // the pair at each of the three exchanges
  const LineupResult drilled = best_lineups(costs, req);
  EXPECT_NE(drilled.best.order, plain.best.order);
  // Brute force over every girls' order with the priced costs.
  std::vector<int> girls;
  for (size_t i = 0; i < team.athletes.size(); ++i) {
    if (team.athletes[i].sex == Sex::female) girls.push_back(static_cast<int>(i));
  }
  double best = RelayCosts::kImpossible;
  for (int a : girls)
    for (int b : girls)
      for (int c : girls)
        for (int d : girls) {
          if (a == b || a == c || a == d || b == c || b == d || c == d) continue;
          const std::vector<int> order = {a, b, c, d};
          best = std::min(best, costs.team_time_s(order));
        }
  EXPECT_NEAR(drilled.best.team_time_s, best, 1e-9);
}

}  // namespace
}  // namespace baton
