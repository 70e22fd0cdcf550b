// Reading the fields of a JSON request body: each helper names the field it refuses, so the
// error the client sees points at it ({"error": "must be a string", "field": "order.2"}).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baton/athlete.h"
#include "baton/lineup_query.h"
#include "baton/relay_order.h"
#include "baton/workspace.h"

namespace baton::server {

/// Parses a request body as one JSON object. Throws ParseError (field "body") for malformed
/// JSON or a document that is not an object.
nlohmann::json parse_json_object(std::string_view text);

/// Throws ParseError naming the first key of `body` that is not in `known`.
void only_fields(const nlohmann::json& body, std::initializer_list<const char*> known);

/// body[key]; throws ParseError ("is required") naming `key` when it is absent.
const nlohmann::json& required(const nlohmann::json& body, const char* key);
/// body[key]; throws ParseError ("is required") naming `field` (e.g. "opponents.2.seed").
const nlohmann::json& required(const nlohmann::json& body, const char* key,
                               const std::string& field);

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

/// The database's workspace: the roster as its race results have taught it, with the practice
/// and results logs (the team the CLI's commands use).
Workspace roster_workspace(const std::string& db_path);

/// The relay and running order of {"event", "sex"?, "order"?}: "order" a list of names or
/// null/absent for the fastest order of the squad "sex". Throws ParseError naming the field.
OrderRequest order_request(const nlohmann::json& body);

/// The lineup question of {"event", "sex"?, "top"?, "locks"?, "exclude"?}: "locks" maps legs
/// ("2") to names, "exclude" lists names, "top" is 0 to `max_top`. Throws ParseError or
/// ValidationError naming the field ("locks.two", "exclude.0", "top").
LineupQuery lineup_query(const nlohmann::json& body, int max_top);

}  // namespace baton::server
