// The practice API: hand-off drills (list, log, remove) and a pair's calibrated go-mark.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "baton/athlete_model.h"
#include "baton/calibration.h"
#include "baton/date.h"
#include "baton/learned_roster.h"
#include "baton/leg_prediction.h"
#include "baton/practice.h"
#include "baton/practice_json.h"
#include "baton/practice_report.h"
#include "baton/store.h"
#include "common/today.h"
#include "server/http_json.h"
#include "server/routes.h"

namespace baton::server {
namespace {

constexpr size_t kMaxNoteChars = 500;

std::string text_field(const nlohmann::json& body, const char* key) {
  if (!body.contains(key)) throw ParseError("is required", Location{"", 0, key});
  if (!body[key].is_string()) throw ParseError("must be a string", Location{"", 0, key});
  return body[key].get<std::string>();
}

double number_field(const nlohmann::json& body, const char* key) {
  if (!body.contains(key)) throw ParseError("is required", Location{"", 0, key});
  if (!body[key].is_number()) throw ParseError("must be a number", Location{"", 0, key});
  return body[key].get<double>();
}

// {from, to, go_mark_m, exchange_at_m, outcome?, date?, baton_time_s?, zone_length_m?, note?}
Drill drill_from_json(const nlohmann::json& body) {
  static const char* const kKnown[] = {"from",    "to",   "go_mark_m",    "exchange_at_m",
                                       "outcome", "date", "baton_time_s", "zone_length_m",
                                       "note"};
  for (const auto& item : body.items()) {
    const std::string& key = item.key();
    if (std::find_if(std::begin(kKnown), std::end(kKnown),
                     [&](const char* k) { return key == k; }) == std::end(kKnown)) {
      throw ParseError("unknown field", Location{"", 0, key});
    }
  }
  Drill d;
  d.from = text_field(body, "from");
  d.to = text_field(body, "to");
  d.go_mark_m = number_field(body, "go_mark_m");
  d.exchange_at_m = number_field(body, "exchange_at_m");
  if (body.contains("outcome")) {
    d.outcome = parse_drill_outcome(text_field(body, "outcome"), Location{"", 0, "outcome"});
  }
  d.date = body.contains("date") ? parse_date(text_field(body, "date"), Location{"", 0, "date"})
                                 : today_date();
  if (body.contains("baton_time_s") && !body["baton_time_s"].is_null()) {
    d.baton_time_s = number_field(body, "baton_time_s");
  }
  if (body.contains("zone_length_m")) d.zone_length_m = number_field(body, "zone_length_m");
  if (body.contains("note")) {
    d.note = text_field(body, "note");
    if (d.note.size() > kMaxNoteChars) {
      throw ValidationError(fmt::format("must be at most {} characters", kMaxNoteChars),
                            Location{"", 0, "note"});
    }
  }
  return d;
}

nlohmann::json report(const httplib::Request& req, Database& db) {
  const std::string from = query(req, "from");
  const std::string to = query(req, "to");
  if (from.empty()) throw ParseError("is required", Location{"", 0, "from"});
  if (to.empty()) throw ParseError("is required", Location{"", 0, "to"});
  const std::string exchange_text = query(req, "exchange", "1");
  int exchange = 0;
  const auto [end, ec] =
      std::from_chars(exchange_text.data(), exchange_text.data() + exchange_text.size(), exchange);
  if (ec != std::errc() || end != exchange_text.data() + exchange_text.size()) {
    throw ParseError("must be a whole number", Location{"", 0, "exchange"});
  }
  const std::string as_of = req.has_param("as_of")
                                ? parse_date(query(req, "as_of"), Location{"", 0, "as_of"})
                                : today_date();
  const Team team = learned_roster(db);
  const Event event =
      find_event(query(req, "event", "4x100"), team.rules, Location{"", 0, "event"});
  const PairTarget pair = planned_pair_target(team, event, exchange - 1, from, to);
  const PracticeReport r =
      practice_report(pair.from, pair.to, Practice(db).pair(from, to), pair.nominal, pair.target_m,
                      as_of, CalibrationOptions{}, pair.foot_length_m);
  nlohmann::json doc = practice_report_to_json(r);
  doc["event"] = query(req, "event", "4x100");
  doc["exchange"] = exchange;
  return doc;
}

}  // namespace

void add_practice_routes(httplib::Server& server, const std::string& db_path) {
  server.Get("/api/practice", [db_path](const httplib::Request& req, httplib::Response& res) {
    DrillFilter filter;
    filter.from = query(req, "from");
    filter.to = query(req, "to");
    Database db = Database::open(db_path);
    nlohmann::json all = nlohmann::json::array();
    for (const Drill& d : Practice(db).list(filter)) all.push_back(drill_to_json(d));
    reply_json(res, {{"drills", all}});
  });

  server.Post("/api/practice", [db_path](const httplib::Request& req, httplib::Response& res) {
    const Drill d = drill_from_json(json_body(req));
    Database db = Database::open(db_path);
    Practice practice(db);
    const long long id = practice.log(d);
    for (const Drill& stored : practice.pair(d.from, d.to)) {
      if (stored.id == id) {
        reply_json(res, {{"logged", drill_to_json(stored)}}, 201);
        return;
      }
    }
    throw StoreError("the drill was not stored", Location{"", 0, ""});
  });

  server.Delete(R"(/api/practice/(\d{1,15}))",
                [db_path](const httplib::Request& req, httplib::Response& res) {
                  const long long id = std::stoll(req.matches[1]);
                  Database db = Database::open(db_path);
                  Practice(db).remove(id);
                  reply_json(res, {{"removed", id}});
                });

  server.Get("/api/practice/report",
             [db_path](const httplib::Request& req, httplib::Response& res) {
               Database db = Database::open(db_path);
               reply_json(res, report(req, db));
             });
}

}  // namespace baton::server
