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
  EXPECT_NEAR(a.fail_rate, 1.0 - 0.96 * 0.96 * 0.96, 1e-12);
  // 4x400: three visual passes at 0.3 % each.
  const SimTeam b = seed_sim_team("B", 205.4, find_event("4x400", RuleSet::nfhs), o);
  EXPECT_NEAR(b.fail_rate, 1.0 - std::pow(0.997, 3), 1e-12);
}

TEST(SeedTeam, MatchesAMeetFilesSeedEntry) {
  // Seeds a high-school team could run in each event (meet files refuse impossible ones).
  for (const auto& [event, seed_s] : {std::pair{"4x100", 45.0}, std::pair{"4x400", 200.0},
                                      std::pair{"smr", 215.0}, std::pair{"dmr", 620.0}}) {
    const Meet m = parse_meet_toml(fmt::format("event = \"{}\"\nrules = \"nfhs\"\n"
                                               "[[team]]\nname = \"A\"\nseed = {:.1f}\n",
                                               event, seed_s),
                                   "meet.toml");
    SimulationOptions o;
    o.seed_sd_fraction = 0.01;
    o.seed_fail_per_blind_exchange = 0.05;
    const SimTeam want = meet_field(m, o).at(0);
    const SimTeam got = seed_sim_team("A", seed_s, m.event, o);
    EXPECT_DOUBLE_EQ(got.seed_sd_s, want.seed_sd_s) << event;
    EXPECT_DOUBLE_EQ(got.fail_rate, want.fail_rate) << event;
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
