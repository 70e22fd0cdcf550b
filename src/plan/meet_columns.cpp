// The meet as a choice among whole team orders. After the Lagrangian relaxation, an order whose
// penalised cost exceeds its slot's best by more than the gap (incumbent - bound) cannot be part
// of a lineup that beats the incumbent, because every slot's penalised excess is >= 0 and they
// add up to at most the gap. When few orders survive, the program "one listed order per slot,
// each athlete within the limits" is small, and its linear relaxation is at least as strong as
// the Lagrangian bound (Geoffrion, "Lagrangean relaxation for integer programming", Math.
// Programming Study 2, 1974), so CBC proves optimality quickly.
#include <algorithm>
#include <cmath>

#include "baton/error.h"
#include "baton/lineup.h"
#include "plan/meet_cbc.h"
#include "plan/meet_model.h"

namespace baton::plan {

MeetColumns enumerate_columns(const MeetModel& m, const MeetRelaxation& relax, double slack) {
  constexpr int kMostOrders = 1000;  // the single-relay search's top_k limit
  MeetColumns columns(m.slots.size());
  for (size_t s = 0; s < m.slots.size(); ++s) {
    const TeamSlot& slot = m.slots[s];
    const RelayCosts pen =
        penalised_costs(m.request->relays[slot.relay].costs, slot.weight, relax.penalty[s]);
    LineupRequest req = slot.request;
    req.top_k = kMostOrders;
    LineupResult found = best_lineups(pen, req);
    const double limit = relax.value[s] + slack + 1e-9 * (1.0 + std::abs(relax.value[s]));
    if (static_cast<int>(found.alternatives.size()) == kMostOrders &&
        found.alternatives.back().team_time_s <= limit) {
      return {};  // more orders than the search lists: use the flow formulation instead
    }
    columns[s].push_back(std::move(found.best.order));
    for (Lineup& l : found.alternatives) {
      if (l.team_time_s > limit) break;
      columns[s].push_back(std::move(l.order));
    }
  }
  return columns;
}

MeetSolution solve_meet_columns(const MeetModel& m, const MeetColumns& columns,
                                const std::vector<std::vector<int>>& start, double time_limit_s,
                                double cutoff) {
  const MeetLineupRequest& req = *m.request;
  const int n = m.athletes;
  const int relays = static_cast<int>(req.relays.size());
  Program p;
  std::vector<std::vector<int>> col(m.slots.size());
  // Per athlete and relay, the columns that put the athlete in that relay.
  std::vector<std::vector<std::pair<int, double>>> in_relay(static_cast<size_t>(n) * relays);
  std::vector<std::vector<std::pair<int, double>>> time_expr(m.slots.size());
  for (size_t s = 0; s < m.slots.size(); ++s) {
    const TeamSlot& slot = m.slots[s];
    const RelayCosts& c = req.relays[slot.relay].costs;
    std::vector<std::pair<int, double>> one;
    for (const std::vector<int>& order : columns[s]) {
      const double t = c.team_time_s(order);
      const int j = p.add_col(slot.weight * t, 1.0, true);
      col[s].push_back(j);
      one.push_back({j, 1.0});
      time_expr[s].push_back({j, t});
      for (int a : order)
        in_relay[static_cast<size_t>(a) * relays + slot.relay].push_back({j, 1.0});
    }
    p.add_row(std::move(one), 1.0, 1.0);  // every team runs one order
  }
  for (int a = 0; a < n; ++a) {
    std::vector<std::pair<int, double>> all;
    for (int r = 0; r < relays; ++r) {
      const auto& here = in_relay[static_cast<size_t>(a) * relays + r];
      if (here.size() > 1) p.add_row(here, -1e30, 1.0);
      all.insert(all.end(), here.begin(), here.end());
    }
    if (static_cast<int>(all.size()) > m.capacity[a])
      p.add_row(std::move(all), -1e30, m.capacity[a]);
    for (const auto& [r1, r2] : m.conflicts) {
      std::vector<std::pair<int, double>> both = in_relay[static_cast<size_t>(a) * relays + r1];
      const auto& second = in_relay[static_cast<size_t>(a) * relays + r2];
      both.insert(both.end(), second.begin(), second.end());
      if (both.size() > 1) p.add_row(std::move(both), -1e30, 1.0);
    }
  }
  for (const auto& [fast, slow] : m.faster_first) {
    std::vector<std::pair<int, double>> diff = time_expr[fast];
    for (const auto& [j, t] : time_expr[slow]) diff.push_back({j, -t});
    p.add_row(std::move(diff), -1e30, 0.0);
  }

  std::vector<double> values(p.obj.size(), 0.0);
  for (size_t s = 0; s < start.size() && !values.empty(); ++s) {
    const auto it = std::find(columns[s].begin(), columns[s].end(), start[s]);
    if (it == columns[s].end()) {
      values.clear();
    } else {
      values[col[s][it - columns[s].begin()]] = 1.0;
    }
  }
  if (start.empty()) values.clear();

  const ProgramResult run = solve_program(p, values, time_limit_s, cutoff);
  MeetSolution out;
  out.infeasible = run.infeasible;
  out.optimal = run.optimal;
  out.bound = run.bound;
  if (run.solution.empty()) return out;
  for (size_t s = 0; s < m.slots.size(); ++s) {
    size_t pick = 0;
    for (size_t i = 0; i < col[s].size(); ++i) {
      if (run.solution[col[s][i]] > 0.5) pick = i;
    }
    out.orders.push_back(columns[s][pick]);
  }
  return out;
}

}  // namespace baton::plan
