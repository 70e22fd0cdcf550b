// Relay cards and the relay report of a running order (the order asked for, or the fastest of
// the roster): as JSON with the library's HTML (POST /api/cards, POST /api/report), and as the
// bare HTML page for framing and printing (GET /print/cards, GET /print/report).
#include <fmt/format.h>

#include <charconv>

#include "baton/cards.h"
#include "baton/relay_order.h"
#include "baton/report.h"
#include "server/caller.h"
#include "server/http_json.h"
#include "server/request_fields.h"
#include "server/routes.h"

namespace baton::server {
namespace {

// The printable pages are the library's own HTML: inline CSS and SVG, nothing to fetch and no
// scripts. Their policy allows exactly that, lets only this app frame them, and sandboxes them
// (no scripts, forms or pop-ups even when opened in a tab of their own); the app's pages keep
// their stricter policy.
const char* const kPrintPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'self'; sandbox allow-same-origin allow-modals";

struct Printout {
  nlohmann::json doc;  ///< {"event", "name", "order", "chosen", ...}
  std::string html;
};

nlohmann::json summary(const RelayOrder& order) {
  return {{"event", order.event.id},
          {"name", order.event.name},
          {"order", order.names},
          {"chosen", order.chosen}};
}

// "leg": 1 to `legs`, as a JSON number or (from a query) its text.
size_t leg_field(const nlohmann::json& value, size_t legs) {
  const Location where{"", 0, "leg"};
  const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
  size_t leg = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), leg);
  if (ec != std::errc() || end != text.data() + text.size() || leg < 1 || leg > legs) {
    throw ValidationError(fmt::format("must be a leg from 1 to {}", legs), where);
  }
  return leg;
}

// {event, sex?, order?, leg?}: the cards of the order asked for or the fastest one; with
// "leg", that runner's card alone (the link a coach sends to one athlete).
Printout cards(const nlohmann::json& body, const std::string& db_path) {
  only_fields(body, {"event", "sex", "order", "leg"});
  const OrderRequest request = order_request(body);
  const Workspace ws = roster_workspace(db_path);
  const RelayOrder order = requested_order(ws, request);
  RelayCards cards = relay_cards(ws, order);
  nlohmann::json doc = summary(order);
  doc["team_time_s"] = cards.team_time_s;
  if (body.contains("leg")) {
    const size_t leg = leg_field(body["leg"], cards.cards.size());
    cards.cards = {cards.cards[leg - 1]};
    doc["leg"] = leg;
  }
  return {doc, render_cards_html(cards.cards)};
}

// As `baton report` builds it (without a meet: the race odds have a page of their own).
Printout report(const nlohmann::json& body, const std::string& db_path) {
  only_fields(body, {"event", "sex", "order"});
  const OrderRequest request = order_request(body);
  const Workspace ws = roster_workspace(db_path);
  const RelayOrder order = requested_order(ws, request);
  const RelayReport report =
      build_report(ws.team(), order.event, order.names,
                   order.chosen ? "Running order chosen by the coach"
                                : "Best predicted lineup (fastest order of the roster)",
                   {}, {}, calibrated_plan_options(order));
  nlohmann::json doc = summary(order);
  doc["team_time_s"] = report.pacing.team_time_s;
  return {doc, render_report_html(report)};
}

// ?event=4x100&sex=F&order=A,B,C,D as the JSON body the POST routes take.
nlohmann::json query_body(const httplib::Request& req) {
  nlohmann::json body = nlohmann::json::object();
  for (const auto& [key, value] : req.params) {
    if (key == "order") {
      body[key] = split_names(value, Location{"", 0, "order"});
    } else {
      body[key] = value;
    }
  }
  return body;
}

using Builder = Printout (*)(const nlohmann::json&, const std::string&);

void add_printout(httplib::Server& server, const std::string& db_path, const std::string& name,
                  Builder build) {
  server.Post("/api/" + name,
              [db_path, build](const httplib::Request& req, httplib::Response& res) {
                Printout p = build(json_body(req), db_path);
                require_runs_in(req, p.doc["order"].get<std::vector<std::string>>(), "order");
                p.doc["html"] = std::move(p.html);
                reply_json(res, p.doc);
              });
  server.Get("/print/" + name,
             [db_path, build](const httplib::Request& req, httplib::Response& res) {
               const Printout p = build(query_body(req), db_path);
               require_runs_in(req, p.doc["order"].get<std::vector<std::string>>(), "order");
               res.headers.erase("Content-Security-Policy");
               res.headers.erase("X-Frame-Options");
               res.set_header("Content-Security-Policy", kPrintPolicy);
               res.set_header("X-Frame-Options", "SAMEORIGIN");
               res.set_header("Cache-Control", "no-store");
               res.set_content(p.html, "text/html; charset=utf-8");
             });
}

}  // namespace

void add_cards_routes(httplib::Server& server, const std::string& db_path) {
  add_printout(server, db_path, "cards", cards);
  add_printout(server, db_path, "report", report);
}

}  // namespace baton::server
