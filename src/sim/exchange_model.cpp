#include "sim/exchange_model.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/pass_solver.h"

namespace baton::sim {
namespace {

// Thresholds for "always" / "never" legal: finite so that interpolation stays finite.
constexpr double kNever = 1e9;
constexpr double kMaxGoMarkM = 60.0;  // the solver's limit (handoff.h)
constexpr int kSpeedNodes = 49;
constexpr int kTauNodes = 81;           // at most; y = 0 falls on a node
constexpr double kBisectTolS = 1e-6;    // exact_window(), a reference for tests
constexpr double kTableTolS = 1e-7;     // the tables' thresholds
constexpr double kSwitchTolS = 1e-12;   // the switch: position errors grow like its square root
constexpr double kMarginFloorS = 1e-6;  // least legality margin: ten times the above
// Largest interpolation errors a segment between speed nodes may show where it is checked
// (a quarter of what ExchangeModel.TablesAgreeWithTheExactSolver allows anywhere): position,
// mismatch and the ease cost of a late pass.
constexpr double kCheckPositionM = 0.05;
constexpr double kCheckMismatchMps = 0.0125;
constexpr double kCheckEaseS = 1.25e-4;

bool finite_threshold(double t) { return std::abs(t) < kNever / 2; }

// The parabola's bend q of v(w) = a + w (b - a) + w (w - 1) q through (0, a), (1/2, mid), (1, b).
double bend(double a, double mid, double b) { return 4.0 * (0.5 * (a + b) - mid); }

double signed_root(double d) { return d < 0.0 ? -std::sqrt(-d) : std::sqrt(d); }

constexpr double kNoGuess = std::numeric_limits<double>::quiet_NaN();

// Narrows [lo, hi] to tol_s around where a function that is f_lo > 0 at lo and f_hi <= 0 at
// hi crosses zero (the predicate "f(t) <= 0" turns true): regula falsi with the Illinois fix,
// each estimate checked half a tolerance on the far side (a smooth function is usually
// bracketed at once), every third step a halving, so that plateaus and kinks cost no more
// than bisection.
template <class F>
void narrow(const F& f, double& lo, double& hi, double f_lo, double f_hi, double tol_s) {
  int kept = 0;  // the end that stayed in the last step: +1 hi, -1 lo
  for (int k = 0; k < 400 && hi - lo > tol_s; ++k) {
    const bool halve = k % 3 == 2;
    double t = halve ? 0.5 * (lo + hi) : hi - f_hi * (hi - lo) / (f_hi - f_lo);
    if (!(t > lo && t < hi)) t = 0.5 * (lo + hi);
    if (t <= lo || t >= hi) break;  // no double between the ends
    const double v = f(t);
    if (v > 0.0) {
      lo = t;
      f_lo = v;
      if (kept == 1) f_hi *= 0.5;
      kept = 1;
    } else {
      hi = t;
      f_hi = v;
      if (kept == -1) f_lo *= 0.5;
      kept = -1;
    }
    if (halve || hi - lo <= tol_s) continue;
    const double probe = v > 0.0 ? t + 0.5 * tol_s : t - 0.5 * tol_s;
    if (!(probe > lo && probe < hi)) continue;
    const double w = f(probe);
    if ((w > 0.0) == (v > 0.0)) continue;  // the root lies further: go on
    (v > 0.0 ? hi : lo) = probe;
    return;
  }
}

template <class F>
void narrow(const F& f, double& lo, double& hi, double tol_s) {
  narrow(f, lo, hi, f(lo), f(hi), tol_s);
}

// A short bracket [lo, hi] inside [a, b] around a guess of where f turns <= 0, narrowed to
// tol_s; false when the guess is missing or too far off (then the caller searches all of
// [a, b]).
template <class F>
bool bracket_near(const F& f, double guess, double a, double b, double& lo, double& hi,
                  double tol_s) {
  if (!std::isfinite(guess)) return false;
  for (double d = 1e-4; d < 0.1; d *= 8.0) {
    lo = std::max(a, guess - d);
    hi = std::min(b, guess + d);
    if (!(lo < hi)) return false;
    const double f_lo = f(lo);
    if (!(f_lo > 0.0)) continue;
    const double f_hi = f(hi);
    if (f_hi > 0.0) continue;
    narrow(f, lo, hi, f_lo, f_hi, tol_s);
    return true;
  }
  return false;
}

// What the tables need at one incoming speed: the legal window and the centre of the row's
// y coordinate, which is the switch when it lies near the covered departures.
enum class Centre {
  kSwitch,      // the switch from late to planned passes
  kFirstLegal,  // no switch near (the pass only closes in slowly at these speeds): the
                // first legal departure, where the position climbs steeply, if that is near
  kLeft,        // no switch near, nor a first legal departure: one span left of the range
  kRight,       // the switch lies right of the range: one span right of it
};
struct Column {
  double lo = 0.0, hi = 0.0, centre = 0.0, sw = 0.0;
  Centre kind = Centre::kSwitch;
};

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
  const double t0 = plan_.reaction_s - tau_span_s;
  const double t1 = plan_.reaction_s + tau_span_s;
  auto quick_solve = [this](double tau, double uu) { return quick(tau, uu); };
  // A switch further than one span beyond the covered departures leaves no kink in the covered
  // range; the row is then centred where it changes fastest. Searches start next to `guess`
  // (the neighbouring node, or the interpolation between nodes).
  const double left = t0 - tau_span_s;
  const double right = t1 + tau_span_s;
  auto column = [&](double uu, const Column& guess, bool with_switch) {
    Column c;
    window(uu, c.lo, c.hi, quick_solve, kTableTolS,
           finite_threshold(guess.lo) ? guess.lo : kNoGuess,
           finite_threshold(guess.hi) ? guess.hi : kNoGuess);
    if (!with_switch) return c;
    double sw = 0.0;
    const bool found = find_switch(uu, sw, guess.kind == Centre::kSwitch ? guess.sw : kNoGuess);
    c.sw = sw;
    if (found && sw >= left && sw <= right) {
      c.kind = Centre::kSwitch;
      c.centre = sw;
    } else if (sw > right) {
      c.kind = Centre::kRight;
      c.centre = right;
    } else if (finite_threshold(c.lo) && c.lo >= left) {
      c.kind = Centre::kFirstLegal;
      c.centre = c.lo;
    } else {
      c.kind = Centre::kLeft;
      c.centre = left;
    }
    return c;
  };
  Column none;
  none.lo = none.hi = none.sw = kNoGuess;
  none.kind = Centre::kRight;
  std::vector<Column> node(static_cast<std::size_t>(nu_));
  for (int i = 0; i < nu_; ++i) {
    node[static_cast<std::size_t>(i)] =
        column(u0_ + i * du_, i > 0 ? node[static_cast<std::size_t>(i - 1)] : none, true);
  }

