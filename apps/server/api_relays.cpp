// The relay API: the best running orders for one relay (POST /api/lineups), the best lineups for
// several relays of a meet at once (POST /api/meet-lineups), the predicted time of a running
// order (POST /api/predictions) and the hand-off plan of a running order with a diagram of each
// exchange zone (POST /api/plans).
#include <fmt/format.h>

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
#include "server/meet_request.h"
#include "server/request_fields.h"
#include "server/routes.h"

namespace baton::server {
namespace {

constexpr int kMaxTop = 50;       // alternatives a page can usefully show
constexpr size_t kMaxNames = 64;  // athletes named in one request
// A meet request solves an integer program: at most this many athletes keep it within the time
// limit's reach on a laptop; past the limit it answers with the best lineups found and the gap.
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

// {relays: [{event, sex?}], teams_per_relay?, max_relays_per_athlete?, max_events?, exclude?,
// locks?, exclude_from?, conflicts?, weights?, objective?, meet_file?, runs?, seed?}
// (meet_request.h) -> the document of `baton lineup --events --json`: each relay with "name",
// "legs" and "alternates", and "athletes"; objective points adds "runs" and "seed".
nlohmann::json meet_lineups(const nlohmann::json& body, const std::string& db_path) {
  const Workspace ws = roster_workspace(db_path);
  // Every relay the roster can enter: each single-sex event for girls and for boys, each mixed
  // one once.
  size_t most = 0;
  for (const Event& e : standard_events(ws.team().rules)) {
    most += e.sex_rule == SexRule::single_sex ? 2 : 1;
  }
  MeetLineupQuery query = meet_lineup_query(body, most);
  query.budget = search_deadline(kMeetTimeLimitS);
  query.max_athletes = kMaxMeetAthletes;
  MeetLineupAnswer a;
  try {
    a = plan_meet_lineups(ws, query);
  } catch (const ValidationError& e) {
    // The library calls the relays' fields "field"; the request sent them as "meet_file".
    if (e.where().field != "field") throw;
    throw ValidationError(e.message(), Location{"", 0, "meet_file"});
  }
  nlohmann::json doc =
      meet_lineup_to_json(ws.team(), a.request, a.result, &a.events, &a.splits_s, &a.practice_s);
  add_meet_assignments_json(doc, ws.team(), a.request, a.result, a.athletes, a.substitutes,
                            &a.estimated);
  doc["model"] = to_string(a.model);
  doc["time_limit_s"] = kMeetTimeLimitS;
  if (query.objective == MeetObjective::points) {
    doc["runs"] = query.simulation.runs;
    doc["seed"] = query.simulation.seed;
  }
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
    p = predict_splits(ws.team(), order.event, order.names, order_predict_options(order));
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
  const RelayPlan plan =
      build_relay_plan(ws.team(), order.event, order.names, calibrated_plan_options(order));
  nlohmann::json doc = relay_plan_to_json(plan);
  add_pacing_to_legs(
      doc, plan_pacing(ws.team(), order.event, order.names, {}, order_predict_options(order)));
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
