#include "baton/chance.h"

#include <fmt/format.h>

namespace baton {

std::string chance_text(double p) {
  if (p > 0.0 && p < 0.001) return "under 0.1 %";
  return fmt::format("{:.1f} %", 100.0 * p);
}

}  // namespace baton
