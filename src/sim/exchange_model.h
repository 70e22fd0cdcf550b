// One planned exchange prepared for fast sampling. The pass depends on the timing errors only
// through tau, the outgoing runner's departure measured from the moment the incoming runner
// passes the *planned* go-mark, and on u, the incoming runner's speed there:
//   tau = reaction + reaction error + (time the incoming runner needs from the mark actually
//         used to the planned one; -mark error / u when not decelerating).
// For a given u the pass is legal exactly when tau lies in [tau_min(u), tau_max(u)] (the baton
// position falls as tau grows, and below some tau the incoming runner never catches up), so
// legality needs two thresholds per u, tabulated over u and interpolated linearly. The speed
// mismatch at the pass (for the drop model) is tabulated over (u, tau) and interpolated
// bilinearly. Anything outside the tables falls back to the exact solver.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

#include "baton/handoff.h"

namespace baton::sim {

/// One sampled pass.
struct PassOutcome {
  bool exchanged = false;  ///< the incoming runner reached the outgoing runner
  bool legal = false;
  double baton_m = 0.0;       ///< baton position, metres from the zone's start (when legal)
  double mismatch_mps = 0.0;  ///< incoming minus outgoing speed at the pass, m/s (when legal)
};

class ExchangeModel {
 public:
  /// Tables cover u in u_nominal * (1 +- u_span_fraction) and tau in
  /// reaction +- tau_span_s. Validates `plan`.
  ExchangeModel(const HandoffParams& plan, double u_span_fraction, double tau_span_s);

  /// Departure offset tau for a reaction error and a go-mark error (positive = mark further
  /// from the outgoing runner), given the incoming speed u at the planned mark.
  double tau(double reaction_error_s, double mark_error_m, double u_mps) const {
    if (decel_ == 0.0) return plan_.reaction_s + reaction_error_s - mark_error_m / u_mps;
    return plan_.reaction_s + reaction_error_s + mark_time_s(mark_error_m, u_mps);
  }
  /// Time (relative to passing the planned mark) the incoming runner passes a mark moved
  /// `mark_error_m` further back, s (negative: earlier).
  double mark_time_s(double mark_error_m, double u_mps) const;

  /// The pass from the tables (exact solver outside them). Inline: it runs once per exchange
  /// per simulated race.
  PassOutcome fast(double tau_s, double u_mps) const {
    const double x = (u_mps - u0_) * inv_du_;
    if (!(x >= 0.0 && x <= nu_ - 1.0)) return fallback(tau_s, u_mps);
    const int i = std::min(static_cast<int>(x), nu_ - 2);
    const double w = x - i;
    PassOutcome out;
    const double lo = lo_[i] + w * (lo_[i + 1] - lo_[i]);
    const double hi = hi_[i] + w * (hi_[i + 1] - hi_[i]);
    if (tau_s < lo || tau_s > hi) return out;
    const double base = base_[i] + w * (base_[i + 1] - base_[i]);
    const double y = (tau_s - base) * inv_dt_;
    if (!(y >= 0.0 && y <= nt_ - 1.0)) return fallback(tau_s, u_mps);
    const int j = std::min(static_cast<int>(y), nt_ - 2);
    const double v = y - j;
    const size_t k = static_cast<size_t>(i) * nt_ + j;
    auto bilinear = [&](const std::vector<double>& t) {
      const double top = t[k] + v * (t[k + 1] - t[k]);
      const double bottom = t[k + nt_] + v * (t[k + nt_ + 1] - t[k + nt_]);
      return top + w * (bottom - top);
    };
    out.exchanged = true;
    out.legal = true;
    out.mismatch_mps = bilinear(mismatch_);
    out.baton_m = bilinear(baton_);
    return out;
  }
  /// The pass from the exact solver.
  PassOutcome exact(double tau_s, double u_mps) const;
  /// Legal-window thresholds from the table at u, seconds.
  double tau_min(double u_mps) const;
  double tau_max(double u_mps) const;
  /// The same thresholds found by bisection with the exact solver.
  void exact_window(double u_mps, double& tau_min_s, double& tau_max_s) const;

  const HandoffParams& plan() const { return plan_; }

 private:
  PassOutcome fallback(double tau_s, double u_mps) const;

  HandoffParams plan_;
  double decel_ = 0.0;
  double u0_ = 0.0, du_ = 0.0, inv_du_ = 0.0;  // u grid
  int nu_ = 0;
  double t0_ = 0.0, dt_ = 0.0, inv_dt_ = 0.0;  // tau grid
  int nt_ = 0;
  std::vector<double> lo_, hi_;   // legal window per u node, s
  std::vector<double> base_;      // tau of each row's first node (the catch-up threshold), s
  std::vector<double> mismatch_;  // nu x nt, m/s
  std::vector<double> baton_;     // nu x nt, metres
};

}  // namespace baton::sim
