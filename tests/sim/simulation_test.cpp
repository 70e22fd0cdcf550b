// The race simulation: closed-form cases, Monte Carlo agreement, determinism, calibration.
#include "baton/simulation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <pcg_random.hpp>

#include "baton/sim_team.h"
#include "baton/simulation_json.h"
#include "baton/team_file.h"
#include "sim/exchange_model.h"
#include "sim/ziggurat.h"
#include "support/run_cli.h"

namespace baton {
namespace {

SimulationOptions quiet(std::int64_t runs) {
  SimulationOptions o;
  o.runs = runs;
  o.exchange.form_sd_fraction = 0.0;
  o.exchange.reaction_sd_s = 0.0;
  o.exchange.mark_sd_m = 0.0;
  o.fatigue_sd_fraction = 0.0;
  o.drop_base_probability = 0.0;
  o.visual_drop_probability = 0.0;
  return o;
}

std::vector<SimTeam> reference_field(const char* event, double first, int teams) {
  const Event e = find_event(event, RuleSet::wa);
  std::vector<SimTeam> field;
  for (int i = 0; i < teams; ++i) {
    field.push_back(reference_team("team " + std::to_string(i + 1), first + 0.1 * i, e));
  }
  return field;
}

TEST(Simulation, NoNoiseGivesDeterministicPlacesAndPoints) {
  std::vector<SimTeam> field = reference_field("4x100", 38.0, 3);
  field.push_back(SimTeam::from_seed("seeded", 37.5, 0.0, 0.0));
  const SimulationResult r = simulate_race(field, RuleSet::wa, quiet(5000));
  ASSERT_EQ(r.teams.size(), 4u);
  EXPECT_EQ(r.teams[3].p_win, 1.0);
  EXPECT_EQ(r.teams[0].p_place[1], 1.0);
  EXPECT_EQ(r.teams[1].p_place[2], 1.0);
  EXPECT_EQ(r.teams[2].p_place[3], 1.0);
  EXPECT_EQ(r.teams[0].p_win, 0.0);
  EXPECT_EQ(r.teams[3].expected_points, 10.0);
  EXPECT_EQ(r.teams[2].expected_points, 5.0);
  // Planned exchanges run exactly as planned: the predicted splits add up.
  EXPECT_NEAR(r.teams[0].mean_time_s, 38.0, 1e-9);
  EXPECT_EQ(r.teams[0].p_dq, 0.0);
}

TEST(Simulation, CertainFailureIsAlwaysADisqualification) {
  std::vector<SimTeam> field = {SimTeam::from_seed("fails", 38.0, 0.2, 1.0),
                                SimTeam::from_seed("fine", 39.0, 0.2, 0.0)};
  // A go-mark so long that the incoming runner can never catch up.
  SimTeam own = reference_field("4x100", 38.0, 1)[0];
  own.exchanges[1].handoff.go_mark_m = 40.0;
  field.push_back(own);
  const SimulationResult r = simulate_race(field, RuleSet::wa, SimulationOptions{.runs = 3000});
  EXPECT_EQ(r.teams[0].p_dq, 1.0);
  EXPECT_EQ(r.teams[0].finishes, 0);
  EXPECT_EQ(r.teams[2].p_dq, 1.0);
  EXPECT_EQ(r.teams[2].exchanges[1].p_illegal, 1.0);
  EXPECT_EQ(r.teams[1].p_win, 1.0);
}

TEST(Simulation, TwoIdenticalTeamsWinHalfTheTime) {
  const std::vector<SimTeam> field(2, reference_field("4x100", 38.0, 1)[0]);
  SimulationOptions o;
  o.runs = 200000;
  const SimulationResult r = simulate_race(field, RuleSet::wa, o);
  // p_win is a mean of Bernoulli draws; 4 standard errors of p = 0.5 bound the noise.
  const double p_both = r.teams[0].p_win + r.teams[1].p_win;
  const double se = std::sqrt(0.25 / o.runs);
  EXPECT_NEAR(r.teams[0].p_win, p_both / 2.0, 4 * se);
  EXPECT_NEAR(r.teams[0].p_dq, r.teams[1].p_dq, 4 * std::sqrt(0.12 * 0.88 * 2 / o.runs));
}

TEST(Simulation, SameSeedSameNumbersForAnyThreadCount) {
  const std::vector<SimTeam> field = reference_field("4x100", 38.0, 8);
  SimulationOptions o;
  o.runs = 50000;  // 13 blocks, the last one short
  o.seed = 42;
  std::string first;
  for (int threads : {1, 2, 3, 8}) {
    o.threads = threads;
    const std::string json = to_json(simulate_race(field, RuleSet::wa, o)).dump();
    if (first.empty()) first = json;
    EXPECT_EQ(json, first) << threads << " threads";
  }
  o.seed = 43;
  EXPECT_NE(to_json(simulate_race(field, RuleSet::wa, o)).dump(), first);
}

TEST(Simulation, ChampionshipCalibration) {
  // Championship records (docs/SIMULATION.md): 4x100 teams failed 4-5 % per race round at
  // world championships 1999-2010, 1 - (1 - 0.045)^(1/3) = 1.5 % per exchange. Passes that do
  // not come as planned are late passes, a disqualification only beyond the zone.
  SimulationOptions o;
  o.runs = 100000;
  const SimulationResult sprint = simulate_race(reference_field("4x100", 38.0, 1), RuleSet::wa, o);
  const double per_exchange = 1.0 - std::cbrt(1.0 - sprint.teams[0].p_dq);
  EXPECT_GT(per_exchange, 0.008);
  EXPECT_LT(per_exchange, 0.025);
  const SimulationResult distance =
      simulate_race(reference_field("4x400", 180.0, 1), RuleSet::wa, o);
  EXPECT_LT(distance.teams[0].p_dq, 0.015);  // "4x400 failures are rare"
}

TEST(Simulation, PracticeLowersAndMismatchRaisesTheDropRate) {
  SimTeam drilled = reference_field("4x100", 38.0, 1)[0];
  SimTeam unknown = drilled;
  for (SimExchange& e : drilled.exchanges) e.practice = PairRecord::of_passes(200, 198);
  SimulationOptions o;
  o.runs = 100000;
  const SimulationResult r = simulate_race({drilled, unknown}, RuleSet::wa, o);
  EXPECT_LT(r.teams[0].p_drop, 0.5 * r.teams[1].p_drop);
}

TEST(Simulation, ExactExchangesAgreeWithTheTables) {
  // The same seed draws the same errors; only the pass outcomes come from the root-finding
  // solver instead of the tables, so the results differ in the last digits of the position
  // and mismatch (interpolation error) and hardly at all in legality.
  const std::vector<SimTeam> field = reference_field("4x100", 38.0, 2);
  SimulationOptions o;
  o.runs = 4000;
  const SimulationResult tables = simulate_race(field, RuleSet::wa, o);
  o.exact_exchanges = true;
  const SimulationResult exact = simulate_race(field, RuleSet::wa, o);
  for (size_t t = 0; t < field.size(); ++t) {
    for (size_t e = 0; e < 3; ++e) {
      const ExchangeOdds& a = tables.teams[t].exchanges[e];
      const ExchangeOdds& b = exact.teams[t].exchanges[e];
      EXPECT_NE(a.mean_baton_m, b.mean_baton_m);  // really solved the other way
      // Bilinear interpolation next to the catch-up threshold (sqrt-shaped) biases the mean
      // position by about 0.06 m; single passes are within 0.2 m (TablesAgree... below).
      EXPECT_NEAR(a.mean_baton_m, b.mean_baton_m, 0.1);
      EXPECT_NEAR(a.mean_mismatch_mps, b.mean_mismatch_mps, 0.01);
      EXPECT_NEAR(a.p_illegal, b.p_illegal, 0.002);
      // Late passes are told apart exactly (within a row's switch margin the solver decides)
      // and cost within the tables' ease-cost error.
      EXPECT_NEAR(a.p_late, b.p_late, 0.002);
      EXPECT_NEAR(a.mean_late_cost_s, b.mean_late_cost_s, 0.001);
    }
    EXPECT_NEAR(tables.teams[t].p_dq, exact.teams[t].p_dq, 0.01);
  }
}

// The reference 4x100 team with its first exchange's go-mark lengthened until the planned pass
// itself is late (the gap stops closing above the reach) but still legal.
SimTeam team_with_a_late_plan(HandoffResult& planned) {
  SimTeam team = reference_field("4x100", 38.0, 1)[0];
  HandoffParams& h = team.exchanges[0].handoff;
  for (planned = solve_handoff(h); !(planned.late && planned.legal) && h.go_mark_m < 30.0;
       planned = solve_handoff(h)) {
    h.go_mark_m += 0.05;
  }
  return team;
}

TEST(Simulation, APlannedLatePassCostsItsEaseAndTheCall) {
  // Without noise every race runs the plan: the splits (38.0 s together) plus what the late
  // pass costs, solve_handoff()'s ease cost plus late_pass_cost_s, as the go-mark planner
  // charges it (go_mark.cpp, late_time_s).
  HandoffResult planned;
  const SimTeam team = team_with_a_late_plan(planned);
  ASSERT_TRUE(planned.late && planned.legal);
  ASSERT_GT(planned.ease_cost_s, 0.0);
  SimulationOptions o = quiet(3000);
  o.exchange.late_pass_cost_s = 0.25;
  for (bool exact : {false, true}) {
    o.exact_exchanges = exact;
    const SimulationResult r = simulate_race({team}, RuleSet::wa, o);
    const TeamOdds& t = r.teams[0];
    ASSERT_EQ(t.finishes, 3000);
    // The exact solver reproduces solve_handoff(); the tables agree within their ease-cost
    // tolerance (ExchangeModel.TablesAgreeWithTheExactSolver).
    const double tol = exact ? 1e-9 : 5e-4;
    EXPECT_NEAR(t.mean_time_s, 38.0 + planned.ease_cost_s + 0.25, tol) << exact;
    EXPECT_EQ(t.exchanges[0].p_late, 1.0);
    EXPECT_NEAR(t.exchanges[0].mean_late_cost_s, planned.ease_cost_s + 0.25, tol);
    EXPECT_EQ(t.exchanges[1].p_late, 0.0);
    EXPECT_EQ(t.exchanges[1].mean_late_cost_s, 0.0);
  }
}

TEST(Simulation, EachLatePassAddsTheLatePassCost) {
  // The example team's girls' 4x200 (high-school runners slowing over 200 m: many late
  // passes, few failures). The same seed draws the same races whatever late_pass_cost_s is
  // (it changes no draw), so raising it by 0.4 s adds 0.4 s per late pass of each finished
  // race: 0.4 L_f / F with L_f the late passes of the F finished races. The sum of p_late
  // counts late passes over all N races, (L_f + L_d) / N, L_d those of the D = N - F failed
  // races (no drops here, so a failure is an illegal pass, and such a race has at most two
  // late passes). The difference is (L_f / F) (D / N) - L_d / N, of terms with opposite
  // signs, at most 3 D / N and 2 D / N: so |rise / 0.4 - sum p_late| <= 3 p_dq. Likewise for
  // the costs reported per legal pass of each exchange.
  const Team riverside = load_team(testing::source_path("examples/riverside.toml"));
  const Event relay = find_event("4x200", riverside.rules);
  const SimTeam team = own_sim_team(
      riverside, relay, {"Ava Brooks", "Lily Nguyen", "Maya Johnson", "Zoe Carter"}, "Riverside");
  SimulationOptions o;
  o.runs = 40000;
  o.drop_base_probability = 0.0;
  o.exchange.late_pass_cost_s = 0.0;
  const SimulationResult cheap = simulate_race({team}, relay.rules, o);
  o.exchange.late_pass_cost_s = 0.4;
  const SimulationResult dear = simulate_race({team}, relay.rules, o);
  const TeamOdds& a = cheap.teams[0];
  const TeamOdds& b = dear.teams[0];
  ASSERT_EQ(a.finishes, b.finishes);
  double late_per_race = 0.0, cost_a = 0.0, cost_b = 0.0;
  for (size_t e = 0; e < 3; ++e) {
    EXPECT_EQ(a.exchanges[e].p_late, b.exchanges[e].p_late);
    late_per_race += a.exchanges[e].p_late;
    cost_a += a.exchanges[e].mean_late_cost_s;
    cost_b += b.exchanges[e].mean_late_cost_s;
  }
  EXPECT_GT(late_per_race, 0.5);  // a real share of late passes
  const double rise = b.mean_time_s - a.mean_time_s;
  EXPECT_NEAR(rise, 0.4 * late_per_race, 0.4 * 3.0 * a.p_dq + 1e-9);
  // The reported costs per legal pass add up to the same rise, to the same bound.
  EXPECT_NEAR(cost_b - cost_a, rise, 0.4 * 3.0 * a.p_dq + 1e-9);
  // Without late_pass_cost_s a late pass still costs its ease cost.
  EXPECT_GT(cost_a, 0.0);
}

TEST(Simulation, WithoutLatePassesTheLatePassCostChangesNothing) {
  // Without easing no pass is late (the gap that stops closing is no pass at all), so the
  // late-pass cost must not move a single number.
  std::vector<SimTeam> field = reference_field("4x100", 38.0, 2);
  for (SimTeam& t : field) {
    for (SimExchange& x : t.exchanges) x.handoff.ease_mps2 = 0.0;
  }
  SimulationOptions o;
  o.runs = 20000;
  o.exchange.late_pass_cost_s = 0.0;
  const SimulationResult a = simulate_race(field, RuleSet::wa, o);
  o.exchange.late_pass_cost_s = 1.5;
  const SimulationResult b = simulate_race(field, RuleSet::wa, o);
  EXPECT_EQ(to_json(a).dump(), to_json(b).dump());
  for (const TeamOdds& t : b.teams) {
    for (const ExchangeOdds& x : t.exchanges) {
      EXPECT_EQ(x.p_late, 0.0);
      EXPECT_EQ(x.mean_late_cost_s, 0.0);
    }
  }
}

TEST(Simulation, RejectsBadInput) {
  SimulationOptions o;
  o.exchange.reaction_sd_s = -1.0;
  try {
    simulate_race(reference_field("4x100", 38.0, 1), RuleSet::wa, o);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().field, "reaction_sd_s");
  }
  SimTeam t = reference_field("4x100", 38.0, 1)[0];
  t.exchanges.pop_back();
  EXPECT_THROW(simulate_race({t}, RuleSet::wa, SimulationOptions{}), ValidationError);
  EXPECT_THROW(simulate_race({}, RuleSet::wa, SimulationOptions{}), ValidationError);
}

TEST(ExchangeModel, TablesAgreeWithTheExactSolver) {
  // Tolerances: legality identical except within 2 ms of a threshold; at least 30 ms from the
  // catch-up threshold, baton position within 0.2 m and
  // speed mismatch within 0.05 m/s (bilinear interpolation on a 13 x 41 grid; the
  // mismatch only scales the drop chance, the position is only reported). Every legal pass is
  // late exactly when the solver's is, and its ease cost is within 0.5 ms: over these 6,000
  // points (2,800 late passes, ease costs up to 1.8 s) the largest error measured is 0.11 ms,
  // far below the 0.01 s times are shown in (the ease cost adds to the team's time directly).
  for (double decel : {0.0, 0.8}) {
    HandoffParams plan = reference_field("4x100", 38.0, 1)[0].exchanges[0].handoff;
    plan.incoming_decel_mps2 = decel;
    const sim::ExchangeModel m(plan, 0.1, 0.35);
    pcg32 rng(7);
    int compared = 0, late = 0;
    constexpr double kEaseTolS = 5e-4;
    for (int i = 0; i < 3000; ++i) {
      const double u = plan.incoming_speed_mps * (0.92 + 0.16 * sim::Ziggurat::uniform(rng));
      const double tau = plan.reaction_s - 0.3 + 0.6 * sim::Ziggurat::uniform(rng);
      const sim::PassOutcome fast = m.fast(tau, u);
      const sim::PassOutcome exact = m.exact(tau, u);
      double lo = 0, hi = 0;
      m.exact_window(u, lo, hi);
      if (std::abs(tau - lo) < 2e-3 || std::abs(tau - hi) < 2e-3) continue;
      ++compared;
      ASSERT_EQ(fast.legal, exact.legal) << "u " << u << " tau " << tau;
      // Next to the catch-up threshold the position behaves like sqrt(tau - tau_min), which
      // bilinear interpolation cannot follow; legality there is still exact (tested above).
      if (!exact.legal) continue;
      ASSERT_EQ(fast.late, exact.late) << "u " << u << " tau " << tau;
      late += exact.late;
      EXPECT_NEAR(fast.ease_cost_s, exact.ease_cost_s, kEaseTolS) << "u " << u << " tau " << tau;
      if (tau - lo < 0.03) continue;
      EXPECT_NEAR(fast.baton_m, exact.baton_m, 0.2) << "u " << u << " tau " << tau;
      EXPECT_NEAR(fast.mismatch_mps, exact.mismatch_mps, 0.05) << "u " << u << " tau " << tau;
    }
    EXPECT_GT(compared, 2900);
    EXPECT_GT(late, 300);
  }
}

TEST(Simulation, TheTablesAnswerAlmostEveryPass) {
  // The field of bench/compare_sim.sh: eight 4x100 teams, every one with the full exchange
  // model. The tables exist so that the exact solver is rare; when late passes and the
  // neighbourhood of the switch to them went to the solver it answered 15.6 % of the passes
  // and took half the time. Now it answers the incoming speeds three standard deviations
  // above the plan, where the tables are checked and found to stray (about 0.2 %). Counted,
  // not timed.
  const std::vector<SimTeam> field = reference_field("4x100", 38.0, 8);
  SimulationOptions o;
  o.runs = 20000;
  const SimulationResult r = simulate_race(field, RuleSet::wa, o);
  const double passes = 20000.0 * 8 * 3;
  EXPECT_LT(r.solved_passes / passes, 0.01) << r.solved_passes << " of " << passes;
  // With exact_exchanges every pass is solved: the count counts what it says.
  o.runs = 100;
  o.exact_exchanges = true;
  EXPECT_EQ(simulate_race(field, RuleSet::wa, o).solved_passes, 100 * 8 * 3);
}

TEST(ExchangeModel, LegalityAgreesWithTheExactSolverEverywhere) {
  // Departures next to both thresholds of the legal window and around the switch from late
  // to planned passes: the table's legality (with the exact solver where the table defers
  // to it) is the exact solver's, without a margin around the thresholds.
  for (double decel : {0.0, 0.8}) {
    HandoffParams plan = reference_field("4x100", 38.0, 1)[0].exchanges[0].handoff;
    plan.incoming_decel_mps2 = decel;
    const sim::ExchangeModel m(plan, 0.1, 0.35);
    pcg32 rng(11);
    int late = 0, illegal = 0;
    for (int i = 0; i < 3000; ++i) {
      const double u = plan.incoming_speed_mps * (0.92 + 0.16 * sim::Ziggurat::uniform(rng));
      double lo = 0, hi = 0;
      m.exact_window(u, lo, hi);
      const double side = i % 3 == 0 ? lo : i % 3 == 1 ? hi : plan.reaction_s;
      const double tau = side + (i % 3 == 2 ? 0.3 : 0.02) * (2.0 * sim::Ziggurat::uniform(rng) - 1);
      const sim::PassOutcome exact = m.exact(tau, u);
      ASSERT_EQ(m.fast(tau, u).legal, exact.legal) << "u " << u << " tau " << tau;
      late += exact.legal && exact.late;
      illegal += !exact.legal;
    }
    EXPECT_GT(late, 300);
    EXPECT_GT(illegal, 300);
  }
}

TEST(ExchangeModel, MarkErrorIsATimeShiftOfTheIncomingRunner) {
  HandoffParams plan = reference_field("4x100", 38.0, 1)[0].exchanges[0].handoff;
  const sim::ExchangeModel m(plan, 0.1, 0.35);
  // A mark 0.5 m further back is passed 0.5 / u seconds earlier: the same pass as the exact
  // solver with that go-mark.
  HandoffParams moved = plan;
  moved.go_mark_m += 0.5;
  const HandoffResult exact = solve_handoff(moved);
  const sim::PassOutcome pass =
      m.exact(m.tau(0.0, 0.5, plan.incoming_speed_mps), plan.incoming_speed_mps);
  EXPECT_NEAR(pass.baton_m, exact.baton_position_m, 1e-6);
}

TEST(Ziggurat, DrawsStandardNormals) {
  pcg32 rng(1);
  const sim::Ziggurat& z = sim::Ziggurat::instance();
  const int n = 2000000;
  double sum = 0, sum2 = 0;
  int beyond3 = 0;
  for (int i = 0; i < n; ++i) {
    const double x = z(rng);
    sum += x;
    sum2 += x * x;
    beyond3 += std::abs(x) > 3.0;
  }
  EXPECT_NEAR(sum / n, 0.0, 4 * std::sqrt(1.0 / n));
  EXPECT_NEAR(sum2 / n, 1.0, 4 * std::sqrt(2.0 / n));
  // P(|Z| > 3) = 0.0026998; binomial standard error.
  EXPECT_NEAR(beyond3 / double(n), 0.0026998, 4 * std::sqrt(0.0027 / n));
}

}  // namespace
}  // namespace baton
