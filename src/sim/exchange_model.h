// One planned exchange prepared for fast sampling. The pass depends on the timing errors only
// through tau, the outgoing runner's departure measured from the moment the incoming runner
// passes the *planned* go-mark, and on u, the incoming runner's speed there:
//   tau = reaction + reaction error + (time the incoming runner needs from the mark actually
//         used to the planned one; -mark error / u when not decelerating).
// For a given u the pass is legal exactly when tau lies in [tau_min(u), tau_max(u)] (the baton
// position falls as tau grows, and below some tau the baton leaves the zone), so legality
// needs two thresholds per u, tabulated over u. The baton position and the speed mismatch at
// the pass (for the drop model) and the time the outgoing runner loses to easing in a late
// pass (0 for a pass as planned) are tabulated over (u, tau) and interpolated bilinearly.
//
// At tau_switch(u) the pass changes from late (eased, the gap stuck above the reach; earlier
// departures) to planned (later ones). On both sides the position and the mismatch move like
// the square root of |tau - tau_switch| (the gap only just reaching, or only just failing to
// reach, the arms), which no grid in tau can follow. So each row's tau coordinate is
//   y = sign(d) sqrt(|d|),  d = tau - tau_switch(u),
// in which both sides are smooth, with y = 0 on a grid node. Where the switch lies more than a
// span away from the covered departures (the incoming runner about as fast as the outgoing
// runner's top speed: the gap closes ever more slowly), rows are centred on the first legal
// departure instead, where the position climbs steeply. The thresholds and the centre are
// interpolated between speed nodes by the parabola through the nodes and the midpoint. A pass
// is late left of the switch (d < 0 on a row centred on it), on every departure of a row whose
// switch lies right of the covered ones, and on none of the other rows; within a row's
// measured interpolation error of the switch the exact solver decides.
// Anything outside the tables, any tau whose legality the interpolated thresholds could get
// wrong (within a row's measured interpolation error of a threshold), and any segment between
// speed nodes that strays from the solver where it is checked goes to the exact solver.
//
// The tables are laid out for the sampling loop: one row per speed node holding thresholds,
// centre and their interpolation coefficients, and the (mismatch, position) pairs of the grid
// side by side; both grids have a fixed spacing whose inverse is stored, so a lookup is a
// square root, a few multiplies, two truncations and some twenty loads, without a search.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "baton/handoff.h"

namespace baton::sim {

/// One sampled pass.
struct PassOutcome {
  bool exchanged = false;  ///< the incoming runner reached the outgoing runner
  bool legal = false;
  double baton_m = 0.0;       ///< baton position, metres from the zone's start (when legal)
  double mismatch_mps = 0.0;  ///< incoming minus outgoing speed at the pass, m/s (when legal)
  bool late = false;          ///< a late (eased) pass: the gap had stopped closing
  /// Time the outgoing runner loses to the easing over the rest of the leg, s
  /// (HandoffResult::ease_cost_s; 0 for a pass as planned).
  double ease_cost_s = 0.0;
};

/// A table lookup before the exact-solver fallback: `outside` says the tables do not cover
/// the point (then the other fields mean nothing and the exact solver must decide).
struct TableLookup {
  bool legal = false;
  bool outside = false;
  double baton_m = 0.0;
  double mismatch_mps = 0.0;
  bool late = false;
  double ease_cost_s = 0.0;
};

/// Where a point falls in the tables (ExchangeModel::locate()): the cell and the weights
/// within it, and what the row alone decides (legality, table misses, late or not).
struct TableCell {
  std::size_t node = 0;  ///< index of the cell's first node
  double w = 0.0;        ///< weight of the next speed node
  double v = 0.0;        ///< weight of the next tau node
  bool legal = false;
  bool outside = false;
  bool late = false;
};

/// Where ExchangeModel::lookup_all() writes: n entries in each array; `flags` holds
/// TableLookup's three flags as the bits below (64 bits wide, as the doubles are, so that the
/// loop handles as many races per vector for both).
struct LookupBatch {
  static constexpr std::uint64_t kLegal = 1, kOutside = 2, kLate = 4;
  double* baton_m;
  double* mismatch_mps;
  double* ease_cost_s;
  std::uint64_t* flags;
};

class ExchangeModel {
 public:
  /// Tables cover u in u_nominal * (1 +- u_span_fraction) and tau in
  /// reaction +- tau_span_s. Validates `plan`.
  ExchangeModel(const HandoffParams& plan, double u_span_fraction, double tau_span_s);

