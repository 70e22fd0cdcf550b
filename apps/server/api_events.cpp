// The events API: relay events, their legs and exchange zones under a rule set.
#include <algorithm>
#include <array>

#include "baton/event.h"
#include "baton/json.h"
#include "baton/store.h"
#include "server/cached_reply.h"
#include "server/http_json.h"
#include "server/routes.h"

namespace baton::server {
namespace {

nlohmann::json events_json(RuleSet rules) {
  nlohmann::json events = nlohmann::json::array();
  for (const Event& e : standard_events(rules)) events.push_back(to_json(e));
  return {{"rules", to_string(rules)}, {"events", events}};
}

}  // namespace

void add_events_routes(httplib::Server& server, const std::string& db_path) {
  // The answer depends on the rule set alone: each of the three is written once, when the
  // server starts; the roster's rule set is kept until the database changes.
  constexpr std::array<RuleSet, 3> kAll = {RuleSet::wa, RuleSet::ncaa, RuleSet::nfhs};
  std::array<std::string, kAll.size()> answers;
  for (size_t i = 0; i < kAll.size(); ++i) answers[i] = json_text(events_json(kAll[i]));
  server.Get(
      "/api/events", [db_path, kAll, answers](const httplib::Request& req, httplib::Response& res) {
        const std::string text = query(req, "rules");
        if (text.empty()) {
          reply_cached_json(res, db_path, "events",
                            [](Database& db) { return events_json(Roster(db).team_info().rules); });
          return;
        }
        const RuleSet rules = parse_rules(text, Location{"", 0, "rules"});
        const auto at = std::find(kAll.begin(), kAll.end(), rules) - kAll.begin();
        reply_json_text(res, answers.at(static_cast<size_t>(at)));
      });
}

}  // namespace baton::server
