// The whole-meet lineup question as the API receives it (POST /api/meet-lineups).
#pragma once

#include <nlohmann/json.hpp>

#include "baton/meet_lineup_query.h"

namespace baton::server {

/// The question of {relays: [{event, sex?}], teams_per_relay?, max_relays_per_athlete?,
/// max_events?, exclude?: [names], locks?: [{relay, leg, name}], exclude_from?: [{relay, name}],
/// conflicts?: [[relay, relay]], weights?: [{relay, weight}], allow_estimates?: bool,
/// objective?: "time" | "points", meet_file?: text, runs?, seed?}; relays are labelled as the
/// answer labels them ("4x100/F"). Objective points scores the lineups by expected points
/// against the fields of `meet_file` (a meet file's text, as `baton lineup --objective points
/// --meet FILE` reads it; its errors name "meet_file" and the line), `runs` races per sampled
/// team time (1000 to 50000, default 20000) from `seed` (default 1). At most `max_relays`
/// relays. Throws ParseError or ValidationError naming the field ("relays.2.sex",
/// "locks.0.leg", "conflicts.1", "weights.0.weight", "objective", "meet_file").
MeetLineupQuery meet_lineup_query(const nlohmann::json& body, size_t max_relays);

}  // namespace baton::server
