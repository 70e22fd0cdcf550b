#include "baton/handoff_pair.h"

#include <fmt/format.h>

namespace baton {

PairHandoff handoff_pair(const Workspace& ws, const HandoffPairRequest& request) {
  if (request.event.empty()) throw ValidationError("is required", Location{"", 0, "event"});
  if (request.from.empty()) throw ValidationError("is required", Location{"", 0, "from"});
  if (request.to.empty()) throw ValidationError("is required", Location{"", 0, "to"});
  const Team& team = ws.team();
  const std::string& from = ws.athlete_name(request.from, "from");
  const std::string& to = ws.athlete_name(request.to, "to");
  const Event event = find_event(request.event, team.rules, Location{"", 0, "event"});
  const int count = static_cast<int>(event.exchanges.size());
  if (request.exchange < 1 || request.exchange > count) {
    throw ValidationError(
        fmt::format("must be 1-{} for the {} (got {})", count, event.id, request.exchange),
        Location{"", 0, "exchange"});
  }
  RelayPlanOptions options;
  options.failure_costs_the_race = false;
  options.predict.exchange = request.spread.exchange;
  if (request.technique) options.predict.exchange.blind_technique = *request.technique;
  RelayPlanExchange x = plan_pair(team, event, request.exchange - 1, from, to, options);
  return PairHandoff{event, std::move(x)};
}

}  // namespace baton
