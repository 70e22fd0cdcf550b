// The practice API: hand-off drills (list, log, remove) and a pair's calibrated go-mark.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "baton/date.h"
#include "baton/pair_report.h"
#include "baton/practice_json.h"
#include "baton/practice_log.h"
#include "common/today.h"
#include "server/http_json.h"
#include "server/routes.h"
#include "server/worker_database.h"

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
                                       "note",    "key"};
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
  if (body.contains("key")) {
    d.key = text_field(body, "key");
    if (d.key.empty()) throw ValidationError("must not be empty", Location{"", 0, "key"});
  }
  return d;
}

// GET /api/practice/report?from=&to=[&event=4x100][&exchange=1][&as_of=YYYY-MM-DD]
nlohmann::json report(const httplib::Request& req, const Workspace& ws) {
  PairReportRequest r;
  r.from = query(req, "from");
  r.to = query(req, "to");
  if (r.from.empty()) throw ParseError("is required", Location{"", 0, "from"});
  if (r.to.empty()) throw ParseError("is required", Location{"", 0, "to"});
  r.event = query(req, "event", "4x100");
  const std::string exchange_text = query(req, "exchange", "1");
  const auto [end, ec] = std::from_chars(exchange_text.data(),
                                         exchange_text.data() + exchange_text.size(), r.exchange);
  if (ec != std::errc() || end != exchange_text.data() + exchange_text.size()) {
    throw ParseError("must be a whole number", Location{"", 0, "exchange"});
  }
  r.as_of = query(req, "as_of", today_date());
  nlohmann::json doc = practice_report_to_json(pair_report(ws, r));
  doc["event"] = r.event;
  doc["exchange"] = r.exchange;
  return doc;
}

}  // namespace

void add_practice_routes(httplib::Server& server, const std::string& db_path) {
  server.Get("/api/practice", [db_path](const httplib::Request& req, httplib::Response& res) {
    const DrillFilter filter{.from = query(req, "from"), .to = query(req, "to"), .until = ""};
    nlohmann::json all = nlohmann::json::array();
    for (const Drill& d : list_drills(Workspace::borrow(worker_database(db_path)), filter)) {
      all.push_back(drill_to_json(d));
    }
    reply_json(res, {{"drills", all}});
  });

  server.Post("/api/practice", [db_path](const httplib::Request& req, httplib::Response& res) {
    // With a "key" a repeat answers the drill first logged under it (200, "repeat": true)
    // and stores nothing: a phone resending a drill it logged offline logs it once.
    const Drill d = drill_from_json(json_body(req));
    const LoggedDrill logged = log_drill_once(Workspace::borrow(worker_database(db_path)), d);
    if (logged.repeat) {
      reply_json(res, {{"logged", drill_to_json(logged.drill)}, {"repeat", true}}, 200);
    } else {
      reply_json(res, {{"logged", drill_to_json(logged.drill)}}, 201);
    }
  });

  server.Delete(R"(/api/practice/(\d{1,15}))",
                [db_path](const httplib::Request& req, httplib::Response& res) {
                  const long long id = std::stoll(req.matches[1]);
                  remove_drill(Workspace::borrow(worker_database(db_path)), id);
                  reply_json(res, {{"removed", id}});
                });

  server.Get("/api/practice/report",
             [db_path](const httplib::Request& req, httplib::Response& res) {
               reply_json(res, report(req, Workspace::borrow(worker_database(db_path))));
             });
}

}  // namespace baton::server
