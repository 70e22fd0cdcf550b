#include "baton/practice_report.h"

#include <fmt/format.h>

#include <cmath>

#include "baton/date.h"
#include "core/text.h"

namespace baton {

std::vector<DrillObservation> drill_observations(const std::vector<Drill>& drills,
                                                 const std::string& as_of) {
  const long long today = days_since_epoch(as_of);
  std::vector<DrillObservation> out;
  for (const Drill& d : drills) {
    const long long age = today - days_since_epoch(d.date);
    if (age >= 0) out.push_back({d.go_mark_m, d.exchange_at_m, static_cast<double>(age), d.date});
  }
  return out;
}

PracticeReport practice_report(const std::string& from, const std::string& to,
                               const std::vector<Drill>& drills, const HandoffParams& nominal,
                               double target_m, const std::string& as_of,
                               const CalibrationOptions& options, double foot_length_m,
                               std::optional<double> go_mark_m, bool aim_at_target,
                               const ExchangeSettings& exchange) {
  if (go_mark_m && !(*go_mark_m >= 0.0 && *go_mark_m <= 60.0)) {
    throw ValidationError(fmt::format("go-mark must be 0-60 m (got {:g})", *go_mark_m),
                          Location{"", 0, "go_mark_m"});
  }
  if (text::lowercase(text::trim(from)) == text::lowercase(text::trim(to))) {
    throw ValidationError(from + " cannot hand the baton to themselves: name two runners",
                          Location{"", 0, "to"});
  }
  PracticeReport r;
  r.as_of = parse_date(as_of, Location{"", 0, "as_of"});
  std::vector<Drill> counted;
  for (const Drill& d : drills) {
    if (d.date <= r.as_of) counted.push_back(d);
  }
  r.record = summarize_drills(counted);
  // The names as the log spells them once drills count, else as given.
  r.from = r.record.drills > 0 ? r.record.from : from;
  r.to = r.record.drills > 0 ? r.record.to : to;
  r.nominal = nominal;
  const std::vector<DrillObservation> observed = drill_observations(counted, r.as_of);
  // The one-parameter fit stays for the model's mark at the target; the pair's own exchange
  // (reaction, TAU, incoming speed) gives the recommendation, as the plan makes it.
  r.calibration = calibrate_go_mark(nominal, {}, target_m, options);
  PairFitOptions fit;
  fit.half_life_days = options.half_life_days;
  fit.exchange = exchange;
  r.pair = calibrate_pair(nominal, observed, fit);
  Calibration& c = r.calibration;
  c.drills = r.pair.drills;
  c.effective_drills = r.pair.effective_drills;
  c.effective_reaction_s = r.pair.reaction_s.value;
  c.reaction_at_bound = r.pair.at_bound();
  c.rms_residual_m = r.pair.rms_residual_m;
  if (aim_at_target) {
    c.recommended = handoff_for_target(r.pair.calibrated, target_m);
  } else {
    c.model = r.pair.model;
    c.recommended = r.pair.recommended;
    if (c.model.exchanged) c.target_m = c.model.baton_position_m;
  }
  if (go_mark_m) {
    r.go_mark_m = go_mark_m;
  } else if (c.recommended.exchanged) {
    r.go_mark_m = c.recommended.go_mark_m;
  }
  if (r.go_mark_m) {
    const double at = predicted_exchange_at_m(r.pair, *r.go_mark_m);
    if (std::isfinite(at)) r.predicted_exchange_at_m = at;
  }
  r.foot_length_m = foot_length_m;
  r.half_life_days = options.half_life_days;
  return r;
}

}  // namespace baton
