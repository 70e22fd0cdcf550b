#include "cli/time_text.h"

#include <fmt/format.h>

#include "baton/units.h"

namespace baton::cli {

std::string time_text(double seconds) {
  return format_time(seconds) + (seconds < 60.0 ? " s" : "");
}

std::string interval_text(Level level, double p10_s, double p90_s) {
  return fmt::format("8 races in 10 at {} level: {} to {}", to_string(level), time_text(p10_s),
                     time_text(p90_s));
}

}  // namespace baton::cli
