// The meet-wide lineup problem after checking and pruning, ready for the integer program.
#pragma once

#include <utility>
#include <vector>

#include "baton/meet_lineup.h"
#include "plan/lineup_rules.h"

namespace baton::plan {

/// One team of one relay: its rules and the candidates that survived the bound.
struct TeamSlot {
  int relay = 0;
  int team = 0;         ///< 0 = A, 1 = B, 2 = C
  double weight = 1.0;  ///< objective weight of this team's time
  RelayRules rules;     ///< candidates per leg before pruning
  /// Per leg, athletes that may still appear in an optimal solution.
  std::vector<std::vector<int>> legs;
  /// Per exchange, (from, to) pairs that may still appear; empty vectors when `pairs` is false.
  std::vector<std::vector<std::pair<int, int>>> exchanges;
  bool pairs = false;  ///< the relay has non-zero exchange terms, so pair variables are needed
};

struct MeetModel {
  const MeetLineupRequest* request = nullptr;
  int athletes = 0;
  std::vector<TeamSlot> slots;
  std::vector<int> capacity;  ///< relay teams each athlete may still join (large = no limit)
  /// Athletes-per-relay groups that may share nobody: each pair of conflicting relays.
  std::vector<std::pair<int, int>> conflicts;
  /// Pairs of slots (A, B of one relay) that are interchangeable: the first must be faster.
  std::vector<std::pair<int, int>> faster_first;
};

/// What the solver returned: an order per slot (empty when no solution), and its status.
struct MeetSolution {
  std::vector<std::vector<int>> orders;
  bool optimal = false;
  bool infeasible = false;
  double bound = 0;
};

/// Builds the integer program (x per athlete-leg, flow variables per exchange pair) and solves
/// it with CBC, starting from `start` when it is not empty (an order per slot).
MeetSolution solve_meet_ip(const MeetModel& model, const std::vector<std::vector<int>>& start);

}  // namespace baton::plan
