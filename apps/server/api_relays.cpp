// The relay API: the best running orders for one relay (POST /api/lineups), the best lineups for
// several relays of a meet at once (POST /api/meet-lineups), the predicted time of a running
// order (POST /api/predictions) and the hand-off plan of a running order with a diagram of each
// exchange zone (POST /api/plans).
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "baton/calibration.h"
#include "baton/learned_roster.h"
#include "baton/leg_prediction.h"
#include "baton/lineup.h"
#include "baton/lineup_json.h"
#include "baton/meet_lineup.h"
#include "baton/pacing.h"
#include "baton/pacing_json.h"
#include "baton/plan_json.h"
#include "baton/practice_costs.h"
#include "baton/practice_lookup.h"
#include "baton/prediction_json.h"
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
// A meet request solves an integer program: these bounds keep one within the time limit's reach
// on a laptop (8 relays of 3 teams over 64 athletes).
constexpr size_t kMaxMeetRelays = 8;
constexpr size_t kMaxMeetAthletes = 64;
constexpr double kMeetTimeLimitS = 10.0;

// Builds the lineup request from {event, sex?, top?, locks?, exclude?} and answers with the
// document of `baton lineup --json`.
nlohmann::json lineups(const nlohmann::json& body, const std::string& db_path) {
  only_fields(body, {"event", "sex", "top", "locks", "exclude"});
  const std::string event_id = string_field(required(body, "event"), "event");
  Database db = Database::open(db_path);
  const Team team = learned_roster(db);
  const Event event = find_event(event_id, team.rules, Location{"", 0, "event"});

  LineupRequest req = lineup_request(team, event);
  req.required_sex = optional_sex(body, "sex");
  req.top_k = static_cast<int>(whole_number(body, "top", 0, 0, kMaxTop));
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

// One relay of a meet request, {"event", "sex"?} at relays.i: its event and squad, checked.
struct MeetRelayChoice {
  Event event;
  std::optional<Sex> sex;
};

MeetRelayChoice meet_relay_choice(const nlohmann::json& item, const std::string& field,
                                  const Team& team) {
  if (!item.is_object()) {
    throw ParseError("must be a relay, e.g. {\"event\": \"4x100\", \"sex\": \"F\"}",
                     Location{"", 0, field});
  }
  for (const auto& [key, value] : item.items()) {
    if (key != "event" && key != "sex")
      throw ParseError("unknown field", {"", 0, field + "." + key});
  }
  if (!item.contains("event")) throw ParseError("is required", Location{"", 0, field + ".event"});
  MeetRelayChoice out{find_event(string_field(item["event"], field + ".event"), team.rules,
                                 Location{"", 0, field + ".event"}),
                      std::nullopt};
  if (item.contains("sex") && !item["sex"].is_null()) {
    const Location where{"", 0, field + ".sex"};
    out.sex = parse_sex(string_field(item["sex"], where.field), where);
    if (out.event.sex_rule != SexRule::single_sex) {
      throw ValidationError(out.event.name + " is run by men and women together: leave sex out",
                            where);
    }
  }
  return out;
}

// Builds the meet request from {relays: [{event, sex?}], teams_per_relay?,
// max_relays_per_athlete?, max_events?, exclude?} as `baton lineup --events` does (physics costs,
// no practice log) and answers with its document, each relay with "name" and "legs".
nlohmann::json meet_lineups(const nlohmann::json& body, const std::string& db_path) {
  only_fields(body,
              {"relays", "teams_per_relay", "max_relays_per_athlete", "max_events", "exclude"});
  const nlohmann::json& list = required(body, "relays");
  const Location relays_at{"", 0, "relays"};
  if (!list.is_array()) {
    throw ParseError("must be a list of relays, e.g. [{\"event\": \"4x100\", \"sex\": \"F\"}]",
                     relays_at);
  }
  if (list.empty()) throw ValidationError("must name at least one relay", relays_at);
  if (list.size() > kMaxMeetRelays) {
    throw ValidationError(fmt::format("must name at most {} relays", kMaxMeetRelays), relays_at);
  }
  const int teams = static_cast<int>(whole_number(body, "teams_per_relay", 1, 1, 3));
  const auto max_relays = static_cast<int>(
      whole_number(body, "max_relays_per_athlete", 0, 0, static_cast<int>(kMaxMeetRelays)));
  const auto max_events = static_cast<int>(whole_number(body, "max_events", 0, 0, 20));

  const Team team = roster_team(db_path);
  MeetLineupRequest req = meet_lineup_request(team);
  req.max_relays_per_athlete = max_relays;
  req.max_events = max_events;
  req.time_limit_s = kMeetTimeLimitS;

  std::vector<int> excluded;
  if (body.contains("exclude")) {
    for (const std::string& name : names_field(body["exclude"], "exclude", kMaxNames)) {
      const int a = athlete_index(team, name, "exclude");
      if (std::find(excluded.begin(), excluded.end(), a) == excluded.end()) excluded.push_back(a);
    }
  }
  const size_t available = team.athletes.size() - excluded.size();
  if (available > kMaxMeetAthletes) {
    throw ValidationError(fmt::format("{} athletes can run; a meet lineup takes at most {}: "
                                      "leave some out",
                                      available, kMaxMeetAthletes),
                          Location{"", 0, "exclude"});
  }

  std::vector<Event> events;
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string field = fmt::format("relays.{}", i);
    const MeetRelayChoice choice = meet_relay_choice(list[i], field, team);
    MeetRelay relay;
    relay.event = choice.sex ? fmt::format("{}/{}", choice.event.id, to_string(*choice.sex))
                             : choice.event.id;
    for (const MeetRelay& earlier : req.relays) {
      if (earlier.event == relay.event) {
        throw ValidationError(relay.event + " is asked for twice", Location{"", 0, field});
      }
    }
    relay.sex_rule = choice.event.sex_rule;
    relay.required_sex = choice.sex;
    relay.teams = teams;
    relay.excluded = excluded;
    relay.costs = relay_costs(team, choice.event);
    req.relays.push_back(std::move(relay));
    events.push_back(choice.event);
  }
  const MeetLineupResult r = best_meet_lineups(req);
  nlohmann::json doc = meet_lineup_to_json(team, req, r, &events);
  doc["model"] = "physics";
  doc["time_limit_s"] = kMeetTimeLimitS;
  return doc;
}

