// Hand-off physics shared by the solver, go-mark, calibration and practice-report tests.
#pragma once

#include <cmath>

#include "baton/handoff.h"

namespace baton::testing {

/// A blind pass worked out from docs/HANDOFFS.md alone, without the library's solver.
struct PassByHand {
  bool exchanged = false;
  double time_s = 0.0;   ///< after the incoming runner crosses the go-mark, seconds
  double baton_m = 0.0;  ///< metres from the zone's start
  double in_mps = 0.0;   ///< incoming speed at the pass
  double out_mps = 0.0;  ///< outgoing speed at the pass
  bool legal = false;    ///< baton inside [0, zone length]
};

/// x_in(t) = start - go_mark + u t - a t^2 / 2; x_out(t) = start + d(t - reaction) with the
/// closed-form sprint curve d(t) = MSS (t + TAU (e^(-t/TAU) - 1)); the pass is the first t where
/// x_out - x_in <= free distance, found by a 1 ms scan (up to 15 s or until the incoming runner
/// stops) and bisection; the baton is then at x_out - free distance / 2.
inline PassByHand pass_by_hand(const HandoffParams& p) {
  const double mss = p.outgoing.mss_mps, tau = p.outgoing.tau_s;
  const double u = p.incoming_speed_mps, a = p.incoming_decel_mps2;
  const auto x_out = [&](double t) {
    const double s = t - p.reaction_s;
    return p.start_m + (s > 0 ? mss * (s + tau * (std::exp(-s / tau) - 1.0)) : 0.0);
  };
  const auto x_in = [&](double t) { return p.start_m - p.go_mark_m + u * t - 0.5 * a * t * t; };
  const auto gap = [&](double t) { return x_out(t) - x_in(t) - p.free_distance_m; };
  PassByHand r;
  const double t_end = a > 0 ? std::min(15.0, u / a) : 15.0;
  double lo = 0.0;
  if (gap(0.0) <= 0.0) {
    r.exchanged = true;
  } else {
    for (double t = 1e-3; t <= t_end; t += 1e-3) {
      if (gap(t) <= 0.0) {
        double hi = t;
        lo = t - 1e-3;
        for (int i = 0; i < 100; ++i) {
          const double mid = 0.5 * (lo + hi);
          (gap(mid) <= 0.0 ? hi : lo) = mid;
        }
        lo = hi;
        r.exchanged = true;
        break;
      }
    }
  }
  if (!r.exchanged) return r;
  r.time_s = lo;
  r.baton_m = x_out(lo) - 0.5 * p.free_distance_m;
  r.in_mps = u - a * lo;
  const double s = lo - p.reaction_s;
  r.out_mps = s > 0 ? mss * (1.0 - std::exp(-s / tau)) : 0.0;
  r.legal = r.baton_m >= 0.0 && r.baton_m <= p.zone_length_m;
  return r;
}

/// Incoming runner at a steady 10 m/s; outgoing runner with MSS 10 m/s, TAU 1 s, no reaction,
/// 1.5 m free distance, a 30 m zone. Then gap(t) = M + 10 (e^-t - 1) for a go-mark M: it
/// reaches 1.5 m when e^-t = 1 - (M - 1.5) / 10, which the tests derive by hand.
inline HandoffParams steady_pair() {
  HandoffParams p;
  p.incoming_speed_mps = 10.0;
  p.outgoing = {10.0, 1.0};
  p.reaction_s = 0.0;
  p.free_distance_m = 1.5;
  p.zone_length_m = 30.0;
  p.start_m = 0.0;
  return p;
}

/// A high-school boys' pair: incoming at 9.5 m/s, outgoing runner with MSS 9.8 m/s, TAU 1.1 s,
/// leaving 0.15 s after the mark; 1.5 m free distance, a 30 m zone.
inline HandoffParams high_school_pair() {
  HandoffParams p;
  p.incoming_speed_mps = 9.5;
  p.outgoing = {9.8, 1.1};
  p.reaction_s = 0.15;
  p.free_distance_m = 1.5;
  p.zone_length_m = 30.0;
  return p;
}

}  // namespace baton::testing
