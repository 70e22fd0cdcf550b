#include "sim/pass_solver.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "baton/sprint_model.h"

namespace baton::sim {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct Kinematics {
  const HandoffParams& p;
  double stop_s;  // when the incoming runner stops, or +infinity

  explicit Kinematics(const HandoffParams& q)
      : p(q),
        stop_s(q.incoming_decel_mps2 > 0.0 ? q.incoming_speed_mps / q.incoming_decel_mps2 : kInf) {}

  double in_pos(double t) const {
    const double ts = std::min(t, stop_s);
    return p.start_m - p.go_mark_m + p.incoming_speed_mps * ts -
           0.5 * p.incoming_decel_mps2 * ts * ts;
  }
  double in_speed(double t) const {
    return std::max(0.0, p.incoming_speed_mps - p.incoming_decel_mps2 * t);
  }
  // Outgoing runner's position and speed (sprint_model.h), sharing one expm1.
  void out(double t, double& pos, double& speed) const {
    const double s = t - p.reaction_s;
    if (s <= 0.0) {
      pos = p.start_m;
      speed = 0.0;
      return;
    }
    const double e = std::expm1(-s / p.outgoing.tau_s);
    pos = p.start_m + p.outgoing.mss_mps * (s + p.outgoing.tau_s * e);
    speed = -p.outgoing.mss_mps * e;
  }
  double gap(double t) const {
    double pos, speed;
    out(t, pos, speed);
    return pos - in_pos(t);
  }
  double closing(double t) const {
    double pos, speed;
    out(t, pos, speed);
    return speed - in_speed(t);
  }

  // When the speeds match (the gap's minimum), or +infinity.
  double speeds_match() const {
    const double u = p.incoming_speed_mps;
    const double mss = p.outgoing.mss_mps;
    if (p.incoming_decel_mps2 == 0.0) {
      if (u >= mss) return kInf;  // never reached (u == mss only in the limit)
      return p.reaction_s - p.outgoing.tau_s * std::log1p(-u / mss);
    }
    // closing() rises from -u; bracket and refine with safeguarded Newton steps.
    double lo = 0.0;
    double hi = p.reaction_s + 1.0;
    for (int i = 0; closing(hi) < 0.0; ++i) {
      if (i > 60) return kInf;
      lo = hi;
      hi *= 2.0;
    }
    double t = 0.5 * (lo + hi);
    for (int i = 0; i < 100 && hi - lo > 1e-13; ++i) {
      double pos, speed;
      out(t, pos, speed);
      const double c = speed - in_speed(t);
      (c < 0.0 ? lo : hi) = t;
      // d(closing)/dt = outgoing acceleration + incoming deceleration (while moving).
      const double slope = (mss - speed) / p.outgoing.tau_s * (t > p.reaction_s ? 1.0 : 0.0) +
                           (t < stop_s ? p.incoming_decel_mps2 : 0.0);
      double next = slope > 0.0 ? t - c / slope : 0.5 * (lo + hi);
      if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
      if (std::abs(next - t) < 1e-15) break;
      t = next;
    }
    return t;
  }

  PassOutcome at(double t, bool exchanged) const {
    double pos, speed;
    out(t, pos, speed);
    PassOutcome r;
    r.exchanged = exchanged;
    r.baton_m = pos - 0.5 * p.free_distance_m;
    r.mismatch_mps = in_speed(t) - speed;
    constexpr double kTolM = 1e-9;  // as solve_handoff()
    r.legal = exchanged && r.baton_m >= -kTolM && r.baton_m <= p.zone_length_m + kTolM;
    return r;
  }

  // The late pass of late_pass() (handoff.h), reduced to what the simulation uses, without
  // its reasons: at t_match the speeds match with the gap above the reach; the outgoing
  // runner eases so that the incoming one gains at ease_mps2 and closes the excess in
  // s = sqrt(2 (gap - f) / ease) seconds. The ease cost is late_pass()'s, and is reported
  // also where no legal pass follows (the speeds matching beyond the zone, an outgoing runner
  // who would have to stop), as the smooth continuation the exchange tables interpolate.
  PassOutcome late(double t_match, double gap_m) const {
    const double f = p.free_distance_m;
    const double s = std::sqrt(2.0 * (gap_m - f) / p.ease_mps2);
    const double t = t_match + s;
    const double v_in = in_speed(t);
    const double v_out = v_in - p.ease_mps2 * s;
    double x_match, speed;
    out(t_match, x_match, speed);
    const double x_out = x_match + in_pos(t) - in_pos(t_match) - 0.5 * p.ease_mps2 * s * s;
    PassOutcome r = at(t_match, false);  // no pass: the runners as the speeds match
    r.late = true;
    r.ease_cost_s = ease_cost(t, x_out, std::max(0.0, v_out));
    if (r.baton_m > p.zone_length_m) return r;  // the speeds match only beyond the zone
    r.baton_m = x_out - 0.5 * f;
    r.mismatch_mps = v_in - std::max(0.0, v_out);
    r.exchanged = v_out > 0.0;
    constexpr double kTolM = 1e-9;  // as late_pass()
    r.legal = r.exchanged && r.baton_m >= -kTolM && r.baton_m <= p.zone_length_m + kTolM;
    return r;
  }

