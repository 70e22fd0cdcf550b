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

TEST(Handoff, NoExchangeWhenTheIncomingRunnerNeverCloses) {
  HandoffParams p = steady_pair();
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

}  // namespace
}  // namespace baton
