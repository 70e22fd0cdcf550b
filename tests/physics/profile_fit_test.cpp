#include "baton/profile_fit.h"

#include <gtest/gtest.h>

#include <cmath>

namespace baton {
namespace {

// /work data: the `shorts` example splits (shorts 1.1.4 documentation).
const std::vector<Split> kShortsSplits = {
    {5, 1.21}, {10, 1.99}, {20, 3.38}, {30, 4.71}, {35, 5.30}};

// shorts::model_timing_gates on these splits: MSS 7.553185, TAU 0.706663, MAC 10.68852,
// PMAX 20.1831.
TEST(ProfileFit, MatchesShortsPlainModel) {
  const ProfileFit f = fit_profile(kShortsSplits, ProfileModel::plain);
  EXPECT_NEAR(f.curve.mss_mps, 7.553185, 1e-3);
  EXPECT_NEAR(f.curve.tau_s, 0.706663, 1e-3);
  EXPECT_NEAR(f.mac_mps2(), 10.68852, 1e-3);
  EXPECT_NEAR(f.pmax_wkg(), 20.1831, 1e-3);
  // The RMSE is the root mean square of the five residuals; recompute it independently.
  double ss = 0.0;
  for (const Split& s : kShortsSplits)
    ss += std::pow(s.time_s - f.predicted_time_s(s.distance_m), 2);
  EXPECT_NEAR(f.rmse_s, std::sqrt(ss / 5.0), 1e-12);
  EXPECT_GT(f.rmse_s, 0.0);
  EXPECT_LT(f.rmse_s, 0.05);  // these splits are hand-rounded to 0.01 s
}

// The least-squares optimum: the gradient of the cost vanishes, so nudging any parameter
// either way cannot lower the residual sum of squares.
TEST(ProfileFit, PlainFitIsALocalMinimum) {
  const ProfileFit f = fit_profile(kShortsSplits);
  auto cost = [&](double mss, double tau) {
    double ss = 0.0;
    for (const Split& s : kShortsSplits) {
      ss += std::pow(s.time_s - sprint_time_s({mss, tau}, s.distance_m), 2);
    }
    return ss;
  };
  const double best = cost(f.curve.mss_mps, f.curve.tau_s);
  for (double h : {1e-4, -1e-4}) {
    EXPECT_GE(cost(f.curve.mss_mps + h, f.curve.tau_s), best);
    EXPECT_GE(cost(f.curve.mss_mps, f.curve.tau_s + h), best);
  }
}

// Splits generated from known parameters are recovered exactly by the matching model.
struct Synthetic {
  ProfileModel model;
  double mss, tau, tc, fd;
};

class ProfileFitRecovers : public ::testing::TestWithParam<Synthetic> {};

TEST_P(ProfileFitRecovers, KnownParameters) {
  const Synthetic s = GetParam();
  ProfileFit truth;
  truth.model = s.model;
  truth.curve = {s.mss, s.tau};
  truth.time_correction_s = s.tc;
  truth.flying_distance_m = s.fd;
  std::vector<Split> splits;
  for (double d : {5.0, 10.0, 15.0, 20.0, 30.0, 40.0})
    splits.push_back({d, truth.predicted_time_s(d)});
  const ProfileFit f = fit_profile(splits, s.model);
  EXPECT_NEAR(f.curve.mss_mps, s.mss, 1e-6);
  EXPECT_NEAR(f.curve.tau_s, s.tau, 1e-6);
  EXPECT_NEAR(f.time_correction_s, s.tc, 1e-6);
  EXPECT_NEAR(f.flying_distance_m, s.fd, 1e-5);
  EXPECT_LT(f.rmse_s, 1e-9);
}

INSTANTIATE_TEST_SUITE_P(
    Models, ProfileFitRecovers,
    ::testing::Values(Synthetic{ProfileModel::plain, 9.0, 1.1, 0.0, 0.0},
                      Synthetic{ProfileModel::plain, 11.8, 1.25, 0.0, 0.0},
                      Synthetic{ProfileModel::time_correction, 8.5, 0.9, 0.3, 0.0},
                      Synthetic{ProfileModel::time_correction, 10.0, 1.2, -0.15, 0.0},
                      Synthetic{ProfileModel::flying_distance, 9.0, 1.0, 0.0, 0.5},
                      Synthetic{ProfileModel::flying_distance, 7.5, 0.7, 0.0, 0.25}));

// Exactly as many splits as parameters: the model passes through both points.
TEST(ProfileFit, TwoSplitsGiveAnExactPlainFit) {
  const SprintCurve c{9.2, 1.05};
  const std::vector<Split> two = {{10, sprint_time_s(c, 10)}, {30, sprint_time_s(c, 30)}};
  const ProfileFit f = fit_profile(two);
  EXPECT_NEAR(f.curve.mss_mps, 9.2, 1e-6);
  EXPECT_NEAR(f.curve.tau_s, 1.05, 1e-6);
  EXPECT_LT(f.rmse_s, 1e-9);
}

TEST(ProfileFit, TcAndFdAgreeWithShortsSemantics) {
  // TC: predicted = t(d) - TC, so adding 0.3 s to every split shifts TC by -0.3 s.
  const ProfileFit base = fit_profile(kShortsSplits, ProfileModel::time_correction);
  std::vector<Split> late = kShortsSplits;
  for (Split& s : late) s.time_s += 0.3;
  const ProfileFit shifted = fit_profile(late, ProfileModel::time_correction);
  EXPECT_NEAR(shifted.time_correction_s, base.time_correction_s - 0.3, 1e-6);
  EXPECT_NEAR(shifted.curve.mss_mps, base.curve.mss_mps, 1e-6);
  // FD fits at least as well as plain (plain is FD = 0).
  const ProfileFit fd = fit_profile(kShortsSplits, ProfileModel::flying_distance);
  EXPECT_LE(fd.rmse_s, fit_profile(kShortsSplits).rmse_s + 1e-12);
  EXPECT_GE(fd.flying_distance_m, 0.0);
}

TEST(ProfileFit, DegenerateDataAreValidationErrors) {
  const std::vector<Split> one = {{10, 1.9}};
  EXPECT_THROW(fit_profile(one), ValidationError);
  const std::vector<Split> two = {{10, 1.9}, {20, 3.0}};
  EXPECT_THROW(fit_profile(two, ProfileModel::time_correction), ValidationError);
  EXPECT_THROW(fit_profile(two, ProfileModel::flying_distance), ValidationError);
  const std::vector<Split> flat = {{10, 1.9}, {20, 1.9}, {30, 4.0}};
  EXPECT_THROW(fit_profile(flat), ValidationError);
  const std::vector<Split> backwards = {{20, 3.0}, {10, 1.9}};
  EXPECT_THROW(fit_profile(backwards), ValidationError);
  const std::vector<Split> negative = {{-5, 1.0}, {10, 1.9}};
  EXPECT_THROW(fit_profile(negative), ValidationError);
  // A constant pace from the gun is no acceleration at all: the fit would need TAU -> 0.
  const std::vector<Split> constant = {{10, 1.0}, {20, 2.0}, {30, 3.0}, {40, 4.0}};
  EXPECT_THROW(fit_profile(constant), ValidationError);
  // Speeding up ever faster (times shrinking per segment faster than any exponential).
  const std::vector<Split> runaway = {{10, 3.0}, {20, 4.0}, {30, 4.5}, {40, 4.8}};
  EXPECT_THROW(fit_profile(runaway), ValidationError);
}

TEST(ProfileFit, FitsNoHumanCanRunAreRefusedNamingWhereTheSplitsCameFrom) {
  // 5 m in 0.5 s and 10 m in 0.9 s from a standing start (10 m/s over the first 5 m): the
  // exact two-split fit reaches 12.5 m/s with TAU 0.10 s, an acceleration of 123 m/s^2.
  const std::vector<Split> rocket = {{5, 0.5}, {10, 0.9}};
  try {
    fit_profile(rocket, ProfileModel::plain, Location{"--splits", 0, ""});
    ADD_FAILURE() << "TAU 0.10 s accepted";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().file, "--splits");
    EXPECT_NE(e.message().find("TAU of 0.10 s"), std::string::npos) << e.what();
  }
  // 10 m in 2.29 s and 20 m in 3.39 s: the exact fit needs MSS 16.4 m/s and TAU 3.50 s, a
  // speed no sprinter reaches and a TAU the hand-off solver does not accept.
  const std::vector<Split> slow_start = {{10, 2.29}, {20, 3.39}};
  try {
    fit_profile(slow_start);
    ADD_FAILURE() << "MSS 16.4 m/s accepted";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().field, "splits");
    EXPECT_NE(e.message().find("top speed of 16.4 m/s"), std::string::npos) << e.what();
  }
  // An elite sprinter's profile (MSS 12 m/s, TAU 1.2 s) is well inside the limits.
  std::vector<Split> elite;
  for (double d : {10.0, 20.0, 30.0, 40.0}) elite.push_back({d, sprint_time_s({12.0, 1.2}, d)});
  EXPECT_NEAR(fit_profile(elite).curve.mss_mps, 12.0, 1e-6);
}

TEST(ProfileFit, ParsesSplitText) {
  const std::vector<Split> s = parse_splits("5:1.21, 10m:1.99,20:3.38");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[1].distance_m, 10.0);
  EXPECT_EQ(s[2].time_s, 3.38);
  EXPECT_THROW(parse_splits("5-1.21"), ParseError);
  EXPECT_THROW(parse_splits("5:abc"), ParseError);
  EXPECT_THROW(parse_splits(""), ParseError);
  EXPECT_EQ(parse_profile_model("TC"), ProfileModel::time_correction);
  EXPECT_THROW(parse_profile_model("x"), ParseError);
}

}  // namespace
}  // namespace baton
