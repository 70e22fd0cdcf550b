// Team times in the words and units the command line prints them.
#pragma once

#include <string>

#include "baton/level.h"

namespace baton::cli {

/// "12.10 s"; times of a minute or more as coaches write them, "3:26.00".
std::string time_text(double seconds);

/// A team time's interval in words, as the web pages write it: "8 races in 10 at high-school
/// level: 45.69 s to 48.89 s".
std::string interval_text(Level level, double p10_s, double p90_s);

}  // namespace baton::cli
