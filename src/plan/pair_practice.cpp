// A pair's drills turned into the record planning and the simulation read.
#include "baton/pair_practice.h"

#include <algorithm>
#include <cmath>

#include "baton/calibration.h"
#include "baton/pair_calibration.h"
#include "baton/practice_report.h"

namespace baton {

PairRecord practice_record(const std::vector<Drill>& drills, const HandoffParams& nominal,
                           double /*target_m*/) {
  PairRecord r = summarize_drills(drills);
  if (drills.size() < 2) return r;
  // Aged from the latest drill (YYYY-MM-DD dates order as text); the scatter around the pair's
  // own calibrated exchange, so a pair that passes consistently deeper than the model is not
  // counted as erratic.
  r.timing_sd_m = std::min(
      calibrate_pair(nominal, drill_observations(drills, r.last_date)).rms_residual_m, 10.0);
  return r;
}

double practice_fail_rate(const PairRecord& p, double prior_rate, double prior_drills) {
  const double fails = p.drills * (1.0 - p.clean_rate());
  return (prior_rate * prior_drills + fails) / (prior_drills + p.drills);
}

double practice_spread_scale(const PairRecord& p, double incoming_speed_mps, double reaction_sd_s,
                             double mark_sd_m, double prior_drills) {
  if (p.clean < 2 || !(p.timing_sd_m >= 0.0)) return 1.0;
  const double u_sd = incoming_speed_mps * reaction_sd_s;
  const double v0 = mark_sd_m * mark_sd_m + u_sd * u_sd;
  if (!(v0 > 0.0)) return 1.0;
  const double n = p.clean;
  const double v = (prior_drills * v0 + n * p.timing_sd_m * p.timing_sd_m) / (prior_drills + n);
  return std::sqrt(v / v0);
}

}  // namespace baton
