// An athlete as the API receives it: the fields of the roster form, in the coach's notation.
#pragma once

#include <nlohmann/json.hpp>

#include "baton/athlete.h"

namespace baton::server {

/// Applies the fields present in `body` to `athlete`; absent fields keep their value.
///   "name": string; "sex": "F" | "M";
///   "marks": {"100m": "12.31", "200m": "25.4h"} (times as written; replaces every best);
///   "splits": {"10": 1.95} (metres -> seconds; replaces every split);
///   "foot_length_m": number or null; "hand": "right" | "left" | null;
///   "form_sd_percent": number (0-10) or null;
///   "entries": ["100m", "LJ"] (individual events at the coming meet; replaces every entry).
/// "bests" (the FAT times a GET returns) is read-only and ignored. Throws ParseError naming the
/// field for a wrong type or an unknown field, and ValidationError for an implausible value.
void apply_athlete_json(const nlohmann::json& body, Athlete& athlete);

}  // namespace baton::server
