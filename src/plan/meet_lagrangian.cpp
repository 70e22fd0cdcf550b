// Lagrangian relaxation of the meet's per-athlete limits.
//
// The meet's constraints split into per-team rules (distinct runners, locks, sex rule), which the
// single-relay search handles exactly, and rules that couple teams through one athlete: one team
// per relay, at most `capacity` relay teams, and never two relays run too close together. Each
// coupling rule "athlete a appears in at most rhs of these slots" gets a multiplier u >= 0 that
// is charged to a on every leg of those slots. For any u the sum of the teams' best penalised
// orders, minus sum(u * rhs), is a lower bound on the meet's objective (weak duality); the
// subgradient method (Held, Wolfe & Crowder, "Validation of subgradient optimization", Math.
// Programming 6, 1974; Polyak's step towards the incumbent) raises it. The relaxed teams,
// repaired into a legal meet lineup and improved one team at a time, give the incumbent.
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "baton/error.h"
#include "baton/lineup.h"
#include "plan/meet_model.h"

namespace baton::plan {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// "Athlete `athlete` runs in at most `rhs` of `slots`."
struct Row {
  int athlete = 0;
  int rhs = 1;
  std::vector<int> slots;
};

// Who runs where in a partial meet lineup, to tell which athletes a slot may still use.
class Usage {
 public:
  explicit Usage(const MeetModel& m)
      : m_(m),
        n_(m.athletes),
        count_(m.athletes, 0),
        in_relay_(m.request->relays.size() * m.athletes, 0) {}

  void add(int s, const std::vector<int>& order, int delta) {
    const int r = m_.slots[s].relay;
    for (int a : order) {
      count_[a] += delta;
      in_relay_[static_cast<size_t>(r) * n_ + a] += delta;
    }
  }

  bool blocked(int s, int a) const {
    const int r = m_.slots[s].relay;
    if (count_[a] >= m_.capacity[a] || in(r, a)) return true;
    for (const auto& [r1, r2] : m_.conflicts) {
      if ((r1 == r && in(r2, a)) || (r2 == r && in(r1, a))) return true;
    }
    return false;
  }

  // Every limit respected (after adding complete lineups).
  bool legal() const {
    for (int a = 0; a < n_; ++a) {
      if (count_[a] > m_.capacity[a]) return false;
      for (size_t r = 0; r < m_.request->relays.size(); ++r) {
        if (in_relay_[r * n_ + a] > 1) return false;
      }
      for (const auto& [r1, r2] : m_.conflicts) {
        if (in(r1, a) && in(r2, a)) return false;
      }
    }
    return true;
  }

 private:
  bool in(int r, int a) const { return in_relay_[static_cast<size_t>(r) * n_ + a] > 0; }