  rows_.resize(static_cast<std::size_t>(nu_));
  for (int i = 0; i < nu_; ++i) {
    const Column& a = node[static_cast<std::size_t>(i)];
    Row& row = rows_[static_cast<std::size_t>(i)];
    // Passes left of the switch are late, right of it planned; a switch right of the covered
    // departures leaves them all late, one left of them (or none) all planned.
    row = Row{a.lo,
              0.0,
              0.0,
              a.hi,
              0.0,
              0.0,
              a.centre,
              0.0,
              0.0,
              0.0,
              0.0,
              a.kind == Centre::kSwitch || a.kind == Centre::kRight,
              a.kind == Centre::kRight,
              false};
    if (i + 1 == nu_) break;
    const Column& b = node[static_cast<std::size_t>(i + 1)];
    Column between;
    between.lo = 0.5 * (a.lo + b.lo);
    between.hi = 0.5 * (a.hi + b.hi);
    between.sw = 0.5 * (a.sw + b.sw);
    between.kind =
        a.kind == Centre::kSwitch && b.kind == Centre::kSwitch ? Centre::kSwitch : Centre::kRight;
    const Column mid = column(u0_ + (i + 0.5) * du_, between, true);
    row.dlo = b.lo - a.lo;
    row.dhi = b.hi - a.hi;
    row.dcentre = b.centre - a.centre;
    if (finite_threshold(a.lo) && finite_threshold(b.lo) && finite_threshold(mid.lo)) {
      row.qlo = bend(a.lo, mid.lo, b.lo);
    }
    if (finite_threshold(a.hi) && finite_threshold(b.hi) && finite_threshold(mid.hi)) {
      row.qhi = bend(a.hi, mid.hi, b.hi);
    }
    const bool same = a.kind == b.kind && a.kind == mid.kind;
    if (same) row.qcentre = bend(a.centre, mid.centre, b.centre);
    // The switch enters or leaves the covered range between the nodes: no kink line to follow.
    row.exact = !same;
    // How far the interpolated thresholds (and the switch, on a row centred on it) stray,
    // measured at the quarter points.
    const bool on_switch = same && a.kind == Centre::kSwitch;
    double err = 0.0, sw_err = 0.0;
    for (double w : {0.25, 0.75}) {
      const double bw = w * (w - 1.0);
      Column at;
      at.lo = row.lo + w * row.dlo + bw * row.qlo;
      at.hi = row.hi + w * row.dhi + bw * row.qhi;
      at.sw = row.centre + w * row.dcentre + bw * row.qcentre;
      at.kind = Centre::kSwitch;
      const Column q = column(u0_ + (i + w) * du_, at, on_switch);
      err = std::max(err, std::abs(at.lo - q.lo));
      err = std::max(err, std::abs(at.hi - q.hi));
      if (!on_switch) continue;
      if (q.kind != Centre::kSwitch) row.exact = true;
      sw_err = std::max(sw_err, std::abs(at.sw - q.sw));
    }
    row.margin = 4.0 * err + kMarginFloorS;
    if (on_switch) row.switch_margin = 4.0 * sw_err + kMarginFloorS;
  }

