// The team's exchange settings and their validation.
#include "baton/exchange_settings.h"

#include <fmt/format.h>

#include <cmath>

#include "baton/error.h"

namespace baton {
namespace {

// Throws unless lo <= value <= hi (lo < value when `open_lo`, value < hi when `open_hi`).
void check(double value, double lo, double hi, const char* field, const char* unit,
           bool open_lo = false, bool open_hi = false) {
  const bool ok = std::isfinite(value) && (open_lo ? value > lo : value >= lo) &&
                  (open_hi ? value < hi : value <= hi);
  if (!ok) {
    throw ValidationError(
        fmt::format("{} must be in {}{:g}, {:g}{}{} (got {:g})", field, open_lo ? "(" : "[", lo, hi,
                    open_hi ? ")" : "]", unit, value),
        Location{"", 0, field});
  }
}

}  // namespace

double ExchangeSettings::reach_m(Technique t) const {
  switch (t) {
    case Technique::upsweep:
      return upsweep_reach_m;
    case Technique::downsweep:
      return downsweep_reach_m;
    case Technique::push:
      return push_reach_m;
    case Technique::visual:
      break;
  }
  return visual_reach_m;
}

void validate_exchange_settings(const ExchangeSettings& s) {
  check(s.upsweep_reach_m, 0.3, 3.0, "upsweep_reach_m", " m");
  check(s.downsweep_reach_m, 0.3, 3.0, "downsweep_reach_m", " m");
  check(s.push_reach_m, 0.3, 3.0, "push_reach_m", " m");
  check(s.visual_reach_m, 0.3, 3.0, "visual_reach_m", " m");
  check(s.blind_reaction_s, 0.0, 1.0, "blind_reaction_s", " s");
  check(s.visual_reaction_s, 0.0, 1.0, "visual_reaction_s", " s");
  check(s.blind_start_m, 0.0, 30.0, "blind_start_m", " m");
  check(s.visual_start_m, 0.0, 20.0, "visual_start_m", " m");
  check(s.visual_speed_fraction, 0.0, 1.0, "visual_speed_fraction", "", true);
  check(s.pass_speed_fraction, 0.0, 1.0, "pass_speed_fraction", "", true);
  check(s.latest_pass_fraction, 0.0, 1.0, "latest_pass_fraction", "", true);
  check(s.earliest_pass_m, 0.0, 20.0, "earliest_pass_m", " m");
  check(s.ease_mps2, 0.0, 10.0, "ease_mps2", " m/s^2");
  check(s.late_pass_cost_s, 0.0, 2.0, "late_pass_cost_s", " s");
  check(s.reaction_sd_s, 0.0, 0.3, "reaction_sd_s", " s");
  check(s.mark_sd_m, 0.0, 3.0, "mark_sd_m", " m");
  check(s.form_sd_fraction, 0.0, 0.2, "form_sd_fraction", "");
  check(s.practice_prior_fail_rate, 0.0, 1.0, "practice_prior_fail_rate", "", true, true);
  check(s.practice_prior_drills, 0.0, 1000.0, "practice_prior_drills", " drills", true);
  check(s.failure_cost_s, 0.0, 1000.0, "failure_cost_s", " s", true);
}

}  // namespace baton
