#include "baton/athlete_model.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <utility>

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

// Top speed of a model and where it is reached, metres from the start (a 1 ms scan).
std::pair<double, double> peak_of(const AthleteModel& m, double until_s) {
  double best_v = 0.0, best_t = 0.0;
  for (double t = 0.0; t < until_s; t += 0.001) {
    const double v = model_speed_mps(m, t);
    if (v > best_v) best_v = v, best_t = t;
  }
  return {best_v, model_distance_m(m, best_t)};
}

// Chow (1987, J Appl Biomech 3:110-127): twelve high-school girls with 100 m bests of
// 12.3-13.4 s reached top speed 23-37 m from the start and lost 7.3 % of it by the last 10 m
// (the mean speed over 90-100 m), on average. Models built from a 100 m alone, across that range.
TEST(AthleteModel, HighSchoolGirlsPeakEarlyAndFadeAsChowMeasured) {
  double loss_sum = 0.0;
  const double bests[] = {12.3, 12.85, 13.4};
  for (double t100 : bests) {
    const AthleteModel m = model_athlete(athlete("G", Sex::female, {{100, t100}}));
    const auto [peak, at_m] = peak_of(m, t100);
    EXPECT_GE(at_m, 23.0) << t100;
    EXPECT_LE(at_m, 40.0) << t100;  // the group's latest 37 m, plus the scatter of a stride
    const double last10 = 10.0 / (model_time_s(m, 100.0) - model_time_s(m, 90.0));
    const double loss = 1.0 - last10 / peak;
    fmt::print("{:.2f} s girl: p {:.2f}, peak {:.2f} m/s at {:.0f} m, last 10 m {:.1f} % slower\n",
               t100, m.fatigue_power, peak, at_m, 100.0 * loss);
    EXPECT_GT(loss, 0.055) << t100;
    EXPECT_LT(loss, 0.09) << t100;
    loss_sum += loss;
  }
  EXPECT_NEAR(loss_sum / 3.0, 0.073, 0.01);
}

// The elite 100 m finals of Berlin 2009 (20 m splits from the gun, tests/data/relays/curves.csv)
// from each runner's time alone, with the default 0.15 s reaction: none of these was used to
// set the model's constants.
TEST(AthleteModel, EliteSplitsOfBerlin2009FromTheirTimesAlone) {
  struct Race {
    const char* name;
    Sex sex;
    double splits[5];  // 20, 40, 60, 80, 100 m
  };
  const Race races[] = {{"Fraser-Pryce", Sex::female, {3.03, 4.98, 6.88, 8.77, 10.73}},
                        {"Gay", Sex::male, {2.92, 4.70, 6.39, 8.02, 9.71}},
                        {"Powell", Sex::male, {2.91, 4.71, 6.42, 8.10, 9.84}}};
  for (const Race& r : races) {
    const AthleteModel m = model_athlete(athlete(r.name, r.sex, {{100, r.splits[4]}}));
    for (int i = 0; i < 4; ++i) {
      const double predicted = m.reaction_s + model_time_s(m, 20.0 * (i + 1));
      fmt::print("{} {} m: {:.2f} s, measured {:.2f} s\n", r.name, 20 * (i + 1), predicted,
                 r.splits[i]);
      EXPECT_NEAR(predicted, r.splits[i], 0.07) << r.name << " at " << 20 * (i + 1) << " m";
    }
  }
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
  // Chow's girls (12.3-13.4 s) lost 7.3 % by the last 10 m; elite women hold speed late.
  EXPECT_GT(loss(youth, 13.6), loss(elite, 10.9) + 0.03);
  // Their top speeds were 8.0-8.4 m/s: a 13.6 s girl is at or below the slowest of them.
  EXPECT_GT(youth.peak_speed_mps(), 7.5);
  EXPECT_LT(youth.peak_speed_mps(), 8.4);
}

TEST(AthleteModel, MissingMarksAreEstimatedAndSaidSo) {
  const AthleteModel m = model_athlete(athlete("Q", Sex::male, {{400, 48.0}}));
  bool est = false;
  open_time_s(m, 100.0, &est);
  EXPECT_TRUE(est);
  EXPECT_FALSE(m.notes.empty());
  EXPECT_EQ(open_time_s(m, 400.0, &est), 48.0);
  EXPECT_FALSE(est);
  open_time_s(m, 800.0, &est);
  EXPECT_TRUE(est);
}

// Athletes known only by their 400 m: the estimated 100 m and 800 m against what they ran.
// Published bests: Michael Johnson 10.09 / 43.18; Wayde van Niekerk 9.94 / 43.03; Allyson
// Felix 10.89 / 49.26; Marita Koch 10.83 / 47.60; Alberto Juantorena 44.26 / 1:43.44 (1977);
// Jarmila Kratochvilova 47.99 / 1:53.28 (both 1983).
TEST(AthleteModel, MarksEstimatedFromA400AgreeWithPublishedBests) {
  struct Case {
    const char* name;
    Sex sex;
    double t400, real_s;
    double distance_m;
  };
  const Case cases[] = {
      {"Michael Johnson", Sex::male, 43.18, 10.09, 100.0},
      {"Wayde van Niekerk", Sex::male, 43.03, 9.94, 100.0},
      {"Allyson Felix", Sex::female, 49.26, 10.89, 100.0},
      {"Marita Koch", Sex::female, 47.60, 10.83, 100.0},
      {"Alberto Juantorena", Sex::male, 44.26, 103.44, 800.0},
      {"Jarmila Kratochvilova", Sex::female, 47.99, 113.28, 800.0},
  };
  for (const Case& c : cases) {
    const AthleteModel m = model_athlete(athlete(c.name, c.sex, {{400, c.t400}}));
    bool est = false;
    const double t = open_time_s(m, c.distance_m, &est);
    EXPECT_TRUE(est) << c.name;
    // One ratio cannot fit both pure sprinters and 400 m men: within 4 % on the 100 m and 6 %
    // on the 800 m (these doubles ran 2.34-2.36 x their 400 m). A wrong ratio shows: the
    // 400 m / 2 / 2 of a constant pace would be 20 % slow on the 100 m, Riegel's 1.06 from the
    // 400 m to the 800 m (x 2.085) 11 % fast.
    const double tolerance = c.distance_m < 200.0 ? 0.04 : 0.06;
    EXPECT_NEAR(t, c.real_s, tolerance * c.real_s) << c.name;
  }
}

