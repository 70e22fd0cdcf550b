// The practice API: hand-off drills (list, log, remove) and a pair's calibrated go-mark.
#include <charconv>

#include "baton/pair_report.h"
#include "baton/practice_json.h"
#include "baton/practice_log.h"
#include "common/today.h"
#include "server/caller.h"
#include "server/drill_request.h"
#include "server/http_json.h"
#include "server/routes.h"
#include "server/worker_database.h"

namespace baton::server {
namespace {

// GET /api/practice/report?from=&to=[&event=4x100][&exchange=K][&as_of=YYYY-MM-DD]; without
// exchange, the pair's exchange in the event's best order ("exchange_source" says which).
nlohmann::json report(const httplib::Request& req, const Workspace& ws) {
  PairReportRequest r;
  r.from = query(req, "from");
  r.to = query(req, "to");
  if (r.from.empty()) throw ParseError("is required", Location{"", 0, "from"});
  if (r.to.empty()) throw ParseError("is required", Location{"", 0, "to"});
  r.event = query(req, "event", "4x100");
  const std::string exchange_text = query(req, "exchange");
  r.exchange = 0;  // not given: from the best order
  if (!exchange_text.empty()) {
    const auto [end, ec] = std::from_chars(exchange_text.data(),
                                           exchange_text.data() + exchange_text.size(), r.exchange);
    if (ec != std::errc() || end != exchange_text.data() + exchange_text.size()) {
      throw ParseError("must be a whole number", Location{"", 0, "exchange"});
    }
    if (r.exchange < 1) throw ValidationError("must be 1 or more", Location{"", 0, "exchange"});
  }
  r.as_of = query(req, "as_of", today_date());
  nlohmann::json doc = practice_report_to_json(pair_report(ws, r));
  doc["event"] = r.event;
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
    const Drill d = drill_from_json(json_body(req), today_date());
    require_runs_in(req, {d.from, d.to}, "from");
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
