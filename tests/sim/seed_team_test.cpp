// Seed-only opponents: the spread and failure chance a meet file's seed entry gets by default.
#include "baton/seed_team.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>

#include "baton/meet.h"
#include "baton/meet_field.h"

namespace baton {
namespace {

TEST(SeedTeam, SpreadAndFailureFollowTheEventsPasses) {
  const SimulationOptions o;
  // 4x100: three blind passes at 4 % each.
  const SimTeam a = seed_sim_team("A", 46.0, find_event("4x100", RuleSet::nfhs), o);
  EXPECT_TRUE(a.seed_only());
  EXPECT_EQ(a.name, "A");
  EXPECT_DOUBLE_EQ(a.seed_time_s, 46.0);
  EXPECT_NEAR(a.seed_sd_s, 0.006 * 46.0, 1e-12);
  // 4.5 % per championship 4x100 race over three blind passes (docs/SIMULATION.md).
  EXPECT_NEAR(a.fail_rate, 1.0 - std::pow(1.0 - 0.01523, 3), 1e-12);
  // 4x400: three visual passes at 0.3 % each.
  const SimTeam b = seed_sim_team("B", 205.4, find_event("4x400", RuleSet::nfhs), o);
  EXPECT_NEAR(b.fail_rate, 1.0 - std::pow(0.997, 3), 1e-12);
}

TEST(SeedTeam, AMeetFilesSeedEntryGetsTheSpreadAndFailureOfItsPasses) {
  // Seeds a high-school team could run in each event (meet files refuse impossible ones), spread
  // 1 % of the seed; 5 % failure per blind pass, 1 % per visual pass. Blind passes follow legs
  // of at most 200 m (docs/HANDOFFS.md), so a team finishes cleanly with probability
  // 0.95^blind * 0.99^visual:
  //   4x100 (100-100-100-100): 3 blind         -> 1 - 0.95^3        = 0.142625
  //   4x400: 3 visual                           -> 1 - 0.99^3        = 0.029701
  //   smr (200-200-400-800): 2 blind, 1 visual  -> 1 - 0.9025 * 0.99 = 0.106525
  //   dmr (1200-400-800-1600): 3 visual         -> 0.029701
  struct Case {
    const char* event;
    double seed_s;
    double fail;
  };
  const Case cases[] = {{"4x100", 45.0, 0.142625},
                        {"4x400", 200.0, 0.029701},
                        {"smr", 215.0, 0.106525},
                        {"dmr", 620.0, 0.029701}};
  for (const Case& c : cases) {
    const Meet m = parse_meet_toml(fmt::format("event = \"{}\"\nrules = \"nfhs\"\n"
                                               "[[team]]\nname = \"A\"\nseed = {:.1f}\n",
                                               c.event, c.seed_s),
                                   "meet.toml");
    SimulationOptions o;
    o.seed_sd_fraction = 0.01;
    o.seed_fail_per_blind_exchange = 0.05;
    o.seed_fail_per_visual_exchange = 0.01;
    const SimTeam team = meet_field(m, o).at(0);
    EXPECT_TRUE(team.seed_only()) << c.event;
    EXPECT_EQ(team.name, "A") << c.event;
    EXPECT_DOUBLE_EQ(team.seed_time_s, c.seed_s) << c.event;
    EXPECT_NEAR(team.seed_sd_s, 0.01 * c.seed_s, 1e-12) << c.event;
    EXPECT_NEAR(team.fail_rate, c.fail, 1e-12) << c.event;
  }
}

TEST(SeedTeam, RefusesATimeThatIsNotPositive) {
  const Event e = find_event("4x100", RuleSet::wa);
  for (double t : {0.0, -1.0, std::nan(""), HUGE_VAL}) {
    EXPECT_THROW(seed_sim_team("A", t, e), ValidationError) << t;
  }
}

}  // namespace
}  // namespace baton
