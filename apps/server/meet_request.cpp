#include "server/meet_request.h"

#include <fmt/format.h>

#include "baton/meet.h"
#include "server/request_fields.h"
#include "server/simulation_request.h"

namespace baton::server {
namespace {

constexpr size_t kMaxNames = 64;  // athletes named in one request
constexpr size_t kMaxRules = 64;  // locks, exclusions or conflicts in one request
// Objective points simulates every relay's field at 121 team times before the search: the races
// per team time are bounded as the race-odds requests' are; the default is kPointsCurveRuns.
constexpr std::int64_t kMinPointsRuns = 1000;
constexpr std::int64_t kMaxPointsRuns = 50000;

// An object with exactly the fields `known` allows (any may be required by the caller).
const nlohmann::json& object_at(const nlohmann::json& item, const std::string& field,
                                std::initializer_list<const char*> known, const char* example) {
  if (!item.is_object())
    throw ParseError(std::string("must be an object, e.g. ") + example, Location{"", 0, field});
  for (const auto& [key, value] : item.items()) {
    bool ok = false;
    for (const char* k : known) ok = ok || key == k;
    if (!ok) throw ParseError("unknown field", Location{"", 0, field + "." + key});
  }
  return item;
}

const nlohmann::json& list_at(const nlohmann::json& body, const char* key, const char* example) {
  const nlohmann::json& list = body[key];
  if (!list.is_array()) {
    throw ParseError(std::string("must be a list, e.g. ") + example, Location{"", 0, key});
  }
  if (list.size() > kMaxRules) {
    throw ValidationError(fmt::format("must have at most {} items", kMaxRules),
                          Location{"", 0, key});
  }
  return list;
}

// One relay of a meet request, {"event", "sex"?} at relays.i.
MeetRelayChoice meet_relay_choice(const nlohmann::json& item, const std::string& field) {
  object_at(item, field, {"event", "sex"}, "{\"event\": \"4x100\", \"sex\": \"F\"}");
  if (!item.contains("event")) throw ParseError("is required", Location{"", 0, field + ".event"});
  MeetRelayChoice out{string_field(item["event"], field + ".event"), std::nullopt};
  if (item.contains("sex") && !item["sex"].is_null()) {
    const Location where{"", 0, field + ".sex"};
    out.sex = parse_sex(string_field(item["sex"], where.field), where);
  }
  return out;
}

}  // namespace

MeetLineupQuery meet_lineup_query(const nlohmann::json& body, size_t max_relays) {
  only_fields(body, {"relays", "teams_per_relay", "max_relays_per_athlete", "max_events", "exclude",
                     "locks", "exclude_from", "conflicts", "weights", "allow_estimates",
                     "objective", "meet_file", "runs", "seed"});
  const nlohmann::json& list = required(body, "relays");
  const Location relays_at{"", 0, "relays"};
  if (!list.is_array()) {
    throw ParseError("must be a list of relays, e.g. [{\"event\": \"4x100\", \"sex\": \"F\"}]",
                     relays_at);
  }
  if (list.size() > max_relays) {
    throw ValidationError(fmt::format("must name at most {} relays", max_relays), relays_at);
  }
  MeetLineupQuery query;
  query.teams_per_relay = static_cast<int>(whole_number(body, "teams_per_relay", 1, 1, 3));
  query.max_relays_per_athlete = static_cast<int>(
      whole_number(body, "max_relays_per_athlete", 0, 0, static_cast<int>(max_relays)));
  query.max_events = static_cast<int>(whole_number(body, "max_events", 0, 0, 20));
  if (body.contains("exclude")) query.exclude = names_field(body["exclude"], "exclude", kMaxNames);
  if (body.contains("allow_estimates")) {
    if (!body["allow_estimates"].is_boolean()) {
      throw ParseError("must be true or false", Location{"", 0, "allow_estimates"});
    }
    query.allow_estimates = body["allow_estimates"].get<bool>();
  }
  for (size_t i = 0; i < list.size(); ++i) {
    query.relays.push_back(meet_relay_choice(list[i], fmt::format("relays.{}", i)));
  }
  if (body.contains("locks")) {
    const nlohmann::json& locks =
        list_at(body, "locks", "[{\"relay\": \"4x100/F\", \"leg\": 2, \"name\": \"Ann Lee\"}]");
    for (size_t i = 0; i < locks.size(); ++i) {
      const std::string field = fmt::format("locks.{}", i);
      const nlohmann::json& item = object_at(locks[i], field, {"relay", "leg", "name"},
                                             "{\"relay\": \"4x100/F\", \"leg\": 2, \"name\": ...}");
      const nlohmann::json& leg = required(item, "leg", field + ".leg");
      if (!leg.is_number_integer()) {
        throw ParseError("must be a leg number, 1 first", Location{"", 0, field + ".leg"});
      }
      query.locks.push_back(
          {string_field(required(item, "relay", field + ".relay"), field + ".relay"),
           static_cast<int>(std::clamp<std::int64_t>(leg.get<std::int64_t>(), -1, 99)),
           string_field(required(item, "name", field + ".name"), field + ".name")});
    }
  }
  if (body.contains("exclude_from")) {
    const nlohmann::json& outs =
        list_at(body, "exclude_from", "[{\"relay\": \"4x800/M\", \"name\": \"Bob Ray\"}]");
    for (size_t i = 0; i < outs.size(); ++i) {
      const std::string field = fmt::format("exclude_from.{}", i);
      const nlohmann::json& item = object_at(outs[i], field, {"relay", "name"},
                                             "{\"relay\": \"4x800/M\", \"name\": \"Bob Ray\"}");
      query.exclude_from.push_back(
          {string_field(required(item, "relay", field + ".relay"), field + ".relay"),
           string_field(required(item, "name", field + ".name"), field + ".name")});
    }
  }
  if (body.contains("conflicts")) {
    const nlohmann::json& pairs = list_at(body, "conflicts", "[[\"4x100/F\", \"4x400/F\"]]");
    for (size_t i = 0; i < pairs.size(); ++i) {
      const std::string field = fmt::format("conflicts.{}", i);
      if (!pairs[i].is_array() || pairs[i].size() != 2) {
        throw ParseError("must be two relays, e.g. [\"4x100/F\", \"4x400/F\"]",
                         Location{"", 0, field});
      }
      query.conflicts.push_back(
          {string_field(pairs[i][0], field), string_field(pairs[i][1], field)});
    }
  }
  if (body.contains("weights")) {
    const nlohmann::json& weights =
        list_at(body, "weights", "[{\"relay\": \"4x100/F\", \"weight\": 2}]");
    for (size_t i = 0; i < weights.size(); ++i) {
      const std::string field = fmt::format("weights.{}", i);
      const nlohmann::json& item = object_at(weights[i], field, {"relay", "weight"},
                                             "{\"relay\": \"4x100/F\", \"weight\": 2}");
      const nlohmann::json& w = required(item, "weight", field + ".weight");
      if (!w.is_number()) {
        throw ParseError("must be a number, e.g. 2", Location{"", 0, field + ".weight"});
      }
      query.weights.push_back(
          {string_field(required(item, "relay", field + ".relay"), field + ".relay"),
           w.get<double>()});
    }
  }
  const std::string objective =
      body.contains("objective") ? string_field(body["objective"], "objective") : "time";
  if (objective == "points") {
    const nlohmann::json& file = required(body, "meet_file");
    if (!file.is_string()) {
      throw ParseError("must be the text of a meet file ([[relay]] tables with their teams)",
                       Location{"", 0, "meet_file"});
    }
    query.objective = MeetObjective::points;
    query.simulation = simulation_options(body, kPointsCurveRuns, kMinPointsRuns, kMaxPointsRuns);
    // One request, one core: other requests are served meanwhile.
    query.simulation.threads = 1;
    try {
      query.field = parse_meet_relays_toml(file.get<std::string>(), "meet_file");
    } catch (const Error& e) {
      // The page sent one field: the error names it, with the file's line and its own field.
      const std::string inner = e.where().field.empty() ? "" : e.where().field + ": ";
      throw ParseError(inner + e.message(), Location{"", e.where().line, "meet_file"});
    }
  } else if (objective != "time") {
    throw ValidationError("must be time or points", Location{"", 0, "objective"});
  } else {
    for (const char* key : {"meet_file", "runs", "seed"}) {
      if (body.contains(key)) {
        throw ValidationError("only with \"objective\": \"points\"", Location{"", 0, key});
      }
    }
  }
  return query;
}

}  // namespace baton::server
