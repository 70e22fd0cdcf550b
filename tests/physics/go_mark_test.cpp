#include "baton/go_mark.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "baton/error.h"
#include "support/handoff_pairs.h"

namespace baton {
namespace {

using testing::steady_pair;

// A typical elite pair: the incoming runner at 10.6 m/s, the outgoing MSS 10.9, TAU 1.1.
HandoffParams elite() {
  HandoffParams p;
  p.incoming_speed_mps = 10.6;
  p.outgoing = {10.9, 1.1};
  p.reaction_s = 0.15;
  return p;
}

// The baton's crossing times found by bisection on its trajectory (the incoming runner's hand
// free/2 ahead of the body until the pass, the outgoing runner's free/2 behind after it): an
// independent check of the closed form.
double baton_time_by_trajectory(const HandoffParams& p) {
  const HandoffResult r = solve_handoff(p);
  const double f = p.free_distance_m;
  auto in = [&](double t) {
    return p.start_m - p.go_mark_m + p.incoming_speed_mps * t -
           0.5 * p.incoming_decel_mps2 * t * t + 0.5 * f;
  };
  auto out = [&](double t) {
    return p.start_m + sprint_distance_m(p.outgoing, t - p.reaction_s) - 0.5 * f;
  };
  auto cross = [](auto fn, double lo, double hi, double level) {
    for (int i = 0; i < 200; ++i) {
      const double mid = 0.5 * (lo + hi);
      (fn(mid) < level ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
  };
  const double enter = cross(in, -10.0, r.exchange_time_s, 0.0);
  const double leave = cross(out, r.exchange_time_s, 60.0, p.zone_length_m);
  return leave - enter;
}

TEST(BatonTime, HandDerivedSteadyIncoming) {
  HandoffParams p = steady_pair();
  p.go_mark_m = 6.5;
  // The baton enters after 5.75 m at 10 m/s (0.575 s) and leaves when the outgoing runner has
  // run 30.75 m: t + e^-t = 4.075, t = 4.057711 s.
  const auto t = baton_time_s(p);
  ASSERT_TRUE(t.has_value());
  EXPECT_NEAR(*t, 4.057711 - 0.575, 1e-5);
  EXPECT_NEAR(*t, baton_time_by_trajectory(p), 1e-9);
}

TEST(BatonTime, MatchesTheTrajectoryWithDecelerationAndReaction) {
  HandoffParams p = elite();
  p.incoming_decel_mps2 = 0.4;
  p.start_m = 2.0;
  for (double mark = 6.0; mark <= 10.5; mark += 1.5) {
    p.go_mark_m = mark;
    const auto t = baton_time_s(p);
    ASSERT_TRUE(t.has_value()) << mark;
    EXPECT_NEAR(*t, baton_time_by_trajectory(p), 1e-9) << mark;
  }
}

TEST(BatonTime, NoneForAnIllegalPass) {
  HandoffParams p = steady_pair();
  p.go_mark_m = 12.0;  // never closes
  EXPECT_FALSE(baton_time_s(p).has_value());
}

// Brute force: a fine grid over reaction (+-7 sd) and mark error (+-8 sd), every point solved
// with the forward solver.
MarkRisk brute_force(const HandoffParams& p, double mark, const GoMarkOptions& o, int n) {
  MarkRisk r;
  double total_w = 0.0;
  double legal_w = 0.0;
  double legal_t = 0.0;
  for (int i = 0; i <= n; ++i) {
    const double zr = -7.0 + 14.0 * i / n;
    const double wr = std::exp(-0.5 * zr * zr) * ((i == 0 || i == n) ? 0.5 : 1.0);
    for (int j = 0; j <= n; ++j) {
      const double zm = -8.0 + 16.0 * j / n;
      const double w = wr * std::exp(-0.5 * zm * zm) * ((j == 0 || j == n) ? 0.5 : 1.0);
      HandoffParams q = p;
      q.reaction_s = std::max(0.0, p.reaction_s + o.exchange.reaction_sd_s * zr);
      q.go_mark_m = mark + o.exchange.mark_sd_m * zm;
      const HandoffResult h = solve_handoff(q);
      total_w += w;
      if (h.legal) {
        legal_w += w;
        legal_t += w * (*baton_time_s(q) + (h.late ? o.exchange.late_pass_cost_s : 0.0));
        if (h.late) r.p_late += w;
      } else if (!h.exchanged) {
        r.p_no_exchange += w;
      } else if (h.baton_position_m < 0.0) {
        r.p_before_zone += w;
      } else {
        r.p_beyond_zone += w;
      }
    }
  }
  r.p_no_exchange /= total_w;
  r.p_late /= total_w;
  r.p_before_zone /= total_w;
  r.p_beyond_zone /= total_w;
  r.p_illegal = 1.0 - legal_w / total_w;
  r.expected_time_s = legal_t / total_w + o.exchange.failure_cost_s * r.p_illegal;
  return r;
}

TEST(GoMarkRisk, MatchesBruteForceIntegration) {
  struct Case {
    HandoffParams p;
    double mark;
  };
  HandoffParams decel = elite();
  decel.incoming_decel_mps2 = 0.5;
  HandoffParams fast_out = steady_pair();
  fast_out.outgoing = {11.0, 1.0};
  fast_out.reaction_s = 0.15;
  HandoffParams no_ease = elite();
  no_ease.ease_mps2 = 0.0;
  // Marks past the speed match: late (eased) passes, some of them beyond the zone.
  const std::vector<Case> cases = {{elite(), 12.0}, {elite(), 14.5},  {decel, 13.0},
                                   {fast_out, 9.5}, {fast_out, 10.2}, {fast_out, 11.0},
                                   {decel, 15.5},   {no_ease, 14.5},  {elite(), 16.0}};
  GoMarkOptions o;
  o.exchange.reaction_sd_s = 0.05;
  o.exchange.mark_sd_m = 0.3;
  for (const Case& c : cases) {
    const MarkRisk exact = evaluate_go_mark(c.p, c.mark, o);
    const MarkRisk brute = brute_force(c.p, c.mark, o, 240);
    EXPECT_NEAR(exact.p_illegal, brute.p_illegal, 2e-4) << c.mark;
    // Beyond the zone and no exchange at all both mean the pass never came inside the zone;
    // where the speeds match only past its end the two name the same outcome.
    EXPECT_NEAR(exact.p_beyond_zone + exact.p_no_exchange,
                brute.p_beyond_zone + brute.p_no_exchange, 2e-4)
        << c.mark;
    EXPECT_NEAR(exact.p_before_zone, brute.p_before_zone, 2e-4) << c.mark;
    EXPECT_NEAR(exact.p_late, brute.p_late, 2e-4) << c.mark;
    EXPECT_NEAR(exact.expected_time_s, brute.expected_time_s, 2e-3) << c.mark;
  }
}

TEST(GoMarkRisk, NoSpreadIsTheDeterministicPass) {
  HandoffParams p = elite();
  GoMarkOptions o;
  o.exchange.reaction_sd_s = 0.0;
  o.exchange.mark_sd_m = 0.0;
  p.go_mark_m = 11.0;
  const MarkRisk r = evaluate_go_mark(p, 11.0, o);
  EXPECT_EQ(r.p_illegal, 0.0);
  EXPECT_NEAR(r.expected_time_s, *baton_time_s(p), 1e-12);
  p.go_mark_m = 40.0;  // the late pass runs far beyond the zone
  const MarkRisk fail = evaluate_go_mark(p, 40.0, o);
  EXPECT_EQ(fail.p_illegal, 1.0);
  EXPECT_EQ(fail.expected_time_s, o.exchange.failure_cost_s);
  p.ease_mps2 = 0.0;  // nobody eases: no exchange at all
  EXPECT_EQ(evaluate_go_mark(p, 40.0, o).p_no_exchange, 1.0);
}

TEST(GoMarkRisk, RiskRisesAsTheMarkLengthensNearTheZoneEnd) {
  const HandoffParams p = elite();
  const double longest = best_go_mark(p).longest_legal_mark_m;
  double last = -1.0;
  for (double mark = longest - 2.0; mark <= longest + 1.0; mark += 0.25) {
    const double risk = evaluate_go_mark(p, mark).p_illegal;
    EXPECT_GT(risk, last) << mark;
    last = risk;
  }
  EXPECT_GT(last, 0.9);
}

TEST(BestGoMark, IsTheMinimumOfAFineGrid) {
  for (const HandoffParams& p : {elite(), steady_pair()}) {
    const GoMarkPlan plan = best_go_mark(p);
    ASSERT_TRUE(plan.feasible) << plan.reason;
    double grid_best = 1e9;
    for (double m = 0.0; m <= 30.0; m += 0.01) {
      grid_best = std::min(grid_best, evaluate_go_mark(p, m).expected_time_s);
    }
    EXPECT_LE(plan.best.expected_time_s, grid_best + 1e-9);
    EXPECT_GT(plan.cost_short_s, 0.0);
    EXPECT_GT(plan.cost_long_s, 0.0);
    EXPECT_GT(plan.mark_margin_m, 0.0);
    EXPECT_GT(plan.zone_end_margin_m, 0.0);
    EXPECT_LT(plan.best.p_illegal, 0.05);
  }
}

TEST(BestGoMark, HigherFailureCostMeansAShorterSaferMark) {
  GoMarkOptions cheap;
  cheap.exchange.failure_cost_s = 3.0;
  GoMarkOptions dear;
  dear.exchange.failure_cost_s = 45.0;
  const GoMarkPlan a = best_go_mark(elite(), cheap);
  const GoMarkPlan b = best_go_mark(elite(), dear);
  EXPECT_GT(a.best.go_mark_m, b.best.go_mark_m);
  EXPECT_GT(a.best.p_illegal, b.best.p_illegal);
}

TEST(BestGoMark, ElitePairsMarkIsTheBruteForceBestAndPassesWhereTheKinematicsSay) {
  HandoffParams p = elite();
  p.ease_mps2 = 0.0;  // the kinematics of docs/HANDOFFS.md section 1 alone
  const GoMarkPlan plan = best_go_mark(p);
  ASSERT_TRUE(plan.feasible) << plan.reason;
  // The longest legal mark from the kinematics alone (docs/HANDOFFS.md): legality only gets
  // lost as the mark grows, so bisect on it.
  double lo = 0.0, hi = 30.0;
  for (int i = 0; i < 60; ++i) {
    HandoffParams q = p;
    q.go_mark_m = 0.5 * (lo + hi);
    (testing::pass_by_hand(q).legal ? lo : hi) = q.go_mark_m;
  }
  EXPECT_NEAR(plan.longest_legal_mark_m, lo, 1e-3);
  // The recommended mark is the minimum of the expected time over every mark, 1 cm apart.
  double grid_mark = 0.0, grid_best = 1e9;
  for (double m = 0.0; m <= 30.0; m += 0.01) {
    const double t = evaluate_go_mark(p, m).expected_time_s;
    if (t < grid_best) grid_best = t, grid_mark = m;
  }
  EXPECT_NEAR(plan.best.go_mark_m, grid_mark, 0.02);
  EXPECT_NEAR(plan.mark_margin_m, lo - plan.best.go_mark_m, 1e-3);
  // At that mark the nominal pass is where and when the kinematics put it.
  HandoffParams q = p;
  q.go_mark_m = plan.best.go_mark_m;
  const testing::PassByHand hand = testing::pass_by_hand(q);
  ASSERT_TRUE(hand.legal);
  EXPECT_NEAR(plan.nominal.baton_position_m, hand.baton_m, 1e-3);
  EXPECT_NEAR(plan.nominal.exchange_time_s, hand.time_s, 1e-4);
  EXPECT_NEAR(plan.zone_end_margin_m, 30.0 - hand.baton_m, 1e-3);
}

TEST(GoMarkOptions, OutOfRangeIsAnError) {
  GoMarkOptions o;
  o.exchange.reaction_sd_s = -0.1;
  EXPECT_THROW(evaluate_go_mark(elite(), 10.0, o), ValidationError);
  o = {};
  o.exchange.failure_cost_s = 0.0;
  EXPECT_THROW(best_go_mark(elite(), o), ValidationError);
}

}  // namespace
}  // namespace baton