  const MeetModel& m_;
  int n_;
  std::vector<int> count_;
  std::vector<int> in_relay_;
};

// The best order for slot s under `costs` from the athletes `usage` leaves it, if any.
std::optional<std::vector<int>> solve_slot(const MeetModel& m, int s, const RelayCosts& costs,
                                           const Usage& usage) {
  LineupRequest req = m.slots[s].request;
  for (int a = 0; a < m.athletes; ++a) {
    if (usage.blocked(s, a)) req.excluded.push_back(a);
  }
  try {
    return best_lineups(costs, req).best.order;
  } catch (const ValidationError&) {
    return std::nullopt;
  }
}

// The coupling rules worth dualising: those an athlete could actually break.
std::vector<Row> coupling_rows(const MeetModel& m) {
  const int n = m.athletes;
  const int relays = static_cast<int>(m.request->relays.size());
  std::vector<std::vector<char>> can(m.slots.size(), std::vector<char>(n, 0));
  for (size_t s = 0; s < m.slots.size(); ++s) {
    for (const auto& leg : m.slots[s].rules.candidates) {
      for (int a : leg) can[s][a] = 1;
    }
  }
  std::vector<char> in_conflict(relays, 0);
  for (const auto& [r1, r2] : m.conflicts) in_conflict[r1] = in_conflict[r2] = 1;
  auto slots_of = [&](int a, auto&& relay_in) {
    std::vector<int> out;
    for (size_t s = 0; s < m.slots.size(); ++s) {
      if (can[s][a] && relay_in(m.slots[s].relay)) out.push_back(static_cast<int>(s));
    }
    return out;
  };
  std::vector<Row> rows;
  for (int a = 0; a < n; ++a) {
    // Capacity binds only below the number of relays the athlete could join.
    std::vector<char> relay_seen(relays, 0);
    int reachable = 0;
    for (size_t s = 0; s < m.slots.size(); ++s) {
      if (can[s][a] && !relay_seen[m.slots[s].relay]) {
        relay_seen[m.slots[s].relay] = 1;
        ++reachable;
      }
    }
    if (m.capacity[a] < reachable) {
      rows.push_back({a, m.capacity[a], slots_of(a, [](int) { return true; })});
    }
    // One team per relay; a conflict row already implies it for both of its relays.
    for (int r = 0; r < relays; ++r) {
      if (in_conflict[r]) continue;
      std::vector<int> s = slots_of(a, [r](int x) { return x == r; });
      if (s.size() > 1) rows.push_back({a, 1, std::move(s)});
    }
    for (const auto& conflict : m.conflicts) {
      const int r1 = conflict.first, r2 = conflict.second;
      std::vector<int> s = slots_of(a, [r1, r2](int x) { return x == r1 || x == r2; });
      if (s.size() > 1) rows.push_back({a, 1, std::move(s)});
    }
  }
  return rows;
}

void set_legs(RelayCosts& out, const RelayCosts& costs, double weight,
              const std::vector<double>& penalty) {
  for (int a = 0; a < costs.athletes; ++a) {
    for (int l = 0; l < costs.legs; ++l) {
      const double v = costs.leg(a, l);
      out.leg(a, l) = v == kInf ? kInf : weight * v + penalty[a];
    }
  }
}

class Relaxer {
 public:
  explicit Relaxer(const MeetModel& m)
      : m_(m), slots_(static_cast<int>(m.slots.size())), rows_(coupling_rows(m)) {
    const std::vector<double> zero(m.athletes, 0.0);
    for (const TeamSlot& slot : m.slots) {
      true_.push_back(penalised_costs(m.request->relays[slot.relay].costs, slot.weight, zero));
    }
    pen_costs_ = true_;
    penalty_.assign(slots_, zero);
  }

  MeetRelaxation run(const std::vector<std::vector<int>>& start, SearchMeter& meter,
                     int max_iterations) {
    MeetRelaxation out;
    if (!start.empty() && meet_feasible(m_, start)) {
      out.orders = start;
      out.upper = meet_objective(m_, start);
    }
    std::vector<double> mult(rows_.size(), 0.0);
    std::vector<double> g(rows_.size());
    std::vector<std::vector<int>> orders(slots_);
    std::vector<double> value(slots_);
    double theta = 2.0;
    int since_improved = 0;
    for (int it = 0; it < max_iterations && meter.step(); ++it) {
      out.iterations = it + 1;
      apply(mult);
      double lagrangian = 0.0;
      for (int s = 0; s < slots_; ++s) {
        const Lineup best = best_lineups(pen_costs_[s], m_.slots[s].request).best;
        orders[s] = best.order;
        value[s] = best.team_time_s;
        lagrangian += value[s];
      }
      for (size_t i = 0; i < rows_.size(); ++i) lagrangian -= mult[i] * rows_[i].rhs;
      const bool improved = lagrangian > out.bound;
      if (improved) {
        out.bound = lagrangian;
        out.penalty = penalty_;
        out.value = value;
        since_improved = 0;
      } else if (++since_improved >= 20) {
        theta /= 2.0;
        since_improved = 0;
      }
      if (it % 4 == 0) repair(orders, out);
      if (closed(out)) break;

      double norm = 0.0;
      for (size_t i = 0; i < rows_.size(); ++i) {
        int uses = 0;
        for (int s : rows_[i].slots) {
          const auto& o = orders[s];
          uses += std::find(o.begin(), o.end(), rows_[i].athlete) != o.end();
        }
        g[i] = uses - rows_[i].rhs;
        if (mult[i] == 0.0 && g[i] < 0.0) g[i] = 0.0;
        norm += g[i] * g[i];
      }
      if (norm == 0.0) {  // the relaxed lineup is legal and complementary: nothing left to gain
        repair(orders, out);
        break;
      }
      const double target =
          out.upper < kInf ? out.upper : lagrangian + 0.05 * std::abs(lagrangian) + 1.0;
      const double step = theta * (target - lagrangian) / norm;
      for (size_t i = 0; i < rows_.size(); ++i) mult[i] = std::max(0.0, mult[i] + step * g[i]);
      if (theta < 1e-4) break;
    }
    return out;
  }

