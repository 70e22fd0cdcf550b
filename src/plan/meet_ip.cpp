// The meet-wide lineup integer program, solved with COIN-OR CBC through its C interface.
//
// x[s,l,a] = 1 when athlete a runs leg l of team slot s (binary). Pair costs are linearised with
// flow variables y[s,k,a,b] in [0,1] for the pair (a, b) at exchange k:
//   sum_b y[s,k,a,b] = x[s,k,a]   and   sum_a y[s,k,a,b] = x[s,k+1,b].
// With x integral each exchange carries one unit from the single runner on leg k to the single
// runner on leg k+1, so y is integral too; this is tighter than y >= x + x - 1.
#include <coin/Cbc_C_Interface.h>

#include <cmath>
#include <map>
#include <memory>

#include "plan/meet_model.h"

namespace baton::plan {
namespace {

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

struct ModelDeleter {
  void operator()(Cbc_Model* m) const { Cbc_deleteModel(m); }
};

}  // namespace

MeetSolution solve_meet_ip(const MeetModel& m, const std::vector<std::vector<int>>& start) {
  const MeetLineupRequest& req = *m.request;
  const int n = m.athletes;
  Program p;
  // x index per slot, leg, athlete (-1 when the athlete was pruned from that leg).
  std::vector<std::vector<std::vector<int>>> x(m.slots.size());
  std::vector<std::vector<std::map<std::pair<int, int>, int>>> y(m.slots.size());
  std::vector<int> sex_col(m.slots.size(), -1);
  // Each slot's time as a linear expression, for the faster-first rows.
  std::vector<std::vector<std::pair<int, double>>> time_expr(m.slots.size());

  for (size_t s = 0; s < m.slots.size(); ++s) {
    const TeamSlot& slot = m.slots[s];
    const RelayCosts& c = req.relays[slot.relay].costs;
    const int legs = c.legs;
    x[s].assign(legs, std::vector<int>(n, -1));
    for (int l = 0; l < legs; ++l) {
      std::vector<std::pair<int, double>> fill;
      for (int a : slot.legs[l]) {
        x[s][l][a] = p.add_col(slot.weight * c.leg(a, l), 1.0, true);
        fill.push_back({x[s][l][a], 1.0});
        time_expr[s].push_back({x[s][l][a], c.leg(a, l)});
      }
      p.add_row(std::move(fill), 1.0, 1.0);  // every leg has one runner
    }
    if (slot.pairs) {
      y[s].resize(legs - 1);
      for (int k = 0; k + 1 < legs; ++k) {
        std::vector<std::vector<std::pair<int, double>>> out(n), in(n);
        for (const auto& [a, b] : slot.exchanges[k]) {
          const double e = c.exchange(k, a, b);
          const int col = p.add_col(slot.weight * e, 1.0, false);
          y[s][k][{a, b}] = col;
          out[a].push_back({col, 1.0});
          in[b].push_back({col, 1.0});
          time_expr[s].push_back({col, e});
        }
        for (int a : slot.legs[k]) {
          out[a].push_back({x[s][k][a], -1.0});
          p.add_row(std::move(out[a]), 0.0, 0.0);
        }
        for (int b : slot.legs[k + 1]) {
          in[b].push_back({x[s][k + 1][b], -1.0});
          p.add_row(std::move(in[b]), 0.0, 0.0);
        }
      }
    }
    // Sex rule: the number of women on the team.
    const RelayRules& r = slot.rules;
    int allowed = 0;
    for (char ok : r.allowed_women) allowed += ok;
    if (allowed < legs + 1) {
      std::vector<std::pair<int, double>> women;
      for (int l = 0; l < legs; ++l) {
        for (int a : slot.legs[l]) {
          if (r.woman[a]) women.push_back({x[s][l][a], 1.0});
        }
      }
      if (allowed == 1) {
        int w = 0;
        while (!r.allowed_women[w]) ++w;
        p.add_row(std::move(women), w, w);
      } else {  // all women or all men: women = legs * z
        sex_col[s] = p.add_col(0.0, 1.0, true);
        women.push_back({sex_col[s], -static_cast<double>(legs)});
        p.add_row(std::move(women), 0.0, 0.0);
      }
    }
  }

  // Per athlete: once per relay, the meet-wide capacity, and conflicting relays.
  const int relays = static_cast<int>(req.relays.size());
  for (int a = 0; a < n; ++a) {
    std::vector<std::vector<std::pair<int, double>>> in_relay(relays);
    std::vector<std::pair<int, double>> all;
    for (size_t s = 0; s < m.slots.size(); ++s) {
      for (const std::vector<int>& leg : x[s]) {
        if (leg[a] >= 0) {
          in_relay[m.slots[s].relay].push_back({leg[a], 1.0});
          all.push_back({leg[a], 1.0});
        }
      }
    }
    for (int r = 0; r < relays; ++r) {
      if (in_relay[r].size() > 1) p.add_row(in_relay[r], -1e30, 1.0);
    }
    if (static_cast<int>(all.size()) > m.capacity[a]) p.add_row(all, -1e30, m.capacity[a]);
    for (const auto& [r1, r2] : m.conflicts) {
      std::vector<std::pair<int, double>> both = in_relay[r1];
      both.insert(both.end(), in_relay[r2].begin(), in_relay[r2].end());
      if (both.size() > 1) p.add_row(std::move(both), -1e30, 1.0);
    }
  }
  // Interchangeable teams: A runs no slower than B (removes mirror-image solutions).
  for (const auto& [fast, slow] : m.faster_first) {
    std::vector<std::pair<int, double>> diff = time_expr[fast];
    for (const auto& [col, v] : time_expr[slow]) diff.push_back({col, -v});
    p.add_row(std::move(diff), -1e30, 0.0);
  }

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
  Cbc_setMaximumSeconds(cbc, req.time_limit_s);
  Cbc_setAllowableGap(cbc, 1e-7);  // seconds of weighted team time: below any timing precision
  Cbc_setAllowableFractionGap(cbc, 0.0);

  // The start must survive pruning (it does: its objective is the pruning bound); check anyway.
  std::vector<double> values(cols, 0.0);
  bool usable = !start.empty();
  for (size_t s = 0; usable && s < m.slots.size(); ++s) {
    const std::vector<int>& order = start[s];
    for (size_t l = 0; usable && l < order.size(); ++l) {
      usable = x[s][l][order[l]] >= 0;
      if (usable) values[x[s][l][order[l]]] = 1.0;
    }
    if (usable && m.slots[s].pairs) {
      for (size_t k = 0; usable && k + 1 < order.size(); ++k) {
        const auto it = y[s][k].find({order[k], order[k + 1]});
        usable = it != y[s][k].end();
        if (usable) values[it->second] = 1.0;
      }
    }
    if (usable && sex_col[s] >= 0) values[sex_col[s]] = m.slots[s].rules.woman[order[0]];
  }
  if (usable) {
    std::vector<int> all(cols);
    for (int j = 0; j < cols; ++j) all[j] = j;
    Cbc_setMIPStartI(cbc, cols, all.data(), values.data());
  }

  Cbc_solve(cbc);
  MeetSolution out;
  out.infeasible = Cbc_isProvenInfeasible(cbc);
  out.optimal = Cbc_isProvenOptimal(cbc);
  out.bound = Cbc_getBestPossibleObjValue(cbc);
  const double* best = Cbc_bestSolution(cbc);
  if (best == nullptr) return out;
  for (size_t s = 0; s < m.slots.size(); ++s) {
    std::vector<int> order;
    for (const std::vector<int>& leg : x[s]) {
      for (int a = 0; a < n; ++a) {
        if (leg[a] >= 0 && best[leg[a]] > 0.5) {
          order.push_back(a);
          break;
        }
      }
    }
    out.orders.push_back(std::move(order));
  }
  return out;
}

}  // namespace baton::plan
