#include "plan/meet_cbc.h"

#include <coin/Cbc_C_Interface.h>

#include <memory>

namespace baton::plan {
namespace {

struct ModelDeleter {
  void operator()(Cbc_Model* m) const { Cbc_deleteModel(m); }
};

}  // namespace

ProgramResult solve_program(const Program& p, const std::vector<double>& start, double time_limit_s,
                            double cutoff) {
  // Compressed sparse columns for Cbc_loadProblem.
  const int cols = static_cast<int>(p.obj.size());
  const int rows = static_cast<int>(p.rows.size());
  std::vector<CoinBigIndex> starts(cols + 1, 0);
  for (const auto& row : p.rows) {
    for (const auto& [col, v] : row) starts[col + 1]++;
  }
  for (int j = 0; j < cols; ++j) starts[j + 1] += starts[j];
  std::vector<int> index(starts[cols]);
  std::vector<double> value(starts[cols]);
  std::vector<CoinBigIndex> fill(starts.begin(), starts.end() - 1);
  for (int i = 0; i < rows; ++i) {
    for (const auto& [col, v] : p.rows[i]) {
      index[fill[col]] = i;
      value[fill[col]++] = v;
    }
  }
  std::unique_ptr<Cbc_Model, ModelDeleter> model(Cbc_newModel());
  Cbc_Model* cbc = model.get();
  Cbc_loadProblem(cbc, cols, rows, starts.data(), index.data(), value.data(), p.col_lb.data(),
                  p.col_ub.data(), p.obj.data(), p.row_lb.data(), p.row_ub.data());
  for (int j = 0; j < cols; ++j) {
    if (p.integer[j]) Cbc_setInteger(cbc, j);
  }
  Cbc_setObjSense(cbc, 1.0);
  Cbc_setLogLevel(cbc, 0);
  Cbc_setMaximumSeconds(cbc, time_limit_s);
  if (cutoff < 1e30) Cbc_setCutoff(cbc, cutoff);
  Cbc_setAllowableGap(cbc, 1e-7);  // seconds of weighted team time: below any timing precision
  Cbc_setAllowableFractionGap(cbc, 0.0);
  if (!start.empty()) {
    std::vector<int> all(cols);
    for (int j = 0; j < cols; ++j) all[j] = j;
    Cbc_setMIPStartI(cbc, cols, all.data(), start.data());
  }

  Cbc_solve(cbc);
  ProgramResult out;
  out.infeasible = Cbc_isProvenInfeasible(cbc);
  out.optimal = Cbc_isProvenOptimal(cbc);
  out.bound = Cbc_getBestPossibleObjValue(cbc);
  const double* best = Cbc_bestSolution(cbc);
  if (best != nullptr) out.solution.assign(best, best + cols);
  return out;
}

}  // namespace baton::plan
