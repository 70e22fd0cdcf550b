// The lineup optimiser on the physics cost model: the order it picks is the fastest order that
// predict_relay knows, checked by predicting every order of a real squad.
#include <gtest/gtest.h>

#include <algorithm>
#include <limits>

#include "baton/leg_prediction.h"
#include "baton/lineup.h"
#include "baton/team_file.h"
#include "support/run_cli.h"

namespace baton {
namespace {

// Every ordered choice of `legs` distinct athletes out of `n`.
void for_each_order(int n, int legs, std::vector<int>& order, const auto& visit) {
  if (static_cast<int>(order.size()) == legs) {
    visit(order);
    return;
  }
  for (int a = 0; a < n; ++a) {
    if (std::find(order.begin(), order.end(), a) != order.end()) continue;
    order.push_back(a);
    for_each_order(n, legs, order, visit);
    order.pop_back();
  }
}

void expect_best_is_brute_force_best(const Team& squad, const std::string& event_id) {
  const Event event = find_event(event_id, squad.rules);
  const RelayCosts costs = relay_costs(squad, event);
  LineupRequest request;
  for (const Athlete& a : squad.athletes) request.sexes.push_back(a.sex);
  request.sex_rule = event.sex_rule;
  const LineupResult result = best_lineups(costs, request);

  double brute_best = std::numeric_limits<double>::infinity();
  std::vector<int> order;
  for_each_order(static_cast<int>(squad.athletes.size()), static_cast<int>(event.legs.size()),
                 order, [&](const std::vector<int>& o) {
                   std::vector<std::string> names;
                   for (int a : o) names.push_back(squad.athletes[a].name);
                   try {
                     brute_best =
                         std::min(brute_best, predict_relay(squad, event, names).team_time_s);
                   } catch (const ValidationError&) {
                     // An order the rules or the marks do not allow.
                   }
                 });
  EXPECT_NEAR(result.best.team_time_s, brute_best, 1e-9) << event_id;
  std::vector<std::string> names;
  for (int a : result.best.order) names.push_back(squad.athletes[a].name);
  EXPECT_NEAR(predict_relay(squad, event, names).team_time_s, result.best.team_time_s, 1e-9);
}

Team squad(Sex sex, size_t size) {
  const Team team = load_team(testing::source_path("examples/riverside.toml"));
  Team out = team;
  out.athletes.clear();
  for (const Athlete& a : team.athletes) {
    if (a.sex == sex && out.athletes.size() < size) out.athletes.push_back(a);
  }
  return out;
}

TEST(LineupPhysics, FastestFourByHundredMatchesEveryPredictedOrder) {
  expect_best_is_brute_force_best(squad(Sex::female, 7), "4x100");
}

TEST(LineupPhysics, FastestSprintMedleyMatchesEveryPredictedOrder) {
  expect_best_is_brute_force_best(squad(Sex::male, 8), "smr");
}

TEST(LineupPhysics, FastestMixedRelayMatchesEveryPredictedOrder) {
  Team mixed = squad(Sex::female, 4);
  for (const Athlete& a : squad(Sex::male, 4).athletes) mixed.athletes.push_back(a);
  expect_best_is_brute_force_best(mixed, "mixed-4x400");
}

}  // namespace
}  // namespace baton
