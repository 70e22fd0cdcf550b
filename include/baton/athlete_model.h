// An athlete's running model built from their marks and splits: how fast they accelerate, how
// fast they get, how much they slow down late in a sprint, and what they can hold over 300 m to
// a mile. Sources and assumptions: docs/MODEL.md.
#pragma once

#include <string>
#include <vector>

#include "baton/athlete.h"
#include "baton/sprint_model.h"

namespace baton {

/// Settings for building athlete models. Defaults are documented in docs/MODEL.md.
struct ModelOptions {
  double reaction_s = 0.15;    ///< reaction to the gun from blocks, seconds (0.10 - 0.40)
  double tau_male_s = 1.25;    ///< TAU prior for men when no splits exist, seconds
  double tau_female_s = 1.15;  ///< TAU prior for women when no splits exist, seconds
};

/// An open-race time at a distance, measured or estimated.
struct ModelMark {
  double distance_m = 0.0;  ///< metres
  double time_s = 0.0;      ///< FAT-equivalent seconds
  bool estimated = false;   ///< derived from other distances rather than run
  std::string source;       ///< "mark", or how it was estimated ("from 200m (Riegel)")
};

/// A runner's model. The sprint part is the mono-exponential curve with a speed-endurance
/// term:  v(t) = MSS (1 - e^(-t/TAU) - (t / T_F)^p),  t from the first movement.
struct AthleteModel {
  std::string name;
  Sex sex = Sex::female;
  SprintCurve curve;            ///< MSS (m/s) and TAU (s) of the acceleration
  double fatigue_time_s = 0.0;  ///< T_F above, seconds; larger = better speed endurance
  /// p above: 3 for a world-class sprinter (holds speed late), down to 1 for a high-school
  /// runner (fades from early on), linear in the level between (docs/MODEL.md).
  double fatigue_power = 3.0;
  double reaction_s = 0.15;        ///< block-start reaction, seconds
  std::vector<ModelMark> marks;    ///< open marks by distance (run and estimated), FAT seconds
  bool tau_from_splits = false;    ///< TAU was fitted from the athlete's splits
  bool fatigue_estimated = false;  ///< T_F from a prior, not from a 200 m mark
  std::vector<std::string> notes;  ///< what was estimated and how, for output

  /// Highest speed of the fatigued curve, m/s.
  double peak_speed_mps() const;
};

/// Builds the model. Uses splits for TAU when there are at least two (plain `shorts` fit),
/// else the sex prior; MSS so the model runs the 100 m mark (estimated from a 200 m or 400 m
/// mark when there is none); T_F so it runs the 200 m mark with the bend of a lane-4 200 m (a
/// missing 200 m is estimated from the 100 m with a level-dependent ratio, so slower runners
/// fade more); a runner with only 800 m or longer marks gets a 400 m estimated from the shortest
/// of them. Every estimate is listed in `notes`. Throws ValidationError (field "bests") when the
/// athlete has no mark and no splits.
AthleteModel model_athlete(const Athlete& athlete, const ModelOptions& options = {});

/// Speed t seconds after the first movement, m/s (may reach 0 late in a very long sprint).
double model_speed_mps(const AthleteModel& m, double t_s);
/// Distance covered t seconds after the first movement, metres.
double model_distance_m(const AthleteModel& m, double t_s);
/// Time from the first movement to cover d metres all-out, seconds; +infinity when the
/// runner's speed-endurance cannot carry them that far (far beyond any sprint leg).
double model_time_s(const AthleteModel& m, double d_m);

/// The athlete's open-race time at a distance, FAT seconds: the mark itself, else interpolated
/// in log-time/log-distance between the nearest marks, else Riegel's T2 = T1 (D2/D1)^1.06 from
/// the nearest mark. `estimated` (optional) says whether it is a real mark. For d_m > 250 m only
/// marks of 200 m or more are used, and a real mark of at least max(200 m, d_m / 2) is required
/// (Riegel is not trusted beyond doubling a distance); otherwise returns +infinity.
double open_time_s(const AthleteModel& m, double d_m, bool* estimated = nullptr,
                   std::string* source = nullptr);

}  // namespace baton
