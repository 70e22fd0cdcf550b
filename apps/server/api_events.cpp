// The events API: relay events, their legs and exchange zones under a rule set.
#include "baton/event.h"
#include "baton/json.h"
#include "baton/store.h"
#include "server/http_json.h"
#include "server/routes.h"
#include "server/worker_database.h"

namespace baton::server {

void add_events_routes(httplib::Server& server, const std::string& db_path) {
  server.Get("/api/events", [db_path](const httplib::Request& req, httplib::Response& res) {
    const std::string text = query(req, "rules");
    RuleSet rules;
    if (text.empty()) {  // the roster's rule set
      Database& db = worker_database(db_path);
      rules = Roster(db).team().rules;
    } else {
      rules = parse_rules(text, Location{"", 0, "rules"});
    }
    nlohmann::json events = nlohmann::json::array();
    for (const Event& e : standard_events(rules)) events.push_back(to_json(e));
    reply_json(res, {{"rules", to_string(rules)}, {"events", events}});
  });
}

}  // namespace baton::server