  // The y grid covers every row's legal departures inside the span, with y = 0 on a node.
  double y_lo = kNever, y_hi = -kNever;
  for (const Column& c : node) {
    const double from = std::max(c.lo, t0);
    const double to = std::min(c.hi, t1);
    if (!(from < to)) continue;
    y_lo = std::min(y_lo, signed_root(from - c.centre));
    y_hi = std::max(y_hi, signed_root(to - c.centre));
  }
  if (!(y_lo < y_hi)) {  // never legal inside the span: any grid will do
    y_lo = -1.0;
    y_hi = 1.0;
  }
  const double slack = 0.02 * (y_hi - y_lo);
  y_lo -= slack;
  y_hi += slack;
  int zero = -1;  // the node at y = 0, if the grid holds it
  if (y_lo < 0.0 && y_hi > 0.0) {
    dy_ = (y_hi - y_lo) / (kTauNodes - 3);
    zero = static_cast<int>(std::ceil(-y_lo / dy_));
    nt_ = zero + static_cast<int>(std::ceil(y_hi / dy_)) + 1;
    y0_ = -zero * dy_;
  } else {
    nt_ = kTauNodes;
    dy_ = (y_hi - y_lo) / (nt_ - 1);
    y0_ = y_lo;
  }
  inv_dy_ = 1.0 / dy_;
  y_max_ = nt_ - 1.0;
  nodes_.resize(static_cast<std::size_t>(nu_) * static_cast<std::size_t>(nt_) * kNodeWords);
  for (int i = 0; i < nu_; ++i) {
    const double ui = u0_ + i * du_;
    const double centre = rows_[static_cast<std::size_t>(i)].centre;
    for (int j = 0; j < nt_; ++j) {
      const double y = zero >= 0 ? (j - zero) * dy_ : y0_ + j * dy_;
      // Outside the legal window the solver reports the closest approach or the late pass
      // beyond the zone, which continue the legal values smoothly.
      const PassOutcome o = quick(centre + (y < 0.0 ? -y * y : y * y), ui);
      double* to = &nodes_[static_cast<std::size_t>(kNodeWords * (i * nt_ + j))];
      to[kMismatch] = o.mismatch_mps;
      to[kBaton] = o.baton_m;
      to[kEase] = o.ease_cost_s;
    }
  }
  // Check each segment between speed nodes against the solver halfway between the nodes and
  // between every other pair of tau nodes, over the covered departures; where the tables
  // stray (the centre moving faster than its parabola follows, next to an incoming runner as
  // fast as the outgoing runner's top speed) or tell a late pass from a planned one otherwise
  // than the solver, the segment goes to the exact solver.
  for (int i = 0; i + 1 < nu_; ++i) {
    Row& row = rows_[static_cast<std::size_t>(i)];
    const double ui = u0_ + (i + 0.5) * du_;
    const double centre = row.centre + 0.5 * row.dcentre - 0.25 * row.qcentre;
    for (int j = 0; j + 1 < nt_ && !row.exact; j += 2) {
      const double y = (zero >= 0 ? (j - zero) * dy_ : y0_ + j * dy_) + 0.5 * dy_;
      const double tau = centre + (y < 0.0 ? -y * y : y * y);
      if (tau < t0 || tau > t1) continue;
      const TableLookup t = lookup(tau, ui);
      const PassOutcome o = quick(tau, ui);
      if (t.outside || !t.legal || !o.legal) continue;
      row.exact = std::abs(t.baton_m - o.baton_m) > kCheckPositionM ||
                  std::abs(t.mismatch_mps - o.mismatch_mps) > kCheckMismatchMps ||
                  t.late != o.late ||
                  std::abs((t.late ? t.ease_cost_s : 0.0) - o.ease_cost_s) > kCheckEaseS;
    }
  }
  row_table_.assign(rows_.size() * kRowWords, 0.0);
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    const Row& r = rows_[i];
    double* to = &row_table_[i * kRowWords];
    to[kLo] = r.lo, to[kDlo] = r.dlo, to[kQlo] = r.qlo;
    to[kHi] = r.hi, to[kDhi] = r.dhi, to[kQhi] = r.qhi;
    to[kCentre] = r.centre, to[kDcentre] = r.dcentre, to[kQcentre] = r.qcentre;
    to[kMargin] = r.margin, to[kSwitchMargin] = r.switch_margin;
    to[kRowFlags] =
        (r.late_before ? 1.0 : 0.0) + (r.late_after ? 2.0 : 0.0) + (r.exact ? 4.0 : 0.0);
  }
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
  out.late = r.late;
  out.ease_cost_s = r.ease_cost_s;
  return out;
}

