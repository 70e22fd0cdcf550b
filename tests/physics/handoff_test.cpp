#include "baton/handoff.h"

#include <gtest/gtest.h>

#include <cmath>

#include "baton/error.h"
#include "support/handoff_pairs.h"

namespace baton {
namespace {

using testing::steady_pair;

TEST(Handoff, HandDerivedSteadyIncoming) {
  HandoffParams p = steady_pair();
  p.go_mark_m = 6.5;  // e^-t = 0.5, t = ln 2
  const HandoffResult r = solve_handoff(p);
  ASSERT_TRUE(r.exchanged);
  EXPECT_TRUE(r.legal);
  EXPECT_NEAR(r.exchange_time_s, std::log(2.0), 1e-9);
  // x_out = 10 (ln 2 + 0.5 - 1) = 1.931472; the baton is half the reach behind.
  EXPECT_NEAR(r.baton_position_m, 10.0 * (std::log(2.0) - 0.5) - 0.75, 1e-6);
  EXPECT_NEAR(r.incoming_speed_mps, 10.0, 1e-9);
  EXPECT_NEAR(r.outgoing_speed_mps, 5.0, 1e-6);
}

TEST(Handoff, HandDerivedDeceleratingIncomingWithReaction) {
  // a_in = 1 m/s^2 and reaction 0.2 s: choose M so that the pass happens at t = 1.2 s, when the
  // outgoing runner has run d(1) = 10/e = 3.678794 m and the incoming 10*1.2 - 0.72 = 11.28 m.
  HandoffParams p = steady_pair();
  p.incoming_decel_mps2 = 1.0;
  p.reaction_s = 0.2;
  p.go_mark_m = 1.5 - 10.0 / std::exp(1.0) + 11.28;  // 9.101206
  const HandoffResult r = solve_handoff(p);
  ASSERT_TRUE(r.exchanged);
  EXPECT_NEAR(r.exchange_time_s, 1.2, 1e-9);
  EXPECT_NEAR(r.baton_position_m, 10.0 / std::exp(1.0) - 0.75, 1e-6);
  EXPECT_NEAR(r.incoming_speed_mps, 8.8, 1e-9);
  EXPECT_NEAR(r.outgoing_speed_mps, 10.0 * (1.0 - 1.0 / std::exp(1.0)), 1e-6);
}

TEST(Handoff, NoExchangeWhenTheIncomingRunnerNeverClosesAndNobodyEases) {
  HandoffParams p = steady_pair();
  p.ease_mps2 = 0.0;
  p.go_mark_m = 12.0;  // the gap levels off at M - 10 = 2 m > 1.5 m
  HandoffResult r = solve_handoff(p);
  EXPECT_FALSE(r.exchanged);
  EXPECT_FALSE(r.legal);
  EXPECT_NE(r.reason.find("no exchange"), std::string::npos);

  // A faster outgoing runner: gap(t) = M + t + 11 e^-t - 11 is smallest at t = ln 11, where it
  // is M - 7.602; with M = 10 that is 2.398 m, out of reach.
  p.outgoing = {11.0, 1.0};
  p.go_mark_m = 10.0;
  r = solve_handoff(p);
  EXPECT_FALSE(r.exchanged);
  EXPECT_NEAR(r.closest_gap_m, 10.0 + std::log(11.0) + 1.0 - 11.0, 1e-6);
  EXPECT_NEAR(r.exchange_time_s, std::log(11.0), 1e-6);
}

TEST(Handoff, BatonBeyondTheZoneIsIllegal) {
  HandoffParams p = steady_pair();
  p.start_m = 25.0;
  p.zone_length_m = 30.0;
  p.go_mark_m = 11.0;
  const HandoffResult r = solve_handoff(p);
  ASSERT_TRUE(r.exchanged);
  EXPECT_FALSE(r.legal);
  EXPECT_GT(r.baton_position_m, 30.0);
  EXPECT_NE(r.reason.find("beyond the zone"), std::string::npos);
}

TEST(Handoff, ExchangeAtTheZoneStartIsLegal) {
  HandoffParams p = steady_pair();
  p.start_m = 0.75;  // a pass at once puts the baton exactly on the zone's start line
  p.go_mark_m = 1.5;
  const HandoffResult r = solve_handoff(p);
  ASSERT_TRUE(r.exchanged);
  EXPECT_TRUE(r.legal);
  EXPECT_NEAR(r.exchange_time_s, 0.0, 1e-12);
  EXPECT_NEAR(r.baton_position_m, 0.0, 1e-12);
}

TEST(Handoff, InverseRoundTrips) {
  HandoffParams p = steady_pair();
  p.outgoing = {9.8, 1.1};
  p.reaction_s = 0.15;
  p.incoming_speed_mps = 10.4;
  p.incoming_decel_mps2 = 0.3;
  const double reach = furthest_reachable_baton_m(p);
  ASSERT_GT(reach, 20.0);
  for (double target = 2.0; target < reach; target += 2.0) {
    const HandoffResult r = handoff_for_target(p, target);
    ASSERT_TRUE(r.exchanged) << target << ": " << r.reason;
    EXPECT_NEAR(r.baton_position_m, target, 1e-6);
    HandoffParams q = p;
    q.go_mark_m = r.go_mark_m;
    EXPECT_NEAR(solve_handoff(q).baton_position_m, target, 1e-6);
  }
}

TEST(Handoff, InverseRefusesUnreachableTargets) {
  HandoffParams p = steady_pair();
  p.outgoing = {11.0, 1.0};
  const double reach = furthest_reachable_baton_m(p);
  ASSERT_TRUE(std::isfinite(reach));
  EXPECT_FALSE(handoff_for_target(p, reach + 0.5).exchanged);
  EXPECT_TRUE(handoff_for_target(p, reach - 0.5).exchanged);
  EXPECT_FALSE(handoff_for_target(p, -2.0).exchanged);
}

TEST(Handoff, MarksGrowWithIncomingSpeedAndSlowerAcceleration) {
  HandoffParams p = steady_pair();
  p.outgoing = {10.5, 1.0};
  p.reaction_s = 0.15;
  double last = 0.0;
  for (double u = 9.0; u <= 11.0; u += 0.5) {
    p.incoming_speed_mps = u;
    const HandoffResult r = handoff_for_target(p, 8.0);
    ASSERT_TRUE(r.exchanged) << r.reason;
    const double mark = r.go_mark_m;
    EXPECT_GT(mark, last) << "u = " << u;
    last = mark;
  }
  p.incoming_speed_mps = 10.0;
  last = 0.0;
  for (double tau = 0.8; tau <= 1.6; tau += 0.2) {
    p.outgoing.tau_s = tau;  // slower acceleration at the same top speed
    const HandoffResult r = handoff_for_target(p, 8.0);
    ASSERT_TRUE(r.exchanged) << r.reason;
    const double mark = r.go_mark_m;
    EXPECT_GT(mark, last) << "tau = " << tau;
    last = mark;
  }
}

TEST(Handoff, OutOfRangeParametersAreErrors) {
  HandoffParams p = steady_pair();
  p.start_m = 31.0;
  EXPECT_THROW(solve_handoff(p), ValidationError);
  p = steady_pair();
  p.incoming_speed_mps = -1.0;
  EXPECT_THROW(solve_handoff(p), ValidationError);
  p = steady_pair();
  p.outgoing.tau_s = std::nan("");
  EXPECT_THROW(solve_handoff(p), ValidationError);
}

// The late pass, worked out by hand (docs/HANDOFFS.md "Late passes"). Incoming runner steady
// at 10 m/s; outgoing MSS 11, TAU 1, no reaction, start 0, reach 1.5 m. The speeds match at
// t = ln 11 (11 (1 - e^-t) = 10), where the outgoing runner has run 11 (ln 11 - 10/11) m and
// the gap is M + ln 11 + 1 - 11 (see above). With M = 10 the gap is 2.398 m, 0.898 m more
// than the reach; easing at 3 m/s^2 closes it in s = sqrt(2 * 0.898 / 3) s.
TEST(Handoff, LatePassWhenTheGapStopsClosing) {
  HandoffParams p = steady_pair();
  p.outgoing = {11.0, 1.0};
  p.go_mark_m = 10.0;
  p.ease_mps2 = 3.0;
  const HandoffResult r = solve_handoff(p);
  const double t_match = std::log(11.0);
  const double excess = 10.0 + std::log(11.0) + 1.0 - 11.0 - 1.5;
  const double s = std::sqrt(2.0 * excess / 3.0);
  const double x_match = 11.0 * (t_match - 10.0 / 11.0);
  ASSERT_TRUE(r.exchanged);
  EXPECT_TRUE(r.late);
  EXPECT_TRUE(r.legal) << r.reason;
  EXPECT_NEAR(r.ease_s, s, 1e-6);
  EXPECT_NEAR(r.exchange_time_s, t_match + s, 1e-6);
  EXPECT_NEAR(r.outgoing_speed_mps, 10.0 - 3.0 * s, 1e-6);
  EXPECT_NEAR(r.incoming_speed_mps, 10.0, 1e-12);
  EXPECT_NEAR(r.baton_position_m, x_match + 10.0 * s - 1.5 * s * s - 0.75, 1e-6);
  // Over the rest of the leg the eased runner lags the undisturbed one by what the curve says:
  // on the curve, speed 10 - 3 s is reached at t* = -ln(1 - v/11); far down the track both run
  // d/11 + 1 + const, so the lag is t_pass - t* + (d(t*) - run) / 11.
  const double v = 10.0 - 3.0 * s;
  const double t_star = -std::log(1.0 - v / 11.0);
  const double d_star = 11.0 * (t_star + std::exp(-t_star) - 1.0);
  const double run = r.baton_position_m + 0.75;
  EXPECT_NEAR(r.ease_cost_s, t_match + s - t_star + (d_star - run) / 11.0, 1e-6);
  EXPECT_GT(r.ease_cost_s, 0.0);
}

TEST(Handoff, LatePassBeyondTheZoneIsTheOnlyDisqualification) {
  HandoffParams p = steady_pair();
  p.outgoing = {11.0, 1.0};
  p.ease_mps2 = 3.0;
  p.zone_length_m = 20.0;
  p.go_mark_m = 14.0;  // 4.4 m short at the speed match: the late pass runs past 20 m
  const HandoffResult r = solve_handoff(p);
  EXPECT_TRUE(r.exchanged);
  EXPECT_TRUE(r.late);
  EXPECT_FALSE(r.legal);
  EXPECT_GT(r.baton_position_m, 20.0);
  EXPECT_NE(r.reason.find("beyond the zone"), std::string::npos);
}

TEST(Handoff, BatonExitOfALatePassIsTheReaccelerationOnTheCurve) {
  HandoffParams p = steady_pair();
  p.outgoing = {11.0, 1.0};
  p.go_mark_m = 10.0;
  const HandoffResult r = solve_handoff(p);
  ASSERT_TRUE(r.late && r.legal);
  // Independent: step the eased runner forward from the pass at its speed with
  // dv/dt = (11 - v) / 1 (the curve's own acceleration at speed v) until the baton, 0.75 m
  // behind the body, reaches 30 m.
  double t = r.exchange_time_s, x = r.baton_position_m, v = r.outgoing_speed_mps;
  const double dt = 1e-6;
  while (x < 30.0) {
    const double a = 11.0 - v;
    x += v * dt + 0.5 * a * dt * dt;
    v += a * dt;
    t += dt;
  }
  EXPECT_NEAR(baton_exit_s(p, r), t, 1e-4);
}

}  // namespace
}  // namespace baton
