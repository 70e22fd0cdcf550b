// A team time's interval in the words the command line prints it.
#pragma once

#include <string>

#include "baton/level.h"

namespace baton::cli {

/// A team time's interval in words, as the web pages write it: "8 races in 10 at high-school
/// level: 45.69 s to 48.89 s"; with `inferred`, the level is said to be inferred from the
/// marks.
std::string interval_text(Level level, bool inferred, double p10_s, double p90_s);

}  // namespace baton::cli
