#include "baton/hand_plan.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "baton/error.h"

namespace baton {
namespace {

constexpr Hand R = Hand::right;
constexpr Hand L = Hand::left;

struct Expected {
  const char* event;
  std::vector<Hand> receive;  // per leg
  std::vector<Hand> carry;    // per leg
  std::vector<bool> visual;   // per exchange
};

// Table of the standard plans (docs/HANDOFFS.md, "Hands").
TEST(HandPlan, StandardPlans) {
  const std::vector<Expected> table = {
      {"4x100", {R, L, R, L}, {R, L, R, L}, {false, false, false}},
      {"4x200", {R, L, R, L}, {R, L, R, L}, {false, false, false}},
      // Every visual receiver takes the left hand and switches to the right.
      {"4x400", {R, L, L, L}, {R, R, R, R}, {true, true, true}},
      // 200-200-400-800: two blind exchanges, then a visual one out of the 400.
      {"smr", {R, L, R, L}, {R, L, R, R}, {false, false, true}},
      // 100-200-300-400: blind, blind, visual out of the 300.
      {"medley", {R, L, R, L}, {R, L, R, R}, {false, false, true}},
      {"dmr", {R, L, L, L}, {R, R, R, R}, {true, true, true}},
  };
  for (const Expected& e : table) {
    const HandPlan plan = plan_hands(find_event(e.event, RuleSet::wa));
    ASSERT_EQ(plan.legs.size(), e.carry.size()) << e.event;
    for (size_t i = 0; i < e.carry.size(); ++i) {
      EXPECT_EQ(plan.legs[i].receive_hand, e.receive[i]) << e.event << " leg " << i + 1;
      EXPECT_EQ(plan.legs[i].carry_hand, e.carry[i]) << e.event << " leg " << i + 1;
    }
    ASSERT_EQ(plan.exchanges.size(), e.visual.size()) << e.event;
    for (size_t k = 0; k < e.visual.size(); ++k) {
      EXPECT_EQ(plan.exchanges[k].visual, e.visual[k]) << e.event << " exchange " << k + 1;
      EXPECT_FALSE(plan.exchanges[k].same_hand) << e.event << " exchange " << k + 1;
    }
    EXPECT_TRUE(plan.warnings.empty()) << e.event;
  }
}

TEST(HandPlan, SprintLegsRunTheirSideOfTheLane) {
  const HandPlan plan = plan_hands(find_event("4x100", RuleSet::wa));
  EXPECT_EQ(plan.legs[0].lane_side, "inside");
  EXPECT_EQ(plan.legs[1].lane_side, "outside");
  EXPECT_EQ(plan.legs[2].lane_side, "inside");
  EXPECT_EQ(plan.legs[3].lane_side, "outside");
  EXPECT_FALSE(plan.legs[1].switch_hands);
}

TEST(HandPlan, TechniquesCarryTheTeamsReaches) {
  ExchangeSettings o;
  o.blind_technique = Technique::upsweep;
  const Event smr = find_event("smr", RuleSet::wa);
  const HandPlan plan = plan_hands(smr, o);
  EXPECT_EQ(plan.exchanges[0].technique, Technique::upsweep);
  EXPECT_DOUBLE_EQ(plan.exchanges[0].free_distance_m, 1.15);
  EXPECT_EQ(plan.exchanges[2].technique, Technique::visual);
  EXPECT_DOUBLE_EQ(plan.exchanges[2].free_distance_m, 1.0);
  // A pair's measured reach replaces the default wherever that technique is used.
  o.upsweep_reach_m = 1.22;
  EXPECT_DOUBLE_EQ(plan_hands(smr, o).exchanges[1].free_distance_m, 1.22);
  // The default blind technique is the downsweep: 1.5 m.
  EXPECT_DOUBLE_EQ(plan_hands(smr).exchanges[0].free_distance_m, 1.5);
  for (Technique t : {Technique::upsweep, Technique::downsweep, Technique::push}) {
    EXPECT_EQ(parse_technique(technique_info(t).name), t);
  }
  EXPECT_THROW(parse_technique("overhand"), ParseError);
  o.push_reach_m = 3.5;
  EXPECT_THROW(plan_hands(smr, o), ValidationError);
}

TEST(HandCheck, FlagsSameHandExchangesInACoachsPlan) {
  const Event relay = find_event("4x100", RuleSet::wa);
  const HandPlan plan = check_hands(relay, parse_hand_choices("R,L,R,R", relay));
  ASSERT_EQ(plan.exchanges.size(), 3u);
  EXPECT_FALSE(plan.exchanges[0].same_hand);
  EXPECT_FALSE(plan.exchanges[1].same_hand);
  EXPECT_TRUE(plan.exchanges[2].same_hand);
  ASSERT_EQ(plan.warnings.size(), 1u);
  EXPECT_NE(plan.warnings[0].find("exchange 3"), std::string::npos) << plan.warnings[0];
  EXPECT_NE(plan.warnings[0].find("right-to-right"), std::string::npos) << plan.warnings[0];
}

TEST(HandCheck, VisualReceiversTakeTheLeftUnlessTold) {
  const Event relay = find_event("4x400", RuleSet::wa);
  // Plain letters: visual receivers take the left, so a left-hand carrier collides.
  HandPlan plan = check_hands(relay, parse_hand_choices("R,L,R,R", relay));
  EXPECT_FALSE(plan.exchanges[0].same_hand);
  EXPECT_TRUE(plan.exchanges[1].same_hand);  // left to left
  EXPECT_FALSE(plan.exchanges[2].same_hand);
  // "L>R": receive left, switch, carry right.
  plan = check_hands(relay, parse_hand_choices("R, L>R, L>R, L>R", relay));
  EXPECT_TRUE(plan.warnings.empty());
  EXPECT_TRUE(plan.legs[1].switch_hands);
}

TEST(HandCheck, BadPlansAreErrors) {
  const Event relay = find_event("4x100", RuleSet::wa);
  EXPECT_THROW(parse_hand_choices("R,L,R", relay), ValidationError);
  EXPECT_THROW(parse_hand_choices("R,L,X,L", relay), ParseError);
}

TEST(HandCheck, PreferredHandsThatDisagreeWithThePlan) {
  const HandPlan plan = plan_hands(find_event("4x100", RuleSet::wa));
  Athlete lefty;
  lefty.name = "Ava";
  lefty.hand = Hand::left;
  Athlete none;
  none.name = "Bea";
  const std::vector<std::string> clashes =
      preference_clashes(plan, {&lefty, &lefty, &none, nullptr});
  ASSERT_EQ(clashes.size(), 1u);  // leg 1 carries right; leg 2 already left
  EXPECT_NE(clashes[0].find("Ava"), std::string::npos);
}

}  // namespace
}  // namespace baton
