#include "server/request_fields.h"

#include <fmt/format.h>

#include "baton/calibration.h"
#include "baton/error.h"
#include "baton/learned_roster.h"
#include "baton/lineup.h"
#include "baton/report.h"
#include "baton/results.h"
#include "baton/store.h"
#include "server/worker_database.h"

namespace baton::server {

void only_fields(const nlohmann::json& body, std::initializer_list<const char*> known) {
  for (const auto& [key, value] : body.items()) {
    bool ok = false;
    for (const char* k : known) ok = ok || key == k;
    if (!ok) throw ParseError("unknown field", Location{"", 0, key});
  }
}

const nlohmann::json& required(const nlohmann::json& body, const char* key) {
  if (!body.contains(key)) throw ParseError("is required", Location{"", 0, key});
  return body[key];
}

std::string string_field(const nlohmann::json& value, const std::string& field) {
  if (!value.is_string()) throw ParseError("must be a string", Location{"", 0, field});
  return value.get<std::string>();
}

std::vector<std::string> names_field(const nlohmann::json& value, const std::string& field,
                                     size_t max_names) {
  if (!value.is_array()) throw ParseError("must be a list of names", Location{"", 0, field});
  if (value.size() > max_names) {
    throw ValidationError(fmt::format("must name at most {} athletes", max_names),
                          Location{"", 0, field});
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < value.size(); ++i) {
    out.push_back(string_field(value[i], fmt::format("{}.{}", field, i)));
  }
  return out;
}

std::int64_t whole_number(const nlohmann::json& body, const char* key, std::int64_t fallback,
                          std::int64_t lo, std::int64_t hi) {
  if (!body.contains(key)) return fallback;
  const nlohmann::json& v = body[key];
  if (!v.is_number_integer()) throw ParseError("must be a whole number", Location{"", 0, key});
  const auto n = v.get<long long>();
  if (n < lo || n > hi) {
    throw ValidationError(fmt::format("must be {} to {}", lo, hi), Location{"", 0, key});
  }
  return n;
}

std::optional<Sex> optional_sex(const nlohmann::json& body, const char* key) {
  if (!body.contains(key) || body[key].is_null()) return std::nullopt;
  return parse_sex(string_field(body[key], key), Location{"", 0, key});
}

int athlete_index(const Team& team, const std::string& name, const std::string& field) {
  const Athlete& a = team.athlete(name, Location{"", 0, field});
  return static_cast<int>(&a - team.athletes.data());
}

RequestedOrder requested_order(const nlohmann::json& body, const Team& team, const Event& event) {
  RequestedOrder out;
  const std::optional<Sex> sex = optional_sex(body, "sex");
  if (!body.contains("order") || body["order"].is_null()) {
    out.names = best_order(team, event, sex);
    return out;
  }
  out.chosen = true;
  const std::vector<std::string> names = names_field(body["order"], "order");
  for (size_t i = 0; i < names.size(); ++i) {
    const int a = athlete_index(team, names[i], fmt::format("order.{}", i));
    out.names.push_back(team.athletes[static_cast<size_t>(a)].name);
  }
  return out;
}

Team roster_team(const std::string& db_path) {
  Database& db = worker_database(db_path);
  return learned_roster(db);
}

}  // namespace baton::server
