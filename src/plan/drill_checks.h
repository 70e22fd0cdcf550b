// The check every go-mark calibration makes of the drills it is given.
#pragma once

#include <fmt/format.h>

#include <cmath>
#include <vector>

#include "baton/calibration.h"
#include "baton/error.h"

namespace baton::plan {

/// Throws ValidationError (field "drills") naming the first drill, 1-based, whose mark, pass
/// position or age is not finite or whose age is negative.
inline void check_drills(const std::vector<DrillObservation>& drills) {
  for (size_t i = 0; i < drills.size(); ++i) {
    const DrillObservation& d = drills[i];
    if (!std::isfinite(d.go_mark_m) || !std::isfinite(d.exchange_at_m) ||
        !std::isfinite(d.age_days) || d.age_days < 0) {
      throw ValidationError(fmt::format("drill {} has a non-finite value or a negative age", i + 1),
                            Location{"", 0, "drills"});
    }
  }
}

}  // namespace baton::plan
