#include "baton/practice_report.h"

#include "baton/date.h"
#include "core/text.h"

namespace baton {

std::vector<DrillObservation> drill_observations(const std::vector<Drill>& drills,
                                                 const std::string& as_of) {
  const long long today = days_since_epoch(as_of);
  std::vector<DrillObservation> out;
  for (const Drill& d : drills) {
    const long long age = today - days_since_epoch(d.date);
    if (age >= 0) out.push_back({d.go_mark_m, d.exchange_at_m, static_cast<double>(age)});
  }
  return out;
}

PracticeReport practice_report(const std::string& from, const std::string& to,
                               const std::vector<Drill>& drills, const HandoffParams& nominal,
                               double target_m, const std::string& as_of,
                               const CalibrationOptions& options, double foot_length_m) {
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
  r.calibration =
      calibrate_go_mark(nominal, drill_observations(counted, r.as_of), target_m, options);
  r.foot_length_m = foot_length_m;
  r.half_life_days = options.half_life_days;
  return r;
}

}  // namespace baton
