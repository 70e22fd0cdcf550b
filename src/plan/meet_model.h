// The meet-wide lineup problem after checking and pruning, ready for the integer program.
#pragma once

#include <algorithm>
#include <limits>
#include <utility>
#include <vector>

#include "baton/meet_lineup.h"
#include "plan/lineup_rules.h"

namespace baton::plan {

/// One team of one relay: its rules and the candidates that survived the bound.
struct TeamSlot {
  int relay = 0;
  int team = 0;           ///< 0 = A, 1 = B, 2 = C
  double weight = 1.0;    ///< objective weight of this team's time
  RelayRules rules;       ///< candidates per leg before pruning
  LineupRequest request;  ///< the single-relay request these rules came from
  /// Per leg, athletes that may still appear in an optimal solution.
  std::vector<std::vector<int>> legs;
  /// Per exchange, (from, to) pairs that may still appear; empty vectors when `pairs` is false.
  std::vector<std::vector<std::pair<int, int>>> exchanges;
  bool pairs = false;  ///< the relay has non-zero exchange terms, so pair variables are needed
};

/// The caller's search budget as the solver spends it.
class SearchMeter {
 public:
  explicit SearchMeter(const MeetSearchBudget& budget) : budget_(budget) {}

  /// Takes one step when the budget allows it; otherwise records that it ran out, returns false.
  bool step() {
    if (ran_out_ || left() == 0 || caller_says_stop()) {
      ran_out_ = true;
      return false;
    }
    ++used_;
    return true;
  }
  /// True when the caller's `should_stop` says so (does not take a step).
  bool caller_says_stop() const { return budget_.should_stop && budget_.should_stop(); }
  /// Steps left, -1 when there is no step limit.
  long long left() const {
    return budget_.max_steps < 0 ? -1 : std::max(0LL, budget_.max_steps - used_);
  }
  void spend(long long steps) { used_ += steps; }
  void run_out() { ran_out_ = true; }
  bool ran_out() const { return ran_out_; }
  long long used() const { return used_; }

 private:
  const MeetSearchBudget& budget_;
  long long used_ = 0;
  bool ran_out_ = false;
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

/// Builds the slots with each relay's own rules and the per-athlete capacities from a request
/// whose shape was checked. Throws ValidationError naming the relay when a team cannot be formed.
MeetModel build_meet_model(const MeetLineupRequest& request);

/// What the solver returned: an order per slot (empty when no solution), and its status.
struct MeetSolution {
  std::vector<std::vector<int>> orders;
  bool optimal = false;
  bool infeasible = false;
  double bound = -std::numeric_limits<double>::infinity();  ///< proven lower bound, seconds
};

/// Builds the integer program (x per athlete-leg, flow variables per exchange pair) and solves
/// it with CBC, starting from `start` when it is not empty (an order per slot). `cutoff` tells
/// CBC to ignore solutions worse than it (the start's objective plus a little). Each
/// branch-and-bound node is a step of `meter`; `max_nodes` >= 0 stops CBC after that many nodes
/// (not counted as the budget running out).
MeetSolution solve_meet_ip(const MeetModel& model, const std::vector<std::vector<int>>& start,
                           SearchMeter& meter,
                           double cutoff = std::numeric_limits<double>::infinity(),
                           long long max_nodes = -1);

/// The Lagrangian relaxation of the per-athlete limits (meet_lagrangian.cpp) after its
/// subgradient iterations: a lower bound, the penalties that gave it, and the best feasible
/// meet lineup its repairs found.
struct MeetRelaxation {
  double bound = -std::numeric_limits<double>::infinity();  ///< proven lower bound, seconds
  /// penalty[s][a]: what athlete a costs slot s under the best multipliers, seconds.
  std::vector<std::vector<double>> penalty;
  /// value[s]: slot s's best penalised order under those multipliers, seconds.
  std::vector<double> value;
  std::vector<std::vector<int>> orders;  ///< best feasible lineup found, an order per slot
  double upper = std::numeric_limits<double>::infinity();  ///< its objective, seconds
  int iterations = 0;
};

/// The objective of a meet lineup (an order per slot): weighted sum of team times, seconds.
double meet_objective(const MeetModel& model, const std::vector<std::vector<int>>& orders);

/// True when `orders` obey every per-athlete rule of the model (one team per relay, capacity,
/// conflicts); the orders themselves must already be legal for their slots.
bool meet_feasible(const MeetModel& model, const std::vector<std::vector<int>>& orders);

/// Maximises the Lagrangian bound by subgradient steps, starting from zero multipliers (where
/// it equals the sum of every team's own best) and from `start` as incumbent when not empty.
/// Each iteration is a step of `meter`. Stops when the bound meets the incumbent, after
/// `max_iterations`, when the meter runs out, or when the steps vanish.
MeetRelaxation relax_meet(const MeetModel& model, const std::vector<std::vector<int>>& start,
                          SearchMeter& meter, int max_iterations = 500);

/// Slot s's costs for the search: weighted leg and exchange terms plus `penalty` per athlete on
/// each leg (+infinity stays +infinity, also under weight 0).
RelayCosts penalised_costs(const RelayCosts& costs, double weight,
                           const std::vector<double>& penalty);

/// Keeps, per leg and per exchange, the candidates of `slot` whose cheapest penalised completion
/// (athletes may repeat on non-adjacent legs, the sex rule holds) is at most `cap`; fills
/// slot.legs and slot.exchanges. With the relaxation's penalties and cap = upper - (bound -
/// value[s]) every lineup of objective <= upper survives.
void prune_slot(TeamSlot& slot, const RelayCosts& penalised, double cap);

/// Candidate orders per slot for the column formulation.
using MeetColumns = std::vector<std::vector<std::vector<int>>>;

/// Every order of each slot whose penalised cost is within `slack` of the slot's best under the
/// relaxation's penalties (reduced-cost fixing of whole orders: a lineup of objective <= bound +
/// slack uses no other order). Empty when some slot has more than 5000 such orders.
MeetColumns enumerate_columns(const MeetModel& model, const MeetRelaxation& relax, double slack);

/// Solves the meet as a choice of one listed order per slot under the per-athlete rules (a set
/// packing program, tight because the columns are whole orders), with CBC, from `start`, each
/// node a step of `meter`, at most `max_nodes` of them (-1 = as many as the meter allows).
/// `column_costs[s][i]`, when given, replaces the weighted team time as the cost of
/// columns[s][i].
MeetSolution solve_meet_columns(const MeetModel& model, const MeetColumns& columns,
                                const std::vector<std::vector<int>>& start, SearchMeter& meter,
                                double cutoff, long long max_nodes = -1,
                                const std::vector<std::vector<double>>* column_costs = nullptr);

/// Per slot, the fastest legal order of every set of runners whose fastest order takes at most
/// limit_s[s] seconds (unweighted team time). Empty when some slot lists more than `most`
/// orders on the way.
MeetColumns fastest_orders_within(const MeetModel& model, const std::vector<double>& limit_s,
                                  size_t most);

/// best_meet_lineups() for MeetObjective::points (meet_points.cpp), on a checked request.
MeetLineupResult best_meet_points(const MeetLineupRequest& request);

}  // namespace baton::plan
