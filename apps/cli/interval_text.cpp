#include "cli/interval_text.h"

#include <fmt/format.h>

#include "baton/units.h"

namespace baton::cli {

std::string interval_text(Level level, bool inferred, double p10_s, double p90_s) {
  return fmt::format("8 races in 10 at {} level{}: {} to {}", to_string(level),
                     inferred ? " (inferred from the marks; set the team's level to be sure)" : "",
                     format_duration(p10_s), format_duration(p90_s));
}

}  // namespace baton::cli
