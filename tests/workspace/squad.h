// A small squad for the use-case tests: five girls and four boys with 100 m and 200 m bests,
// written to a team file, and a brute-force search over every running order.
#pragma once

#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "baton/relay_costs.h"
#include "support/run_cli.h"

namespace baton::testing {

inline const char* const kSquadToml = R"(name = "Hilltop"
rules = "nfhs"
[[athlete]]
name = "Ann Avery"
sex = "F"
bests = { "100m" = "12.00", "200m" = "24.60" }
[[athlete]]
name = "Bea Brown"
sex = "F"
bests = { "100m" = "12.20", "200m" = "25.00" }
[[athlete]]
name = "Cat Cole"
sex = "F"
bests = { "100m" = "12.40", "200m" = "25.40" }
[[athlete]]
name = "Dee Dunn"
sex = "F"
bests = { "100m" = "12.60", "200m" = "25.80" }
[[athlete]]
name = "Eve Ennis"
sex = "F"
bests = { "100m" = "13.00", "200m" = "26.60" }
[[athlete]]
name = "Al Ames"
sex = "M"
bests = { "100m" = "11.00", "200m" = "22.40" }
[[athlete]]
name = "Bo Baker"
sex = "M"
bests = { "100m" = "11.20", "200m" = "22.80" }
[[athlete]]
name = "Cy Cruz"
sex = "M"
bests = { "100m" = "11.40", "200m" = "23.20" }
[[athlete]]
name = "Di Diaz"
sex = "M"
bests = { "100m" = "11.60", "200m" = "23.60" }
)";

/// Roster indices of the squad: girls 0-4, boys 5-8.
inline const std::vector<int> kGirls = {0, 1, 2, 3, 4};

/// The least team time over every order of distinct athletes from `pool` (one per leg) that
/// `allowed` accepts, by enumeration.
inline double brute_force_best(const RelayCosts& costs, const std::vector<int>& pool,
                               const std::function<bool(const std::vector<int>&)>& allowed) {
  double best = std::numeric_limits<double>::infinity();
  std::vector<int> order;
  std::vector<bool> used(pool.size(), false);
  std::function<void()> walk = [&] {
    if (static_cast<int>(order.size()) == costs.legs) {
      if (allowed(order)) best = std::min(best, costs.team_time_s(order));
      return;
    }
    for (size_t i = 0; i < pool.size(); ++i) {
      if (used[i]) continue;
      used[i] = true;
      order.push_back(pool[i]);
      walk();
      order.pop_back();
      used[i] = false;
    }
  };
  walk();
  return best;
}

}  // namespace baton::testing
