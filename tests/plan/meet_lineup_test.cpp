#include "baton/meet_lineup.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <random>

#include "baton/error.h"
#include "baton/meet_assignments.h"
#include "plan/lineup_rules.h"
#include "plan/lineup_scenarios.h"
#include "plan/meet_brute_force.h"
#include "plan/meet_model.h"

namespace baton {
namespace {

using testing::brute_force_objective;
using testing::meet_allows;
using testing::Slot;
using testing::slots_of;
using testing::team_orders;
using testing::weight_of;

using scenarios::alternating_sexes;
using scenarios::random_relay_costs;

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

TEST(MeetLineup, AStandardMeetThatCountingShowsUnfillableIsRefused) {
  // Twelve girls for the girls' 4x100, 4x200 and 4x400, A and B teams each: 24 legs, and each
  // girl may run 2 relays (at most 4 events with at most 2 entered), so every girl runs exactly
  // two. The 4x200 and 4x400 may share nobody, so every girl's two include the 4x100, which has
  // only 8 places for 12 girls. No lineup exists; the runners' assignment alone proves it.
  const MeetLineupRequest req = scenarios::standard_meet(24, 42);
  try {
    best_meet_lineups(req);
    ADD_FAILURE() << "no error";
  } catch (const ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find("cannot all be filled"), std::string::npos) << e.what();
  }
  // With the 4x200 and 4x400 free to share runners (girls' and boys'), the same meet fills.
  MeetLineupRequest free = req;
  free.conflicts.clear();
  EXPECT_EQ(best_meet_lineups(free).relays.size(), 12u);
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

// A mix of tiny meets where the per-athlete limits bind: conflicts, A/B teams, relay and event
// limits, sex rules, locks and weights.
std::vector<std::pair<std::string, MeetLineupRequest>> enumerable_meets() {
  std::vector<std::pair<std::string, MeetLineupRequest>> out;
  for (unsigned seed = 1; seed <= 12; ++seed) {
    const int n = 7;
    MeetLineupRequest req;
    req.sexes = alternating_sexes(n);
    req.relays = {relay("4x100", n, seed * 13), relay("4x200", n, seed * 13 + 1, 4, seed % 2)};
    switch (seed % 4) {
      case 0:  // A and B teams of a 3-leg relay; two athletes may run only one relay
        req.relays = {relay("3x100", n, seed * 13, 3), relay("3x200", n, seed * 13 + 1, 3)};
        req.relays[0].teams = 2;
        req.relays[1].weight = 0.5;
        req.max_events = 2;
        req.events_already = {1, 0, 0, 1, 0, 0, 0};
        break;
      case 1:  // four women, two of whom have room for one relay only
        req.relays[1].sex_rule = SexRule::mixed_two_two;
        req.max_events = 3;
        req.events_already = {1, 2, 1, 2, 2, 2, 2};
        break;
      case 2:
        req.relays[0].sex_rule = req.relays[1].sex_rule = SexRule::mixed_two_two;
        req.relays[0].locked_legs = {{2, 3}};
        req.max_events = 2;
        req.events_already = {1, 0, 0, 0, 0, 1, 0};
        req.relays[1].excluded = {static_cast<int>(seed % n)};
        break;
      default:
        req.relays[1].required_sex = Sex::male;
        req.relays[1] = relay("3x200", n, seed * 13 + 1, 3);
        req.relays[1].required_sex = Sex::male;
        req.relays[1].locked_legs = {{0, 1}};
        req.conflicts = {{0, 1}};
        break;
    }
    out.push_back({"seed " + std::to_string(seed), std::move(req)});
  }
  return out;
}

// Who could step in for each leg, checked one swap at a time against the brute force's own
// rules: a runner is listed exactly when putting them on the leg (the rest unchanged) leaves a
// team order the relay allows and a meet the limits allow, at the cost the tables give; and,
// the lineups being optimal with positive weights, no listed swap is a gain.
TEST(MeetLineup, SubstitutesAreExactlyTheSwapsTheMeetAllows) {
  int listed = 0;
  for (const auto& [what, req] : enumerable_meets()) {
    const MeetLineupResult r = best_meet_lineups(req);
    const std::vector<Slot> slots = slots_of(req);
    std::vector<const std::vector<int>*> orders;
    for (const MeetRelayLineup& l : r.relays) orders.push_back(&l.order);
    for (size_t k = 0; k < r.relays.size(); ++k) {
      const MeetRelayLineup& team = r.relays[k];
      const RelayCosts& c = req.relays[team.event_index].costs;
      const auto legal = team_orders(req, slots[k]);
      const auto subs = meet_substitutes(req, r, k);
      ASSERT_EQ(subs.size(), team.order.size()) << what;
      for (size_t leg = 0; leg < team.order.size(); ++leg) {
        // A locked leg may be handed on (the substitute is the coach's fallback): the brute
        // force's team orders keep the lock, so it cannot judge that leg.
        if (slots[k].team == 0 && req.relays[team.event_index].locked_legs.count(leg)) continue;
        for (size_t i = 1; i < subs[leg].size(); ++i) {
          EXPECT_LE(subs[leg][i - 1].cost_s, subs[leg][i].cost_s) << what;
        }
        for (int a = 0; a < c.athletes; ++a) {
          if (a == team.order[leg]) continue;
          std::vector<int> swapped = team.order;
          swapped[leg] = a;
          std::vector<const std::vector<int>*> after = orders;
          after[k] = &swapped;
          const bool allowed = std::find(legal.begin(), legal.end(), swapped) != legal.end() &&
                               meet_allows(req, slots, after);
          const auto it = std::find_if(subs[leg].begin(), subs[leg].end(),
                                       [&](const MeetSubstitute& x) { return x.athlete == a; });
          EXPECT_EQ(it != subs[leg].end(), allowed)
              << what << " lineup " << k << " leg " << leg << " athlete " << a;
          if (it == subs[leg].end()) continue;
          ++listed;
          EXPECT_NEAR(it->cost_s, c.team_time_s(swapped) - c.team_time_s(team.order), 1e-9);
          if (r.optimal && weight_of(req, slots[k]) > 0) EXPECT_GE(it->cost_s, -1e-9) << what;
        }
      }
    }
  }
  EXPECT_GT(listed, 0);
}

TEST(MeetLineup, LagrangianBoundNeverExceedsTheOptimum) {
  int closed = 0;
  for (const auto& [what, req] : enumerable_meets()) {
    const double optimum = brute_force_objective(req);
    ASSERT_NE(optimum, RelayCosts::kImpossible) << what;
    const plan::MeetModel m = plan::build_meet_model(req);
    plan::SearchMeter meter(req.budget);
    const plan::MeetRelaxation relax = plan::relax_meet(m, {}, meter);
    EXPECT_LE(relax.bound, optimum + 1e-9) << what;
    // Its lineup is legal and no better than the optimum.
    ASSERT_FALSE(relax.orders.empty()) << what;
    EXPECT_TRUE(plan::meet_feasible(m, relax.orders)) << what;
    EXPECT_GE(relax.upper, optimum - 1e-9) << what;
    EXPECT_DOUBLE_EQ(relax.upper, plan::meet_objective(m, relax.orders)) << what;
    if (relax.bound >= relax.upper - 1e-9) ++closed;
    const MeetLineupResult r = best_meet_lineups(req);
    EXPECT_LE(r.lagrangian_bound_s, optimum + 1e-9) << what;
    EXPECT_LE(r.bound_s, optimum + 1e-9) << what;
  }
  // The bound is not trivially loose: on some meets it proves optimality by itself.
  EXPECT_GT(closed, 0);
}

TEST(MeetLineup, LagrangianBoundBeatsTheSumOfEachTeamsOwnBest) {
  // Two conflicting relays whose fastest teams share athletes: the sum of own bests is below the
  // optimum, the Lagrangian bound must close part of that gap.
  int tighter = 0;
  for (const auto& [what, req] : enumerable_meets()) {
    const plan::MeetModel m = plan::build_meet_model(req);
    double own_best = 0;
    for (const plan::TeamSlot& slot : m.slots) {
      own_best +=
          slot.weight * best_lineups(req.relays[slot.relay].costs, slot.request).best.team_time_s;
    }
    plan::SearchMeter meter(req.budget);
    const plan::MeetRelaxation relax = plan::relax_meet(m, {}, meter);
    EXPECT_GE(relax.bound, own_best - 1e-9) << what;  // zero multipliers come first
    if (relax.bound > own_best + 1e-6) ++tighter;
  }
  EXPECT_GT(tighter, 0);
}

TEST(MeetLineup, PruningKeepsEveryOrderWithinTheCap) {
  // Random penalties and caps: every athlete-leg and exchange pair of every order whose
  // penalised cost is within the cap must survive; something must be pruned overall.
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> pen(0.0, 0.8);
  size_t kept = 0, total = 0;
  for (unsigned seed = 1; seed <= 12; ++seed) {
    const int n = 7;
    MeetLineupRequest req;
    req.sexes = alternating_sexes(n);
    req.relays = {relay("4x100", n, seed * 5, 4, seed % 3 != 0)};
    if (seed % 2 == 0) req.relays[0].sex_rule = SexRule::mixed_two_two;
    if (seed % 4 == 1) req.relays[0].locked_legs = {{1, 2}};
    plan::MeetModel m = plan::build_meet_model(req);
    plan::TeamSlot& slot = m.slots[0];
    std::vector<double> penalty(n);
    for (double& p : penalty) p = pen(rng);
    const RelayCosts c = plan::penalised_costs(req.relays[0].costs, 0.7, penalty);
    std::vector<std::vector<int>> orders = team_orders(req, {0, 0});
    std::vector<double> cost;
    for (const auto& o : orders) cost.push_back(c.team_time_s(o));
    std::vector<double> sorted = cost;
    std::sort(sorted.begin(), sorted.end());
    const double cap = sorted[sorted.size() / 20];  // the best 5 % of orders
    plan::prune_slot(slot, c, cap);
    for (size_t i = 0; i < orders.size(); ++i) {
      if (cost[i] > cap) continue;
      const std::vector<int>& o = orders[i];
      for (int l = 0; l < 4; ++l) {
        EXPECT_NE(std::find(slot.legs[l].begin(), slot.legs[l].end(), o[l]), slot.legs[l].end())
            << "seed " << seed << " leg " << l;
        if (l < 3 && slot.pairs) {
          const std::pair<int, int> pair{o[l], o[l + 1]};
          EXPECT_NE(std::find(slot.exchanges[l].begin(), slot.exchanges[l].end(), pair),
                    slot.exchanges[l].end())
              << "seed " << seed << " exchange " << l;
        }
      }
    }
    for (int l = 0; l < 4; ++l) {
      kept += slot.legs[l].size();
      total += slot.rules.candidates[l].size();
    }
  }
  EXPECT_LT(kept, total);
}

TEST(MeetLineup, BothFormulationsMatchBruteForceAfterLagrangianPruning) {
  int with_gap = 0;
  for (const auto& [what, req] : enumerable_meets()) {
    const double optimum = brute_force_objective(req);
    plan::MeetModel m = plan::build_meet_model(req);
    // A short relaxation leaves a gap, so the pruned programs have work to do.
    plan::SearchMeter meter(req.budget);
    const plan::MeetRelaxation relax = plan::relax_meet(m, {}, meter, 5);
    ASSERT_FALSE(relax.orders.empty()) << what;
    const double gap = relax.upper - relax.bound;
    ASSERT_GE(gap, -1e-9) << what;
    if (gap > 1e-6) ++with_gap;

    const plan::MeetColumns columns = plan::enumerate_columns(m, relax, gap);
    ASSERT_EQ(columns.size(), m.slots.size()) << what;
    const plan::MeetSolution by_columns =
        plan::solve_meet_columns(m, columns, relax.orders, meter, relax.upper + 1e-6);
    ASSERT_FALSE(by_columns.orders.empty()) << what;
    EXPECT_TRUE(by_columns.optimal) << what;
    EXPECT_NEAR(plan::meet_objective(m, by_columns.orders), optimum, 1e-6) << what;
    EXPECT_TRUE(plan::meet_feasible(m, by_columns.orders)) << what;

    for (size_t s = 0; s < m.slots.size(); ++s) {
      plan::TeamSlot& slot = m.slots[s];
      const RelayCosts pen =
          plan::penalised_costs(req.relays[slot.relay].costs, slot.weight, relax.penalty[s]);
      plan::prune_slot(slot, pen, relax.upper - (relax.bound - relax.value[s]));
    }
    const plan::MeetSolution by_flow = plan::solve_meet_ip(m, relax.orders, meter);
    ASSERT_FALSE(by_flow.orders.empty()) << what;
    EXPECT_TRUE(by_flow.optimal) << what;
    EXPECT_NEAR(plan::meet_objective(m, by_flow.orders), optimum, 1e-6) << what;
    EXPECT_TRUE(plan::meet_feasible(m, by_flow.orders)) << what;
  }
  EXPECT_GT(with_gap, 0);
}

// Two 4-leg relays over 8 athletes, each at most one relay: the fastest four of both relays
// overlap, so the greedy first lineup and the sum of each team's own best cannot meet.
MeetLineupRequest contested_meet() {
  MeetLineupRequest req;
  req.sexes.assign(8, Sex::female);
  req.relays = {relay("4x100", 8, 21), relay("4x200", 8, 22)};
  req.max_relays_per_athlete = 1;
  return req;
}

TEST(MeetLineup, ABudgetOfNoWorkStopsAtOnceAndDoesNotClaimOptimality) {
  for (int way = 0; way < 2; ++way) {
    MeetLineupRequest req = contested_meet();
    int asked = 0;
    if (way == 0) {
      req.budget.max_steps = 0;
    } else {
      req.budget.should_stop = [&asked] {
        ++asked;
        return true;
      };
    }
    const MeetLineupResult r = best_meet_lineups(req);
    EXPECT_FALSE(r.optimal) << way;
    EXPECT_TRUE(r.stopped_on_budget) << way;
    EXPECT_EQ(r.steps, 0) << way;
    EXPECT_GT(r.gap, 0.0) << way;
    if (way == 1) EXPECT_GE(asked, 1);
    // What it returns is still a legal meet lineup, and its bound is a true bound.
    const double optimum = brute_force_objective(req);
    std::vector<const std::vector<int>*> orders;
    for (const MeetRelayLineup& l : r.relays) orders.push_back(&l.order);
    EXPECT_TRUE(meet_allows(req, slots_of(req), orders)) << way;
    EXPECT_GE(r.objective, optimum - 1e-9) << way;
    EXPECT_LE(r.bound_s, optimum + 1e-9) << way;
    EXPECT_NEAR(r.gap, (r.objective - r.bound_s) / r.objective, 1e-12) << way;
  }
}

TEST(MeetLineup, AGenerousBudgetProvesTheBruteForceOptimum) {
  MeetLineupRequest req = contested_meet();
  req.budget.max_steps = 1000000;
  int asked = 0;
  req.budget.should_stop = [&asked] {
    ++asked;
    return false;
  };
  const MeetLineupResult r = best_meet_lineups(req);
  EXPECT_TRUE(r.optimal);
  EXPECT_FALSE(r.stopped_on_budget);
  EXPECT_EQ(r.gap, 0.0);
  EXPECT_GT(r.steps, 0);
  EXPECT_GE(asked, 1);  // the caller was asked before each step
  EXPECT_NEAR(r.objective, brute_force_objective(req), 1e-9);
  expect_optimal_and_legal(req, "generous budget");
}

TEST(MeetLineup, TheSameStepBudgetGivesTheSameAnswer) {
  // A step budget replaces the clock: the answer depends on the work allowed, not the machine.
  for (long long steps : {1LL, 3LL, 10LL}) {
    MeetLineupRequest req = contested_meet();
    req.budget.max_steps = steps;
    const MeetLineupResult a = best_meet_lineups(req);
    const MeetLineupResult b = best_meet_lineups(req);
    EXPECT_LE(a.steps, steps);
    EXPECT_EQ(a.steps, b.steps);
    EXPECT_EQ(a.objective, b.objective);
    EXPECT_EQ(a.bound_s, b.bound_s);
    EXPECT_EQ(a.optimal, !a.stopped_on_budget) << steps;
  }
}

TEST(MeetLineup, RunningOutOfBudgetBeforeAnyLineupNamesTheBudget) {
  // Two relays that cannot share athletes, both wanting the same four women and a locked leg:
  // the greedy start paints itself into a corner, so only the search could find a lineup.
  MeetLineupRequest req;
  req.sexes = alternating_sexes(8);
  req.relays = {relay("4x100", 8, 1), relay("4x400", 8, 2)};
  req.relays[0].sex_rule = SexRule::mixed_two_two;
  req.relays[1].required_sex = Sex::female;
  req.conflicts = {{0, 1}};
  req.budget.max_steps = 0;
  try {
    best_meet_lineups(req);
    ADD_FAILURE() << "no error";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().field, "budget");
  }
  req.budget.max_steps = -2;
  try {
    best_meet_lineups(req);
    ADD_FAILURE() << "no error";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().field, "budget");
  }
}

