// Refusing athletes whose marks give no usable running model, when they enter.
#include <fmt/format.h>

#include <cmath>

#include "baton/athlete_model.h"
#include "baton/profile_fit.h"
#include "baton/team_file.h"

namespace baton {

void check_athlete_model(const Athlete& a, const Location& where) {
  const auto refuse = [&](const char* field, const std::string& why) {
    throw ValidationError("athlete '" + a.name + "': " + why, with_field(where, field));
  };
  const bool fitted = a.splits.size() >= 2;
  if (fitted) {
    try {
      fit_profile(a.splits, ProfileModel::plain);
    } catch (const ValidationError& e) {
      refuse("splits", e.message());
    }
  }
  bool sprinter = fitted;
  for (const Best& b : a.bests) sprinter = sprinter || b.distance_m <= 400.0 + 1e-6;
  if (!sprinter) return;
  AthleteModel m;
  try {
    m = model_athlete(a);
  } catch (const Error& e) {
    refuse("bests", e.message());
  }
  constexpr double kMaxMssMps = 15.0;  // the hand-off solver's limit for a runner's speed
  const SprintCurve& c = m.curve;
  if (!(std::isfinite(c.mss_mps) && c.mss_mps > 0.0 && c.mss_mps <= kMaxMssMps &&
        c.tau_s >= kMinFittedTauS && c.tau_s <= kMaxFittedTauS && m.fatigue_time_s > 0.0 &&
        std::isfinite(m.fatigue_time_s))) {
    refuse(fitted ? "splits" : "bests",
           fmt::format("the marks give a sprint model no runner can have (top speed {:.2f} m/s, "
                       "TAU {:.2f} s; allowed up to {:g} m/s and {:g} to {:g} s): check the "
                       "marks and splits",
                       c.mss_mps, c.tau_s, kMaxMssMps, kMinFittedTauS, kMaxFittedTauS));
  }
}

}  // namespace baton
