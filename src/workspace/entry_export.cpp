#include "baton/entry_export.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "baton/error.h"
#include "workspace/query_parts.h"

namespace baton {
namespace {

std::string relay_label(const MeetRelayChoice& c) {
  return c.sex ? fmt::format("{}/{}", c.event, to_string(*c.sex)) : c.event;
}

bool same_label(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

EntryRunner runner(const Team& team, int index) {
  const Athlete& a = team.athletes[static_cast<size_t>(index)];
  return split_runner_name(a.name, a.sex);
}

}  // namespace

EntryList plan_entries(const Workspace& ws, const EntryQuery& query) {
  const Team& team = ws.team();
  if (query.alternates < 0 || query.alternates > 4) {
    throw ValidationError("must be 0 to 4", Location{"", 0, "alternates"});
  }
  EntryList out;
  out.team_name = team.name.empty() ? "Team" : team.name;
  if (query.team_code.empty()) {
    out.team_code = team_code_from_name(out.team_name);
  } else {
    if (query.team_code.size() > 4 ||
        !std::all_of(query.team_code.begin(), query.team_code.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)); })) {
      throw ValidationError("a team code is 1 to 4 letters or digits, e.g. WEST",
                            Location{"", 0, "team_code"});
    }
    out.team_code = query.team_code;
  }

  // Which relays the coach ordered; the others go to the meet solver.
  std::vector<const EntryOrder*> ordered(query.relays.size(), nullptr);
  for (size_t i = 0; i < query.orders.size(); ++i) {
    const EntryOrder& o = query.orders[i];
    size_t r = 0;
    while (r < query.relays.size() && !same_label(relay_label(query.relays[r]), o.relay)) ++r;
    if (r == query.relays.size()) {
      throw ValidationError(o.relay + " is not one of the relays entered",
                            Location{"", 0, fmt::format("orders.{}", i)});
    }
    if (ordered[r] != nullptr) {
      throw ValidationError(o.relay + " is given two orders",
                            Location{"", 0, fmt::format("orders.{}", i)});
    }
    ordered[r] = &o;
  }

  // Every relay goes through the meet query once: it checks the relays and prices them; the
  // solver's teams are kept for the relays without an order.
  MeetLineupQuery mq;
  mq.relays = query.relays;
  mq.teams_per_relay = query.teams_per_relay;
  mq.max_relays_per_athlete = query.max_relays_per_athlete;
  mq.max_events = query.max_events;
  mq.budget = query.budget;
  mq.model = query.model;
  mq.allow_estimates = query.allow_estimates;
  mq.exclude = query.exclude;
  mq.locks = query.locks;
  mq.exclude_from = query.exclude_from;
  mq.conflicts = query.conflicts;
  mq.weights = query.weights;
  const MeetLineupAnswer a = plan_meet_lineups(ws, mq);

  // The teams entered: the coach's order where there is one, the solver's teams elsewhere.
  MeetLineupResult entered;
  for (size_t r = 0; r < query.relays.size(); ++r) {
    const MeetRelay& relay = a.request.relays[r];
    const Event& event = a.events[r];
    if (ordered[r] == nullptr) {
      for (const MeetRelayLineup& l : a.result.relays) {
        if (l.event_index == static_cast<int>(r)) entered.relays.push_back(l);
      }
      continue;
    }
    const size_t i = static_cast<size_t>(ordered[r] - query.orders.data());
    const std::string field = fmt::format("orders.{}", i);
    if (ordered[r]->names.size() != event.legs.size()) {
      throw ValidationError(fmt::format("{} needs {} runners, got {}", event.name,
                                        event.legs.size(), ordered[r]->names.size()),
                            Location{"", 0, field});
    }
    std::vector<int> order;
    for (size_t j = 0; j < ordered[r]->names.size(); ++j) {
      const std::string name_field = fmt::format("{}.names.{}", field, j);
      const int idx = detail::athlete_index(team, ordered[r]->names[j], name_field);
      if (std::find(order.begin(), order.end(), idx) != order.end()) {
        throw ValidationError(team.athletes[static_cast<size_t>(idx)].name + " runs twice",
                              Location{"", 0, name_field});
      }
      if (relay.required_sex &&
          team.athletes[static_cast<size_t>(idx)].sex != *relay.required_sex) {
        throw ValidationError(team.athletes[static_cast<size_t>(idx)].name + " is not in the " +
                                  std::string(to_string(*relay.required_sex)) + " squad",
                              Location{"", 0, name_field});
      }
      order.push_back(idx);
    }
    entered.relays.push_back(
        MeetRelayLineup{static_cast<int>(r), "A", order, relay.costs.team_time_s(order)});
  }

  // Alternates: whoever could step in for one of the team's legs (meet_substitutes(): same
  // squad, no team of the relay, within the limits), best first by the least time their best
  // swap costs, each used by one team of the relay only.
  std::set<std::pair<int, int>> used;  // relay, athlete
  for (size_t k = 0; k < entered.relays.size(); ++k) {
    const MeetRelayLineup& l = entered.relays[k];
    const MeetRelay& relay = a.request.relays[static_cast<size_t>(l.event_index)];
    std::vector<std::pair<double, int>> pool;  // least swap cost, athlete
    for (const std::vector<MeetSubstitute>& leg : meet_substitutes(a.request, entered, k)) {
      for (const MeetSubstitute& sub : leg) {
        auto it = std::find_if(pool.begin(), pool.end(),
                               [&](const auto& p) { return p.second == sub.athlete; });
        if (it == pool.end()) {
          pool.emplace_back(sub.cost_s, sub.athlete);
        } else {
          it->first = std::min(it->first, sub.cost_s);
        }
      }
    }
    std::sort(pool.begin(), pool.end());
    RelayEntry e;
    e.event = a.events[static_cast<size_t>(l.event_index)].id;
    e.sex = relay.required_sex;
    e.letter = l.team;
    for (int i : l.order) e.runners.push_back(runner(team, i));
    if (std::isfinite(l.team_time_s)) e.seed_s = l.team_time_s;
    for (const auto& [cost, who] : pool) {
      if (static_cast<int>(e.alternates.size()) >= query.alternates) break;
      if (used.insert({l.event_index, who}).second) e.alternates.push_back(runner(team, who));
    }
    out.relays.push_back(std::move(e));
  }
  return out;
}

}  // namespace baton
