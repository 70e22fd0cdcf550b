// Disqualifications the simulation gives a high-school team's best plans, and what a seed-only
// opponent fails at by default.
#include <gtest/gtest.h>

#include <cmath>

#include "baton/lineup.h"
#include "baton/seed_team.h"
#include "baton/sim_team.h"
#include "baton/simulation.h"
#include "baton/team_file.h"
#include "support/run_cli.h"

namespace baton {
namespace {

// A late pass is a disqualification only when it leaves the zone (docs/HANDOFFS.md), so a
// high-school team's best 4x200 and sprint medley plans, every exchange at most 5 % risk,
// simulate to at most 10 % races without a legal finish (drops that end the race included).
TEST(ExchangeDisqualifications, HighSchoolFourByTwoAndSprintMedleyStayUnderTenPercent) {
  const Team team = load_team(testing::source_path("examples/riverside.toml"));
  for (const char* id : {"4x200", "smr"}) {
    const Event event = find_event(id, team.rules);
    for (const Sex sex : {Sex::female, Sex::male}) {
      const std::vector<SimTeam> field = {
          own_sim_team(team, event, best_order(team, event, sex), "Riverside")};
      SimulationOptions o;
      o.runs = 20000;
      const SimulationResult r = simulate_race(field, team.rules, o);
      EXPECT_LE(r.teams[0].p_dq, 0.10) << id << (sex == Sex::female ? " F" : " M");
    }
  }
}

// Seed-only opponents: 4-5 % per championship 4x100 race (world championships 1999-2010), the
// default 1 - (1 - 0.01523)^3 = 4.5 %; a 4x400 (three visual passes) 1 - 0.997^3 = 0.9 %.
TEST(ExchangeDisqualifications, SeedOpponentFailsAtTheChampionshipRate) {
  const SimTeam relay = seed_sim_team("Seed", 44.0, find_event("4x100", RuleSet::wa), {});
  EXPECT_NEAR(relay.fail_rate, 0.045, 2e-4);
  const SimTeam long_relay = seed_sim_team("Seed", 200.0, find_event("4x400", RuleSet::wa), {});
  EXPECT_NEAR(long_relay.fail_rate, 1.0 - std::pow(0.997, 3), 1e-9);
}

}  // namespace
}  // namespace baton
