// The relay API: the best running orders for one relay (POST /api/lineups) and the hand-off
// plan of a running order with a diagram of each exchange zone (POST /api/plans).
#include <fmt/format.h>

#include <charconv>

#include "baton/calibration.h"
#include "baton/leg_prediction.h"
#include "baton/lineup.h"
#include "baton/lineup_json.h"
#include "baton/pacing.h"
#include "baton/plan_json.h"
#include "baton/practice_costs.h"
#include "baton/relay_plan.h"
#include "baton/store.h"
#include "baton/zone_svg.h"
#include "server/http_json.h"
#include "server/request_fields.h"
#include "server/routes.h"

namespace baton::server {
namespace {

constexpr int kMaxTop = 50;       // alternatives a page can usefully show
constexpr size_t kMaxNames = 64;  // athletes named in one request

// Builds the lineup request from {event, sex?, top?, locks?, exclude?} and answers with the
// document of `baton lineup --json`.
nlohmann::json lineups(const nlohmann::json& body, const std::string& db_path) {
  only_fields(body, {"event", "sex", "top", "locks", "exclude"});
  const std::string event_id = string_field(required(body, "event"), "event");
  Database db = Database::open(db_path);
  const Team team = learned_roster(db);
  const Event event = find_event(event_id, team.rules, Location{"", 0, "event"});

  LineupRequest req;
  for (const Athlete& a : team.athletes) {
    req.sexes.push_back(a.sex);
    req.names.push_back(a.name);
  }
  req.sex_rule = event.sex_rule;
  req.required_sex = optional_sex(body, "sex");
  if (body.contains("top")) {
    if (!body["top"].is_number_integer()) {
      throw ParseError("must be a whole number", Location{"", 0, "top"});
    }
    const auto top = body["top"].get<long long>();
    if (top < 0 || top > kMaxTop) {
      throw ValidationError(fmt::format("must be 0 to {}", kMaxTop), Location{"", 0, "top"});
    }
    req.top_k = static_cast<int>(top);
  }
  if (body.contains("exclude")) {
    for (const std::string& name : names_field(body["exclude"], "exclude", kMaxNames)) {
      req.excluded.push_back(athlete_index(team, name, "exclude"));
    }
  }
  if (body.contains("locks")) {
    const nlohmann::json& locks = body["locks"];
    if (!locks.is_object()) {
      throw ParseError("must map legs to names, e.g. {\"2\": \"Ann Lee\"}",
                       Location{"", 0, "locks"});
    }
    for (const auto& [key, value] : locks.items()) {
      const std::string field = "locks." + key;
      int leg = 0;
      const auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), leg);
      if (ec != std::errc() || end != key.data() + key.size() || leg < 1 ||
          leg > static_cast<int>(event.legs.size())) {
        throw ValidationError(fmt::format("a leg of {} is 1 to {}", event.id, event.legs.size()),
                              Location{"", 0, field});
      }
      req.locked_legs[leg - 1] = athlete_index(team, string_field(value, field), field);
    }
  }

  // As `baton lineup` prices the database roster: with each drilled pair's practice record.
  RelayCosts costs = relay_costs(team, event);
  const RelayCosts without_practice = costs;
  const int drilled = add_practice_costs(costs, team, event, practice_lookup(db, team, event));
  const LineupResult r = best_lineups(costs, req);
  std::vector<std::string> best;
  for (int a : r.best.order) best.push_back(team.athletes[static_cast<size_t>(a)].name);
  nlohmann::json doc = lineup_to_json(
      team, event, costs, r, {estimated_legs(team, event, best), &without_practice, drilled});
  doc["name"] = event.name;
  doc["model"] = "physics";
  return doc;
}

// The plan of {event, order} as `baton plan --json` gives it, each exchange with its "svg".
nlohmann::json plans(const nlohmann::json& body, const std::string& db_path) {
  only_fields(body, {"event", "order"});
  const std::string event_id = string_field(required(body, "event"), "event");
  const std::vector<std::string> order = names_field(required(body, "order"), "order", kMaxNames);
  const Team team = roster_team(db_path);
  const Event event = find_event(event_id, team.rules, Location{"", 0, "event"});
  for (size_t i = 0; i < order.size(); ++i) {
    athlete_index(team, order[i], fmt::format("order.{}", i));  // unknown names: 404
  }
  const RelayPlan plan = build_relay_plan(team, event, order);
  nlohmann::json doc = relay_plan_to_json(plan);
  add_pacing_to_legs(doc, plan_pacing(team, event, order));
  doc["name"] = event.name;
  for (size_t i = 0; i < plan.exchanges.size(); ++i) {
    const RelayPlanExchange& x = plan.exchanges[i];
    doc["exchanges"][i]["svg"] = render_zone_svg(
        x.plan, fmt::format("{} exchange {}: {} to {}", plan.event, x.plan.exchange, x.from, x.to));
  }
  return doc;
}

}  // namespace

void add_relay_routes(httplib::Server& server, const std::string& db_path) {
  server.Post("/api/lineups", [db_path](const httplib::Request& req, httplib::Response& res) {
    reply_json(res, lineups(json_body(req), db_path));
  });
  server.Post("/api/plans", [db_path](const httplib::Request& req, httplib::Response& res) {
    reply_json(res, plans(json_body(req), db_path));
  });
}

}  // namespace baton::server
