// A pair's exchange parameters fitted to its drills.
#include "baton/pair_calibration.h"

#include <gtest/gtest.h>

#include <cmath>

#include "baton/error.h"

namespace baton {
namespace {

// The field a ValidationError names, "" when `f` does not throw one.
template <typename F>
std::string field_of(F f) {
  try {
    f();
  } catch (const ValidationError& e) {
    return e.where().field;
  }
  return "";
}

// The models' pair: incoming 9.5 m/s, outgoing MSS 9.3 m/s and TAU 1.1 s, reaction 0.15 s,
// downsweep reach 1.5 m, standing at the back of a 30 m zone.
HandoffParams models_pair() {
  HandoffParams p;
  p.incoming_speed_mps = 9.5;
  p.outgoing = SprintCurve{9.3, 1.1};
  p.reaction_s = 0.15;
  p.free_distance_m = 1.5;
  p.zone_length_m = 30.0;
  p.start_m = 0.0;
  return p;
}

HandoffParams with(HandoffParams p, double reaction_s, double tau_s, double speed_mps) {
  p.reaction_s = reaction_s;
  p.outgoing.tau_s = tau_s;
  p.incoming_speed_mps = speed_mps;
  return p;
}

// Drills of the pair `truth` at each mark, `repeats` times, today: the pass where the hand-off
// solver puts it, moved by `noise(i)` metres.
template <typename Noise>
std::vector<DrillObservation> drills_of(const HandoffParams& truth,
                                        const std::vector<double>& marks, int repeats,
                                        Noise noise) {
  std::vector<DrillObservation> out;
  int i = 0;
  for (int r = 0; r < repeats; ++r) {
    for (double m : marks) {
      HandoffParams p = truth;
      p.go_mark_m = m;
      const HandoffResult h = solve_handoff(p);
      EXPECT_TRUE(h.exchanged && !h.late) << "mark " << m;
      out.push_back({m, h.baton_position_m + noise(i++), 0.0, "2026-03-01"});
    }
  }
  return out;
}

void expect_recovered(const FittedParameter& f, double truth, const char* name) {
  EXPECT_LE(std::abs(f.value - truth), 2.0 * f.sd)
      << name << ": fitted " << f.value << " +- " << f.sd << ", truth " << truth;
  EXPECT_LT(f.sd, f.prior_sd) << name;
  EXPECT_FALSE(f.at_bound) << name;
}

TEST(PairCalibration, WithoutDrillsThePairIsTheModelsWithThePriorsUncertainty) {
  const PairCalibration c = calibrate_pair(models_pair(), {});
  EXPECT_EQ(c.drills, 0);
  EXPECT_DOUBLE_EQ(c.reaction_s.value, 0.15);
  EXPECT_DOUBLE_EQ(c.reaction_s.sd, PairPriors{}.reaction_sd_s);
  EXPECT_DOUBLE_EQ(c.outgoing_tau_s.sd, PairPriors{}.tau_sd_s);
  EXPECT_DOUBLE_EQ(c.incoming_speed_mps.sd, PairPriors{}.incoming_speed_sd_mps);
  ASSERT_TRUE(c.recommended.exchanged);
  EXPECT_DOUBLE_EQ(c.recommended.go_mark_m, c.model.go_mark_m);
  EXPECT_GT(c.prior_mark_sd_m, 0.0);
  EXPECT_NEAR(c.mark_sd_m, c.prior_mark_sd_m, 1e-9);
  // Default timing spread: mark 0.3 m and 9.5 m/s x 0.05 s = 0.475 m -> sqrt(0.09 + 0.225625).
  EXPECT_NEAR(c.drill_sd_m, std::sqrt(0.09 + 0.475 * 0.475), 1e-12);
}

TEST(PairCalibration, NoiseFreeDrillsAtManyMarksRecoverThePair) {
  // A pair that anticipates (0.05 s), accelerates a little faster (TAU 1.0 s) and comes in a
  // little slower (9.2 m/s) than the models say.
  const HandoffParams truth = with(models_pair(), 0.05, 1.0, 9.2);
  const std::vector<DrillObservation> drills =
      drills_of(truth, {8.5, 9.0, 9.5, 10.0}, 4, [](int) { return 0.0; });
  const PairCalibration c = calibrate_pair(models_pair(), drills);
  EXPECT_EQ(c.drills, 16);
  EXPECT_TRUE(c.unexplained.empty());
  expect_recovered(c.reaction_s, 0.05, "reaction");
  expect_recovered(c.outgoing_tau_s, 1.0, "TAU");
  expect_recovered(c.incoming_speed_mps, 9.2, "incoming speed");
  // The calibrated pair passes where the drills did: within 0.1 m of go-mark (the 10 m mark
  // passes 11.4 m in, where 0.1 m of mark moves the pass by more than a metre).
  for (const DrillObservation& d : drills) {
    EXPECT_NEAR(mark_for_exchange_m(c.calibrated, d.exchange_at_m, c.calibrated.reaction_s),
                d.go_mark_m, 0.1)
        << "mark " << d.go_mark_m;
    EXPECT_NEAR(predicted_exchange_at_m(c, d.go_mark_m), d.exchange_at_m,
                d.go_mark_m < 10.0 ? 0.25 : 1.0)
        << "mark " << d.go_mark_m;
  }
}

TEST(PairCalibration, SlightlyNoisyDrillsRecoverThePairWithinItsUncertainty) {
  const HandoffParams truth = with(models_pair(), 0.22, 1.2, 9.7);
  // Positions off by +-0.3 m in a fixed pattern (the scatter of a tape measure and a video).
  const auto noise = [](int i) { return 0.3 * std::sin(1.7 * i + 0.4); };
  const std::vector<DrillObservation> drills =
      drills_of(truth, {12.0, 12.5, 13.0, 13.5, 14.0}, 4, noise);
  const PairCalibration c = calibrate_pair(models_pair(), drills);
  EXPECT_TRUE(c.unexplained.empty());
  expect_recovered(c.reaction_s, 0.22, "reaction");
  expect_recovered(c.outgoing_tau_s, 1.2, "TAU");
  expect_recovered(c.incoming_speed_mps, 9.7, "incoming speed");
}

TEST(PairCalibration, DrillsDeeperThanTheModelAtOneMarkAreReproducedWithoutABound) {
  // The coach's pair: a 7.5 m mark passing 14-15.5 m into the zone, where the models' pair
  // passes much earlier.
  const HandoffParams models = models_pair();
  EXPECT_LT(model_exchange_at_m(models, 7.5, models.reaction_s), 13.0);
  std::vector<DrillObservation> drills;
  for (double at : {14.0, 14.5, 14.75, 15.0, 15.25, 15.5}) {
    drills.push_back({7.5, at, 0.0, "2026-03-01"});
  }
  const PairCalibration c = calibrate_pair(models, drills);
  EXPECT_FALSE(c.at_bound());
  EXPECT_TRUE(c.unexplained.empty());
  EXPECT_NEAR(predicted_exchange_at_m(c, 7.5), 14.75, 0.5);
  // The calibrated pair needs a shorter mark than the models' for the same pass.
  ASSERT_TRUE(c.recommended.exchanged);
  HandoffParams q = c.calibrated;
  const HandoffResult same_pass = handoff_for_target(q, c.model.baton_position_m);
  ASSERT_TRUE(same_pass.exchanged);
  EXPECT_LT(same_pass.go_mark_m, c.model.go_mark_m);
}

TEST(PairCalibration, ADrillNoPairExplainsIsNamedAndLeftOut) {
  const HandoffParams models = models_pair();
  std::vector<DrillObservation> drills;
  for (int i = 0; i < 6; ++i) {
    drills.push_back(
        {10.0, model_exchange_at_m(models, 10.0, 0.15), 0.0, "2026-03-0" + std::to_string(i + 1)});
  }
  // Logged as 0.5 m: the baton cannot change hands that early with a 10 m mark at these
  // speeds unless the outgoing runner stood still for a third of a second.
  drills.push_back({10.0, 0.5, 0.0, "2026-03-09"});
  const PairCalibration c = calibrate_pair(models, drills);
  ASSERT_EQ(c.unexplained.size(), 1u);
  EXPECT_EQ(c.unexplained[0].index, 6);
  EXPECT_EQ(c.unexplained[0].date, "2026-03-09");
  EXPECT_NE(c.unexplained[0].reason.find("10.00 m used"), std::string::npos)
      << c.unexplained[0].reason;
  EXPECT_EQ(c.drills, 6);
  EXPECT_NEAR(predicted_exchange_at_m(c, 10.0), drills[0].exchange_at_m, 0.3);
  EXPECT_LT(c.rms_residual_m, 0.05);
}

TEST(PairCalibration, OlderDrillsCountLess) {
  // Two blocks of drills at one mark disagree; the recent block wins.
  const HandoffParams models = models_pair();
  std::vector<DrillObservation> drills;
  for (int i = 0; i < 4; ++i) drills.push_back({8.0, 12.0, 120.0, "2025-11-01"});
  for (int i = 0; i < 4; ++i) drills.push_back({8.0, 14.0, 0.0, "2026-03-01"});
  const PairCalibration c = calibrate_pair(models, drills);
  EXPECT_GT(predicted_exchange_at_m(c, 8.0), 13.5);
}

TEST(PairCalibration, BadInputNamesTheField) {
  EXPECT_EQ(field_of([] { calibrate_pair(models_pair(), {{8.0, 12.0, -1.0, ""}}); }), "drills");
  EXPECT_EQ(field_of([] { calibrate_pair(models_pair(), {{8.0, NAN, 0.0, ""}}); }), "drills");
  PairFitOptions o;
  o.priors.tau_sd_s = 0.0;
  EXPECT_EQ(field_of([&] { calibrate_pair(models_pair(), {}, o); }), "tau_sd_s");
  o = {};
  o.half_life_days = 0.0;
  EXPECT_EQ(field_of([&] { calibrate_pair(models_pair(), {}, o); }), "half_life_days");
}

}  // namespace
}  // namespace baton
