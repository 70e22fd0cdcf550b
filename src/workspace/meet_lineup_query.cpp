#include "baton/meet_lineup_query.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "baton/error.h"
#include "baton/relay_splits.h"
#include "core/text.h"
#include "workspace/query_parts.h"

namespace baton {
namespace {

// The index of the relay labelled `label` (any case); ValidationError naming `field` and the
// relays there are otherwise.
int relay_index(const MeetLineupRequest& request, const std::string& label,
                const std::string& field) {
  std::vector<std::string> labels;
  for (size_t r = 0; r < request.relays.size(); ++r) {
    const std::string& have = request.relays[r].event;
    if (text::lowercase(have) == text::lowercase(label)) return static_cast<int>(r);
    labels.push_back(have);
  }
  throw ValidationError(
      fmt::format("{} is not one of the relays asked for ({})", label, fmt::join(labels, ", ")),
      Location{"", 0, field});
}

// The coach's locks, exclusions from one relay and schedule conflicts, resolved onto the
// request's relays.
void apply_relay_rules(const Team& team, const MeetLineupQuery& query,
                       const std::vector<Event>& events, MeetLineupRequest& request) {
  for (size_t i = 0; i < query.locks.size(); ++i) {
    const MeetLock& lock = query.locks[i];
    const std::string field = fmt::format("locks.{}", i);
    const int r = relay_index(request, lock.relay, field + ".relay");
    MeetRelay& relay = request.relays[static_cast<size_t>(r)];
    const int legs = static_cast<int>(events[static_cast<size_t>(r)].legs.size());
    if (lock.leg < 1 || lock.leg > legs) {
      throw ValidationError(fmt::format("{} has legs 1 to {}, not {}", relay.event, legs, lock.leg),
                            Location{"", 0, field + ".leg"});
    }
    const int who = detail::athlete_index(team, lock.name, field + ".name");
    if (relay.locked_legs.count(lock.leg - 1) > 0) {
      throw ValidationError(fmt::format("{} leg {} is locked twice", relay.event, lock.leg),
                            Location{"", 0, field});
    }
    for (const auto& [leg, other] : relay.locked_legs) {
      if (other == who) {
        throw ValidationError(fmt::format("{} is locked on legs {} and {} of {}",
                                          team.athletes[static_cast<size_t>(who)].name, leg + 1,
                                          lock.leg, relay.event),
                              Location{"", 0, field});
      }
    }
    relay.locked_legs[lock.leg - 1] = who;
  }
  for (size_t i = 0; i < query.exclude_from.size(); ++i) {
    const MeetRelayExclusion& out = query.exclude_from[i];
    const std::string field = fmt::format("exclude_from.{}", i);
    const int r = relay_index(request, out.relay, field + ".relay");
    MeetRelay& relay = request.relays[static_cast<size_t>(r)];
    const int who = detail::athlete_index(team, out.name, field + ".name");
    if (std::find(relay.excluded.begin(), relay.excluded.end(), who) == relay.excluded.end()) {
      relay.excluded.push_back(who);
    }
  }
  for (const MeetRelay& relay : request.relays) {
    for (const auto& [leg, who] : relay.locked_legs) {
      if (std::find(relay.excluded.begin(), relay.excluded.end(), who) != relay.excluded.end()) {
        throw ValidationError(
            fmt::format("{} is locked on leg {} of {} and left out of it",
                        team.athletes[static_cast<size_t>(who)].name, leg + 1, relay.event),
            Location{"", 0, "locks"});
      }
    }
  }
  for (size_t i = 0; i < query.conflicts.size(); ++i) {
    const MeetConflict& c = query.conflicts[i];
    const std::string field = fmt::format("conflicts.{}", i);
    const int r1 = relay_index(request, c.first, field);
    const int r2 = relay_index(request, c.second, field);
    if (r1 == r2) {
      throw ValidationError(c.first + " cannot conflict with itself: name two relays",
                            Location{"", 0, field});
    }
    const std::pair<int, int> pair{std::min(r1, r2), std::max(r1, r2)};
    if (std::find(request.conflicts.begin(), request.conflicts.end(), pair) ==
        request.conflicts.end()) {
      request.conflicts.push_back(pair);
    }
  }
}

}  // namespace

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
  // Individual entries take up events as the relays do.
  if (std::any_of(team.athletes.begin(), team.athletes.end(),
                  [](const Athlete& x) { return !x.entries.empty(); })) {
    for (const Athlete& x : team.athletes) {
      a.request.events_already.push_back(static_cast<int>(x.entries.size()));
    }
  }

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
  apply_relay_rules(team, query, a.events, a.request);
  a.result = best_meet_lineups(a.request);
  a.athletes = meet_athlete_loads(a.request, a.result);
  for (size_t r = 0; r < a.result.relays.size(); ++r) {
    a.substitutes.push_back(meet_substitutes(a.request, a.result, r));
  }
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
