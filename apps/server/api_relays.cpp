// The relay API: the best running orders for one relay (POST /api/lineups), the best lineups for
// several relays of a meet at once (POST /api/meet-lineups), the predicted time of a running
// order (POST /api/predictions) and the hand-off plan of a running order with a diagram of each
// exchange zone (POST /api/plans).
#include <fmt/format.h>

#include <chrono>

#include "baton/leg_prediction.h"
#include "baton/lineup_json.h"
#include "baton/lineup_query.h"
#include "baton/meet_lineup_query.h"
#include "baton/pacing.h"
#include "baton/pacing_json.h"
#include "baton/plan_json.h"
#include "baton/prediction_json.h"
#include "baton/relay_order.h"
#include "baton/relay_plan.h"
#include "baton/relay_splits.h"
#include "baton/zone_svg.h"
#include "server/http_json.h"
#include "server/request_fields.h"
#include "server/routes.h"

namespace baton::server {
namespace {

constexpr int kMaxTop = 50;       // alternatives a page can usefully show
constexpr size_t kMaxNames = 64;  // athletes named in one request
// A meet request solves an integer program: these bounds keep one within the time limit's reach
// on a laptop (8 relays of 3 teams over 64 athletes).
constexpr size_t kMaxMeetRelays = 8;
constexpr size_t kMaxMeetAthletes = 64;
constexpr double kMeetTimeLimitS = 10.0;

// {event, sex?, top?, locks?, exclude?} -> the document of `baton lineup --json`, with the
// relay's "name".
nlohmann::json lineups(const nlohmann::json& body, const std::string& db_path) {
  only_fields(body, {"event", "sex", "top", "locks", "exclude"});
  const LineupQuery query = lineup_query(body, kMaxTop);
  const Workspace ws = roster_workspace(db_path);
  const LineupAnswer a = find_lineups(ws, query);
  nlohmann::json doc =
      lineup_to_json(ws.team(), a.event, a.costs, a.result,
                     {a.estimated, &a.without_practice, a.practice_pair_terms, a.splits_s});
  doc["name"] = a.event.name;
  doc["model"] = to_string(a.model);
  return doc;
}

// One relay of a meet request, {"event", "sex"?} at relays.i.
MeetRelayChoice meet_relay_choice(const nlohmann::json& item, const std::string& field) {
  if (!item.is_object()) {
    throw ParseError("must be a relay, e.g. {\"event\": \"4x100\", \"sex\": \"F\"}",
                     Location{"", 0, field});
  }
  for (const auto& [key, value] : item.items()) {
    if (key != "event" && key != "sex") {
      throw ParseError("unknown field", {"", 0, field + "." + key});
    }
  }
  if (!item.contains("event")) throw ParseError("is required", Location{"", 0, field + ".event"});
  MeetRelayChoice out{string_field(item["event"], field + ".event"), std::nullopt};
  if (item.contains("sex") && !item["sex"].is_null()) {
    const Location where{"", 0, field + ".sex"};
    out.sex = parse_sex(string_field(item["sex"], where.field), where);
  }
  return out;
}

// {relays: [{event, sex?}], teams_per_relay?, max_relays_per_athlete?, max_events?, exclude?}
// -> the document of `baton lineup --events --json`, each relay with "name" and "legs".
nlohmann::json meet_lineups(const nlohmann::json& body, const std::string& db_path) {
  only_fields(body,
              {"relays", "teams_per_relay", "max_relays_per_athlete", "max_events", "exclude"});
  const nlohmann::json& list = required(body, "relays");
  const Location relays_at{"", 0, "relays"};
  if (!list.is_array()) {
    throw ParseError("must be a list of relays, e.g. [{\"event\": \"4x100\", \"sex\": \"F\"}]",
                     relays_at);
  }
  if (list.size() > kMaxMeetRelays) {
    throw ValidationError(fmt::format("must name at most {} relays", kMaxMeetRelays), relays_at);
  }
  MeetLineupQuery query;
  query.teams_per_relay = static_cast<int>(whole_number(body, "teams_per_relay", 1, 1, 3));
  query.max_relays_per_athlete = static_cast<int>(
      whole_number(body, "max_relays_per_athlete", 0, 0, static_cast<int>(kMaxMeetRelays)));
  query.max_events = static_cast<int>(whole_number(body, "max_events", 0, 0, 20));
  if (body.contains("exclude")) query.exclude = names_field(body["exclude"], "exclude", kMaxNames);
  for (size_t i = 0; i < list.size(); ++i) {
    query.relays.push_back(meet_relay_choice(list[i], fmt::format("relays.{}", i)));
  }
  query.budget.should_stop = [end = std::chrono::steady_clock::now() +
                                    std::chrono::duration<double>(kMeetTimeLimitS)] {
    return std::chrono::steady_clock::now() >= end;
  };
  query.max_athletes = kMaxMeetAthletes;
  const Workspace ws = roster_workspace(db_path);
  const MeetLineupAnswer a = plan_meet_lineups(ws, query);
  nlohmann::json doc = meet_lineup_to_json(ws.team(), a.request, a.result, &a.events, &a.splits_s);
  doc["model"] = to_string(a.model);
  doc["time_limit_s"] = kMeetTimeLimitS;
  return doc;
}

// {event, order} -> the document of `baton predict --json`, with the relay's "name". What is
// wrong with the order as a whole (sexes, marks, exchanges) names "order".
nlohmann::json predictions(const nlohmann::json& body, const std::string& db_path) {
  only_fields(body, {"event", "order"});
  names_field(required(body, "order"), "order", kMaxNames);  // a list, not the fastest order
  const Workspace ws = roster_workspace(db_path);
  const RelayOrder order = requested_order(ws, order_request(body));
  RelayPrediction p;
  try {
    p = predict_splits(ws.team(), order.event, order.names);
  } catch (const ValidationError& e) {
    throw ValidationError(e.message(), Location{"", 0, "order"});
  }
  nlohmann::json doc = prediction_to_json(p);
  doc["name"] = order.event.name;
  return doc;
}

// {event, order} -> the document of `baton plan --json`, each exchange with its "svg" and the
// phone layout's "svg_narrow".
nlohmann::json plans(const nlohmann::json& body, const std::string& db_path) {
  only_fields(body, {"event", "order"});
  names_field(required(body, "order"), "order", kMaxNames);  // a list, not the fastest order
  const Workspace ws = roster_workspace(db_path);
  const RelayOrder order = requested_order(ws, order_request(body));
  const RelayPlan plan = build_relay_plan(ws.team(), order.event, order.names);
  nlohmann::json doc = relay_plan_to_json(plan);
  add_pacing_to_legs(doc, plan_pacing(ws.team(), order.event, order.names));
  doc["name"] = order.event.name;
  for (size_t i = 0; i < plan.exchanges.size(); ++i) {
    const RelayPlanExchange& x = plan.exchanges[i];
    const std::string title =
        fmt::format("{} exchange {}: {} to {}", plan.event, x.plan.exchange, x.from, x.to);
    doc["exchanges"][i]["svg"] = render_zone_svg(x.plan, title);
    doc["exchanges"][i]["svg_narrow"] = render_zone_svg(x.plan, title, ZoneLayout::narrow);
  }
  return doc;
}

}  // namespace

void add_relay_routes(httplib::Server& server, const std::string& db_path) {
  server.Post("/api/lineups", [db_path](const httplib::Request& req, httplib::Response& res) {
    reply_json(res, lineups(json_body(req), db_path));
  });
  server.Post("/api/meet-lineups", [db_path](const httplib::Request& req, httplib::Response& res) {
    reply_json(res, meet_lineups(json_body(req), db_path));
  });
  server.Post("/api/predictions", [db_path](const httplib::Request& req, httplib::Response& res) {
    reply_json(res, predictions(json_body(req), db_path));
  });
  server.Post("/api/plans", [db_path](const httplib::Request& req, httplib::Response& res) {
    reply_json(res, plans(json_body(req), db_path));
  });
}

}  // namespace baton::server
