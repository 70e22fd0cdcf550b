#include "baton/meet_lineup_query.h"

#include <fmt/format.h>

#include <algorithm>

#include "baton/error.h"
#include "baton/relay_splits.h"
#include "workspace/query_parts.h"

namespace baton {

MeetLineupAnswer plan_meet_lineups(const Workspace& ws, const MeetLineupQuery& query) {
  const Team& team = ws.team();
  if (query.relays.empty()) {
    throw ValidationError("must name at least one relay", Location{"", 0, "relays"});
  }
  MeetLineupAnswer a;
  a.model = query.model;
  a.request = meet_lineup_request(team);
  a.request.max_relays_per_athlete = query.max_relays_per_athlete;
  a.request.max_events = query.max_events;
  a.request.budget = query.budget;

  std::vector<int> excluded;
  for (const std::string& name : query.exclude) {
    const int i = detail::athlete_index(team, name, "exclude");
    if (std::find(excluded.begin(), excluded.end(), i) == excluded.end()) excluded.push_back(i);
  }
  const size_t available = team.athletes.size() - excluded.size();
  if (query.max_athletes > 0 && available > query.max_athletes) {
    throw ValidationError(fmt::format("{} athletes can run; a meet lineup takes at most {}: "
                                      "leave some out",
                                      available, query.max_athletes),
                          Location{"", 0, "exclude"});
  }

  for (size_t i = 0; i < query.relays.size(); ++i) {
    const MeetRelayChoice& choice = query.relays[i];
    const std::string field = fmt::format("relays.{}", i);
    const Event event = find_event(choice.event, team.rules, Location{"", 0, field + ".event"});
    MeetRelay relay;
    relay.event = choice.sex ? fmt::format("{}/{}", event.id, to_string(*choice.sex)) : event.id;
    relay.sex_rule = event.sex_rule;
    if (event.sex_rule == SexRule::single_sex) {
      relay.required_sex = choice.sex ? choice.sex : query.sex;
    } else if (choice.sex) {
      throw ValidationError(event.name + " is run by men and women together: leave sex out",
                            Location{"", 0, field + ".sex"});
    }
    for (const MeetRelay& earlier : a.request.relays) {
      if (earlier.event == relay.event) {
        throw ValidationError(relay.event + " is asked for twice", Location{"", 0, field});
      }
    }
    relay.teams = query.teams_per_relay;
    relay.excluded = excluded;
    relay.costs = detail::priced_costs(team, event, query.model, {}).costs;
    a.request.relays.push_back(std::move(relay));
    a.events.push_back(event);
  }
  a.result = best_meet_lineups(a.request);
  for (const MeetRelayLineup& l : a.result.relays) {
    const MeetRelay& relay = a.request.relays[static_cast<size_t>(l.event_index)];
    const Event& event = a.events[static_cast<size_t>(l.event_index)];
    a.splits_s.push_back(baton_splits_s(relay.costs, l.order,
                                        query.model == CostModel::physics
                                            ? pass_offsets_s(team, event, l.order)
                                            : std::vector<double>{}));
  }
  return a;
}

}  // namespace baton
