// Race odds asked in a coach's terms: our order against seeded opponents, a meet file's field,
// and the order chosen by its odds.
#include "baton/race_query.h"

#include <gtest/gtest.h>

#include "baton/level_profile.h"
#include "baton/lineup_query.h"
#include "baton/relay_order.h"
#include "baton/relay_plan.h"
#include "workspace/squad.h"

namespace baton {
namespace {

class RaceQueryTest : public ::testing::Test {
 protected:
  testing::TempDir dir;
  std::string team_file = dir.write("squad.toml", testing::kSquadToml);
  Workspace ws = Workspace::open_team_file(team_file);
};

TEST_F(RaceQueryTest, OurTeamRunsFirstInTheFastestOrderAgainstTheSeeds) {
  RaceQuery q;
  q.event = "4x100";
  q.sex = Sex::female;
  q.opponents = {{"  Central ", 48.9}, {"Lakeside", 52.0}};
  q.simulation.runs = 2000;
  q.simulation.seed = 5;
  const RaceAnswer a = race_odds(ws, q);
  EXPECT_FALSE(a.order.chosen);
  LineupQuery fastest;
  fastest.event = "4x100";
  fastest.sex = Sex::female;
  EXPECT_EQ(a.order.names, find_lineups(ws, fastest).order);
  ASSERT_EQ(a.field.size(), 3u);
  EXPECT_EQ(a.team, "Hilltop");
  EXPECT_FALSE(a.field[0].seed_only());
  EXPECT_EQ(a.field[1].name, "Central");  // trimmed
  EXPECT_DOUBLE_EQ(a.field[2].seed_time_s, 52.0);
  EXPECT_EQ(a.result.runs, 2000);
  // The same seed, the same races.
  EXPECT_EQ(race_odds(ws, q).result.teams[0].p_win, a.result.teams[0].p_win);
}

TEST_F(RaceQueryTest, TheRacesAverageThePlansExchangesOverTheSpreadsOfReactionsAndMarks) {
  // Two independent computations of one thing: the plan's mean baton time of the legal passes
  // at each exchange (quadrature over the reaction and mark spreads, go_mark.h) against the
  // simulation of the same order (Monte Carlo through the exchange tables), with the
  // simulation's other sources of time switched off: day form, incoming-speed scatter, drops.
  // The predicted splits hold the scatter the level's fitted relays had (level_profile.h); the
  // simulation takes that out and races this order's own.
  for (const char* event : {"4x100", "4x200"}) {
    RaceQuery q;
    q.event = event;
    q.sex = Sex::female;
    q.simulation.runs = 40000;
    q.simulation.seed = 11;
    q.simulation.exchange.form_sd_fraction = 0.0;
    q.simulation.fatigue_sd_fraction = 0.0;
    q.simulation.drop_base_probability = 0.0;
    q.simulation.visual_drop_probability = 0.0;
    const RaceAnswer a = race_odds(ws, q);
    const RelayPlan plan =
        build_relay_plan(ws.team(), a.order.event, a.order.names, calibrated_plan_options(a.order));
    ASSERT_EQ(plan.level, Level::high_school);
    const double fitted_s = level_profile(plan.level).blind_scatter_cost_s;
    double scatter_s = 0.0;  // what this order's scatter adds beyond the fitted relays'
    for (const RelayPlanExchange& x : plan.exchanges) {
      ASSERT_TRUE(x.plan.legal) << event;
      scatter_s += x.plan.legal_time_s - x.plan.baton_time_s - fitted_s;
    }
    const double raced = a.result.teams[0].mean_time_s;
    EXPECT_NEAR(raced, plan.team_time_s + scatter_s, 0.01) << event;
    // These high-school runners' passes scatter more than the fitted relays' did (late passes
    // above all): a tenth of a second and more over three exchanges.
    EXPECT_GT(scatter_s, 0.1) << event;
  }
}

TEST_F(RaceQueryTest, OpponentNamesMustBeDistinctAndSeedsPositive) {
  struct Case {
    std::vector<Opponent> opponents;
    const char* field;
  };
  const Case cases[] = {
      {{{"Central", 48.9}, {"central", 49.0}}, "opponents.1.name"},
      {{{"HILLTOP", 48.9}}, "opponents.0.name"},  // our own name
      {{{"   ", 48.9}}, "opponents.0.name"},
      {{{std::string(61, 'x'), 48.9}}, "opponents.0.name"},
      {{{"Central", 0.0}}, "opponents.0.seed"},
  };
  for (const Case& c : cases) {
    RaceQuery q;
    q.event = "4x100";
    q.sex = Sex::female;
    q.opponents = c.opponents;
    q.simulation.runs = 1000;
    try {
      race_odds(ws, q);
      ADD_FAILURE() << c.field;
    } catch (const ValidationError& e) {
      EXPECT_EQ(e.where().field, c.field) << e.what();
    }
  }
  RaceQuery q;
  q.event = "4x100";
  q.simulation.runs = 0;
  try {
    race_odds(ws, q);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().field, "runs");
  }
}

TEST_F(RaceQueryTest, AMeetsScoringReplacesTheDefault) {
  // One team that always finishes at its seed: it wins every race and scores the meet's 6
  // points for first place (the default table would give 10).
  const Meet meet = parse_meet_toml(
      "event = \"4x100\"\nscoring = [6, 4, 2]\n"
      "[[team]]\nname = \"Solo\"\nseed = \"48.00\"\nsd_s = 0\nfail_rate = 0\n",
      dir.file("meet.toml"));
  SimulationOptions options;
  options.runs = 1000;
  const SimulationResult r = simulate_meet(meet, nullptr, options);
  ASSERT_EQ(r.teams.size(), 1u);
  EXPECT_DOUBLE_EQ(r.teams[0].p_win, 1.0);
  EXPECT_DOUBLE_EQ(r.teams[0].expected_points, 6.0);
  EXPECT_DOUBLE_EQ(r.teams[0].mean_time_s, 48.0);
  EXPECT_FALSE(uses_roster(meet));
}

TEST_F(RaceQueryTest, TheRosterEntryNeedsADatabase) {
  const Meet meet = parse_meet_toml(
      "event = \"4x100\"\n[[team]]\nroster = true\nsex = \"F\"\n"
      "[[team]]\nname = \"Central\"\nseed = \"48.90\"\n",
      dir.file("meet.toml"));
  EXPECT_TRUE(uses_roster(meet));
  try {
    simulate_meet(meet, nullptr, SimulationOptions{});
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().file, dir.file("meet.toml"));
    EXPECT_EQ(e.where().line, 2);
    EXPECT_EQ(e.where().field, "roster");
  }
}

