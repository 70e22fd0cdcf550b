#include "baton/athlete_model.h"

#include <gtest/gtest.h>

#include <cmath>

namespace baton {
namespace {

Athlete athlete(std::string name, Sex sex, std::vector<std::pair<double, double>> bests) {
  Athlete a;
  a.name = std::move(name);
  a.sex = sex;
  for (auto [d, t] : bests) a.set_best({d, {t, false}});
  return a;
}

// Usain Bolt, Berlin 2009: 9.58 with a 0.146 s reaction. Official 10 m splits from the gun
// (IAAF biomechanics report; /work data bolt_berlin_2009_100m.csv).
TEST(AthleteModel, BoltFromHisNinePointFiveEightReproducesHisSplits) {
  const double splits[] = {1.89, 2.88, 3.78, 4.64, 5.47, 6.29, 7.10, 7.92, 8.75, 9.58};
  const AthleteModel m = model_athlete(athlete("Usain Bolt", Sex::male, {{100, 9.58}}),
                                       ModelOptions{.reaction_s = 0.146});
  double worst = 0.0;
  for (int i = 0; i < 10; ++i) {
    const double predicted = m.reaction_s + model_time_s(m, 10.0 * (i + 1));
    worst = std::max(worst, std::abs(predicted - splits[i]));
  }
  // Achieved: every 10 m split within 0.04 s (worst at 40-50 m).
  EXPECT_LT(worst, 0.045) << "worst 10 m split error " << worst << " s";
  EXPECT_NEAR(m.reaction_s + model_time_s(m, 100.0), 9.58, 1e-6);
  EXPECT_GT(m.curve.mss_mps, 12.2);
  EXPECT_LT(m.curve.mss_mps, 12.4);
  EXPECT_GT(m.peak_speed_mps(), 12.0);  // measured peak 12.2-12.3 m/s at 60-70 m
  EXPECT_TRUE(m.fatigue_estimated);
  // Late-race slowdown is real: speed at the finish 2-5 % below the peak.
  const double finish = model_speed_mps(m, 9.58 - 0.146);
  EXPECT_GT(1.0 - finish / m.peak_speed_mps(), 0.02);
  EXPECT_LT(1.0 - finish / m.peak_speed_mps(), 0.05);
}

TEST(AthleteModel, TwoHundredMarkSetsSpeedEndurance) {
  // Same 100 m; the runner with the better 200 m holds speed longer.
  const AthleteModel strong = model_athlete(athlete("A", Sex::male, {{100, 10.40}, {200, 20.9}}));
  const AthleteModel weak = model_athlete(athlete("B", Sex::male, {{100, 10.40}, {200, 21.6}}));
  EXPECT_FALSE(strong.fatigue_estimated);
  EXPECT_GT(strong.fatigue_time_s, weak.fatigue_time_s);
  EXPECT_NEAR(strong.reaction_s + model_time_s(strong, 100.0), 10.40, 1e-6);
  EXPECT_LT(model_time_s(strong, 150.0), model_time_s(weak, 150.0));
}

TEST(AthleteModel, YouthLoseMoreSpeedThanElites) {
  const AthleteModel youth = model_athlete(athlete("G", Sex::female, {{100, 13.6}}));
  const AthleteModel elite = model_athlete(athlete("E", Sex::female, {{100, 10.9}}));
  auto loss = [](const AthleteModel& m, double t100) {
    return 1.0 - model_speed_mps(m, t100 - m.reaction_s) / m.peak_speed_mps();
  };
  EXPECT_GT(loss(youth, 13.6), loss(elite, 10.9) + 0.005);
  EXPECT_GT(youth.curve.mss_mps, 7.5);
  EXPECT_LT(youth.curve.mss_mps, 8.8);
}

TEST(AthleteModel, MissingMarksAreEstimatedAndSaidSo) {
  const AthleteModel m = model_athlete(athlete("Q", Sex::male, {{400, 48.0}}));
  bool est = false;
  const double t100 = open_time_s(m, 100.0, &est);
  EXPECT_TRUE(est);
  EXPECT_NEAR(t100, 48.0 * 0.455 * 0.495, 1e-9);
  EXPECT_FALSE(m.notes.empty());
  EXPECT_EQ(open_time_s(m, 400.0, &est), 48.0);
  EXPECT_FALSE(est);
  // From the 400 m to the 800 m with the short-race exponent: 48.0 * 2^1.17 (Riegel's 1.06 is
  // for 1500 m and up).
  EXPECT_NEAR(open_time_s(m, 800.0, &est), 48.0 * std::pow(2.0, 1.17), 1e-9);
  EXPECT_TRUE(est);
}

TEST(AthleteModel, InterpolatesBetweenMarksWithTheAthletesOwnExponent) {
  const AthleteModel m = model_athlete(athlete("D", Sex::female, {{400, 60.0}, {1600, 330.0}}));
  const double k = std::log(330.0 / 60.0) / std::log(4.0);
  EXPECT_NEAR(open_time_s(m, 800.0), 60.0 * std::pow(2.0, k), 1e-9);
}

TEST(AthleteModel, SprintOnlyAthleteCannotRunADistanceLeg) {
  const AthleteModel m = model_athlete(athlete("S", Sex::male, {{100, 11.0}}));
  EXPECT_TRUE(std::isinf(open_time_s(m, 800.0)));
  EXPECT_THROW(model_athlete(athlete("M", Sex::male, {{1600, 300.0}})), ValidationError);
}

TEST(AthleteModel, SplitsGiveTau) {
  Athlete a = athlete("T", Sex::female, {{100, 12.0}});
  const SprintCurve c{8.9, 0.85};
  for (double d : {10.0, 20.0, 30.0}) a.splits.push_back({d, sprint_time_s(c, d)});
  const AthleteModel m = model_athlete(a);
  EXPECT_TRUE(m.tau_from_splits);
  EXPECT_NEAR(m.curve.tau_s, 0.85, 1e-6);
}

}  // namespace
}  // namespace baton
