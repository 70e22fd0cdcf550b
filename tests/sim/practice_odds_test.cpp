// What practice does to the odds, and choosing an order by its odds with common random numbers.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "baton/calibration.h"
#include "baton/lineup_odds.h"
#include "baton/meet.h"
#include "baton/meet_field.h"
#include "baton/sim_team.h"
#include "baton/simulation_json.h"
#include "baton/team_file.h"
#include "support/run_cli.h"

namespace baton {
namespace {

using testing::source_path;

TEST(PracticeOdds, FailRateIsTheBetaPosteriorMean) {
  // Prior 10 % worth 20 drills; 10 drills of which 5 clean: (0.1 * 20 + 5) / 30.
  EXPECT_NEAR(practice_fail_rate(PairRecord::of_passes(10, 5), 0.10, 20.0), 7.0 / 30.0, 1e-15);
  EXPECT_DOUBLE_EQ(practice_fail_rate({}, 0.10, 20.0), 0.10);
  // 80 clean drills out of 80: (2 + 0) / 100.
  EXPECT_NEAR(practice_fail_rate(PairRecord::of_passes(80, 80), 0.10, 20.0), 0.02, 1e-15);
}

TEST(PracticeOdds, SpreadScaleBlendsTheDrillsWithTheDefault) {
  // Default spread in go-mark metres: mark 0.3 m and 10 m/s x 0.04 s = 0.4 m -> V0 = 0.25 m^2.
  // 20 drills with a timing sd of 1 m against a prior of 20 drills: V = (5 + 20) / 40.
  const PairRecord r = PairRecord::of_passes(20, 20, 1.0);
  EXPECT_NEAR(practice_spread_scale(r, 10.0, 0.04, 0.3, 20.0), std::sqrt(0.625 / 0.25), 1e-12);
  // A pair exactly as consistent as the default changes nothing; one or no drill changes
  // nothing; no timing record changes nothing.
  EXPECT_NEAR(practice_spread_scale(PairRecord::of_passes(20, 20, 0.5), 10.0, 0.04, 0.3, 20.0), 1.0,
              1e-12);
  EXPECT_EQ(practice_spread_scale(PairRecord::of_passes(1, 1, 3.0), 10.0, 0.04, 0.3, 20.0), 1.0);
  EXPECT_EQ(practice_spread_scale(PairRecord::of_passes(20, 20, -1.0), 10.0, 0.04, 0.3, 20.0), 1.0);
}

// Drills of a pair whose true reaction scatters: each drill uses the planned mark, or that mark
// plus `second_mark_m` for every other pair of drills, and the pass lands where the model puts
// it for that drill's reaction.
std::vector<Drill> scattered_drills(const HandoffParams& p, double reaction_sd_s, int n,
                                    double second_mark_m = 0.0) {
  std::vector<Drill> out;
  for (int i = 0; i < n; ++i) {
    // Deterministic scatter: alternate +-sd (sample sd of +-a is a * sqrt(n / (n - 1))).
    const double r = p.reaction_s + (i % 2 == 0 ? reaction_sd_s : -reaction_sd_s);
    HandoffParams q = p;
    if ((i / 2) % 2 == 1) q.go_mark_m += second_mark_m;
    Drill d;
    d.from = "A";
    d.to = "B";
    d.date = "2026-03-01";
    d.go_mark_m = q.go_mark_m;
    d.exchange_at_m = model_exchange_at_m(q, q.go_mark_m, r);
    out.push_back(d);
  }
  return out;
}

TEST(PracticeOdds, TimingSpreadOfScatteredDrillsIsTheirReactionScatterInMarkMetres) {
  const Team team = load_team(source_path("examples/riverside.toml"));
  const Event relay = find_event("4x100", team.rules);
  const PairTarget t = planned_pair_target(team, relay, 0, "Ava Brooks", "Maya Johnson");
  // Reaction off by +-0.04 s moves the pass as a mark off by about u * 0.04 s would. Drills at
  // two marks 1 m apart, as docs/PRACTICE.md asks for: at one mark the fit cannot tell the
  // scatter from the pair's own parameters and overstates it (0.17 m for 0.09 m at +-0.01 s).
  const std::vector<Drill> drills = scattered_drills(t.nominal, 0.04, 40, 1.0);
  const PairRecord r = practice_record(drills, t.nominal, t.target_m);
  EXPECT_EQ(r.drills, 40);
  EXPECT_EQ(r.clean_rate(), 1.0);
  // Around the pair's fitted exchange (three parameters) the scatter is measured within a
  // tenth.
  const double expected = t.nominal.incoming_speed_mps * 0.04;
  EXPECT_NEAR(r.timing_sd_m, expected, 0.1 * expected);
  // Drills that all land where planned show almost no scatter.
  const PairRecord exact =
      practice_record(scattered_drills(t.nominal, 0.0, 5), t.nominal, t.target_m);
  EXPECT_NEAR(exact.timing_sd_m, 0.0, 0.02);
}

TEST(PracticeOdds, AnErraticPairFailsMoreOftenInTheSimulation) {
  const Team team = load_team(source_path("examples/riverside.toml"));
  const Event relay = find_event("4x100", team.rules);
  const std::vector<std::string> order = {"Zoe Carter", "Lily Nguyen", "Ava Brooks",
                                          "Maya Johnson"};
  const SimTeam plain = own_sim_team(team, relay, order, "plain");
  SimTeam erratic =
      own_sim_team(team, relay, order, "erratic", [](int, const std::string&, const std::string&) {
        return PairRecord::of_passes(40, 24, 2.5);
      });
  ASSERT_EQ(erratic.exchanges[0].practice.drills, 40);
  SimulationOptions o;
  o.runs = 100000;
  const SimulationResult r = simulate_race({plain, erratic}, relay.rules, o);
  EXPECT_GT(r.teams[1].p_drop, 2.0 * r.teams[0].p_drop);
  EXPECT_GT(r.teams[1].p_dq, r.teams[0].p_dq);
}

TEST(PracticeOdds, EachRunnersFormSpreadSetsTheirLegsSpread) {
  Team team = load_team(source_path("examples/riverside.toml"));
  const Event relay = find_event("4x100", team.rules);
  const std::vector<std::string> order = {"Zoe Carter", "Lily Nguyen", "Ava Brooks",
                                          "Maya Johnson"};
  for (Athlete& a : team.athletes) {
    if (a.name == "Lily Nguyen") a.form_sd_percent = 3.0;
    if (a.name == "Ava Brooks") a.form_sd_percent = 0.0;
  }
  SimTeam t = own_sim_team(team, relay, order, "us");
  // A slow day of leg 2's runner also slows her at the second go-mark, and at the planned mark
  // the outgoing runner is then caught only late (27 % of these races): a late pass costs its
  // ease cost and late_pass_cost_s, which would add to the spread. A mark 2 m shorter keeps
  // every pass as planned (checked below), so the spread is leg 2's alone.
  t.exchanges[1].handoff.go_mark_m -= 2.0;
  EXPECT_EQ(t.legs[0].split_sd_s, -1.0);  // no setting: the simulation's default
  EXPECT_NEAR(t.legs[1].split_sd_s, 0.03 * t.legs[1].split_mean_s, 1e-12);
  EXPECT_EQ(t.legs[2].split_sd_s, 0.0);
  // With every other source of noise off, the team's time spread is that of leg 2 alone.
  SimulationOptions o;
  o.runs = 50000;
  o.exchange.form_sd_fraction = 0.0;
  o.exchange.reaction_sd_s = 0.0;
  o.exchange.mark_sd_m = 0.0;
  o.fatigue_sd_fraction = 0.0;
  o.drop_base_probability = 0.0;
  const SimulationResult r = simulate_race({t}, relay.rules, o);
  const double sd = 0.03 * t.legs[1].split_mean_s;
  EXPECT_NEAR(r.teams[0].sd_time_s, sd, 0.03 * sd);
  EXPECT_EQ(r.teams[0].exchanges[1].p_late, 0.0);
  EXPECT_EQ(r.teams[0].p_dq, 0.0);
}

TEST(LineupOdds, IdenticalCandidatesGetIdenticalNumbers) {
  const Event relay = find_event("4x100", RuleSet::wa);
  const SimTeam a = reference_team("us", 38.3, relay);
  const std::vector<SimTeam> field = {reference_team("X", 38.2, relay),
                                      SimTeam::from_seed("Y", 38.4, 0.2, 0.05)};
  SimulationOptions o;
  o.runs = 20000;
  const LineupOddsResult r = lineups_by_odds(field, {a, a}, {{"a"}, {"b"}}, {38.3, 38.3},
                                             RuleSet::wa, o, LineupObjective::win);
  ASSERT_EQ(r.candidates.size(), 2u);
  // Common random numbers: the same races, to the last bit.
  EXPECT_EQ(r.candidates[0].odds.p_win, r.candidates[1].odds.p_win);
  EXPECT_EQ(r.candidates[0].odds.mean_time_s, r.candidates[1].odds.mean_time_s);
  EXPECT_EQ(r.chosen, 0u);  // a tie goes to the first (equally fast) order
  EXPECT_GT(r.standard_error, 0.0);
}

TEST(LineupOdds, AFastOrderThatCannotPassLosesToASlowerSafeOne) {
  const Event relay = find_event("4x100", RuleSet::wa);
  SimTeam fast = reference_team("us", 38.0, relay);
  fast.exchanges[1].handoff.go_mark_m = 40.0;  // never caught: certain disqualification
  const SimTeam safe = reference_team("us", 38.5, relay);
  const std::vector<SimTeam> field = {SimTeam::from_seed("X", 38.4, 0.15, 0.0),
                                      SimTeam::from_seed("Y", 38.9, 0.15, 0.0)};
  SimulationOptions o;
  o.runs = 20000;
  for (LineupObjective objective : {LineupObjective::win, LineupObjective::points}) {
    const LineupOddsResult r = lineups_by_odds(field, {fast, safe}, {{"fast"}, {"safe"}},
                                               {38.0, 38.5}, RuleSet::wa, o, objective);
    EXPECT_EQ(r.fastest, 0u);
    EXPECT_EQ(r.chosen, 1u);
    EXPECT_EQ(r.candidates[0].odds.p_dq, 1.0);
    EXPECT_EQ(r.candidates[0].odds.expected_points, 0.0);
    EXPECT_GT(r.candidates[1].odds.expected_points, 5.0);
  }
  EXPECT_THROW(lineups_by_odds(field, {}, {}, {}, RuleSet::wa, o, LineupObjective::win),
               ValidationError);
  EXPECT_THROW(parse_lineup_objective("time"), ParseError);
}

TEST(LineupOdds, ChoosesTheBestOfSeparateSimulationsOfEachOrder) {
  // Brute force: simulating each candidate on its own (candidate last, same seed) gives the
  // same numbers, so the choice is the argmax of independent runs.
  const Event relay = find_event("4x100", RuleSet::wa);
  std::vector<SimTeam> candidates;
  for (double t : {38.30, 38.34, 38.38}) candidates.push_back(reference_team("us", t, relay));
  candidates[0].exchanges[0].practice =
      PairRecord::of_passes(50, 25, -1.0);  // the fastest fumbles in practice
  const std::vector<SimTeam> field = {SimTeam::from_seed("X", 38.35, 0.2, 0.0)};
  SimulationOptions o;
  o.runs = 40000;
  o.seed = 7;
  const LineupOddsResult r =
      lineups_by_odds(field, candidates, {{"a"}, {"b"}, {"c"}}, {38.30, 38.34, 38.38}, RuleSet::wa,
                      o, LineupObjective::win);
  size_t best = 0;
  double best_p = -1.0;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const SimulationResult alone = simulate_race({field[0], candidates[i]}, RuleSet::wa, o);
    EXPECT_EQ(alone.teams[1].p_win, r.candidates[i].odds.p_win);
    if (alone.teams[1].p_win > best_p) {
      best_p = alone.teams[1].p_win;
      best = i;
    }
  }
  EXPECT_EQ(r.chosen, best);
  const nlohmann::json j = to_json(r);
  EXPECT_EQ(j["objective"], "win");
  EXPECT_EQ(j["candidates"].size(), 3u);
  EXPECT_EQ(j["chosen"]["order"], nlohmann::json::array({best == 0 ? "a" : best == 1 ? "b" : "c"}));
}

TEST(MeetRoster, RosterEntriesRunTheDatabaseRoster) {
  const Meet meet = parse_meet_toml(
      "event = \"4x100\"\nrules = \"nfhs\"\n[[team]]\nroster = true\nsex = \"F\"\n"
      "name = \"Us\"\n[[team]]\nname = \"X\"\nseed = \"47.0\"\n",
      "meet.toml");
  ASSERT_TRUE(meet.teams[0].roster);
  EXPECT_TRUE(meet.teams[0].own());
  try {
    meet_field(meet, SimulationOptions{});
    ADD_FAILURE() << "a roster entry without a roster";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().file, "meet.toml");
    EXPECT_EQ(e.where().line, 3);
    EXPECT_EQ(e.where().field, "roster");
  }
  const Team team = load_team(source_path("examples/riverside.toml"));
  int asked = 0;
  MeetRoster roster{&team, [&asked](int, const std::string&, const std::string&) {
                      ++asked;
                      return PairRecord::of_passes(12, 9, -1.0);
                    }};
  const std::vector<SimTeam> field = meet_field(meet, SimulationOptions{}, roster);
  ASSERT_EQ(field.size(), 2u);
  EXPECT_EQ(field[0].name, "Us");
  EXPECT_EQ(asked, 3);
  EXPECT_EQ(field[0].exchanges[2].practice.drills, 12);
  // The same splits as the team-file route.
  const SimTeam direct =
      own_sim_team(team, meet.event, entry_order(meet, meet.teams[0], team), "Us");
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(field[0].legs[i].split_mean_s, direct.legs[i].split_mean_s);
  }
  for (const char* bad : {"event = \"4x100\"\n[[team]]\nroster = true\nfile = \"t.toml\"\n",
                          "event = \"4x100\"\n[[team]]\nroster = true\nseed = \"47.0\"\n",
                          "event = \"4x100\"\n[[team]]\nroster = \"yes\"\n"}) {
    EXPECT_THROW(parse_meet_toml(bad, "meet.toml"), ParseError) << bad;
  }
}

}  // namespace
}  // namespace baton