  /// Departure offset tau for a reaction error and a go-mark error (positive = mark further
  /// from the outgoing runner), given the incoming speed u at the planned mark.
  double tau(double reaction_error_s, double mark_error_m, double u_mps) const {
    return plan_.reaction_s + reaction_error_s + mark_time_s(mark_error_m, u_mps);
  }
  /// Time (relative to passing the planned mark) the incoming runner passes a mark moved
  /// `mark_error_m` further back, s (negative: earlier). Without deceleration this is
  /// -mark_error_m / u exactly (sqrt(u^2) = u in IEEE arithmetic), so one branch-free formula
  /// serves both cases.
  double mark_time_s(double mark_error_m, double u_mps) const {
    return mark_time_s(mark_error_m, u_mps, decel_);
  }
  /// The same for an incoming runner slowing at `decel_mps2`.
  static double mark_time_s(double mark_error_m, double u_mps, double decel_mps2) {
    // u t - a t^2 / 2 = -mark_error_m, the root through t = 0 in a cancellation-free form.
    const double disc = std::max(0.0, u_mps * u_mps + 2.0 * decel_mps2 * mark_error_m);
    return -2.0 * mark_error_m / (u_mps + std::sqrt(disc));
  }
  /// The incoming runner's deceleration the tables assume, m/s^2 (0 for none).
  double decel_mps2() const { return decel_; }

  /// The cell of the tables at (tau, u), without branches: the first half of lookup(), split
  /// off so that a loop over many races can find every cell before reading any (inline: it
  /// runs once per exchange per race).
  TableCell locate(double tau_s, double u_mps) const {
    const double x = (u_mps - u0_) * inv_du_;
    const double xc = std::min(std::max(x, 0.0), x_max_);
    const int i = std::min(static_cast<int>(xc), nu_ - 2);
    const double w = xc - i;
    const double bend = w * (w - 1.0);
    const Row& row = rows_[static_cast<std::size_t>(i)];
    const double lo = row.lo + w * row.dlo + bend * row.qlo;
    const double hi = row.hi + w * row.dhi + bend * row.qhi;
    const double d = tau_s - (row.centre + w * row.dcentre + bend * row.qcentre);
    const double root = std::sqrt(std::abs(d));
    const double y = ((d < 0.0 ? -root : root) - y0_) * inv_dy_;
    const double yc = std::min(std::max(y, 0.0), y_max_);
    const int j = std::min(static_cast<int>(yc), nt_ - 2);
    TableCell c;
    c.node =
        static_cast<std::size_t>(i) * static_cast<std::size_t>(nt_) + static_cast<std::size_t>(j);
    c.w = w;
    c.v = yc - j;
    c.legal = tau_s >= lo && tau_s <= hi;
    // Clamping moved a coordinate, the segment failed its check against the solver, or tau
    // lies so close to a threshold that interpolation could misjudge legality: the exact
    // solver decides.
    const double to_lo = std::abs(tau_s - lo), to_hi = std::abs(tau_s - hi);
    const bool near = (to_lo < row.margin) | (to_hi < row.margin);
    const bool near_switch = std::abs(d) < row.switch_margin;
    c.outside = (x != xc) | near | (c.legal & ((y != yc) | row.exact | near_switch));
    c.late = d < 0.0 ? row.late_before : row.late_after;
    return c;
  }

  /// The tables' values in a cell found by locate(): the second half of lookup().
  TableLookup read(const TableCell& c) const {
    const double* k = &nodes_[kNodeWords * c.node];  // node (i, j); (i, j + 1) follows
    const double* b = k + kNodeWords * static_cast<std::size_t>(nt_);  // node (i + 1, j)
    const double v = c.v, w = c.w;
    TableLookup out;
    out.legal = c.legal;
    out.outside = c.outside;
    out.late = c.late;
    const auto at = [&](int field) {
      const double top = k[field] + v * (k[kNodeWords + field] - k[field]);
      const double bottom = b[field] + v * (b[kNodeWords + field] - b[field]);
      return top + w * (bottom - top);
    };
    out.mismatch_mps = at(kMismatch);
    out.baton_m = at(kBaton);
    out.ease_cost_s = at(kEase);
    return out;
  }

  /// The tables at (tau, u), without branches.
  TableLookup lookup(double tau_s, double u_mps) const { return read(locate(tau_s, u_mps)); }

