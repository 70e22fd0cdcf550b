#include "baton/seed_team.h"

#include <cmath>

namespace baton {

SimTeam seed_sim_team(std::string name, double seed_time_s, const Event& event,
                      const SimulationOptions& options) {
  if (!std::isfinite(seed_time_s) || seed_time_s <= 0.0) {
    throw ValidationError("seed time must be greater than zero", Location{"", 0, "seed"});
  }
  // Independent failures per pass, at the rates that match championship records
  // (docs/SIMULATION.md).
  double clean = 1.0;
  for (const ExchangeZone& z : event.exchanges) {
    clean *= 1.0 - (z.blind ? options.seed_fail_per_blind_exchange
                            : options.seed_fail_per_visual_exchange);
  }
  return SimTeam::from_seed(std::move(name), seed_time_s, options.seed_sd_fraction * seed_time_s,
                            1.0 - clean);
}

}  // namespace baton
