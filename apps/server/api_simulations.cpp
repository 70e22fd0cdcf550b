// Race odds (POST /api/simulations): our team in the fastest or a chosen order, with its
// planned hand-offs and the pairs' practice records, against opponents known by seed times.
// Which of the fastest orders wins that race most often (POST /api/lineup-odds).
#include <fmt/format.h>

#include <cctype>

#include "baton/calibration.h"
#include "baton/histogram.h"
#include "baton/learned_roster.h"
#include "baton/lineup_odds.h"
#include "baton/meet_field.h"
#include "baton/practice_costs.h"
#include "baton/practice_lookup.h"
#include "baton/seed_team.h"
#include "baton/sim_team.h"
#include "baton/simulation.h"
#include "baton/simulation_json.h"
#include "baton/store.h"
#include "baton/units.h"
#include "server/http_json.h"
#include "server/request_fields.h"
#include "server/routes.h"

namespace baton::server {
namespace {

// A request simulates synchronously: these bounds keep one under about a second on a laptop
// (the simulator races 10-20 million teams a second, docs/PERFORMANCE.md).
constexpr std::int64_t kMinRuns = 1000;
constexpr std::int64_t kMaxRuns = 200000;
constexpr std::int64_t kDefaultRuns = 20000;
constexpr size_t kMaxOpponents = 15;
constexpr size_t kMaxTeamNameChars = 60;
// Comparing orders runs the races once per candidate: fewer races per order keep it as quick.
constexpr std::int64_t kMaxOddsRuns = 50000;
constexpr std::int64_t kDefaultOddsRuns = 10000;
constexpr std::int64_t kMaxCandidates = 10;
constexpr std::int64_t kDefaultCandidates = 6;

std::string trimmed(const std::string& s) {
  size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return s.substr(a, b - a);
}

bool same_name(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// A seed as coaches write it ("46.55", "3:25.4", hand times "46.5h" taken to FAT over the
// event's distance) or a number of seconds.
double seed_seconds(const nlohmann::json& value, const Event& event, const std::string& field) {
  const Location where{"", 0, field};
  if (value.is_string())
    return to_fat_s(parse_time(value.get<std::string>(), where), event.total_m());
  if (!value.is_number()) throw ParseError("must be a time such as \"46.55\"", where);
  const double t = value.get<double>();
  if (!(t > 0.0)) throw ValidationError("must be greater than zero", where);
  return t;
}

// [{"name", "seed"}, ...] as seed-only teams; names distinct from ours and from each other.
std::vector<SimTeam> opponents(const nlohmann::json& value, const Event& event,
                               const SimulationOptions& options, const std::string& own_name) {
  if (!value.is_array()) {
    throw ParseError("must be a list of {\"name\", \"seed\"}", Location{"", 0, "opponents"});
  }
  if (value.size() > kMaxOpponents) {
    throw ValidationError(fmt::format("at most {} opponents", kMaxOpponents),
                          Location{"", 0, "opponents"});
  }
  std::vector<SimTeam> out;
  for (size_t i = 0; i < value.size(); ++i) {
    const std::string at = fmt::format("opponents.{}", i);
    const nlohmann::json& o = value[i];
    if (!o.is_object()) throw ParseError("must be {\"name\", \"seed\"}", Location{"", 0, at});
    for (const auto& [key, v] : o.items()) {
      if (key != "name" && key != "seed") {
        throw ParseError("unknown field", Location{"", 0, at + "." + key});
      }
    }
    if (!o.contains("name")) throw ParseError("is required", Location{"", 0, at + ".name"});
    if (!o.contains("seed")) throw ParseError("is required", Location{"", 0, at + ".seed"});
    const std::string name = trimmed(string_field(o["name"], at + ".name"));
    if (name.empty() || name.size() > kMaxTeamNameChars) {
      throw ValidationError(fmt::format("must be 1 to {} characters", kMaxTeamNameChars),
                            Location{"", 0, at + ".name"});
    }
    bool taken = same_name(name, own_name);
    for (const SimTeam& t : out) taken = taken || same_name(name, t.name);
    if (taken) {
      throw ValidationError("'" + name + "' is already in the race", Location{"", 0, at + ".name"});
    }
    out.push_back(
        seed_sim_team(name, seed_seconds(o["seed"], event, at + ".seed"), event, options));
  }
  return out;
}

// {event, sex?, order?, opponents?, runs?, seed?} -> {event, name, order, chosen, runs, seed,
// teams: [{team, own, seed_time_s?, mean_time_s, ..., p_win, p_podium, p_dq, p_drop,
// expected_points, ...}], svg}
nlohmann::json simulations(const nlohmann::json& body, const std::string& db_path) {
  only_fields(body, {"event", "sex", "order", "opponents", "runs", "seed"});
  const std::string event_id = string_field(required(body, "event"), "event");
  SimulationOptions options;
  options.runs = whole_number(body, "runs", kDefaultRuns, kMinRuns, kMaxRuns);
  options.seed = static_cast<std::uint64_t>(
      whole_number(body, "seed", 1, 0, (std::int64_t{1} << 53)));  // exact in any JSON reader

  Database db = Database::open(db_path);
  const Team team = learned_roster(db);
  const Event event = find_event(event_id, team.rules, Location{"", 0, "event"});
  const RequestedOrder order = requested_order(body, team, event);
  const std::string own_name = team.name.empty() ? "Our team" : team.name;
  std::vector<SimTeam> field = {
      own_sim_team(team, event, order.names, own_name, practice_lookup(db, team, event))};
  if (body.contains("opponents")) {
    for (SimTeam& t : opponents(body["opponents"], event, options, own_name)) {
      field.push_back(std::move(t));
    }
  }
  const SimulationResult result = simulate_race(field, team.rules, options);

  nlohmann::json doc = to_json(result);
  for (size_t i = 0; i < field.size(); ++i) {
    doc["teams"][i]["own"] = !field[i].seed_only();
    if (field[i].seed_only()) doc["teams"][i]["seed_time_s"] = field[i].seed_time_s;
  }
  doc["event"] = event.id;
  doc["name"] = event.name;
  doc["order"] = order.names;
  doc["chosen"] = order.chosen;
  const std::string title =
      fmt::format("{}: finish times of {} simulated races", event.name, result.runs);
  doc["svg"] = finish_time_histogram_svg(result, title);
  doc["svg_narrow"] = finish_time_histogram_svg(result, title, HistogramLayout::narrow);
  return doc;
}

// {event, sex?, objective, candidates?, opponents?, runs?, seed?, exclude?} -> the document of
// `baton lineup --objective ... --json`: {event, name, team, objective, runs, seed,
// standard_error, order, team_time_s, chosen, fastest, candidates}.
nlohmann::json lineup_odds(const nlohmann::json& body, const std::string& db_path) {
  only_fields(body,
              {"event", "sex", "objective", "candidates", "opponents", "runs", "seed", "exclude"});
  const std::string event_id = string_field(required(body, "event"), "event");
  const LineupObjective objective = parse_lineup_objective(
      string_field(required(body, "objective"), "objective"), Location{"", 0, "objective"});
  SimulationOptions options;
  options.runs = whole_number(body, "runs", kDefaultOddsRuns, kMinRuns, kMaxOddsRuns);
  options.seed = static_cast<std::uint64_t>(
      whole_number(body, "seed", 1, 0, (std::int64_t{1} << 53)));  // exact in any JSON reader
  const int candidates =
      static_cast<int>(whole_number(body, "candidates", kDefaultCandidates, 1, kMaxCandidates));

  Database db = Database::open(db_path);
  const Team team = learned_roster(db);
  const Event event = find_event(event_id, team.rules, Location{"", 0, "event"});
  LineupRequest request = lineup_request(team, event);
  request.required_sex = optional_sex(body, "sex");
  if (body.contains("exclude")) {
    const std::vector<std::string> names = names_field(body["exclude"], "exclude");
    for (size_t i = 0; i < names.size(); ++i) {
      request.excluded.push_back(athlete_index(team, names[i], fmt::format("exclude.{}", i)));
    }
  }
  const PracticeLookup practice = practice_lookup(db, team, event);
  RelayCosts costs = relay_costs(team, event);
  add_practice_costs(costs, team, event, practice);
  const std::string own_name = team.name.empty() ? "Our team" : team.name;
  std::vector<SimTeam> field;
  if (body.contains("opponents")) field = opponents(body["opponents"], event, options, own_name);
  const LineupOddsResult r = choose_order_by_odds(team, event, costs, request, candidates, own_name,
                                                  practice, field, options, objective);
  nlohmann::json doc = to_json(r);
  doc["event"] = event.id;
  doc["name"] = event.name;
  doc["team"] = own_name;
  doc["order"] = r.candidates[r.chosen].order;
  doc["team_time_s"] = std::round(r.candidates[r.chosen].team_time_s * 1e4) / 1e4;
  return doc;
}

}  // namespace

void add_simulation_routes(httplib::Server& server, const std::string& db_path) {
  server.Post("/api/simulations", [db_path](const httplib::Request& req, httplib::Response& res) {
    reply_json(res, simulations(json_body(req), db_path));
  });
  server.Post("/api/lineup-odds", [db_path](const httplib::Request& req, httplib::Response& res) {
    reply_json(res, lineup_odds(json_body(req), db_path));
  });
}

}  // namespace baton::server
