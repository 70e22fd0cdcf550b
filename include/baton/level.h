// The level a team competes at. Exchange quality, the scatter of real passes and how far a relay
// runs under the sum of its members' open bests all depend on it (docs/MODEL.md "Level").
#pragma once

#include <string_view>

#include "baton/error.h"

namespace baton {

enum class Level {
  elite,        ///< national teams, professionals: championship finals and World Relays
  college,      ///< university athletes (NCAA divisions, national university leagues)
  high_school,  ///< school athletes about 14-18 years old
  youth,        ///< under 15: middle school, club age groups
};

/// "elite", "college", "high-school" or "youth" (case-insensitive; "hs", "high_school",
/// "university", "middle-school" and "u14" accepted); throws ParseError naming `where`.
Level parse_level(std::string_view text, const Location& where = {});
/// "elite", "college", "high-school" or "youth".
std::string_view to_string(Level level);

}  // namespace baton
