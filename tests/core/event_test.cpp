#include "baton/event.h"

#include <gtest/gtest.h>

#include "baton/units.h"

namespace baton {
namespace {

struct EventCase {
  const char* id;
  std::vector<double> legs;
  // Zone length per exchange under wa, ncaa, nfhs.
  std::vector<double> wa, ncaa, nfhs;
  std::vector<bool> blind;
  SexRule sex_rule;
};

const std::vector<EventCase>& cases() {
  static const std::vector<EventCase> table = {
      {"4x100",
       {100, 100, 100, 100},
       {30, 30, 30},
       {30, 30, 30},
       {30, 30, 30},
       {true, true, true},
       SexRule::single_sex},
      {"4x200",
       {200, 200, 200, 200},
       {30, 30, 30},
       {30, 30, 30},
       {30, 30, 30},
       {true, true, true},
       SexRule::single_sex},
      {"4x400",
       {400, 400, 400, 400},
       {20, 20, 20},
       {20, 20, 20},
       {20, 20, 20},
       {false, false, false},
       SexRule::single_sex},
      {"4x800",
       {800, 800, 800, 800},
       {20, 20, 20},
       {20, 20, 20},
       {20, 20, 20},
       {false, false, false},
       SexRule::single_sex},
      {"4x1500",
       {1500, 1500, 1500, 1500},
       {20, 20, 20},
       {20, 20, 20},
       {20, 20, 20},
       {false, false, false},
       SexRule::single_sex},
      {"4x1600",
       {1600, 1600, 1600, 1600},
       {20, 20, 20},
       {20, 20, 20},
       {20, 20, 20},
       {false, false, false},
       SexRule::single_sex},
      {"4xmile",
       {kMileM, kMileM, kMileM, kMileM},
       {20, 20, 20},
       {20, 20, 20},
       {20, 20, 20},
       {false, false, false},
       SexRule::single_sex},
      // Sprint medley 200-200-400-800: the second exchange (200 -> 400) is 30 m where the rule
      // looks at the incoming leg (WA, NFHS) and 20 m under NCAA (first exchange only).
      {"smr",
       {200, 200, 400, 800},
       {30, 30, 20},
       {30, 20, 20},
       {30, 30, 20},
       {true, true, false},
       SexRule::single_sex},
      {"smr-800",
       {100, 100, 200, 400},
       {30, 30, 30},
       {30, 30, 20},
       {30, 30, 30},
       {true, true, true},
       SexRule::single_sex},
      // WA Rule 24: the medley's first and second exchanges have 30 m zones, the third 20 m.
      {"medley",
       {100, 200, 300, 400},
       {30, 30, 20},
       {30, 20, 20},
       {30, 30, 20},
       {true, true, false},
       SexRule::single_sex},
      {"dmr",
       {1200, 400, 800, 1600},
       {20, 20, 20},
       {20, 20, 20},
       {20, 20, 20},
       {false, false, false},
       SexRule::single_sex},
      {"mixed-4x400",
       {400, 400, 400, 400},
       {20, 20, 20},
       {20, 20, 20},
       {20, 20, 20},
       {false, false, false},
       SexRule::mixed_two_two},
  };
  return table;
}

TEST(Events, EveryEventUnderEveryRuleSet) {
  for (RuleSet rules : all_rule_sets()) {
    const std::vector<Event> events = standard_events(rules);
    ASSERT_EQ(events.size(), cases().size());
    for (size_t i = 0; i < events.size(); ++i) {
      const Event& e = events[i];
      const EventCase& c = cases()[i];
      SCOPED_TRACE(std::string(c.id) + " under " + std::string(to_string(rules)));
      EXPECT_EQ(e.id, c.id);
      EXPECT_EQ(e.rules, rules);
      EXPECT_EQ(e.sex_rule, c.sex_rule);
      ASSERT_EQ(e.legs.size(), c.legs.size());
      ASSERT_EQ(e.exchanges.size(), c.legs.size() - 1);
      double total = 0.0;
      for (size_t l = 0; l < c.legs.size(); ++l) {
        EXPECT_NEAR(e.legs[l].distance_m, c.legs[l], 1e-9);
        EXPECT_NEAR(e.legs[l].start_race_m, total, 1e-9);
        total += c.legs[l];
      }
      EXPECT_NEAR(e.total_m(), total, 1e-9);
      EXPECT_TRUE(e.legs[0].block_start == (c.legs[0] <= 400));
      const std::vector<double>& zones = rules == RuleSet::wa     ? c.wa
                                         : rules == RuleSet::ncaa ? c.ncaa
                                                                  : c.nfhs;
      for (size_t k = 0; k < e.exchanges.size(); ++k) {
        const ExchangeZone& z = e.exchanges[k];
        EXPECT_EQ(z.zone_length_m, zones[k]) << "exchange " << k + 1;
        // 30 m zones: scratch line 20 m in; 20 m zones: centred on the scratch line.
        EXPECT_EQ(z.scratch_from_zone_start_m, zones[k] == 30 ? 20.0 : 10.0);
        EXPECT_NEAR(z.zone_start_race_m, e.legs[k + 1].start_race_m - z.scratch_from_zone_start_m,
                    1e-9);
        EXPECT_EQ(z.blind, c.blind[k]) << "exchange " << k + 1;
        EXPECT_FALSE(z.rule.empty());
      }
    }
  }
}

TEST(Events, StartsSoThatTheFinishIsOnTheFinishLine) {
  EXPECT_NEAR(find_event("4x100", RuleSet::wa).start_on_lap_m, 0.0, 1e-9);
  // The medley is 1000 m: it starts at the 200 m start, at the beginning of the second bend.
  EXPECT_NEAR(find_event("medley", RuleSet::wa).start_on_lap_m, 200.0, 1e-9);
  EXPECT_NEAR(find_event("4xmile", RuleSet::wa).start_on_lap_m, 400.0 - 37.376, 1e-6);
}

TEST(Events, BendsOfEachLeg) {
  // 4x100 from the 400 m start: legs 1 and 3 run on the bends, legs 2 and 4 finish the bend
  // (lane 1 bend = (400 - 2 * 84.39) / 2 = 115.61 m) and run the straight.
  const Event e = find_event("4x100", RuleSet::wa);
  EXPECT_NEAR(e.legs[0].bend_m, 100.0, 1e-9);
  EXPECT_NEAR(e.legs[1].bend_m, 15.61, 1e-9);
  EXPECT_NEAR(e.legs[2].bend_m, 100.0, 1e-9);
  EXPECT_NEAR(e.legs[3].bend_m, 15.61, 1e-9);
  const Event r = find_event("4x400", RuleSet::wa);
  for (const Leg& l : r.legs) EXPECT_NEAR(l.bend_m, 231.22, 1e-9);
}

TEST(Events, LanesAndExchangesInLanes) {
  const Event e = find_event("4x400", RuleSet::nfhs);
  EXPECT_NEAR(e.lanes_until_m, 515.61, 1e-9);
  EXPECT_TRUE(e.exchanges[0].in_lanes);   // zone starts at 390 m
  EXPECT_FALSE(e.exchanges[1].in_lanes);  // at 790 m, after the break line
  EXPECT_TRUE(find_event("4x100", RuleSet::wa).exchanges[2].in_lanes);
  EXPECT_FALSE(find_event("dmr", RuleSet::ncaa).exchanges[0].in_lanes);
}

TEST(Events, LookupByAliasAndCustomLegOrder) {
  EXPECT_EQ(find_event("Swedish", RuleSet::wa).id, "medley");
  EXPECT_EQ(find_event("4X100", RuleSet::wa).id, "4x100");
  const Event e = find_event("smr:400-200-200-800", RuleSet::nfhs);
  EXPECT_EQ(e.id, "smr");
  EXPECT_EQ(e.legs[0].distance_m, 400.0);
  EXPECT_FALSE(e.exchanges[0].blind);  // incoming 400 m leg: visual
  EXPECT_EQ(e.exchanges[0].zone_length_m, 20.0);
  EXPECT_EQ(e.exchanges[1].zone_length_m, 30.0);
}

TEST(Events, UnknownEventListsKnownIds) {
  try {
    find_event("4x300", RuleSet::wa, Location{"--event", 0, ""});
    FAIL();
  } catch (const NotFoundError& e) {
    EXPECT_NE(std::string(e.what()).find("unknown event '4x300'; known events: 4x100, 4x200"),
              std::string::npos)
        << e.what();
  }
  EXPECT_THROW(find_event("smr:400-fast", RuleSet::wa), ParseError);
  EXPECT_THROW(find_event("smr:400", RuleSet::wa), ValidationError);
  EXPECT_THROW(find_event("smr:400-10", RuleSet::wa), ValidationError);
}

TEST(Events, RuleSetNames) {
  EXPECT_EQ(parse_rules("NFHS"), RuleSet::nfhs);
  EXPECT_EQ(parse_rules("iaaf"), RuleSet::wa);
  EXPECT_THROW(parse_rules("fifa"), ParseError);
  for (RuleSet r : all_rule_sets()) EXPECT_EQ(parse_rules(to_string(r)), r);
}

}  // namespace
}  // namespace baton