// The prediction of {event, order} as `baton predict --json` gives it, with the relay's "name".
// Orders the relay cannot run are refused naming "order" or the runner's "order.i".
nlohmann::json predictions(const nlohmann::json& body, const std::string& db_path) {
  only_fields(body, {"event", "order"});
  const std::string event_id = string_field(required(body, "event"), "event");
  const std::vector<std::string> order = names_field(required(body, "order"), "order", kMaxNames);
  const Team team = roster_team(db_path);
  const Event event = find_event(event_id, team.rules, Location{"", 0, "event"});
  if (order.size() != event.legs.size()) {
    throw ValidationError(fmt::format("the {} has {} legs: name one runner for each, not {}",
                                      event.name, event.legs.size(), order.size()),
                          Location{"", 0, "order"});
  }
  std::vector<int> runners;
  for (size_t i = 0; i < order.size(); ++i) {
    const std::string field = fmt::format("order.{}", i);
    const int a = athlete_index(team, order[i], field);
    if (std::find(runners.begin(), runners.end(), a) != runners.end()) {
      throw ValidationError(team.athletes[static_cast<size_t>(a)].name + " is in the order twice",
                            Location{"", 0, field});
    }
    runners.push_back(a);
  }
  // What is left (sexes, marks, exchanges) is about the order as a whole.
  RelayPrediction p;
  try {
    p = predict_relay(team, event, order);
  } catch (const ValidationError& e) {
    throw ValidationError(e.message(), Location{"", 0, "order"});
  }
  nlohmann::json doc = prediction_to_json(p);
  doc["name"] = event.name;
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
