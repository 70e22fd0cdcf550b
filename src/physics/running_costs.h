// Small costs of running a relay leg that the open-race marks do not contain: bends in a given
// lane and carrying a baton. Internal to the physics module.
#pragma once

namespace baton {

/// Lane used for bends run in lanes (a mid-track final lane) and for open 200 m / 400 m marks.
inline constexpr int kOpenRaceLane = 4;
/// Lane used once the runners have broken from their lanes (running close to the kerb).
inline constexpr int kBreakLane = 1;

/// Radius of the running line in a lane, metres: kerb radius 36.5 m plus 0.30 m in lane 1,
/// 0.20 m from the inner line in the other lanes (WA Track and Field Facilities Manual).
double lane_radius_m(int lane);

/// Extra time for `bend_m` metres of bend at average speed v in `lane`, seconds:
/// c * bend_m * v / (g r), i.e. a time penalty proportional to the centripetal demand v^2 / r
/// (Greene 1985, "Running on flat turns"), with c = 0.06: about 1.5 % of the time on the bend
/// at 10 m/s in lane 4.
double bend_cost_s(double bend_m, double speed_mps, int lane, double coefficient = 0.06);

/// Metres of bend in an open race of d metres that finishes on the finish line.
double open_race_bend_m(double d_m);

}  // namespace baton

#include <cmath>

namespace baton {

/// Root of a function that changes sign on [lo, hi] (f(lo) and f(hi) of opposite signs; either
/// may be +/-infinity), by the Illinois variant of regula falsi with bisection whenever an end
/// is infinite. Converges in a dozen evaluations for the smooth monotone functions of the
/// physics module; `tol` is on the argument.
template <typename F>
double find_root(F&& f, double lo, double hi, double tol = 1e-12) {
  double flo = f(lo), fhi = f(hi);
  if (flo == 0.0) return lo;
  if (fhi == 0.0) return hi;
  int side = 0;
  for (int i = 0; i < 200 && hi - lo > tol * std::max(1.0, std::abs(lo)); ++i) {
    double x = 0.5 * (lo + hi);
    if (std::isfinite(flo) && std::isfinite(fhi)) {
      x = (lo * fhi - hi * flo) / (fhi - flo);
      if (!(x > lo && x < hi)) x = 0.5 * (lo + hi);
    }
    const double fx = f(x);
    if (fx == 0.0) return x;
    if ((fx < 0.0) == (flo < 0.0)) {
      lo = x;
      flo = fx;
      if (side == -1 && std::isfinite(fhi)) fhi *= 0.5;
      side = -1;
    } else {
      hi = x;
      fhi = fx;
      if (side == 1 && std::isfinite(flo)) flo *= 0.5;
      side = 1;
    }
  }
  return 0.5 * (lo + hi);
}

}  // namespace baton