// Picks the largest objective among the candidates by hand; ties go to the faster order.
size_t best_by_hand(const LineupOddsResult& r) {
  size_t best = 0;
  for (size_t i = 1; i < r.candidates.size(); ++i) {
    const TeamOdds& o = r.candidates[i].odds;
    const TeamOdds& b = r.candidates[best].odds;
    const double v = r.objective == LineupObjective::win ? o.p_win : o.expected_points;
    const double w = r.objective == LineupObjective::win ? b.p_win : b.expected_points;
    if (v > w) best = i;
  }
  return best;
}

TEST_F(RaceQueryTest, TheOddsChoiceIsTheBestOfTheFastestOrdersOnAFixedSeed) {
  LineupOddsQuery q;
  q.lineup.event = "4x100";
  q.lineup.sex = Sex::female;
  q.lineup.locks[1] = "Dee Dunn";
  q.candidates = 4;
  q.simulation.runs = 3000;
  q.simulation.seed = 11;
  const LineupOddsAnswer a = lineup_odds(ws, q, {{"Central", 48.4}, {"Lakeside", 49.0}});
  ASSERT_EQ(a.result.candidates.size(), 4u);
  // The candidates are the four fastest orders with Dee leading off, fastest first.
  LineupQuery fastest = q.lineup;
  fastest.top = 3;
  const LineupAnswer lineups = find_lineups(ws, fastest);
  EXPECT_EQ(a.result.candidates[0].order, lineups.order);
  for (size_t i = 1; i < 4; ++i) {
    EXPECT_EQ(a.result.candidates[i].order,
              athlete_names(ws.team(), lineups.result.alternatives[i - 1].order));
  }
  for (const OddsCandidate& c : a.result.candidates) EXPECT_EQ(c.order[0], "Dee Dunn");
  EXPECT_EQ(a.result.fastest, 0u);
  EXPECT_EQ(a.result.chosen, best_by_hand(a.result));
  EXPECT_EQ(a.order(), a.result.candidates[a.result.chosen].order);
  EXPECT_EQ(a.result.runs, 3000);
  EXPECT_EQ(a.result.seed, 11u);
}

TEST_F(RaceQueryTest, AtAMeetOurEntryIsTheOwnTeamWithoutAnOrder) {
  const std::string meet_path =
      dir.write("meet.toml",
                "event = \"4x100\"\n[[team]]\nname = \"Central\"\nseed = \"48.40\"\n"
                "[[team]]\nfile = \"squad.toml\"\nsex = \"F\"\n");
  const Meet meet = load_meet(meet_path);
  LineupOddsQuery q;
  q.candidates = 3;
  q.simulation.runs = 2000;
  const LineupOddsAnswer a = lineup_odds_at_meet(meet, nullptr, q);
  EXPECT_EQ(a.team, "Hilltop");
  ASSERT_EQ(a.result.candidates.size(), 3u);
  for (const std::string& name : a.order()) EXPECT_NE(name.find(' '), std::string::npos);
  EXPECT_EQ(a.result.chosen, best_by_hand(a.result));

  q.lineup.event = "4x400";
  try {
    lineup_odds_at_meet(meet, nullptr, q);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().field, "event");
  }
  const Meet seeds_only = parse_meet_toml(
      "event = \"4x100\"\n[[team]]\nname = \"Central\"\nseed = \"48.40\"\n", meet_path);
  q.lineup.event.clear();
  try {
    lineup_odds_at_meet(seeds_only, nullptr, q);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().file, meet_path);
    EXPECT_EQ(e.where().field, "team");
  }
}

}  // namespace
}  // namespace baton
