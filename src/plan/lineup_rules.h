// A lineup request checked once, turned into what the searches need: who may run each leg and
// how many women a complete team may hold. Shared by the single-relay and the meet solvers.
#pragma once

#include <string>
#include <vector>

#include "baton/lineup.h"
#include "baton/relay_costs.h"

namespace baton::plan {

struct RelayRules {
  int legs = 0;
  int athletes = 0;
  /// Per leg, the athletes who may run it (finite leg cost, not excluded, right sex, honouring
  /// locks), in increasing index order.
  std::vector<std::vector<int>> candidates;
  /// Per athlete: 1 for a woman, 0 for a man or when sexes are unknown.
  std::vector<int> woman;
  /// allowed_women[w] != 0 when a complete team with w women obeys the sex rule (size legs + 1).
  std::vector<char> allowed_women;
};

/// "Ann Lee" from request.names, else "athlete index 3".
std::string athlete_label(const LineupRequest& request, int athlete);

/// Checks the cost tables' shape; throws ValidationError (field "costs").
void check_costs_shape(const RelayCosts& costs);

/// Validates `request` against `costs` and derives the rules. Throws ValidationError naming the
/// constraint that cannot be met. With `apply_locks` false the locks are validated but not
/// imposed (a meet's B team ignores the A team's locks).
RelayRules check_lineup_request(const RelayCosts& costs, const LineupRequest& request,
                                bool apply_locks = true);

}  // namespace baton::plan
