// Reading the fields of a JSON request body: each helper names the field it refuses, so the
// error the client sees points at it ({"error": "must be a string", "field": "order.2"}).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "baton/athlete.h"
#include "baton/event.h"
#include "baton/store.h"
#include "baton/team.h"

namespace baton::server {

/// Throws ParseError naming the first key of `body` that is not in `known`.
void only_fields(const nlohmann::json& body, std::initializer_list<const char*> known);

/// body[key]; throws ParseError ("is required") naming `key` when it is absent.
const nlohmann::json& required(const nlohmann::json& body, const char* key);

/// The string `value`; throws ParseError naming `field` for any other type.
std::string string_field(const nlohmann::json& value, const std::string& field);

/// A list of strings (athlete names), at most `max_names`; throws ParseError naming `field` or
/// "field.i", ValidationError when the list is longer.
std::vector<std::string> names_field(const nlohmann::json& value, const std::string& field,
                                     size_t max_names = 64);

/// The whole number body[key] in [lo, hi], or `fallback` when absent. Throws ParseError for
/// another type and ValidationError outside the range, both naming `key`.
std::int64_t whole_number(const nlohmann::json& body, const char* key, std::int64_t fallback,
                          std::int64_t lo, std::int64_t hi);

/// The optional squad sex under `key` ("F" / "M"; absent or null: none). Throws naming `key`.
std::optional<Sex> optional_sex(const nlohmann::json& body, const char* key);

/// The index of the athlete called `name` (case-insensitive); throws NotFoundError naming
/// `field`.
int athlete_index(const Team& team, const std::string& name, const std::string& field);

/// The running order a relay request asks for, canonical names leg by leg: its "order" (every
/// name must be on the roster: NotFoundError naming "order.i"), or without one the fastest
/// order of the roster, for the squad "sex" when given (best_order()). `chosen` tells which.
struct RequestedOrder {
  std::vector<std::string> names;
  bool chosen = false;
};
RequestedOrder requested_order(const nlohmann::json& body, const Team& team, const Event& event);

/// baton::learned_roster() (include/baton/calibration.h) of the database at `db_path`: the
/// roster as its race results have taught it, the team the CLI's commands use.
Team roster_team(const std::string& db_path);

}  // namespace baton::server
