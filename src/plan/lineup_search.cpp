// Exact top-k running orders by depth-first branch and bound over the legs.
//
// The bound for completing an order from leg l is the cheapest path through the remaining legs
// in the layered graph "athlete on leg l -> athlete on leg l + 1" that may reuse athletes but
// must end with an allowed number of women. Dropping only the all-different constraint makes it
// a relaxation, hence admissible, and it counts the exchange terms together with the legs, so it
// is tight for relays where the cost tables, not the distinctness, decide the order.
#include <algorithm>
#include <cmath>
#include <queue>

#include "baton/error.h"
#include "baton/lineup.h"
#include "plan/lineup_rules.h"

namespace baton {
namespace {

using plan::RelayRules;

constexpr double kInf = RelayCosts::kImpossible;

// A found order, ordered by (time, order) so that ties are resolved like a sorted brute force.
struct Found {
  double time_s;
  std::vector<int> order;
  bool operator<(const Found& o) const {
    return time_s != o.time_s ? time_s < o.time_s : order < o.order;
  }
};

class Search {
 public:
  Search(const RelayCosts& costs, const RelayRules& rules, size_t keep)
      : c_(costs), r_(rules), keep_(keep), n_(costs.athletes), legs_(costs.legs) {
    build_bounds();
    order_.assign(legs_, -1);
    used_.assign(n_, 0);
  }

  std::vector<Found> run() {
    descend(0, 0.0, 0);
    std::vector<Found> out;
    while (!heap_.empty()) {
      out.push_back(heap_.top());
      heap_.pop();
    }
    std::reverse(out.begin(), out.end());
    return out;
  }

 private:
  size_t hidx(int l, int a, int w) const {
    return (static_cast<size_t>(l) * n_ + a) * (legs_ + 1) + w;
  }

  // h_[l, a, w]: least cost of legs l.. given athlete a on leg l and w women on legs 0..l.
  void build_bounds() {
    h_.assign(static_cast<size_t>(legs_) * n_ * (legs_ + 1), kInf);
    hmin_.assign(static_cast<size_t>(legs_) * n_, kInf);
    for (int l = legs_ - 1; l >= 0; --l) {
      for (int a : r_.candidates[l]) {
        const double leg = c_.leg(a, l);
        for (int w = 0; w <= l + 1; ++w) {
          double best = kInf;
          if (l == legs_ - 1) {
            best = r_.allowed_women[w] ? 0.0 : kInf;
          } else {
            for (int b : r_.candidates[l + 1]) {
              if (b == a) continue;
              const int w2 = w + r_.woman[b];
              const double v = c_.exchange(l, a, b) + h_[hidx(l + 1, b, w2)];
              best = std::min(best, v);
            }
          }
          h_[hidx(l, a, w)] = leg + best;
          hmin_[static_cast<size_t>(l) * n_ + a] =
              std::min(hmin_[static_cast<size_t>(l) * n_ + a], leg + best);
        }
      }
      // Candidates in order of their bound, so good orders are found early and loops can stop.
      sorted_.resize(legs_);
      sorted_[l] = r_.candidates[l];
      std::stable_sort(sorted_[l].begin(), sorted_[l].end(), [&](int x, int y) {
        return hmin_[static_cast<size_t>(l) * n_ + x] < hmin_[static_cast<size_t>(l) * n_ + y];
      });
    }
    // Cheapest exchange out of each athlete, for stopping a leg's loop early.
    row_min_.assign(static_cast<size_t>(std::max(legs_ - 1, 0)) * n_, kInf);
    for (int k = 0; k + 1 < legs_; ++k) {
      for (int a : r_.candidates[k]) {
        double m = kInf;
        for (int b : r_.candidates[k + 1]) {
          if (b != a) m = std::min(m, c_.exchange(k, a, b));
        }
        row_min_[static_cast<size_t>(k) * n_ + a] = m;
      }
    }
  }

  double threshold() const { return heap_.size() < keep_ ? kInf : heap_.top().time_s; }

  // Prune only when the bound exceeds the threshold by more than rounding could explain, so no
  // order that belongs in the top k is ever cut off.
  bool beyond(double bound) const {
    const double t = threshold();
    return t != kInf && bound > t + 1e-9 * (1.0 + std::abs(t));
  }

  // `partial` = legs 0..l-1 plus exchanges 0..l-2; `women` on legs 0..l-1.
  void descend(int l, double partial, int women) {
    if (l == legs_) {
      Found f{c_.team_time_s(order_), order_};
      if (f.time_s == kInf) return;
      if (heap_.size() < keep_) {
        heap_.push(std::move(f));
      } else if (f < heap_.top()) {
        heap_.pop();
        heap_.push(std::move(f));
      }
      return;
    }
    const int prev = l > 0 ? order_[l - 1] : -1;
    const double out_min = prev >= 0 ? row_min_[static_cast<size_t>(l - 1) * n_ + prev] : 0.0;
    for (int a : sorted_[l]) {
      if (beyond(partial + out_min + hmin_[static_cast<size_t>(l) * n_ + a])) break;
      if (used_[a]) continue;
      const double ex = prev >= 0 ? c_.exchange(l - 1, prev, a) : 0.0;
      if (ex == kInf) continue;
      const int w = women + r_.woman[a];
      const double bound = partial + ex + h_[hidx(l, a, w)];
      if (bound == kInf || beyond(bound)) continue;
      order_[l] = a;
      used_[a] = 1;
      descend(l + 1, partial + ex + c_.leg(a, l), w);
      used_[a] = 0;
    }
    order_[l] = -1;
  }

  const RelayCosts& c_;
  const RelayRules& r_;
  size_t keep_;
  int n_;
  int legs_;
  std::vector<double> h_;
  std::vector<double> hmin_;
  std::vector<double> row_min_;
  std::vector<std::vector<int>> sorted_;
  std::vector<int> order_;
  std::vector<char> used_;
  std::priority_queue<Found> heap_;  // the worst kept order on top
};

}  // namespace

LineupResult best_lineups(const RelayCosts& costs, const LineupRequest& request) {
  const RelayRules rules = plan::check_lineup_request(costs, request);
  std::vector<Found> found = Search(costs, rules, static_cast<size_t>(request.top_k) + 1).run();
  if (found.empty()) {
    throw ValidationError(
        "no complete running order is possible: the available athletes cannot cover every leg "
        "with a predicted time and a possible exchange",
        Location{"lineup request", 0, "costs"});
  }
  LineupResult result;
  const double best = found.front().time_s;
  for (size_t i = 0; i < found.size(); ++i) {
    Lineup l{std::move(found[i].order), found[i].time_s, found[i].time_s - best};
    if (i == 0) {
      result.best = std::move(l);
    } else {
      result.alternatives.push_back(std::move(l));
    }
  }
  return result;
}

LineupRequest lineup_request(const Team& team, const Event& event) {
  LineupRequest req;
  for (const Athlete& a : team.athletes) {
    req.sexes.push_back(a.sex);
    req.names.push_back(a.name);
  }
  req.sex_rule = event.sex_rule;
  return req;
}

}  // namespace baton
