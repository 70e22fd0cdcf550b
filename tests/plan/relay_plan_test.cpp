#include "baton/relay_plan.h"

#include <gtest/gtest.h>

#include "baton/athlete_model.h"
#include "baton/error.h"
#include "baton/team_file.h"
#include "support/run_cli.h"

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

Team riverside() { return load_team(testing::source_path("examples/riverside.toml")); }

TEST(RelayPlan, SplitsMatchThePredictionAndMarksTheSolver) {
  const Team team = riverside();
  const Event relay = find_event("4x100", team.rules);
  const std::vector<std::string> order = {"Ava Brooks", "Maya Johnson", "Zoe Carter",
                                          "Lily Nguyen"};
  const RelayPlan plan = build_relay_plan(team, relay, order);
  const RelayPrediction prediction = predict_relay(team, relay, order);
  EXPECT_DOUBLE_EQ(plan.team_time_s, prediction.team_time_s);
  ASSERT_EQ(plan.legs.size(), 4u);
  for (size_t i = 0; i < 4; ++i) EXPECT_DOUBLE_EQ(plan.legs[i].split_s, prediction.legs[i].split_s);
  ASSERT_EQ(plan.exchanges.size(), 3u);
  // Exchange 2 rebuilt by hand: Maya's speed at the end of leg 2, Zoe's standing-start curve,
  // a failure costing the predicted race.
  const AthleteModel maya = model_athlete(team.athlete("Maya Johnson"));
  const AthleteModel zoe = model_athlete(team.athlete("Zoe Carter"));
  const LegPrediction leg = predict_leg(maya, relay, 1);
  HandoffParams p;
  p.incoming_speed_mps = leg.end_speed_mps;
  p.incoming_decel_mps2 = leg.end_decel_mps2;
  p.outgoing = zoe.curve;
  p.free_distance_m = 1.5;  // the downsweep's reach
  GoMarkOptions o;
  o.exchange.failure_cost_s = plan.team_time_s;
  const GoMarkPlan best = best_go_mark(p, o);
  const ExchangePlan& x = plan.exchanges[1].plan;
  EXPECT_EQ(plan.exchanges[1].from, "Maya Johnson");
  EXPECT_EQ(plan.exchanges[1].to, "Zoe Carter");
  EXPECT_NEAR(x.go_mark_m, best.best.go_mark_m, 1e-9);
  EXPECT_NEAR(x.p_illegal, best.best.p_illegal, 1e-12);
  // Zoe has no foot length in the file: the default 0.28 m.
  EXPECT_NEAR(x.go_mark_foot_lengths, x.go_mark_m / kDefaultFootLengthM, 1e-9);
  // Zoe prefers her left hand but leg 3 carries right.
  ASSERT_FALSE(plan.warnings.empty());
  EXPECT_NE(plan.warnings.back().find("Zoe Carter"), std::string::npos);
}

TEST(RelayPlan, PairModeMatchesTheRelayPlan) {
  const Team team = riverside();
  const Event relay = find_event("4x100", team.rules);
  RelayPlanOptions options;
  options.failure_costs_the_race = false;
  const RelayPlanExchange pair = plan_pair(team, relay, 0, "Ava Brooks", "Maya Johnson", options);
  const RelayPlan plan = build_relay_plan(
      team, relay, {"Ava Brooks", "Maya Johnson", "Zoe Carter", "Lily Nguyen"}, options);
  EXPECT_NEAR(pair.plan.go_mark_m, plan.exchanges[0].plan.go_mark_m, 1e-12);
  EXPECT_NEAR(pair.plan.go_mark_foot_lengths, pair.plan.go_mark_m / 0.27, 1e-9);  // Maya's feet
  EXPECT_THROW(plan_pair(team, relay, 3, "Ava Brooks", "Maya Johnson"), ValidationError);
  EXPECT_THROW(plan_pair(team, relay, 0, "Nobody", "Maya Johnson"), NotFoundError);
}

// The splits and the exchanges read the same settings: the technique's reach sets the plan's
// hand-offs and the predicted team time alike. With the pass aimed at a fixed point P of the
// zone, the outgoing runner is at P + f/2 and the incoming one at P - f/2, so the pair term
// (incoming minus outgoing time from the scratch line to those points) moves by
// -(df / 2)(1/u + 1/v) per blind exchange, u and v the two runners' speeds there: linear in the
// reach, and between 1/12 and 1/6 s per metre for speeds of 6-12 m/s.
TEST(RelayPlan, PredictionAndPlanPassWithTheSameReach) {
  const Team team = riverside();
  const Event relay = find_event("4x100", team.rules);
  const std::vector<std::string> order = {"Zoe Carter", "Lily Nguyen", "Ava Brooks",
                                          "Maya Johnson"};
  const auto plan_with = [&](Technique t) {
    RelayPlanOptions o;
    o.predict.exchange.blind_technique = t;
    const RelayPlan plan = build_relay_plan(team, relay, order, o);
    EXPECT_DOUBLE_EQ(plan.team_time_s, predict_relay(team, relay, order, o.predict).team_time_s);
    for (const RelayPlanExchange& x : plan.exchanges) {
      EXPECT_DOUBLE_EQ(x.plan.handoff.free_distance_m, o.predict.exchange.reach_m(t));
    }
    return plan.team_time_s;
  };
  const double down = plan_with(Technique::downsweep);  // 1.5 m
  const double up = plan_with(Technique::upsweep);      // 1.15 m
  const double push = plan_with(Technique::push);       // 1.6 m
  const double per_metre = (up - down) / (3 * 0.35);
  EXPECT_GT(per_metre, 1.0 / 12.0);
  EXPECT_LT(per_metre, 1.0 / 6.0);
  EXPECT_NEAR((down - push) / (3 * 0.1), per_metre, 0.02 * per_metre);
}

}  // namespace
}  // namespace baton
