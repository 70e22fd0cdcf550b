// Brute force over a tiny meet (at most 12 athletes and 4 relays): every combination of every
// team's legal orders, checked against the meet-wide limits. Shared by the plan and use-case
// tests.
#pragma once

#include <algorithm>
#include <functional>
#include <stdexcept>
#include <vector>

#include "baton/meet_lineup.h"

namespace baton::testing {

struct Slot {
  int relay;
  int team;
};

inline std::vector<Slot> slots_of(const MeetLineupRequest& req) {
  std::vector<Slot> out;
  for (int r = 0; r < static_cast<int>(req.relays.size()); ++r) {
    for (int t = 0; t < req.relays[r].teams; ++t) out.push_back({r, t});
  }
  return out;
}

// Every order a team could run on its own (locks, exclusions and sex rules only).
inline std::vector<std::vector<int>> team_orders(const MeetLineupRequest& req, const Slot& s) {
  const MeetRelay& relay = req.relays[s.relay];
  const RelayCosts& c = relay.costs;
  std::vector<std::vector<int>> out;
  std::vector<int> order(c.legs);
  std::vector<char> used(c.athletes, 0);
  std::function<void(int)> rec = [&](int l) {
    if (l == c.legs) {
      if (c.team_time_s(order) == RelayCosts::kImpossible) return;
      int women = 0;
      for (int a : order) women += req.sexes[a] == Sex::female;
      if (relay.sex_rule == SexRule::mixed_two_two && women != c.legs / 2) return;
      if (relay.sex_rule == SexRule::single_sex) {
        if (relay.required_sex && women != (*relay.required_sex == Sex::female ? c.legs : 0)) {
          return;
        }
        if (women != 0 && women != c.legs) return;
      }
      out.push_back(order);
      return;
    }
    for (int a = 0; a < c.athletes; ++a) {
      if (used[a] || std::count(relay.excluded.begin(), relay.excluded.end(), a)) continue;
      if (s.team == 0) {
        auto it = relay.locked_legs.find(l);
        if (it != relay.locked_legs.end() && it->second != a) continue;
      }
      order[l] = a;
      used[a] = 1;
      rec(l + 1);
      used[a] = 0;
    }
  };
  rec(0);
  return out;
}

// Checks a complete meet lineup against every meet-wide rule.
inline bool meet_allows(const MeetLineupRequest& req, const std::vector<Slot>& slots,
                        const std::vector<const std::vector<int>*>& orders) {
  // Fixed-size tables: this runs millions of times in the brute force (at most 12 athletes).
  const int n = req.relays[0].costs.athletes;
  if (n > 12 || req.relays.size() > 4) throw std::logic_error("brute force is for tiny meets");
  int count[12] = {};
  char in_relay[4][12] = {};
  for (size_t s = 0; s < slots.size(); ++s) {
    for (int a : *orders[s]) {
      if (in_relay[slots[s].relay][a]) return false;  // twice in one relay
      in_relay[slots[s].relay][a] = 1;
      count[a]++;
    }
  }
  for (int a = 0; a < n; ++a) {
    if (req.max_relays_per_athlete > 0 && count[a] > req.max_relays_per_athlete) return false;
    const int already = req.events_already.empty() ? 0 : req.events_already[a];
    if (req.max_events > 0 && already + count[a] > req.max_events) return false;
    for (const auto& [r1, r2] : req.conflicts) {
      if (in_relay[r1][a] && in_relay[r2][a]) return false;
    }
  }
  return true;
}

inline double weight_of(const MeetLineupRequest& req, const Slot& s) {
  return req.relays[s.relay].weight * req.team_weights[s.team];
}

// The optimal objective by enumerating every combination of team orders (+inf: infeasible).
inline double brute_force_objective(const MeetLineupRequest& req) {
  const std::vector<Slot> slots = slots_of(req);
  std::vector<std::vector<std::vector<int>>> options;
  for (const Slot& s : slots) options.push_back(team_orders(req, s));
  double best = RelayCosts::kImpossible;
  std::vector<const std::vector<int>*> pick(slots.size());
  std::function<void(size_t, double)> rec = [&](size_t s, double sum) {
    if (s == slots.size()) {
      if (sum < best && meet_allows(req, slots, pick)) best = sum;
      return;
    }
    for (const std::vector<int>& o : options[s]) {
      pick[s] = &o;
      rec(s + 1, sum + weight_of(req, slots[s]) * req.relays[slots[s].relay].costs.team_time_s(o));
    }
  };
  rec(0, 0.0);
  return best;
}

}  // namespace baton::testing
