#include "baton/relay_plan.h"

#include <gtest/gtest.h>

#include "baton/error.h"

namespace baton {
namespace {

TEST(ExchangePlan, BlindZoneGetsTheBestMark) {
  const Event relay = find_event("4x100", RuleSet::wa);
  const HandPlan hands = plan_hands(relay);
  PairMotion pair;
  pair.incoming_speed_mps = 10.6;
  pair.outgoing = {10.9, 1.1};
  pair.foot_length_m = 0.3;
  const ExchangePlan plan = plan_exchange(relay.exchanges[0], hands.exchanges[0], pair);
  HandoffParams p;
  p.incoming_speed_mps = 10.6;
  p.outgoing = {10.9, 1.1};
  p.free_distance_m = hands.exchanges[0].free_distance_m;
  const GoMarkPlan best = best_go_mark(p);
  EXPECT_NEAR(plan.go_mark_m, best.best.go_mark_m, 1e-9);
  EXPECT_NEAR(plan.go_mark_foot_lengths, plan.go_mark_m / 0.3, 1e-9);
  EXPECT_NEAR(plan.p_illegal, best.best.p_illegal, 1e-12);
  EXPECT_TRUE(plan.legal);
  EXPECT_NE(plan.cue.find("foot lengths"), std::string::npos);
}

TEST(ExchangePlan, VisualZoneGetsACueInsideTheZone) {
  const Event relay = find_event("4x400", RuleSet::wa);
  const HandPlan hands = plan_hands(relay);
  PairMotion pair;
  pair.incoming_speed_mps = 7.0;
  pair.incoming_decel_mps2 = 0.3;
  pair.outgoing = {9.0, 1.2};
  const ExchangePlan plan = plan_exchange(relay.exchanges[1], hands.exchanges[1], pair);
  ASSERT_TRUE(plan.legal) << plan.reason;
  EXPECT_GT(plan.baton_position_m, 0.0);
  EXPECT_LE(plan.baton_position_m, relay.exchanges[1].zone_length_m - 2.0 + 1e-9);
  // The outgoing runner is still slower than the incoming one at the pass.
  EXPECT_NEAR(plan.outgoing_speed_mps, 0.7 * 7.0, 1e-6);
  EXPECT_LT(plan.outgoing_speed_mps, plan.incoming_speed_mps);
  EXPECT_NE(plan.cue.find("m away"), std::string::npos);
}

}  // namespace
}  // namespace baton
