#include "baton/meet_lineup.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "baton/error.h"
#include "plan/lineup_scenarios.h"

namespace baton {
namespace {

using scenarios::alternating_sexes;
using scenarios::random_relay_costs;

struct Slot {
  int relay;
  int team;
};

std::vector<Slot> slots_of(const MeetLineupRequest& req) {
  std::vector<Slot> out;
  for (int r = 0; r < static_cast<int>(req.relays.size()); ++r) {
    for (int t = 0; t < req.relays[r].teams; ++t) out.push_back({r, t});
  }
  return out;
}

// Every order a team could run on its own (locks, exclusions and sex rules only).
std::vector<std::vector<int>> team_orders(const MeetLineupRequest& req, const Slot& s) {
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
bool meet_allows(const MeetLineupRequest& req, const std::vector<Slot>& slots,
                 const std::vector<const std::vector<int>*>& orders) {
  // Fixed-size tables: this runs millions of times in the brute force (at most 8 athletes).
  const int n = req.relays[0].costs.athletes;
  if (n > 8 || req.relays.size() > 4) throw std::logic_error("brute force is for tiny meets");
  int count[8] = {};
  char in_relay[4][8] = {};
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

double weight_of(const MeetLineupRequest& req, const Slot& s) {
  return req.relays[s.relay].weight * req.team_weights[s.team];
}

// The optimal objective by enumerating every combination of team orders (+inf: infeasible).
double brute_force_objective(const MeetLineupRequest& req) {
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

void expect_optimal_and_legal(const MeetLineupRequest& req, const std::string& what) {
  const double expected = brute_force_objective(req);
  if (expected == RelayCosts::kImpossible) {
    EXPECT_THROW(best_meet_lineups(req), ValidationError) << what;
    return;
  }
  const MeetLineupResult r = best_meet_lineups(req);
  EXPECT_TRUE(r.optimal) << what;
  EXPECT_EQ(r.gap, 0.0) << what;
  EXPECT_NEAR(r.objective, expected, 1e-6) << what;
  const std::vector<Slot> slots = slots_of(req);
  ASSERT_EQ(r.relays.size(), slots.size()) << what;
  std::vector<const std::vector<int>*> orders;
  double sum = 0;
  for (size_t s = 0; s < slots.size(); ++s) {
    const MeetRelayLineup& got = r.relays[s];
    EXPECT_EQ(got.event_index, slots[s].relay) << what;
    EXPECT_EQ(got.team, std::string(1, static_cast<char>('A' + slots[s].team))) << what;
    const auto legal = team_orders(req, slots[s]);
    EXPECT_NE(std::find(legal.begin(), legal.end(), got.order), legal.end()) << what;
    EXPECT_DOUBLE_EQ(got.team_time_s, req.relays[got.event_index].costs.team_time_s(got.order));
    sum += weight_of(req, slots[s]) * got.team_time_s;
    orders.push_back(&got.order);
  }
  EXPECT_TRUE(meet_allows(req, slots, orders)) << what;
  EXPECT_NEAR(sum, r.objective, 1e-9) << what;
}

MeetRelay relay(const std::string& event, int n, unsigned seed, int legs = 4, bool pairs = true) {
  MeetRelay r;
  r.event = event;
  r.costs = random_relay_costs(n, legs, seed, pairs);
  return r;
}

TEST(MeetLineup, TwoRelaysThatMayNotShareAthletesMatchBruteForce) {
  for (unsigned seed = 1; seed <= 8; ++seed) {
    const int n = 8;
    MeetLineupRequest req;
    req.sexes = alternating_sexes(n);
    req.relays = {relay("4x100", n, seed, 4, seed % 2 == 0), relay("4x400", n, seed + 100)};
    req.conflicts = {{0, 1}};
    expect_optimal_and_legal(req, "seed " + std::to_string(seed));
  }
}

TEST(MeetLineup, AAndBTeamsOfOneRelayMatchBruteForce) {
  for (unsigned seed = 1; seed <= 6; ++seed) {
    const int n = 8;
    MeetLineupRequest req;
    req.sexes = alternating_sexes(n);
    req.relays = {relay("4x100", n, seed * 31)};
    req.relays[0].teams = 2;
    if (seed % 2 == 0) req.team_weights = {1.0, 0.5, 0.5};
    if (seed % 3 == 0) req.relays[0].locked_legs = {{3, static_cast<int>(seed % n)}};
    expect_optimal_and_legal(req, "seed " + std::to_string(seed));
  }
}

TEST(MeetLineup, LimitsAndSexRulesMatchBruteForce) {
  for (unsigned seed = 1; seed <= 16; ++seed) {
    const int n = 7;
    MeetLineupRequest req;
    req.sexes = alternating_sexes(n);
    req.relays = {relay("4x100", n, seed * 7), relay("4x200", n, seed * 7 + 1)};
    switch (seed % 4) {
      case 0:
        req.max_relays_per_athlete = 1;
        break;
      case 1:
        req.relays[0].sex_rule = SexRule::mixed_two_two;
        req.relays[1].sex_rule = SexRule::mixed_two_two;
        req.max_events = 3;
        req.events_already = {2, 2, 2, 2, 1, 0, 3};
        break;
      case 2:
        req.relays[0].required_sex = Sex::female;  // 4 women of 7: every woman runs
        req.relays[1].sex_rule = SexRule::mixed_two_two;
        req.relays[1].excluded = {static_cast<int>(seed % n)};
        req.relays[1].weight = 0.5;
        break;
      default:
        req.max_relays_per_athlete = 1;
        req.relays[0].sex_rule = SexRule::mixed_two_two;
        req.relays[1].sex_rule = SexRule::mixed_two_two;
        req.relays[0].locked_legs = {{0, 1}};
        break;
    }
    expect_optimal_and_legal(req, "seed " + std::to_string(seed));
  }
}

TEST(MeetLineup, ThreeShortRelaysMatchBruteForce) {
  for (unsigned seed = 1; seed <= 4; ++seed) {
    const int n = 6;
    MeetLineupRequest req;
    req.sexes = alternating_sexes(n);
    req.relays = {relay("a", n, seed, 3), relay("b", n, seed + 50, 3), relay("c", n, seed + 90, 3)};
    req.max_relays_per_athlete = 2;
    req.conflicts = {{0, 2}};
    expect_optimal_and_legal(req, "seed " + std::to_string(seed));
  }
}

TEST(MeetLineup, ConflictingRelaysThatCannotBothBeFilledAreInfeasible) {
  // Eight athletes, four of them women: two girls' relays cannot both run without sharing.
  MeetLineupRequest req;
  req.sexes = alternating_sexes(8);
  req.relays = {relay("4x100", 8, 1), relay("4x400", 8, 2)};
  req.relays[0].required_sex = req.relays[1].required_sex = Sex::female;
  req.conflicts = {{0, 1}};
  try {
    best_meet_lineups(req);
    ADD_FAILURE() << "no error";
  } catch (const ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find("cannot all be filled"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("relays that may not share athletes"), std::string::npos)
        << e.what();
  }
}

TEST(MeetLineup, TooFewRunnersForABTeamIsNamed) {
  MeetLineupRequest req;
  req.sexes = alternating_sexes(7);
  req.relays = {relay("4x100", 7, 1)};
  req.relays[0].teams = 2;
  try {
    best_meet_lineups(req);
    ADD_FAILURE() << "no error";
  } catch (const ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find("4x100: 2 teams need 8 runners, only 7 are available"),
              std::string::npos)
        << e.what();
  }
}

TEST(MeetLineup, RelayLevelErrorsNameTheRelay) {
  MeetLineupRequest req;
  req.sexes = alternating_sexes(8);
  req.names = {"Ann", "Ben", "Cara", "Dan", "Eve", "Fred", "Gail", "Hal"};
  req.relays = {relay("4x100", 8, 1), relay("4x400", 8, 2)};
  req.relays[1].required_sex = Sex::female;
  req.relays[1].locked_legs = {{1, 1}};
  try {
    best_meet_lineups(req);
    ADD_FAILURE() << "no error";
  } catch (const ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find("4x400: Ben is locked on leg 2 but the relay is for "
                                         "women only"),
              std::string::npos)
        << e.what();
  }
  req.relays[1].locked_legs.clear();
  req.max_events = 2;
  req.events_already = {2, 0, 0, 0, 0, 0, 0, 0};
  req.relays[0].locked_legs = {{0, 0}};
  EXPECT_THROW(best_meet_lineups(req), ValidationError);
}

TEST(MeetLineup, InterchangeableTeamsListTheFasterAsA) {
  MeetLineupRequest req;
  req.sexes.assign(12, Sex::female);
  req.relays = {relay("4x100", 12, 3)};
  req.relays[0].teams = 3;
  const MeetLineupResult r = best_meet_lineups(req);
  ASSERT_EQ(r.relays.size(), 3u);
  EXPECT_TRUE(r.optimal);
  EXPECT_LE(r.relays[0].team_time_s, r.relays[1].team_time_s);
  EXPECT_LE(r.relays[1].team_time_s, r.relays[2].team_time_s);
  EXPECT_EQ(r.relays[2].team, "C");
}

}  // namespace
}  // namespace baton