PassOutcome ExchangeModel::quick(double tau_s, double u_mps) const {
  HandoffParams p;
  if (!equivalent(tau_s, u_mps, p)) return PassOutcome{};
  return solve_pass(p);
}

template <class Solve>
void ExchangeModel::window(double u_mps, double& tau_min_s, double& tau_max_s, const Solve& solve,
                           double tol_s, double guess_min_s, double guess_max_s) const {
  // tau bounds where the equivalent go-mark runs from 60 m down to 0 m (and beyond: standing).
  const double a = plan_.reaction_s + (plan_.go_mark_m - kMaxGoMarkM) / u_mps + 1e-6;
  const double b = plan_.reaction_s + plan_.go_mark_m / u_mps + 0.5;
  const double zone = plan_.zone_length_m;
  // The first legal departure is where "exchanged and baton <= zone end" turns true (false
  // for early departures), the last where "exchanged and baton >= 0" turns false: each as
  // a function that is <= 0 exactly where the predicate holds (too early) or fails (too late).
  auto too_far = [&](double tau) {
    const PassOutcome e = solve(tau, u_mps);
    return e.exchanged ? e.baton_m - (zone + 1e-9) : 1.0;
  };
  auto too_late = [&](double tau) {
    const PassOutcome e = solve(tau, u_mps);
    return e.exchanged ? e.baton_m + 1e-9 : -1.0;
  };
  double lo = a, hi = b;
  if (bracket_near(too_far, guess_min_s, a, b, lo, hi, tol_s)) {
    tau_min_s = hi;
  } else if (too_far(a) <= 0.0) {
    tau_min_s = -kNever;
  } else if (too_far(b) > 0.0) {
    tau_min_s = kNever;
    tau_max_s = -kNever;
    return;
  } else {
    lo = a;
    hi = b;
    narrow(too_far, lo, hi, tol_s);
    tau_min_s = hi;
  }
  const double from = tau_min_s == -kNever ? a : tau_min_s;
  if (bracket_near(too_late, guess_max_s, from, b, lo, hi, tol_s)) {
    tau_max_s = lo;  // the last legal departure
  } else if (too_late(b) > 0.0) {
    tau_max_s = kNever;
  } else if (too_late(from) <= 0.0) {
    tau_min_s = kNever;
    tau_max_s = -kNever;
  } else {
    lo = from;
    hi = b;
    narrow(too_late, lo, hi, tol_s);
    tau_max_s = lo;
  }
}