TEST(MeetLineup, StandardMeetIsProvenOptimal) {
  // The 32-athlete standard meet: 6 relays, A and B teams, binding relay and event limits.
  const MeetLineupRequest req = scenarios::standard_meet(32, 42, 2, 2, false);
  const MeetLineupResult r = best_meet_lineups(req);
  EXPECT_TRUE(r.optimal);
  EXPECT_EQ(r.gap, 0.0);
  EXPECT_LE(r.lagrangian_bound_s, r.objective + 1e-9);
  EXPECT_GT(r.lagrangian_bound_s, r.objective - 1.0);  // within a second of weighted time
  EXPECT_EQ(r.relays.size(), 12u);
}

// The meet's rules checked on a result of any size: full teams of the relay's sex, nobody twice
// in a relay, the relay and event limits and the schedule conflicts.
bool follows_the_meet_rules(const MeetLineupRequest& req, const MeetLineupResult& r) {
  const size_t n = req.sexes.size();
  std::vector<int> count(n, 0);
  std::vector<std::vector<char>> in_relay(req.relays.size(), std::vector<char>(n, 0));
  for (const MeetRelayLineup& l : r.relays) {
    const MeetRelay& relay = req.relays[static_cast<size_t>(l.event_index)];
    if (static_cast<int>(l.order.size()) != relay.costs.legs) return false;
    for (int a : l.order) {
      const auto i = static_cast<size_t>(a);
      if (relay.required_sex && req.sexes[i] != *relay.required_sex) return false;
      if (in_relay[static_cast<size_t>(l.event_index)][i]++) return false;
      ++count[i];
    }
  }
  for (size_t a = 0; a < n; ++a) {
    if (req.max_relays_per_athlete > 0 && count[a] > req.max_relays_per_athlete) return false;
    const int already = req.events_already.empty() ? 0 : req.events_already[a];
    if (req.max_events > 0 && already + count[a] > req.max_events) return false;
    for (const auto& [r1, r2] : req.conflicts) {
      if (in_relay[static_cast<size_t>(r1)][a] && in_relay[static_cast<size_t>(r2)][a])
        return false;
    }
  }
  return true;
}

