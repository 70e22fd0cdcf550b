// A drill as the API receives it: the fields of the practice form.
#pragma once

#include <nlohmann/json.hpp>

#include "baton/drill.h"

namespace baton::server {

/// The most characters a drill's note may hold.
constexpr size_t kMaxNoteChars = 500;

/// The drill of {from, to, go_mark_m, exchange_at_m, outcome?, date?, baton_time_s?,
/// zone_length_m?, note?}; an absent date is `default_date` (the server passes today's).
/// Throws ParseError naming the field for an unknown field, a missing one or a wrong type,
/// and ValidationError for a note over kMaxNoteChars. Ranges are left to validate_drill().
Drill drill_from_json(const nlohmann::json& body, const std::string& default_date);

}  // namespace baton::server
