// A small integer program in row form and one call to COIN-OR CBC to solve it; shared by the
// meet's two formulations (meet_ip.cpp, meet_columns.cpp).
#pragma once

#include <limits>
#include <utility>
#include <vector>

#include "plan/meet_model.h"

namespace baton::plan {

struct Program {
  std::vector<double> obj, col_lb, col_ub;
  std::vector<char> integer;
  std::vector<std::vector<std::pair<int, double>>> rows;
  std::vector<double> row_lb, row_ub;

  int add_col(double cost, double ub, bool is_int) {
    obj.push_back(cost);
    col_lb.push_back(0.0);
    col_ub.push_back(ub);
    integer.push_back(is_int ? 1 : 0);
    return static_cast<int>(obj.size()) - 1;
  }
  void add_row(std::vector<std::pair<int, double>> entries, double lb, double ub) {
    if (entries.empty() && lb <= 0.0 && ub >= 0.0) return;
    rows.push_back(std::move(entries));
    row_lb.push_back(lb);
    row_ub.push_back(ub);
  }
};

struct ProgramResult {
  bool optimal = false;
  bool infeasible = false;
  /// CBC's best possible objective; -infinity when CBC did not run
  double bound = -std::numeric_limits<double>::infinity();
  std::vector<double> solution;  ///< column values of the best solution; empty when none
};

/// Minimises `p` with CBC from `start` (column values) when not empty, ignoring solutions worse
/// than `cutoff`. Proves optimality to 1e-7 s of objective. Every branch-and-bound node is a step
/// of `meter`, and at most `max_nodes` (-1 = no cap of its own) are taken; the meter runs out
/// when its steps are spent or the caller asks to stop before the search is done. Nothing is
/// solved when the meter has run out already.
ProgramResult solve_program(const Program& p, const std::vector<double>& start, SearchMeter& meter,
                            double cutoff = std::numeric_limits<double>::infinity(),
                            long long max_nodes = -1);

}  // namespace baton::plan
