// JSON documents for the CLI's --json output and the server's API. Keys are contracts
// (the documented interface (docs/USER_GUIDE.md)): add keys freely, never rename or drop them.
#pragma once

#include <nlohmann/json.hpp>

#include "baton/athlete.h"
#include "baton/event.h"
#include "baton/team.h"

namespace baton {

/// {"name", "sex", "bests": {"100m": 12.31 (FAT s), ...}, "marks": {"100m": "12.07h"},
///  "splits": {"10": 1.95}, "foot_length_m", "hand"}
nlohmann::json to_json(const Athlete& athlete);

/// {"id", "name", "rules", "total_m", "sex_rule", "lanes", "lanes_until_m",
///  "legs": [{"leg", "distance_m", "block_start", "bend_m"}],
///  "exchanges": [{"exchange", "from_leg", "to_leg", "zone_length_m",
///                 "scratch_from_zone_start_m", "zone_start_race_m", "blind", "in_lanes", "rule"}]}
nlohmann::json to_json(const Event& event);

/// {"name", "rules", "athletes": [...]}
nlohmann::json to_json(const Team& team);

}  // namespace baton