TEST(MeetLineup, AStopAnywhereInTheProgramClaimsOnlyWhatItProved) {
  // The 32-athlete standard meet reaches CBC, whose LPs the caller's stop may cut short
  // mid-simplex. Stopped at any question from halfway on, the answer is a legal lineup no better
  // than the optimum, a bound no higher than it, and optimality only when it is the optimum.
  MeetLineupRequest req = scenarios::standard_meet(32, 42, 2, 2, false);
  long long questions = 0;
  req.budget.should_stop = [&questions] {
    ++questions;
    return false;
  };
  const MeetLineupResult full = best_meet_lineups(req);
  ASSERT_TRUE(full.optimal);
  const long long total = questions;
  ASSERT_GT(total, 20);
  const double optimum = full.objective;
  int stopped = 0;
  for (long long k = total / 2; k < total; k += std::max(1LL, total / 24)) {
    long long asked = 0;
    req.budget.should_stop = [&asked, k] { return ++asked > k; };
    const MeetLineupResult r = best_meet_lineups(req);
    EXPECT_TRUE(follows_the_meet_rules(req, r)) << k;
    EXPECT_GE(r.objective, optimum - 1e-9) << k;
    EXPECT_LE(r.bound_s, optimum + 1e-9) << k;
    if (r.optimal) EXPECT_NEAR(r.objective, optimum, 1e-9) << k;
    stopped += r.stopped_on_budget;
  }
  EXPECT_GT(stopped, 10);
}

}  // namespace
}  // namespace baton
