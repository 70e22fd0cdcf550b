// The parts of a race-odds request the API reads (POST /api/simulations, /api/lineup-odds): the
// opponents known by seed times and how many races to run.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

#include "baton/race_query.h"
#include "baton/simulation.h"

namespace baton::server {

/// Most opponents in one request.
inline constexpr size_t kMaxOpponents = 15;

/// The "opponents" of a request, [{"name", "seed"}, ...], for a relay of `total_m` metres: a
/// seed as coaches write it ("46.55", "3:25.4", a hand time "46.5h" taken to FAT over the
/// relay's distance) or a number of seconds; none when the field is absent. The names and the
/// seeds' plausibility are checked by the library. Throws ParseError or ValidationError naming
/// the field ("opponents", "opponents.2.seed").
std::vector<Opponent> opponents(const nlohmann::json& body, double total_m);

/// "runs" (default `default_runs`, `min_runs` to `max_runs`) and "seed" (default 1, 0 to 2^53,
/// exact in any JSON reader) of a request. Throws like whole_number().
SimulationOptions simulation_options(const nlohmann::json& body, std::int64_t default_runs,
                                     std::int64_t min_runs, std::int64_t max_runs);

}  // namespace baton::server
