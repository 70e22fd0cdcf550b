// Pruning one team slot of the meet program.
//
// For every athlete on a leg (and every pair at an exchange) the cheapest order through it is
// bounded below by a layered shortest path that may reuse an athlete on non-adjacent legs but
// tracks the number of women, so the sex rule holds. With costs penalised by Lagrangian
// multipliers u, any legal meet lineup L satisfies
//   objective(L) >= bound(u) - value_s(u) + penalised cost of L's team in slot s,
// so a candidate whose cheapest completion exceeds upper - bound(u) + value_s(u) appears in no
// lineup of objective <= upper and is dropped (reduced-cost fixing).
#include <algorithm>
#include <cmath>
#include <limits>

#include "plan/meet_model.h"

namespace baton::plan {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

}  // namespace

void prune_slot(TeamSlot& slot, const RelayCosts& c, double cap) {
  const int n = c.athletes;
  const int legs = c.legs;
  const int ws = legs + 1;  // women counts 0..legs
  const RelayRules& r = slot.rules;
  const auto& cand = r.candidates;
  auto at = [&](int l, int a, int w) { return (static_cast<size_t>(l) * n + a) * ws + w; };
  // fwd[l,a,w]: cheapest legs 0..l ending with a on leg l, w women on legs 0..l.
  // bwd[l,a,w]: cheapest legs l..end starting with a on leg l, w women on legs l..end.
  std::vector<double> fwd(static_cast<size_t>(legs) * n * ws, kInf);
  std::vector<double> bwd(fwd.size(), kInf);
  for (int a : cand[0]) fwd[at(0, a, r.woman[a])] = c.leg(a, 0);
  for (int l = 1; l < legs; ++l) {
    for (int b : cand[l]) {
      const double leg = c.leg(b, l);
      for (int a : cand[l - 1]) {
        if (a == b) continue;
        const double e = c.exchange(l - 1, a, b);
        if (e == kInf) continue;
        for (int w = 0; w <= l; ++w) {
          const double v = fwd[at(l - 1, a, w)];
          if (v == kInf) continue;
          double& dst = fwd[at(l, b, w + r.woman[b])];
          dst = std::min(dst, v + e + leg);
        }
      }
    }
  }
  for (int a : cand[legs - 1]) bwd[at(legs - 1, a, r.woman[a])] = c.leg(a, legs - 1);
  for (int l = legs - 2; l >= 0; --l) {
    for (int a : cand[l]) {
      const double leg = c.leg(a, l);
      for (int b : cand[l + 1]) {
        if (a == b) continue;
        const double e = c.exchange(l, a, b);
        if (e == kInf) continue;
        for (int w = 0; w < legs - l; ++w) {
          const double v = bwd[at(l + 1, b, w)];
          if (v == kInf) continue;
          double& dst = bwd[at(l, a, w + r.woman[a])];
          dst = std::min(dst, leg + e + v);
        }
      }
    }
  }
  // best_in[l,a,w]: cheapest completion of legs l.. from a whose women plus w make an allowed
  // team; so an order through (l, a) with w women before leg l costs fwd + best_in(...).
  std::vector<double> tail(fwd.size(), kInf);
  for (int l = 0; l < legs; ++l) {
    for (int a : cand[l]) {
      for (int before = 0; before <= l; ++before) {
        double best = kInf;
        for (int w = 0; w <= legs - l; ++w) {
          if (before + w <= legs && r.allowed_women[before + w]) {
            best = std::min(best, bwd[at(l, a, w)]);
          }
        }
        tail[at(l, a, before)] = best;
      }
    }
  }
  const double tol = 1e-9 * (1.0 + std::abs(cap));
  slot.legs.assign(legs, {});
  for (int l = 0; l < legs; ++l) {
    for (int a : cand[l]) {
      double best = kInf;
      for (int w = r.woman[a]; w <= l + 1; ++w) {
        const double f = fwd[at(l, a, w)];
        if (f == kInf) continue;
        best = std::min(best, f - c.leg(a, l) + tail[at(l, a, w - r.woman[a])]);
      }
      if (best <= cap + tol) slot.legs[l].push_back(a);
    }
  }
  slot.exchanges.assign(legs - 1, {});
  if (!slot.pairs) return;
  for (int k = 0; k + 1 < legs; ++k) {
    for (int a : slot.legs[k]) {
      for (int b : slot.legs[k + 1]) {
        if (a == b) continue;
        const double e = c.exchange(k, a, b);
        if (e == kInf) continue;
        double best = kInf;
        for (int w = 0; w <= k + 1; ++w) {
          const double f = fwd[at(k, a, w)];
          if (f != kInf) best = std::min(best, f + e + tail[at(k + 1, b, w)]);
        }
        if (best <= cap + tol) slot.exchanges[k].push_back({a, b});
      }
    }
  }
}

}  // namespace baton::plan