  /// lookup(tau_s[r], u_mps[r]) for r in [0, n), bit for bit, in one loop laid out for vector
  /// units (exchange_batch.cpp: a clone per instruction set, the table loads as gathers).
  void lookup_all(const double* tau_s, const double* u_mps, std::size_t n,
                  const LookupBatch& out) const;

  /// The pass from the tables (exact solver outside them).
  PassOutcome fast(double tau_s, double u_mps) const {
    const TableLookup t = lookup(tau_s, u_mps);
    if (t.outside) return fallback(tau_s, u_mps);
    PassOutcome out;
    if (!t.legal) return out;
    out.exchanged = true;
    out.legal = true;
    out.mismatch_mps = t.mismatch_mps;
    out.baton_m = t.baton_m;
    out.late = t.late;
    out.ease_cost_s = t.late ? t.ease_cost_s : 0.0;
    return out;
  }
  /// The pass from the reference solver, solve_handoff() (root-finding by bisection).
  PassOutcome exact(double tau_s, double u_mps) const;
  /// The same pass from the closed-form / Newton solver of sim/pass_solver.h, which agrees
  /// with exact() to about 1e-12 and is some twenty times quicker; it builds the tables and
  /// serves the fallback.
  PassOutcome quick(double tau_s, double u_mps) const;
  /// Legal-window thresholds from the table at u, seconds.
  double tau_min(double u_mps) const;
  double tau_max(double u_mps) const;
  /// The same thresholds found (to 1 us) with the exact solver.
  void exact_window(double u_mps, double& tau_min_s, double& tau_max_s) const;

  const HandoffParams& plan() const { return plan_; }

  /// The out-of-table case of the sampling loop, kept out of line.
  [[gnu::noinline]] PassOutcome fallback(double tau_s, double u_mps) const;

 private:
  // One speed node: thresholds, the centre of the y coordinate (the switch, or where the row
  // changes fastest when no switch lies near) and their interpolation to the next node (value,
  // slope, bend: v + w dv + w (w - 1) q at w in [0, 1]), the legality margin of the segment to
  // the next node, the margin around the switch (0 when the row is not centred on it), whether
  // passes left and right of the centre are late, and whether the segment must go to the exact
  // solver.
  struct Row {
    double lo, dlo, qlo, hi, dhi, qhi, centre, dcentre, qcentre, margin, switch_margin;
    bool late_before, late_after, exact;
  };
  // A node of the grid: three doubles in nodes_, node (i, j) at kNodeWords (i nt + j).
  static constexpr int kMismatch = 0, kBaton = 1, kEase = 2, kNodeWords = 3;
  // rows_ again, all in doubles at a fixed stride, for lookup_all(); the three flags in one
  // (late_before + 2 late_after + 4 exact), since each word costs a load per race.
  enum RowWord {
    kLo,
    kDlo,
    kQlo,
    kHi,
    kDhi,
    kQhi,
    kCentre,
    kDcentre,
    kQcentre,
    kMargin,
    kSwitchMargin,
    kRowFlags,
    kRowWords = 16
  };
  // The hand-off that the departure offset tau and speed u amount to; false when the incoming
  // runner can never catch up.
  bool equivalent(double tau_s, double u_mps, HandoffParams& p) const;
  // The legal window at u to tol_s (regula falsi), searched first next to the guesses (NaN:
  // none) and over the whole range of go-marks when they miss.
  template <class Solve>
  void window(double u_mps, double& tau_min_s, double& tau_max_s, const Solve& solve, double tol_s,
              double guess_min_s, double guess_max_s) const;
  // The switch from late to planned passes at u (regula falsi, next to the guess first);
  // false when the range searched holds no switch (then `tau_s` is the end of the range on the
  // side of the switch).
  bool find_switch(double u_mps, double& tau_s, double guess_s) const;

  struct Batch;  // lookup_all()'s loop (exchange_batch.cpp)

  HandoffParams plan_;
  double decel_ = 0.0;
  double u0_ = 0.0, du_ = 0.0, inv_du_ = 0.0, x_max_ = 0.0;  // u grid
  int nu_ = 0;
  double y0_ = 0.0, dy_ = 0.0, inv_dy_ = 0.0, y_max_ = 0.0;  // grid in y = sign(d) sqrt(|d|)
  int nt_ = 0;
  std::vector<Row> rows_;          // nu
  std::vector<double> row_table_;  // nu x kRowWords
  std::vector<double> nodes_;      // nu x nt x kNodeWords
};

}  // namespace baton::sim
