#include "cli/interval_text.h"

#include <fmt/format.h>

#include "baton/units.h"

namespace baton::cli {

std::string interval_text(Level level, double p10_s, double p90_s) {
  return fmt::format("8 races in 10 at {} level: {} to {}", to_string(level),
                     format_duration(p10_s), format_duration(p90_s));
}

}  // namespace baton::cli
