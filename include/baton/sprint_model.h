// The mono-exponential sprint model (Furusawa et al. 1927; Clark et al. 2017; Samozino et al.
// 2016; the `shorts` R package): v(t) = MSS (1 - e^(-t/TAU)). Pure functions, SI units.
#pragma once

namespace baton {

/// A sprint-acceleration profile.
struct SprintCurve {
  double mss_mps = 0.0;  ///< maximal sprinting speed, m/s
  double tau_s = 0.0;    ///< relative acceleration time constant, s
  /// Maximal acceleration MSS / TAU, m/s^2.
  double mac_mps2() const { return mss_mps / tau_s; }
};

/// Speed t seconds after the first movement, m/s (0 for t <= 0).
double sprint_speed_mps(const SprintCurve& c, double t_s);

/// Distance covered t seconds after the first movement, metres (0 for t <= 0):
/// d(t) = MSS (t + TAU (e^(-t/TAU) - 1)).
double sprint_distance_m(const SprintCurve& c, double t_s);

/// Time to cover d metres from a standing start, seconds (0 for d <= 0), in closed form:
/// t(d) = TAU W0(-e^(-d/(MSS TAU) - 1)) + d/MSS + TAU, with W0 the principal Lambert W branch.
double sprint_time_s(const SprintCurve& c, double d_m);

/// Time at which the curve reaches speed v (v < MSS), seconds: -TAU ln(1 - v/MSS).
/// A runner already moving at v continues on the same curve from this time on.
double sprint_time_at_speed_s(const SprintCurve& c, double v_mps);

/// Maximal relative power MSS * MAC / 4, W/kg (the peak of F*v with F/m = MAC (1 - v/MSS)
/// on flat ground, ignoring air resistance, as `shorts` reports PMAX).
double sprint_pmax_wkg(const SprintCurve& c);

}  // namespace baton
