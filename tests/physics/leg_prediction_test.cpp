#include "baton/leg_prediction.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "physics/running_costs.h"

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

TEST(RelayPrediction, Jamaica2012WithinTwoPercent) {
  const Team t = jamaica();
  const RelayPrediction p = predict_relay(t, find_event("4x100", t.rules), kJamaicaOrder);
  EXPECT_NEAR(p.team_time_s, 36.84, 0.02 * 36.84);
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

// Hand check of a leg-1 sprint: reaction + the model's own 100 m + the bend cost of the lane-4
// bend + 0.2 % for the baton. Straight leg 2 from a 20 m run-up: t(120) - t(20).
TEST(LegPrediction, HandCheckedSprintLegs) {
  const AthleteModel m = model_athlete(runner("X", Sex::female, {{100, 12.0}, {200, 24.6}}));
  const Event e = find_event("4x100", RuleSet::nfhs);
  const double run = model_time_s(m, 100.0);
  const double leg1 = m.reaction_s + run;
  const double bend = bend_cost_s(e.legs[0].bend_m, 100.0 / run, 4);
  EXPECT_NEAR(predict_leg(m, e, 0).split_s, leg1 + bend + 0.002 * leg1, 1e-9);
  EXPECT_GT(bend, 0.05);
  EXPECT_LT(bend, 0.2);
  const double fly = model_time_s(m, 120.0) - model_time_s(m, 20.0);
  const double bend2 = bend_cost_s(e.legs[1].bend_m, 100.0 / fly, 4);
  EXPECT_NEAR(predict_leg(m, e, 1).split_s, fly + bend2 + 0.002 * fly, 1e-9);
  // A flying 100 m is well over a second faster than the block-start one.
  EXPECT_LT(predict_leg(m, e, 1).split_s, predict_leg(m, e, 0).split_s - 1.0);
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
  EXPECT_TRUE(std::isinf(c.leg(1, 1)));  // no sprint model without a mark at 400 m or below
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
