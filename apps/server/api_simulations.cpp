// Race odds (POST /api/simulations): our team in the fastest or a chosen order, with its
// planned hand-offs and the pairs' practice records, against opponents known by seed times.
// Which of the fastest orders wins that race most often (POST /api/lineup-odds).
#include <fmt/format.h>

#include <cmath>

#include "baton/histogram.h"
#include "baton/lineup_odds.h"
#include "baton/race_query.h"
#include "baton/simulation.h"
#include "baton/simulation_json.h"
#include "baton/units.h"
#include "server/http_json.h"
#include "server/request_fields.h"
#include "server/routes.h"
#include "server/simulation_request.h"

namespace baton::server {
namespace {

// A request simulates synchronously: these bounds keep one under about a second on a laptop
// (the simulator races 10-20 million teams a second, docs/PERFORMANCE.md).
constexpr std::int64_t kMinRuns = 1000;
constexpr std::int64_t kMaxRuns = 200000;
constexpr std::int64_t kDefaultRuns = 20000;
// Comparing orders runs the races once per candidate: fewer races per order keep it as quick.
constexpr std::int64_t kMaxOddsRuns = 50000;
constexpr std::int64_t kDefaultOddsRuns = 10000;
constexpr std::int64_t kMaxCandidates = 10;
constexpr std::int64_t kDefaultCandidates = 6;

// The relay's length, for taking hand-timed seeds to FAT.
double relay_length_m(const Workspace& ws, const std::string& event_id) {
  return find_event(event_id, ws.team().rules, Location{"", 0, "event"}).total_m();
}

// {event, sex?, order?, opponents?, runs?, seed?} -> {event, name, order, chosen, runs, seed,
// teams: [{team, own, seed_time_s?, mean_time_s, ..., p_win, p_podium, p_dq, p_drop,
// expected_points, ...}], svg, svg_narrow}
nlohmann::json simulations(const nlohmann::json& body, const std::string& db_path) {
  only_fields(body, {"event", "sex", "order", "opponents", "runs", "seed"});
  const OrderRequest order = order_request(body);
  RaceQuery query{order.event,
                  order.sex,
                  order.order,
                  {},
                  simulation_options(body, kDefaultRuns, kMinRuns, kMaxRuns)};
  const Workspace ws = roster_workspace(db_path);
  query.opponents = opponents(body, relay_length_m(ws, query.event));
  const RaceAnswer a = race_odds(ws, query);

  nlohmann::json doc = to_json(a.result);
  for (size_t i = 0; i < a.field.size(); ++i) {
    doc["teams"][i]["own"] = !a.field[i].seed_only();
    if (a.field[i].seed_only()) doc["teams"][i]["seed_time_s"] = a.field[i].seed_time_s;
  }
  doc["event"] = a.order.event.id;
  doc["name"] = a.order.event.name;
  doc["order"] = a.order.names;
  doc["chosen"] = a.order.chosen;
  const std::string title =
      fmt::format("{}: finish times of {} simulated races", a.order.event.name, a.result.runs);
  doc["svg"] = finish_time_histogram_svg(a.result, title);
  doc["svg_narrow"] = finish_time_histogram_svg(a.result, title, HistogramLayout::narrow);
  return doc;
}

// {event, sex?, objective, candidates?, opponents?, runs?, seed?, exclude?} -> the document of
// `baton lineup --objective ... --json`: {event, name, team, objective, runs, seed,
// standard_error, order, team_time_s, chosen, fastest, candidates}.
nlohmann::json lineup_odds(const nlohmann::json& body, const std::string& db_path) {
  only_fields(body,
              {"event", "sex", "objective", "candidates", "opponents", "runs", "seed", "exclude"});
  LineupOddsQuery query;
  query.lineup = lineup_query(body, 0);
  query.objective = parse_lineup_objective(string_field(required(body, "objective"), "objective"),
                                           Location{"", 0, "objective"});
  query.simulation = simulation_options(body, kDefaultOddsRuns, kMinRuns, kMaxOddsRuns);
  query.candidates =
      static_cast<int>(whole_number(body, "candidates", kDefaultCandidates, 1, kMaxCandidates));
  const Workspace ws = roster_workspace(db_path);
  const LineupOddsAnswer a =
      lineup_odds(ws, query, opponents(body, relay_length_m(ws, query.lineup.event)));
  nlohmann::json doc = to_json(a.result);
  doc["event"] = a.event.id;
  doc["name"] = a.event.name;
  doc["team"] = a.team;
  doc["order"] = a.order();
  doc["team_time_s"] = std::round(a.result.candidates[a.result.chosen].team_time_s * 1e4) / 1e4;
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
