#include "baton/relay_plan.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "baton/athlete_model.h"
#include "baton/error.h"
#include "baton/go_mark.h"
#include "baton/leg_prediction.h"
#include "baton/team_file.h"
#include "support/handoff_pairs.h"
#include "support/run_cli.h"

namespace baton {
namespace {

// The expected baton time of the best mark 1 cm apart: what the planned pass gives up for a
// receiver near full speed.
double best_expected_on_a_grid(HandoffParams p, double failure_cost_s) {
  GoMarkOptions o;
  o.exchange.failure_cost_s = failure_cost_s;
  double best = 1e9;
  for (double m = 0.0; m <= 30.0; m += 0.01)
    best = std::min(best, evaluate_go_mark(p, m, o).expected_time_s);
  return best;
}

TEST(ExchangePlan, BlindZoneGetsThePlannedPass) {
  const Event relay = find_event("4x100", RuleSet::wa);
  const HandPlan hands = plan_hands(relay);
  PairMotion pair;
  pair.incoming_speed_mps = 10.6;
  pair.outgoing = {10.9, 1.1};
  pair.foot_length_m = 0.3;
  ExchangeSettings options;
  options.blind_start_m = 0.0;
  options.blind_reaction_s = 0.15;
  const ExchangePlan plan = plan_exchange(relay.exchanges[0], hands.exchanges[0], pair, options);
  ASSERT_TRUE(plan.legal) << plan.reason;
  // WA rule 24: a 30 m zone with the scratch line 20 m in.
  EXPECT_EQ(plan.zone_length_m, 30.0);
  EXPECT_EQ(plan.scratch_from_zone_start_m, 20.0);
  // The pass at the planned mark, worked out from the kinematics alone.
  HandoffParams p;
  p.incoming_speed_mps = 10.6;
  p.outgoing = {10.9, 1.1};
  p.reaction_s = 0.15;
  p.start_m = 0.0;
  p.zone_length_m = 30.0;
  p.free_distance_m = hands.exchanges[0].free_distance_m;
  p.go_mark_m = plan.go_mark_m;
  const testing::PassByHand hand = testing::pass_by_hand(p);
  ASSERT_TRUE(hand.legal);
  EXPECT_NEAR(plan.baton_position_m, hand.baton_m, 1e-3);
  EXPECT_NEAR(plan.exchange_time_s, hand.time_s, 1e-4);
  EXPECT_NEAR(plan.incoming_speed_mps, 10.6, 1e-9);
  EXPECT_NEAR(plan.outgoing_speed_mps, hand.out_mps, 1e-3);
  // 0.3 m feet.
  EXPECT_NEAR(plan.go_mark_foot_lengths, plan.go_mark_m / 0.3, 1e-9);
  // The outgoing runner at 85 % of the steady 10.6 m/s: 9.01 m/s after
  // t = 1.1 ln(10.9 / (10.9 - 9.01)) = 1.9272 s and d = 10.9 (t - 1.1 (1 - e^(-t/1.1))) m of
  // running; the baton half the reach behind.
  const double t = 1.1 * std::log(10.9 / (10.9 - 0.85 * 10.6));
  const double d = 10.9 * (t - 1.1 * (1.0 - std::exp(-t / 1.1)));
  EXPECT_NEAR(plan.outgoing_speed_mps, 0.85 * 10.6, 1e-6);
  EXPECT_NEAR(plan.baton_position_m, d - 0.5 * p.free_distance_m, 1e-6);
  EXPECT_NEAR(plan.exchange_time_s, 0.15 + t, 1e-6);
  // Against the mark with the least expected baton time (brute force over the zone) it gives
  // up 0.15 s here, the late passes (the gap closing slowly near the speed match) priced in;
  // its risk of a failed pass stays under the 5 % that would need a warning.
  EXPECT_LT(plan.expected_time_s, best_expected_on_a_grid(p, plan.failure_cost_s) + 0.2);
  EXPECT_GT(plan.p_illegal, 0.0);
  EXPECT_LT(plan.p_illegal, kMaxPlainRisk);
  EXPECT_EQ(plan.safer_go_mark_m, 0.0);
  EXPECT_NE(plan.rationale.find("85 %"), std::string::npos);
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

TEST(RelayPlan, SplitsAddUpAndEveryMarkGivesThePassItPlans) {
  const Team team = riverside();
  const Event relay = find_event("4x100", team.rules);
  const std::vector<std::string> order = {"Ava Brooks", "Maya Johnson", "Zoe Carter",
                                          "Lily Nguyen"};
  const RelayPlan plan = build_relay_plan(team, relay, order);
  const RelayPrediction predicted = predict_relay(team, relay, order);
  EXPECT_NEAR(plan.team_time_s, predicted.team_time_s, 1e-9);
  ASSERT_EQ(plan.legs.size(), 4u);
  double sum = 0.0;
  for (size_t i = 0; i < 4; ++i) sum += plan.legs[i].split_s;
  EXPECT_NEAR(sum, plan.team_time_s, 1e-9);
  // NFHS girls' 4x100 in 45-60 s.
  EXPECT_GT(plan.team_time_s, 45.0);
  EXPECT_LT(plan.team_time_s, 60.0);
  ASSERT_EQ(plan.exchanges.size(), 3u);
  for (size_t k = 0; k < 3; ++k) {
    const ExchangePlan& x = plan.exchanges[k].plan;
    EXPECT_EQ(plan.exchanges[k].from, order[k]);
    EXPECT_EQ(plan.exchanges[k].to, order[k + 1]);
    ASSERT_TRUE(x.legal) << x.reason;
    // The planned mark run through the kinematics by hand gives the planned pass.
    EXPECT_EQ(x.handoff.go_mark_m, x.go_mark_m);
    EXPECT_EQ(x.handoff.free_distance_m, x.hands.free_distance_m);
    const testing::PassByHand hand = testing::pass_by_hand(x.handoff);
    ASSERT_TRUE(hand.legal) << k;
    EXPECT_NEAR(x.baton_position_m, hand.baton_m, 1e-3) << k;
    EXPECT_NEAR(x.exchange_time_s, hand.time_s, 1e-4) << k;
    EXPECT_NEAR(x.incoming_speed_mps, hand.in_mps, 1e-3) << k;
    EXPECT_NEAR(x.outgoing_speed_mps, hand.out_mps, 1e-3) << k;
    // A failed pass costs the whole race; the outgoing runner is at 85 % of the incoming
    // runner's speed or more, at the mark the prediction prices, which gives up at most 0.2 s
    // of expected baton time against the best mark on a grid.
    EXPECT_NEAR(x.failure_cost_s, plan.team_time_s, 1e-9) << k;
    EXPECT_GE(x.outgoing_speed_mps, 0.85 * x.incoming_speed_mps - 1e-9) << k;
    EXPECT_NEAR(x.go_mark_m, predicted.legs[k].go_mark_m, 1e-9) << k;
    // ... and the prediction's pass, the one its baton-to-baton splits are timed on, is the
    // plan's.
    EXPECT_NEAR(predicted.legs[k].pass_m, x.baton_position_m - x.scratch_from_zone_start_m, 1e-3)
        << k;
    EXPECT_LT(x.expected_time_s, best_expected_on_a_grid(x.handoff, x.failure_cost_s) + 0.2) << k;
    EXPECT_LT(x.p_illegal, kMaxPlainRisk) << k;
  }
  // Leg 1's split runs from the gun to its pass, kept to the hundredth.
  EXPECT_NEAR(
      plan.legs[0].split_s,
      std::round(100.0 * (predicted.legs[0].own_s + predicted.legs[0].pass_offset_s)) / 100.0,
      1e-9);
  const ExchangePlan& x = plan.exchanges[1].plan;
  // Zoe has no foot length in the file: the default 0.28 m.
  EXPECT_NEAR(x.go_mark_foot_lengths, x.go_mark_m / 0.28, 1e-9);
  // Zoe prefers her left hand but leg 3 carries right.
  ASSERT_FALSE(plan.warnings.empty());
  EXPECT_NE(plan.warnings.back().find("Zoe Carter"), std::string::npos);
}

TEST(RelayPlan, PracticeTermsJoinThePairTermsOfTheOrder) {
  const Team team = riverside();
  const Event event = find_event("4x100", team.rules);
  const std::vector<std::string> order = {"Zoe Carter", "Lily Nguyen", "Ava Brooks",
                                          "Maya Johnson"};
  const RelayPlan plain = build_relay_plan(team, event, order);
  RelayPlanOptions o;
  o.predict.order_practice_s = {0.0, -0.04, 0.25};
  const RelayPlan drilled = build_relay_plan(team, event, order, o);
  // Exchange 2's term lands in leg 3's split (the pass that gives leg 3 the baton comes no
  // later, the pair term is run after it), exchange 3's in leg 4's; the marks do not move.
  EXPECT_NEAR(drilled.team_time_s, plain.team_time_s + 0.21, 1e-9);
  EXPECT_NEAR(drilled.legs[0].split_s, plain.legs[0].split_s, 1e-9);
  EXPECT_NEAR(drilled.legs[1].split_s, plain.legs[1].split_s, 1e-9);
  EXPECT_NEAR(drilled.legs[2].split_s, plain.legs[2].split_s - 0.04, 1e-9);
  EXPECT_NEAR(drilled.legs[3].split_s, plain.legs[3].split_s + 0.25, 1e-9);
  EXPECT_EQ(drilled.practice_s, o.predict.order_practice_s);
  EXPECT_EQ(plain.practice_s, (std::vector<double>{0.0, 0.0, 0.0}));
  for (size_t k = 0; k < 3; ++k) {
    EXPECT_EQ(drilled.exchanges[k].plan.go_mark_m, plain.exchanges[k].plan.go_mark_m);
  }
  // One term per exchange, finite: anything else is refused, and so is a cost table asked to
  // carry one order's terms.
  o.predict.order_practice_s = {0.1, 0.2};
  EXPECT_THROW(build_relay_plan(team, event, order, o), ValidationError);
  o.predict.order_practice_s = {0.0, std::nan(""), 0.0};
  EXPECT_THROW(build_relay_plan(team, event, order, o), ValidationError);
  o.predict.order_practice_s = {0.0, 0.0, 0.0};
  EXPECT_THROW(relay_costs(team, event, o.predict), ValidationError);
}

// A sprinter who fades: the example girls with Maya Johnson at 26.00 s for 200 m (her 100 m
// stays 12.08 s), run third in the 4x200, so she brings the baton into the third zone at about
// 5.5 m/s.
Team fading_third_runner() {
  Team team = riverside();
  for (Athlete& a : team.athletes) {
    if (a.name == "Maya Johnson") a.set_best({200.0, {26.0, false}});
  }
  return team;
}
const std::vector<std::string> kFadingOrder = {"Ava Brooks", "Lily Nguyen", "Maya Johnson",
                                               "Zoe Carter"};

// Maya slows so much over her 200 m that Zoe reaches 85 % of her speed within a few metres; when
// the team lets the pass come that early, the speed rule's mark fails 9.0 % of the time (a pass
// before the zone). The plan runs the nearest mark failing at most 5 % instead, and the
// prediction prices that same mark.
TEST(RelayPlan, AMarkFailingMoreThanOneInTwentyIsMovedToTheNearestSaferOne) {
  const Team team = fading_third_runner();
  const Event relay = find_event("4x200", team.rules);
  const std::vector<std::string> order = kFadingOrder;
  // A team that lets the pass come right at the start of the zone (earliest_pass_m 0): the
  // outgoing runner stays at the back of the zone and the speed rule's pass comes about 1.3 m
  // into it, where a late start loses the baton before the zone.
  RelayPlanOptions options;
  options.predict.exchange.earliest_pass_m = 0.0;
  const RelayPlan plan = build_relay_plan(team, relay, order, options);
  const RelayPrediction predicted = predict_relay(team, relay, order, options.predict);
  EXPECT_NEAR(plan.team_time_s, predicted.team_time_s, 1e-9);
  const ExchangePlan& x = plan.exchanges[2].plan;
  ASSERT_TRUE(x.made_safer);
  ASSERT_TRUE(x.legal) << x.reason;
  EXPECT_NEAR(x.go_mark_m, predicted.legs[2].go_mark_m, 1e-9);
  const GoMarkOptions spread{};  // the team file sets no spreads: the defaults
  HandoffParams p = x.handoff;
  // The speed rule's own mark (85 % of the incoming speed, by 75 % of the zone), and it is
  // too risky.
  const HandoffResult rule = handoff_for_speed_fraction(p, 0.85, 0.0, 0.75 * p.zone_length_m);
  ASSERT_TRUE(rule.exchanged && rule.legal);
  EXPECT_NEAR(rule.go_mark_m, x.speed_rule_go_mark_m, 1e-9);
  const double rule_risk = evaluate_go_mark(p, x.speed_rule_go_mark_m, spread).p_illegal;
  EXPECT_NEAR(x.speed_rule_p_illegal, rule_risk, 1e-12);
  EXPECT_GT(rule_risk, kMaxPlainRisk);
  // The plan's mark is at most 5 %, and every mark on a 1 cm grid nearer to the rule's (short
  // of the 5 cm step the search takes) is above it.
  EXPECT_LE(evaluate_go_mark(p, x.go_mark_m, spread).p_illegal, kMaxPlainRisk);
  EXPECT_NEAR(x.p_illegal, evaluate_go_mark(p, x.go_mark_m, spread).p_illegal, 1e-12);
  const double gap = std::abs(x.go_mark_m - x.speed_rule_go_mark_m);
  EXPECT_GT(gap, 0.0);
  for (double d = 0.0; d < gap - 0.05; d += 0.01) {
    for (double m : {x.speed_rule_go_mark_m - d, x.speed_rule_go_mark_m + d}) {
      EXPECT_GT(evaluate_go_mark(p, m, spread).p_illegal, kMaxPlainRisk) << m;
    }
  }
  EXPECT_NE(x.rationale.find("the speed rule's mark, 4.76 m, would fail 9.0 % of the time"),
            std::string::npos)
      << x.rationale;
  // No exchange of the relay is left above 5 %.
  for (const RelayPlanExchange& e : plan.exchanges) {
    EXPECT_LE(e.plan.p_illegal, kMaxPlainRisk) << e.plan.exchange;
  }
}

// The same fading runner under the default settings: the speed rule's pass would come about
// 1.3 m into the zone, so the outgoing runner stands further in, by as much as brings the pass
// to 5 m (earliest_pass_m), and the pass keeps the rule's speed ratio. Moving the start moves
// the whole run with it (the speeds depend only on the distance run), so the start is 5 m minus
// where the pass falls from the back of the zone; and the early loss is gone.
TEST(RelayPlan, ATiredIncomingRunnerIsMetFurtherIntoTheZone) {
  const Team team = fading_third_runner();
  const Event relay = find_event("4x200", team.rules);
  const std::vector<std::string> order = kFadingOrder;
  const RelayPlan plan = build_relay_plan(team, relay, order);
  const RelayPrediction predicted = predict_relay(team, relay, order);
  EXPECT_NEAR(plan.team_time_s, predicted.team_time_s, 1e-9);
  const ExchangePlan& x = plan.exchanges[2].plan;
  ASSERT_TRUE(x.legal) << x.reason;
  EXPECT_FALSE(x.made_safer);
  EXPECT_NEAR(x.baton_position_m, 5.0, 1e-6);
  EXPECT_NEAR(x.outgoing_speed_mps / x.incoming_speed_mps, 0.85, 1e-6);
  EXPECT_NEAR(x.handoff.start_m, x.start_m, 0.0);
  HandoffParams back = x.handoff;
  back.start_m = 0.0;
  const HandoffResult from_back = handoff_for_speed_fraction(back, 0.85, 0.0, 22.5);
  ASSERT_TRUE(from_back.exchanged);
  EXPECT_NEAR(from_back.baton_position_m, 1.33, 0.05);
  EXPECT_NEAR(x.start_m, 5.0 - from_back.baton_position_m, 1e-6);
  EXPECT_NEAR(x.go_mark_m, from_back.go_mark_m, 1e-6);
  EXPECT_LT(x.p_illegal, 0.001);
  EXPECT_NE(x.cue.find(fmt::format("stand {:.1f} m into the zone", x.start_m)), std::string::npos)
      << x.cue;
  // The prediction prices the same pass: its go-mark, and the outgoing runner's leg from the
  // shorter run-up inside the pair term, so the legs still add up to the team time.
  EXPECT_NEAR(predicted.legs[2].go_mark_m, x.go_mark_m, 1e-9);
  double legs = 0.0;
  for (const RelayLegResult& l : predicted.legs) legs += l.split_s;
  EXPECT_NEAR(legs, predicted.team_time_s, 0.011);
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