 private:
  static bool closed(const MeetRelaxation& r) {
    return r.upper < kInf && r.bound >= r.upper - 1e-9 * std::max(1.0, std::abs(r.upper));
  }

  void apply(const std::vector<double>& mult) {
    for (auto& p : penalty_) std::fill(p.begin(), p.end(), 0.0);
    for (size_t i = 0; i < rows_.size(); ++i) {
      for (int s : rows_[i].slots) penalty_[s][rows_[i].athlete] += mult[i];
    }
    for (int s = 0; s < slots_; ++s) {
      const TeamSlot& slot = m_.slots[s];
      set_legs(pen_costs_[s], m_.request->relays[slot.relay].costs, slot.weight, penalty_[s]);
    }
  }

  // Turns the relaxed teams into a legal meet lineup: keep the teams that fit, refill the others
  // under the penalised costs from whoever is left, then re-solve one team at a time under the
  // true costs while that helps.
  void repair(const std::vector<std::vector<int>>& relaxed, MeetRelaxation& out) {
    Usage usage(m_);
    std::vector<std::vector<int>> orders(slots_);
    for (int s = 0; s < slots_; ++s) {
      const bool fits = std::none_of(relaxed[s].begin(), relaxed[s].end(),
                                     [&](int a) { return usage.blocked(s, a); });
      if (fits) {
        orders[s] = relaxed[s];
        usage.add(s, orders[s], 1);
      }
    }
    for (int s = 0; s < slots_; ++s) {
      if (!orders[s].empty()) continue;
      std::optional<std::vector<int>> o = solve_slot(m_, s, pen_costs_[s], usage);
      if (!o) return;
      orders[s] = std::move(*o);
      usage.add(s, orders[s], 1);
    }
    improve(orders, usage);
    const double obj = meet_objective(m_, orders);
    if (obj < out.upper) {
      out.upper = obj;
      out.orders = std::move(orders);
    }
  }

  void improve(std::vector<std::vector<int>>& orders, Usage& usage) {
    for (int pass = 0; pass < 10; ++pass) {
      bool changed = false;
      for (int s = 0; s < slots_; ++s) {
        usage.add(s, orders[s], -1);
        std::optional<std::vector<int>> o = solve_slot(m_, s, true_[s], usage);
        if (o && true_[s].team_time_s(*o) < true_[s].team_time_s(orders[s]) - 1e-12) {
          orders[s] = std::move(*o);
          changed = true;
        }
        usage.add(s, orders[s], 1);
      }
      if (!changed) break;
    }
  }

  const MeetModel& m_;
  int slots_;
  std::vector<Row> rows_;
  std::vector<RelayCosts> true_;       // weighted costs, no penalties
  std::vector<RelayCosts> pen_costs_;  // weighted costs plus the current penalties
  std::vector<std::vector<double>> penalty_;
};

}  // namespace

RelayCosts penalised_costs(const RelayCosts& costs, double weight,
                           const std::vector<double>& penalty) {
  RelayCosts out(costs.athletes, costs.legs);
  set_legs(out, costs, weight, penalty);
  for (size_t i = 0; i < costs.exchange_s.size(); ++i) {
    const double v = costs.exchange_s[i];
    out.exchange_s[i] = v == kInf ? kInf : weight * v;
  }
  return out;
}

double meet_objective(const MeetModel& m, const std::vector<std::vector<int>>& orders) {
  double total = 0.0;
  for (size_t s = 0; s < m.slots.size(); ++s) {
    const TeamSlot& slot = m.slots[s];
    total += slot.weight * m.request->relays[slot.relay].costs.team_time_s(orders[s]);
  }
  return total;
}

bool meet_feasible(const MeetModel& m, const std::vector<std::vector<int>>& orders) {
  if (orders.size() != m.slots.size()) return false;
  Usage usage(m);
  for (size_t s = 0; s < orders.size(); ++s) usage.add(static_cast<int>(s), orders[s], 1);
  return usage.legal();
}

MeetRelaxation relax_meet(const MeetModel& m, const std::vector<std::vector<int>>& start,
                          SearchMeter& meter, int max_iterations) {
  return Relaxer(m).run(start, meter, max_iterations);
}

}  // namespace baton::plan