void ExchangeModel::exact_window(double u_mps, double& tau_min_s, double& tau_max_s) const {
  window(
      u_mps, tau_min_s, tau_max_s, [this](double tau, double u) { return exact(tau, u); },
      kBisectTolS, kNoGuess, kNoGuess);
}

bool ExchangeModel::find_switch(double u_mps, double& tau_s, double guess_s) const {
  // Early departures (or none that catch up at all) leave the gap above the reach, later ones
  // close it; the bracket is the window's. The excess gap is smooth and falls with tau, so
  // regula falsi finds its zero in a few steps.
  const double a = plan_.reaction_s + (plan_.go_mark_m - kMaxGoMarkM) / u_mps + 1e-6;
  const double b = plan_.reaction_s + plan_.go_mark_m / u_mps + 0.5;
  constexpr double kNeverCatches = 1e3;
  auto excess = [&](double tau) {
    HandoffParams p;
    return equivalent(tau, u_mps, p) ? excess_gap_m(p) : kNeverCatches;
  };
  double lo = a, hi = b;
  if (!bracket_near(excess, guess_s, a, b, lo, hi, kSwitchTolS)) {
    if (excess(a) <= 0.0) {
      tau_s = a;
      return false;
    }
    if (excess(b) > 0.0) {
      tau_s = b;
      return false;
    }
    lo = a;
    hi = b;
    narrow(excess, lo, hi, kSwitchTolS);
  }
  tau_s = hi;
  return true;
}

double ExchangeModel::tau_min(double u_mps) const {
  const double x = std::clamp((u_mps - u0_) * inv_du_, 0.0, x_max_);
  const int i = std::min(static_cast<int>(x), nu_ - 2);
  const Row& r = rows_[static_cast<std::size_t>(i)];
  const double w = x - i;
  return r.lo + w * r.dlo + w * (w - 1.0) * r.qlo;
}

double ExchangeModel::tau_max(double u_mps) const {
  const double x = std::clamp((u_mps - u0_) * inv_du_, 0.0, x_max_);
  const int i = std::min(static_cast<int>(x), nu_ - 2);
  const Row& r = rows_[static_cast<std::size_t>(i)];
  const double w = x - i;
  return r.hi + w * r.dhi + w * (w - 1.0) * r.qhi;
}

PassOutcome ExchangeModel::fallback(double tau_s, double u_mps) const {
  return quick(tau_s, u_mps);
}

}  // namespace baton::sim
