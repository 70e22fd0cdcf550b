#include "baton/naive_costs.h"

namespace baton {

RelayCosts open_time_costs(const Team& team, const Event& event) {
  const int n = static_cast<int>(team.athletes.size());
  const int legs = static_cast<int>(event.legs.size());
  RelayCosts costs(n, legs);
  for (int a = 0; a < n; ++a) {
    for (int l = 0; l < legs; ++l) {
      const Best* best = team.athletes[a].best_at(event.legs[l].distance_m);
      costs.leg(a, l) = best ? best->fat_s() : RelayCosts::kImpossible;
    }
  }
  return costs;
}

}  // namespace baton
