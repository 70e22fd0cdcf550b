#include "plan/meet_cbc.h"

#include <coin/CbcEventHandler.hpp>
#include <coin/CbcModel.hpp>
#include <coin/CbcSolver.hpp>
#include <coin/ClpEventHandler.hpp>
#include <coin/OsiClpSolverInterface.hpp>
#include <string>

namespace baton::plan {
namespace {

// Asks the caller's budget at every event of CBC's search (each node processed, and at the root
// each round of cuts and each heuristic pass, where most of a hard program's time goes) and
// stops the search when the caller says so. CBC clones its event handler into the models it
// searches, so the clones share the meter and the flag through pointers.
class StopHandler : public CbcEventHandler {
 public:
  StopHandler(const SearchMeter* meter, bool* stopped) : meter_(meter), stopped_(stopped) {}
  CbcAction event(CbcEvent which) override {
    if (which != endSearch && meter_->caller_says_stop()) {
      *stopped_ = true;
      return stop;
    }
    return noAction;
  }
  CbcEventHandler* clone() const override { return new StopHandler(*this); }

 private:
  const SearchMeter* meter_;
  bool* stopped_;
};

// Stops Clp's simplex between two iterations when the caller says so: CBC's root processing
// (preprocessing, cut rounds, the feasibility pump) runs LPs for up to half a second between two
// of CBC's own events. An LP stopped this way leaves CBC's statuses and bound meaningless (a node
// whose LP was cut short may count as infeasible), so solve_program() then keeps only the best
// solution, which CBC checks against the constraints.
class LpStop : public ClpEventHandler {
 public:
  LpStop(const SearchMeter* meter, bool* interrupted) : meter_(meter), interrupted_(interrupted) {}
  int event(Event which) override {
    if (which == endOfIteration && meter_->caller_says_stop()) {
      *interrupted_ = true;
      return 0;  // ClpSimplex stops with status 5, "stopped by event handler"
    }
    return -1;
  }
  ClpEventHandler* clone() const override { return new LpStop(*this); }

 private:
  const SearchMeter* meter_;
  bool* interrupted_;
};

}  // namespace

ProgramResult solve_program(const Program& p, const std::vector<double>& start, SearchMeter& meter,
                            double cutoff, long long max_nodes) {
  // Compressed sparse columns for loadProblem.
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
  ProgramResult out;
  const long long caller_left = meter.left();  // -1: no step limit
  long long nodes = caller_left;
  if (max_nodes >= 0 && (nodes < 0 || max_nodes < nodes)) nodes = max_nodes;
  if (meter.ran_out() || caller_left == 0 || meter.caller_says_stop()) {
    meter.run_out();
    return out;
  }
  if (nodes == 0) return out;

  // What the COIN-OR C interface (Cbc_newModel, Cbc_loadProblem, Cbc_solve) does, with an event
  // handler so that the caller's budget, not a clock, ends the search.
  OsiClpSolverInterface lp;
  lp.loadProblem(cols, rows, starts.data(), index.data(), value.data(), p.col_lb.data(),
                 p.col_ub.data(), p.obj.data(), p.row_lb.data(), p.row_ub.data());
  for (int j = 0; j < cols; ++j) {
    if (p.integer[j]) lp.setInteger(j);
  }
  lp.setObjSense(1.0);
  bool interrupted = false;
  const LpStop lp_stop(&meter, &interrupted);
  lp.getModelPtr()->passInEventHandler(&lp_stop);
  CbcModel model(lp);
  CbcSolverUsefulData data;
  CbcMain0(model, data);
  data.noPrinting_ = true;  // the library never prints
  model.setLogLevel(0);
  if (nodes > 0) {
    model.setMaximumNodes(static_cast<int>(std::min<long long>(nodes, 1 << 30)));
  }
  if (cutoff < 1e30) model.setCutoff(cutoff);
  model.setAllowableGap(1e-7);  // seconds of weighted team time: below any timing precision
  model.setAllowableFractionGap(0.0);
  if (!start.empty()) {
    std::vector<std::string> names(cols);
    std::vector<const char*> name_ptrs(cols);
    for (int j = 0; j < cols; ++j) {
      names[j] = model.solver()->getColName(j);
      name_ptrs[j] = names[j].c_str();
    }
    model.setMIPStart(cols, name_ptrs.data(), start.data());
  }
  bool stopped = false;
  const StopHandler handler(&meter, &stopped);
  model.passInEventHandler(&handler);

  const char* argv[] = {"baton", "-solve", "-quit"};
  CbcMain1(3, argv, model, nullptr, data);
  out.infeasible = !interrupted && model.isProvenInfeasible();
  out.optimal = !interrupted && model.isProvenOptimal();
  out.bound = interrupted ? -COIN_DBL_MAX : model.getBestPossibleObjValue();
  const double* best = model.bestSolution();
  if (best != nullptr) out.solution.assign(best, best + cols);
  const long long used = model.getNodeCount();
  meter.spend(used);
  const bool done = out.optimal || out.infeasible;
  if (!done && (stopped || interrupted || (caller_left >= 0 && used >= caller_left)))
    meter.run_out();
  return out;
}

}  // namespace baton::plan