  // What the easing costs the outgoing runner over the rest of the leg, late_pass()'s
  // formula: from the pass at time t and position x_out with speed v_out they re-accelerate
  // on their own curve from the moment t* it has that speed; once both runs reach top speed
  // the eased one lags the undisturbed one by t - t* + (d(t*) - run) / MSS - reaction.
  double ease_cost(double t, double x_out, double v_out) const {
    const double t_star = sprint_time_at_speed_s(p.outgoing, v_out);
    const double run = x_out - p.start_m;
    return std::max(0.0, t - t_star +
                             (sprint_distance_m(p.outgoing, t_star) - run) / p.outgoing.mss_mps -
                             p.reaction_s);
  }
};

}  // namespace

PassOutcome solve_pass(const HandoffParams& p) {
  const Kinematics k(p);
  const double f = p.free_distance_m;
  if (k.gap(0.0) <= f) return k.at(0.0, true);
  const double t_min = k.speeds_match();
  const double gap_min = std::isfinite(t_min) ? k.gap(t_min) : kInf;
  if (std::isfinite(t_min) && gap_min > f) {
    if (!(p.ease_mps2 > 0.0)) return k.at(t_min, false);
    return k.late(t_min, gap_min);
  }
  double hi = std::isfinite(t_min) ? t_min : 1.0;
  for (int i = 0; !std::isfinite(t_min) && k.gap(hi) > f; ++i) {
    if (i > 40) return PassOutcome{};  // levels off above the reach: nothing to report
    hi *= 2.0;
  }
  // Newton from the left on the convex, falling gap: every iterate keeps gap >= f. Started
  // at t = 0 it crawls when the gap only just dips below the reach (a nearly double root, the
  // common case next to a late pass), so it starts where the parabola through the gap's
  // minimum, with the gap's curvature there, crosses the reach. Left of the minimum the gap
  // curves at least as much while the outgoing runner is under way (their acceleration only
  // falls), so that point lies left of the root; where it does not (before the runner
  // leaves), the first step finds the gap already within reach and Newton starts at 0.
  double t = 0.0;
  if (std::isfinite(t_min)) {
    double pos, speed;
    k.out(t_min, pos, speed);
    const double curvature = (p.outgoing.mss_mps - speed) / p.outgoing.tau_s +
                             (t_min < k.stop_s ? p.incoming_decel_mps2 : 0.0);
    const double below = f - gap_min;
    if (below > 0.0 && curvature > 0.0) {
      t = std::max(0.0, t_min - std::sqrt(2.0 * below / curvature));
    }
  }
  bool from_zero = t == 0.0;
  for (int i = 0; i < 100; ++i) {
    double pos, speed;
    k.out(t, pos, speed);
    const double g = pos - k.in_pos(t) - f;
    const double slope = speed - k.in_speed(t);
    if ((g <= 0.0 || slope >= 0.0) && !from_zero) {
      t = 0.0;  // the start was not left of the root: begin at 0 after all
      from_zero = true;
      continue;
    }
    from_zero = true;  // an iterate left of the root: every later one is too
    if (g <= 0.0 || slope >= 0.0) break;
    const double next = std::min(hi, t - g / slope);
    if (next - t <= 1e-15 * (1.0 + t)) {
      t = next;
      break;
    }
    t = next;
  }
  return k.at(t, true);
}

double excess_gap_m(const HandoffParams& p) {
  const Kinematics k(p);
  const double f = p.free_distance_m;
  const double at_mark = k.gap(0.0) - f;
  if (at_mark <= 0.0) return at_mark;
  const double t_min = k.speeds_match();
  return std::isfinite(t_min) ? k.gap(t_min) - f : -1.0;
}

}  // namespace baton::sim