TEST(AthleteModel, InterpolatesBetweenMarksWithTheAthletesOwnExponent) {
  const AthleteModel m = model_athlete(athlete("D", Sex::female, {{400, 60.0}, {1600, 330.0}}));
  const double k = std::log(330.0 / 60.0) / std::log(4.0);
  EXPECT_NEAR(open_time_s(m, 800.0), 60.0 * std::pow(2.0, k), 1e-9);
}

TEST(AthleteModel, SprintOnlyAthleteCannotRunADistanceLeg) {
  const AthleteModel m = model_athlete(athlete("S", Sex::male, {{100, 11.0}}));
  EXPECT_TRUE(std::isinf(open_time_s(m, 800.0)));
  EXPECT_THROW(model_athlete(athlete("N", Sex::male, {})), ValidationError);
}

// A middle-distance runner with no sprint mark runs their own distances on their real marks;
// the sprints come from a 400 m estimated with the steep exponent (2:00 -> 120 x 0.5^1.17 =
// 53.33 s; a 5:00 1600 m alone -> 300 x 0.25^1.15 = 60.92 s), each flagged as an estimate.
TEST(AthleteModel, DistanceRunnerRunsOnRealMarksAndEstimatedSprints) {
  const AthleteModel m = model_athlete(athlete("M", Sex::male, {{800, 120.0}, {1600, 260.0}}));
  bool estimated = true;
  EXPECT_EQ(open_time_s(m, 800.0, &estimated), 120.0);
  EXPECT_FALSE(estimated);
  EXPECT_EQ(open_time_s(m, 1600.0, &estimated), 260.0);
  EXPECT_FALSE(estimated);
  EXPECT_NEAR(open_time_s(m, 400.0, &estimated), 53.33, 0.005);
  EXPECT_TRUE(estimated);
  EXPECT_NEAR(open_time_s(m, 100.0, &estimated), 0.495 * 0.455 * 53.33, 0.005);
  EXPECT_TRUE(estimated);
  bool noted = false;
  for (const std::string& n : m.notes)
    noted = noted || n == "400m estimated from the 800m mark (no sprint mark)";
  EXPECT_TRUE(noted);
  const AthleteModel miler = model_athlete(athlete("L", Sex::female, {{1600, 300.0}}));
  EXPECT_NEAR(open_time_s(miler, 400.0), 60.92, 0.005);
}

// Youth meets run 150 m and 300 m. A runner known only by one of them gets the 200 m or 400 m
// from it, T2 = T1 (D2/D1)^k, and the rest of the chain from there. Checked on one runner's own
// bests: van Niekerk's 300 m world best 30.81 gives a 400 m of 30.81 x (4/3)^1.17 = 43.14
// against his 43.03; Bolt's straight 150 m 14.35 gives a 200 m of 14.35 x (4/3)^1.06 = 19.47
// against his 19.19.
TEST(AthleteModel, AThreeHundredOrOneFiftyAloneGivesAModel) {
  const AthleteModel wayde = model_athlete(athlete("Wayde van Niekerk", Sex::male, {{300, 30.81}}));
  bool estimated = false;
  EXPECT_NEAR(open_time_s(wayde, 400.0, &estimated), 43.14, 0.005);
  EXPECT_TRUE(estimated);
  EXPECT_NEAR(open_time_s(wayde, 400.0), 43.03, 0.15);
  EXPECT_NEAR(open_time_s(wayde, 100.0), 0.495 * 0.455 * 43.14, 0.005);
  EXPECT_EQ(open_time_s(wayde, 300.0, &estimated), 30.81);
  EXPECT_FALSE(estimated);
  const auto& notes = wayde.notes;
  EXPECT_NE(std::find(notes.begin(), notes.end(), "400m estimated from the 300m mark"),
            notes.end());
  const AthleteModel usain = model_athlete(athlete("Usain Bolt", Sex::male, {{150, 14.35}}));
  EXPECT_NEAR(open_time_s(usain, 200.0, &estimated), 19.47, 0.005);
  EXPECT_TRUE(estimated);
  EXPECT_NEAR(open_time_s(usain, 100.0), 0.495 * 19.47, 0.005);
  // A 60 m mark beside the 300 m is the better sprint mark: the 100 m comes from it.
  const AthleteModel both = model_athlete(athlete("Youth", Sex::male, {{60, 9.00}, {300, 55.0}}));
  EXPECT_EQ(std::find(both.notes.begin(), both.notes.end(), "400m estimated from the 300m mark"),
            both.notes.end());
  EXPECT_NE(std::find(both.notes.begin(), both.notes.end(), "100m estimated from the 60m mark"),
            both.notes.end());
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
