#include "baton/leg_prediction.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

namespace baton {
namespace {

Athlete runner(std::string name, Sex sex, std::vector<std::pair<double, double>> bests) {
  Athlete a;
  a.name = std::move(name);
  a.sex = sex;
  for (auto [d, t] : bests) a.set_best({d, {t, false}});
  return a;
}

std::vector<int> indices(const Team& t, const std::vector<std::string>& order) {
  std::vector<int> out;
  for (const std::string& n : order) {
    for (size_t i = 0; i < t.athletes.size(); ++i) {
      if (t.athletes[i].name == n) out.push_back(static_cast<int>(i));
    }
  }
  return out;
}

// Jamaica, men's 4x100 m, London 2012 Olympic final: 36.84 (world record), order Carter,
// Frater, Blake, Bolt (World Athletics event report, 11 Aug 2012). 100 m bests: Nesta Carter
// 9.78 (Rieti 2010), Michael Frater 9.88 (Lausanne 2011), Yohan Blake 9.69 (Lausanne 2012),
// Usain Bolt 9.58 (Berlin 2009); sum 38.93.
Team jamaica() {
  Team t;
  t.name = "Jamaica";
  t.rules = RuleSet::wa;
  t.athletes = {runner("Nesta Carter", Sex::male, {{100, 9.78}}),
                runner("Michael Frater", Sex::male, {{100, 9.88}}),
                runner("Yohan Blake", Sex::male, {{100, 9.69}}),
                runner("Usain Bolt", Sex::male, {{100, 9.58}})};
  return t;
}
const std::vector<std::string> kJamaicaOrder = {"Nesta Carter", "Michael Frater", "Yohan Blake",
                                                "Usain Bolt"};

TEST(RelayPrediction, Jamaica2012WithinSixTenthsOfAPercent) {
  const Team t = jamaica();
  const RelayPrediction p = predict_relay(t, find_event("4x100", t.rules), kJamaicaOrder);
  // docs/MODEL.md: elite relays predicted within 0.6 % of what they ran (0.22 s here).
  EXPECT_NEAR(p.team_time_s, 36.84, 0.006 * 36.84);
  // A strong 4x100 runs 2.0-3.0 s faster than the sum of its 100 m bests.
  EXPECT_GT(38.93 - p.team_time_s, 2.0);
  EXPECT_LT(38.93 - p.team_time_s, 3.0);
}

TEST(RelayPrediction, TeamTimeEqualsDecomposedCostsAndSplitsAddUp) {
  // Fixture: add 200 m marks so that the 300 m and 400 m medley legs can be predicted.
  Team t = jamaica();
  const double t200[] = {20.25, 20.40, 19.26, 19.19};
  for (int i = 0; i < 4; ++i) t.athletes[i].set_best({200, {t200[i], false}});
  t.athletes.push_back(runner("Asafa Powell", Sex::male, {{100, 9.72}, {200, 19.90}}));
  for (const char* id : {"4x100", "4x200", "smr-800", "medley"}) {
    const Event e = find_event(id, t.rules);
    const RelayCosts c = relay_costs(t, e);
    for (const auto& order :
         {kJamaicaOrder,
          std::vector<std::string>{"Usain Bolt", "Asafa Powell", "Nesta Carter", "Yohan Blake"}}) {
      const RelayPrediction p = predict_relay(t, e, order);
      EXPECT_NEAR(p.team_time_s, c.team_time_s(indices(t, order)), 1e-9) << id;
      double sum = 0.0;
      for (const RelayLegResult& l : p.legs) sum += l.split_s;
      EXPECT_NEAR(sum, p.team_time_s, 1e-9) << id;
    }
  }
}

TEST(RelayPrediction, FourByFourHundredGainsLittleOverItsSum) {
  Team t;
  t.rules = RuleSet::wa;
  t.athletes = {runner("A", Sex::male, {{200, 20.5}, {400, 44.8}}),
                runner("B", Sex::male, {{200, 20.9}, {400, 45.0}}),
                runner("C", Sex::male, {{400, 45.3}}),
                runner("D", Sex::male, {{200, 20.3}, {400, 44.5}})};
  const RelayPrediction p = predict_relay(t, find_event("4x400", t.rules), {"A", "B", "C", "D"});
  const double sum = 44.8 + 45.0 + 45.3 + 44.5;
  EXPECT_GT(sum - p.team_time_s, 0.3);
  EXPECT_LT(sum - p.team_time_s, 1.0);
  // Rolling start on a 400 m leg: 0.2-0.7 s better than the open mark.
  const AthleteModel b = model_athlete(t.athletes[1]);
  const double leg2 = predict_leg(b, find_event("4x400", t.rules), 1).split_s;
  EXPECT_GT(45.0 - leg2, 0.2);
  EXPECT_LT(45.0 - leg2, 0.7);
}

// Usain Bolt's 100 m world record, Berlin 2009, 10 m splits from the gun (reaction 0.146 s),
// IAAF biomechanics project.
Athlete berlin_bolt() {
  Athlete a = runner("Usain Bolt", Sex::male, {{100, 9.58}});
  const double t[] = {1.89, 2.88, 3.78, 4.64, 5.47, 6.29, 7.10, 7.92, 8.75, 9.58};
  for (int i = 0; i < 10; ++i) a.splits.push_back({10.0 * (i + 1), t[i]});
  return a;
}

TEST(LegPrediction, SprintLegsOfBoltFromHisBerlinSplits) {
  const AthleteModel m = model_athlete(berlin_bolt());
  const Event e = find_event("4x100", RuleSet::wa);
  // Leg 1 runs the open 100 m from blocks plus a bend in lanes and a baton: slower than the
  // 9.58 s he ran on the straight, faster than the 9.92 s he reached 100 m in on the bend of
  // his 19.19 s 200 m at the same championships (lane 5), give or take 0.05 s for the baton
  // and the tighter lane 4.
  const double leg1 = predict_leg(m, e, 0).split_s;
  EXPECT_GT(leg1, 9.58);
  EXPECT_LT(leg1, 9.92 + 0.05);
  // Leg 2 from a 20 m run-up (outgoing start at the back of the 30 m zone, scratch line 20 m
  // in): the stretch from 20 m to 120 m. From the splits: 20 -> 100 m took 9.58 - 2.88 =
  // 6.70 s, and the last 10 m 0.83 s, so holding that pace 20 -> 120 m takes 6.70 + 2 x 0.83 =
  // 8.36 s; no 100 m can beat his fastest 10 m (60 -> 70 m, 0.81 s) held throughout, 8.10 s.
  // Leg 2's 16 m of bend in lanes and the baton add a little (at most 0.1 s).
  const double leg2 = predict_leg(m, e, 1).split_s;
  EXPECT_GT(leg2, 8.10);
  EXPECT_LT(leg2, 8.36 + 0.1);
}

TEST(RelayCosts, MarksImpossibleCombinations) {
  Team t;
  t.rules = RuleSet::nfhs;
  t.athletes = {runner("Sprinter", Sex::female, {{100, 12.4}}),
                runner("Miler", Sex::female, {{1600, 320.0}}),
                runner("Boy", Sex::male, {{100, 11.3}, {800, 125.0}}),
                runner("Half", Sex::female, {{400, 60.0}, {800, 140.0}})};
  const Event dmr = find_event("dmr", t.rules);
  const RelayCosts c = relay_costs(t, dmr);
  EXPECT_TRUE(std::isinf(c.leg(0, 0)));  // 1200 m leg from a 100 m mark only
  // The miler runs her 1600 m on her mark and the 400 m on an estimate from it (flagged).
  EXPECT_TRUE(std::isfinite(c.leg(1, 3)));
  EXPECT_TRUE(std::isfinite(c.leg(1, 1)));
  EXPECT_TRUE(std::isfinite(c.leg(3, 2)));
  EXPECT_TRUE(std::isinf(c.exchange(0, 3, 3)));  // handing to oneself
  EXPECT_TRUE(std::isinf(c.exchange(0, 3, 2)));  // mixed sexes in a single-sex event
  EXPECT_TRUE(std::isfinite(c.exchange(0, 3, 0)));
}

TEST(RelayPrediction, RejectsBadOrders) {
  const Team t = jamaica();
  const Event e = find_event("4x100", t.rules);
  EXPECT_THROW(predict_relay(t, e, {"Nesta Carter", "Michael Frater", "Yohan Blake"}),
               ValidationError);
  EXPECT_THROW(predict_relay(t, e, {"Nesta Carter", "Michael Frater", "Yohan Blake", "Bolt X"}),
               NotFoundError);
  EXPECT_THROW(predict_relay(t, e, {"Nesta Carter", "Nesta Carter", "Yohan Blake", "Usain Bolt"}),
               ValidationError);
  Team mixed = jamaica();
  mixed.athletes.push_back(runner("Shelly-Ann Fraser-Pryce", Sex::female, {{100, 10.60}}));
  EXPECT_THROW(
      predict_relay(mixed, e,
                    {"Nesta Carter", "Michael Frater", "Yohan Blake", "Shelly-Ann Fraser-Pryce"}),
      ValidationError);
  mixed.athletes.push_back(runner("Elaine Thompson", Sex::female, {{100, 10.54}}));
  const Event mixed4x4 = find_event("mixed-4x400", t.rules);
  // Three men and one woman is not 2+2.
  EXPECT_THROW(
      predict_relay(mixed, mixed4x4,
                    {"Nesta Carter", "Michael Frater", "Yohan Blake", "Shelly-Ann Fraser-Pryce"}),
      ValidationError);
  // 2+2 passes the sex rule but sprinters without a 200 m+ mark cannot run 400 m legs.
  EXPECT_THROW(
      predict_relay(mixed, mixed4x4,
                    {"Nesta Carter", "Elaine Thompson", "Yohan Blake", "Shelly-Ann Fraser-Pryce"}),
      ValidationError);
}

TEST(RelayPrediction, EstimatedMarksAreFlagged) {
  Team t;
  t.rules = RuleSet::nfhs;
  t.athletes = {runner("A", Sex::female, {{100, 12.4}, {200, 25.6}}),
                runner("B", Sex::female, {{400, 59.0}}),
                runner("C", Sex::female, {{200, 26.0}, {400, 60.0}}),
                runner("D", Sex::female, {{800, 140.0}, {400, 61.0}})};
  const RelayPrediction p = predict_relay(t, find_event("smr", t.rules), {"A", "B", "C", "D"});
  EXPECT_FALSE(p.legs[0].estimated);
  EXPECT_TRUE(p.legs[1].estimated);  // B's 200 m comes from her 400 m
  EXPECT_FALSE(p.legs[2].note.empty());
  EXPECT_FALSE(p.legs[3].estimated);
}

}  // namespace
}  // namespace baton
