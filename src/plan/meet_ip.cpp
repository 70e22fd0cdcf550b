// The meet-wide lineup integer program over athlete-leg and exchange-pair variables (CBC runs in
// meet_cbc.cpp); used when the whole-order columns of meet_columns.cpp would be too many.
//
// x[s,l,a] = 1 when athlete a runs leg l of team slot s (binary). Pair costs are linearised with
// flow variables y[s,k,a,b] in [0,1] for the pair (a, b) at exchange k:
//   sum_b y[s,k,a,b] = x[s,k,a]   and   sum_a y[s,k,a,b] = x[s,k+1,b].
// With x integral each exchange carries one unit from the single runner on leg k to the single
// runner on leg k+1, so y is integral too; this is tighter than y >= x + x - 1.
#include <cmath>
#include <map>

#include "plan/meet_cbc.h"
#include "plan/meet_model.h"

namespace baton::plan {

MeetSolution solve_meet_ip(const MeetModel& m, const std::vector<std::vector<int>>& start,
                           SearchMeter& meter, double cutoff, long long max_nodes) {
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

  const int cols = static_cast<int>(p.obj.size());
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
  if (!usable) values.clear();
  const ProgramResult run = solve_program(p, values, meter, cutoff, max_nodes);
  MeetSolution out;
  out.infeasible = run.infeasible;
  out.optimal = run.optimal;
  out.bound = run.bound;
  if (run.solution.empty()) return out;
  const double* best = run.solution.data();
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
