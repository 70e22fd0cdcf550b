// The whole-meet lineup question as the API receives it (POST /api/meet-lineups).
#pragma once

#include <nlohmann/json.hpp>

#include "baton/meet_lineup_query.h"

namespace baton::server {

/// The question of {relays: [{event, sex?}], teams_per_relay?, max_relays_per_athlete?,
/// max_events?, exclude?: [names], locks?: [{relay, leg, name}], exclude_from?: [{relay, name}],
/// conflicts?: [[relay, relay]], weights?: [{relay, weight}], allow_estimates?: bool}; relays are
/// labelled as the answer labels them ("4x100/F"). At most `max_relays` relays. Throws ParseError
/// or ValidationError naming the field ("relays.2.sex", "locks.0.leg", "conflicts.1",
/// "weights.0.weight").
MeetLineupQuery meet_lineup_query(const nlohmann::json& body, size_t max_relays);

}  // namespace baton::server
