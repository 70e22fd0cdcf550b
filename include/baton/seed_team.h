// Opponents known only by a seed time, as the simulation models them by default.
#pragma once

#include <string>

#include "baton/event.h"
#include "baton/simulation.h"

namespace baton {

/// An opponent entered by name and seed time (seconds, FAT), simulated the way a meet file's
/// seed entry without `sd_s` or `fail_rate` is: a finish-time spread of
/// options.seed_sd_fraction of the seed, and a chance of failing (DQ/DNF) from
/// options.seed_fail_per_blind_exchange and options.seed_fail_per_visual_exchange, each pass of
/// `event` failing independently. Throws ValidationError for a seed time that is not a positive
/// finite number.
SimTeam seed_sim_team(std::string name, double seed_time_s, const Event& event,
                      const SimulationOptions& options = {});

}  // namespace baton
