// The meet as a choice among whole team orders. After the Lagrangian relaxation, an order whose
// penalised cost exceeds its slot's best by more than the gap (incumbent - bound) cannot be part
// of a lineup that beats the incumbent, because every slot's penalised excess is >= 0 and they
// add up to at most the gap. When few orders survive, the program "one listed order per slot,
// each athlete within the limits" is small, and its linear relaxation is at least as strong as
// the Lagrangian bound (Geoffrion, "Lagrangean relaxation for integer programming", Math.
// Programming Study 2, 1974), so CBC proves optimality quickly.
#include <algorithm>
#include <cmath>
#include <map>

#include "baton/error.h"
#include "baton/lineup.h"
#include "plan/meet_cbc.h"
#include "plan/meet_model.h"

namespace baton::plan {

namespace {

constexpr double kInf = RelayCosts::kImpossible;

// Lists every legal order of `slot` whose cost under `c` is at most `limit`, depth first with
// an admissible bound: tail[l,a,w] is the cheapest way to run legs l.. starting with a (athletes
// may repeat on non-adjacent legs) so that w women before leg l make an allowed team.
class OrderLister {
 public:
  OrderLister(const TeamSlot& slot, const RelayCosts& c, double limit, size_t most)
      : r_(slot.rules), c_(c), limit_(limit), most_(most), n_(c.athletes), legs_(c.legs) {
    const int ws = legs_ + 1;
    std::vector<double> bwd(static_cast<size_t>(legs_) * n_ * ws, kInf);
    tail_.assign(bwd.size(), kInf);
    const auto& cand = r_.candidates;
    for (int a : cand[legs_ - 1]) bwd[at(legs_ - 1, a, r_.woman[a])] = c.leg(a, legs_ - 1);
    for (int l = legs_ - 2; l >= 0; --l) {
      for (int a : cand[l]) {
        for (int b : cand[l + 1]) {
          const double e = c.exchange(l, a, b);
          if (a == b || e == kInf) continue;
          for (int w = 0; w < legs_ - l; ++w) {
            const double v = bwd[at(l + 1, b, w)];
            double& dst = bwd[at(l, a, w + r_.woman[a])];
            if (v != kInf) dst = std::min(dst, c.leg(a, l) + e + v);
          }
        }
      }
    }
    for (int l = 0; l < legs_; ++l) {
      for (int a : cand[l]) {
        for (int before = 0; before <= l; ++before) {
          for (int w = 0; w <= legs_ - l && before + w <= legs_; ++w) {
            if (!r_.allowed_women[before + w]) continue;
            tail_[at(l, a, before)] = std::min(tail_[at(l, a, before)], bwd[at(l, a, w)]);
          }
        }
      }
    }
    order_.assign(legs_, -1);
    used_.assign(n_, 0);
  }

  // False when more than `most` orders qualify.
  bool run(std::vector<std::vector<int>>& out) {
    out_ = &out;
    descend(0, 0.0, 0);
    return !overflow_;
  }

 private:
  size_t at(int l, int a, int w) const {
    return (static_cast<size_t>(l) * n_ + a) * (legs_ + 1) + w;
  }

  void descend(int l, double partial, int women) {
    if (overflow_) return;
    if (l == legs_) {
      if (!r_.allowed_women[women]) return;
      if (out_->size() == most_) {
        overflow_ = true;
        return;
      }
      out_->push_back(order_);
      return;
    }
    const int prev = l > 0 ? order_[l - 1] : -1;
    for (int a : r_.candidates[l]) {
      if (used_[a]) continue;
      const double e = prev >= 0 ? c_.exchange(l - 1, prev, a) : 0.0;
      if (e == kInf || partial + e + tail_[at(l, a, women)] > limit_) continue;
      order_[l] = a;
      used_[a] = 1;
      descend(l + 1, partial + e + c_.leg(a, l), women + r_.woman[a]);
      used_[a] = 0;
    }
    order_[l] = -1;
  }

  const RelayRules& r_;
  const RelayCosts& c_;
  double limit_;
  size_t most_;
  int n_;
  int legs_;
  std::vector<double> tail_;
  std::vector<int> order_;
  std::vector<char> used_;
  std::vector<std::vector<int>>* out_ = nullptr;
  bool overflow_ = false;
};

}  // namespace

MeetColumns enumerate_columns(const MeetModel& m, const MeetRelaxation& relax, double slack) {
  constexpr size_t kMostOrders = 5000;  // per slot; beyond that the flow program is smaller
  MeetColumns columns(m.slots.size());
  for (size_t s = 0; s < m.slots.size(); ++s) {
    const TeamSlot& slot = m.slots[s];
    const RelayCosts pen =
        penalised_costs(m.request->relays[slot.relay].costs, slot.weight, relax.penalty[s]);
    const double limit = relax.value[s] + slack + 1e-9 * (1.0 + std::abs(relax.value[s]));
    if (!OrderLister(slot, pen, limit, kMostOrders).run(columns[s])) return {};
  }
  return columns;
}

MeetColumns fastest_orders_within(const MeetModel& m, const std::vector<double>& limit_s,
                                  size_t most) {
  MeetColumns columns(m.slots.size());
  for (size_t s = 0; s < m.slots.size(); ++s) {
    const TeamSlot& slot = m.slots[s];
    const RelayCosts& c = m.request->relays[slot.relay].costs;
    std::vector<std::vector<int>> all;
    const double limit = limit_s[s] + 1e-9 * (1.0 + std::abs(limit_s[s]));
    if (!OrderLister(slot, c, limit, most).run(all)) return {};
    // Runners used are all that ties a team to the others: of each set keep the fastest order.
    std::map<std::vector<int>, size_t> fastest;
    for (size_t i = 0; i < all.size(); ++i) {
      std::vector<int> key = all[i];
      std::sort(key.begin(), key.end());
      const auto [it, fresh] = fastest.emplace(std::move(key), i);
      if (!fresh && c.team_time_s(all[i]) < c.team_time_s(all[it->second])) it->second = i;
    }
    std::vector<size_t> keep;
    for (const auto& [key, i] : fastest) keep.push_back(i);
    std::sort(keep.begin(), keep.end());
    for (size_t i : keep) columns[s].push_back(std::move(all[i]));
  }
  return columns;
}

MeetSolution solve_meet_columns(const MeetModel& m, const MeetColumns& columns,
                                const std::vector<std::vector<int>>& start, SearchMeter& meter,
                                double cutoff, long long max_nodes,
                                const std::vector<std::vector<double>>* column_costs) {
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
    for (size_t i = 0; i < columns[s].size(); ++i) {
      const std::vector<int>& order = columns[s][i];
      const double t = c.team_time_s(order);
      const int j =
          p.add_col(column_costs != nullptr ? (*column_costs)[s][i] : slot.weight * t, 1.0, true);
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

  const ProgramResult run = solve_program(p, values, meter, cutoff, max_nodes);
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
