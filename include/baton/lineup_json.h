// JSON for lineups, shared by `baton lineup --json` and the web API.
#pragma once

#include <nlohmann/json.hpp>

#include "baton/event.h"
#include "baton/lineup.h"
#include "baton/relay_costs.h"
#include "baton/team.h"

namespace baton {

/// {"event", "order": [names], "team_time_s", "legs": [{"leg", "athlete", "distance_m",
///  "leg_s"}], "alternatives": [{"order", "team_time_s", "gap_s"}]} for a result of
/// best_lineups() on `costs` built from `team` and `event`.
nlohmann::json lineup_to_json(const Team& team, const Event& event, const RelayCosts& costs,
                              const LineupResult& result);

}  // namespace baton
