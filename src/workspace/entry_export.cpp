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

// How good an athlete is for a relay: the smallest margin, over the legs, between their leg
// time and the roster's fastest on that leg (seconds); infinity when they can run no leg.
double alternate_score(const RelayCosts& costs, int athlete) {
  double best = RelayCosts::kImpossible;
  for (int l = 0; l < costs.legs; ++l) {
    double fastest = RelayCosts::kImpossible;
    for (int a = 0; a < costs.athletes; ++a) fastest = std::min(fastest, costs.leg(a, l));
    const double own = costs.leg(athlete, l);
    if (std::isfinite(own) && std::isfinite(fastest)) best = std::min(best, own - fastest);
  }
  return best;
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
  const MeetLineupAnswer a = plan_meet_lineups(ws, mq);

  for (size_t r = 0; r < query.relays.size(); ++r) {
    const MeetRelay& relay = a.request.relays[r];
    const Event& event = a.events[r];
    std::vector<std::pair<std::vector<int>, double>> teams;  // order, predicted seconds
    if (ordered[r] != nullptr) {
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
      teams.emplace_back(order, relay.costs.team_time_s(order));
    } else {
      for (const MeetRelayLineup& l : a.result.relays) {
        if (l.event_index == static_cast<int>(r)) teams.emplace_back(l.order, l.team_time_s);
      }
    }

    std::set<int> taken;
    for (const auto& t : teams) taken.insert(t.first.begin(), t.first.end());
    std::vector<std::pair<double, int>> pool;
    for (int i = 0; i < static_cast<int>(team.athletes.size()); ++i) {
      if (taken.count(i)) continue;
      if (relay.required_sex && team.athletes[static_cast<size_t>(i)].sex != *relay.required_sex) {
        continue;
      }
      const double score = alternate_score(relay.costs, i);
      if (std::isfinite(score)) pool.emplace_back(score, i);
    }
    std::stable_sort(pool.begin(), pool.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });

    size_t next = 0;
    for (size_t t = 0; t < teams.size(); ++t) {
      RelayEntry e;
      e.event = event.id;
      e.sex = relay.required_sex;
      e.letter = std::string(1, static_cast<char>('A' + t));
      for (int i : teams[t].first) e.runners.push_back(runner(team, i));
      if (std::isfinite(teams[t].second)) e.seed_s = teams[t].second;
      for (int k = 0; k < query.alternates && next < pool.size(); ++k) {
        e.alternates.push_back(runner(team, pool[next++].second));
      }
      out.relays.push_back(std::move(e));
    }
  }
  return out;
}

}  // namespace baton
