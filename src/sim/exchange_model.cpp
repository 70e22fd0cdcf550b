#include "sim/exchange_model.h"

#include <algorithm>
#include <cmath>

#include "sim/pass_solver.h"

namespace baton::sim {
namespace {

// Thresholds for "always" / "never" legal: finite so that interpolation stays finite.
constexpr double kNever = 1e9;
constexpr double kMaxGoMarkM = 60.0;  // the solver's limit (handoff.h)
constexpr int kSpeedNodes = 49;
constexpr int kTauNodes = 41;
constexpr double kBisectTolS = 1e-6;

}  // namespace

ExchangeModel::ExchangeModel(const HandoffParams& plan, double u_span_fraction, double tau_span_s)
    : plan_(plan), decel_(plan.incoming_decel_mps2) {
  validate_handoff(plan_);
  const double u = plan_.incoming_speed_mps;
  nu_ = kSpeedNodes;
  u0_ = u * (1.0 - u_span_fraction);
  du_ = 2.0 * u * u_span_fraction / (nu_ - 1);
  inv_du_ = 1.0 / du_;
  x_max_ = nu_ - 1.0;
  nt_ = kTauNodes;
  dt_ = 2.0 * tau_span_s / (nt_ - 1);
  inv_dt_ = 1.0 / dt_;
  y_max_ = nt_ - 1.0;
  const double t0 = plan_.reaction_s - tau_span_s;
  rows_.resize(static_cast<std::size_t>(nu_));
  nodes_.resize(static_cast<std::size_t>(nu_) * static_cast<std::size_t>(nt_));
  auto quick_solve = [this](double tau, double uu) { return quick(tau, uu); };
  for (int i = 0; i < nu_; ++i) {
    const double ui = u0_ + i * du_;
    Row& row = rows_[static_cast<std::size_t>(i)];
    window(ui, row.lo, row.hi, quick_solve);
    // Rows start at the catch-up threshold, so interpolating between rows follows it (the
    // position behaves like sqrt(tau - tau_min) there and would be smeared otherwise).
    row.base = std::abs(row.lo) < kNever / 2 ? row.lo : t0;
    for (int j = 0; j < nt_; ++j) {
      // Outside the legal window the solver reports the closest approach, which continues the
      // legal values smoothly, so interpolation next to a threshold stays accurate.
      const PassOutcome o = quick(row.base + j * dt_, ui);
      nodes_[static_cast<std::size_t>(i * nt_ + j)] = {o.mismatch_mps, o.baton_m, o.late};
    }
  }
  // Next to the switch from late to planned passes the position moves like the square root of
  // the distance to it (the gap barely closing): the two nodes on either side of a late node
  // send their cells to the exact solver as well.
  std::vector<char> late(nodes_.size());
  for (std::size_t n = 0; n < nodes_.size(); ++n) late[n] = nodes_[n].late;
  for (int i = 0; i < nu_; ++i) {
    for (int j = 0; j < nt_; ++j) {
      if (!late[static_cast<std::size_t>(i * nt_ + j)]) continue;
      for (int d = -2; d <= 2; ++d) {
        const int jj = j + d;
        if (jj >= 0 && jj < nt_) nodes_[static_cast<std::size_t>(i * nt_ + jj)].late = true;
      }
    }
  }
  for (int i = 0; i + 1 < nu_; ++i) {
    Row& r = rows_[static_cast<std::size_t>(i)];
    const Row& next = rows_[static_cast<std::size_t>(i + 1)];
    r.dlo = next.lo - r.lo;
    r.dhi = next.hi - r.hi;
    r.dbase = next.base - r.base;
  }
  Row& last = rows_.back();
  last.dlo = last.dhi = last.dbase = 0.0;
}

bool ExchangeModel::equivalent(double tau_s, double u_mps, HandoffParams& p) const {
  // Relabel the incoming runner's path so that the solver's reaction stays the planned one:
  // the equivalent go-mark is where the incoming runner is s = tau - reaction seconds after
  // passing the planned mark.
  p = plan_;
  const double s = tau_s - plan_.reaction_s;
  double moved = u_mps * s;
  if (decel_ > 0.0) {
    const double stop = u_mps / decel_;
    const double sc = std::min(s, stop);
    moved = u_mps * sc - 0.5 * decel_ * sc * sc;
  }
  p.go_mark_m = plan_.go_mark_m - moved;
  p.incoming_speed_mps = std::max(1e-3, u_mps - decel_ * std::max(s, -1e3));
  if (p.go_mark_m > kMaxGoMarkM || p.incoming_speed_mps > 15.0) return false;  // never catches up
  // A mark behind the incoming runner: the pass happened while the outgoing runner stood, at
  // the same place as with a mark of zero.
  p.go_mark_m = std::max(0.0, p.go_mark_m);
  return true;
}

PassOutcome ExchangeModel::exact(double tau_s, double u_mps) const {
  HandoffParams p;
  if (!equivalent(tau_s, u_mps, p)) return PassOutcome{};
  const HandoffResult r = solve_handoff(p);
  PassOutcome out;
  out.exchanged = r.exchanged;
  out.legal = r.legal;
  out.baton_m = r.baton_position_m;
  out.mismatch_mps = r.incoming_speed_mps - r.outgoing_speed_mps;
  return out;
}

PassOutcome ExchangeModel::quick(double tau_s, double u_mps) const {
  HandoffParams p;
  if (!equivalent(tau_s, u_mps, p)) return PassOutcome{};
  return solve_pass(p);
}

template <class Solve>
void ExchangeModel::window(double u_mps, double& tau_min_s, double& tau_max_s,
                           const Solve& solve) const {
  // tau bounds where the equivalent go-mark runs from 60 m down to 0 m (and beyond: standing).
  const double a = plan_.reaction_s + (plan_.go_mark_m - kMaxGoMarkM) / u_mps + 1e-6;
  const double b = plan_.reaction_s + plan_.go_mark_m / u_mps + 0.5;
  const double zone = plan_.zone_length_m;
  // Bisection on "exchanged and baton <= zone end" (false for early departures, true late).
  auto early_ok = [&](double tau) {
    const PassOutcome e = solve(tau, u_mps);
    return e.exchanged && e.baton_m <= zone + 1e-9;
  };
  auto late_ok = [&](double tau) {
    const PassOutcome e = solve(tau, u_mps);
    return e.exchanged && e.baton_m >= -1e-9;
  };
  if (early_ok(a)) {
    tau_min_s = -kNever;
  } else if (!early_ok(b)) {
    tau_min_s = kNever;
    tau_max_s = -kNever;
    return;
  } else {
    double lo = a;
    double hi = b;
    while (hi - lo > kBisectTolS) {
      const double mid = 0.5 * (lo + hi);
      (early_ok(mid) ? hi : lo) = mid;
    }
    tau_min_s = hi;
  }
  const double from = tau_min_s == -kNever ? a : tau_min_s;
  if (late_ok(b)) {
    tau_max_s = kNever;
  } else if (!late_ok(from)) {
    tau_min_s = kNever;
    tau_max_s = -kNever;
  } else {
    double lo = from;
    double hi = b;
    while (hi - lo > kBisectTolS) {
      const double mid = 0.5 * (lo + hi);
      (late_ok(mid) ? lo : hi) = mid;
    }
    tau_max_s = lo;
  }
}

void ExchangeModel::exact_window(double u_mps, double& tau_min_s, double& tau_max_s) const {
  window(u_mps, tau_min_s, tau_max_s, [this](double tau, double u) { return exact(tau, u); });
}

double ExchangeModel::tau_min(double u_mps) const {
  const double x = std::clamp((u_mps - u0_) * inv_du_, 0.0, x_max_);
  const int i = std::min(static_cast<int>(x), nu_ - 2);
  const Row& r = rows_[static_cast<std::size_t>(i)];
  return r.lo + (x - i) * r.dlo;
}

double ExchangeModel::tau_max(double u_mps) const {
  const double x = std::clamp((u_mps - u0_) * inv_du_, 0.0, x_max_);
  const int i = std::min(static_cast<int>(x), nu_ - 2);
  const Row& r = rows_[static_cast<std::size_t>(i)];
  return r.hi + (x - i) * r.dhi;
}

PassOutcome ExchangeModel::fallback(double tau_s, double u_mps) const {
  return quick(tau_s, u_mps);
}

}  // namespace baton::sim
