#include "baton/handoff.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "baton/error.h"
#include "physics/running_costs.h"

namespace baton {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kMaxGoMarkM = 60.0;

void check_range(double value, double lo, double hi, bool open_lo, const char* field,
                 const char* unit) {
  const bool ok = std::isfinite(value) && (open_lo ? value > lo : value >= lo) && value <= hi;
  if (!ok) {
    throw ValidationError(fmt::format("{} must be {} {:g} and at most {:g} {} (got {:g})", field,
                                      open_lo ? "above" : "at least", lo, hi, unit, value),
                          Location{"", 0, field});
  }
}

// Time at which the incoming runner stops, or +infinity.
double incoming_stop_s(const HandoffParams& p) {
  return p.incoming_decel_mps2 > 0.0 ? p.incoming_speed_mps / p.incoming_decel_mps2 : kInf;
}

double incoming_position(const HandoffParams& p, double t) {
  const double ts = std::min(t, incoming_stop_s(p));
  return p.start_m - p.go_mark_m + p.incoming_speed_mps * ts -
         0.5 * p.incoming_decel_mps2 * ts * ts;
}

double incoming_speed(const HandoffParams& p, double t) {
  return std::max(0.0, p.incoming_speed_mps - p.incoming_decel_mps2 * t);
}

double outgoing_position(const HandoffParams& p, double t) {
  return p.start_m + sprint_distance_m(p.outgoing, t - p.reaction_s);
}

double outgoing_speed(const HandoffParams& p, double t) {
  return sprint_speed_mps(p.outgoing, t - p.reaction_s);
}

// gap(t) = x_out - x_in. Its derivative v_out - v_in is non-decreasing (v_out rises, v_in falls),
// so the gap is convex: it falls until the runners' speeds match, then rises. The first time it
// reaches the free distance is therefore unique and found by bisection on the falling part.
double gap(const HandoffParams& p, double t) {
  return outgoing_position(p, t) - incoming_position(p, t);
}
double closing(const HandoffParams& p, double t) {
  return outgoing_speed(p, t) - incoming_speed(p, t);
}

// Time when the speeds match (the gap's minimum), or +infinity if the incoming runner stays
// faster for ever.
double speeds_match_s(const HandoffParams& p) {
  if (closing(p, 0.0) >= 0.0) return 0.0;
  // The outgoing runner never reaches u when mss <= u and the incoming runner does not slow.
  double hi = p.reaction_s + 1.0;
  for (int i = 0; closing(p, hi) < 0.0; ++i) {
    if (i > 60) return kInf;
    hi *= 2.0;
  }
  // Regula falsi (a dozen evaluations where bisection to 1e-13 s took about 45: the pair
  // calibration asks this hundreds of thousands of times), then the first time at or after the
  // root, as bisection's upper end was.
  const double t = find_root([&](double x) { return closing(p, x); }, 0.0, hi, 1e-13);
  if (closing(p, t) >= 0.0) return t;
  double lo = t;
  double up = std::min(hi, t + 1e-12);
  for (int i = 0; i < 100 && closing(p, up) < 0.0; ++i) up = std::min(hi, up + 1e-12);
  for (int i = 0; i < 200 && up - lo > 1e-15; ++i) {
    const double mid = 0.5 * (lo + up);
    (closing(p, mid) < 0.0 ? lo : up) = mid;
  }
  return up;
}

HandoffResult at_time(const HandoffParams& p, double t) {
  HandoffResult r;
  r.exchanged = true;
  r.go_mark_m = p.go_mark_m;
  r.exchange_time_s = t;
  r.baton_position_m = outgoing_position(p, t) - 0.5 * p.free_distance_m;
  r.incoming_speed_mps = incoming_speed(p, t);
  r.outgoing_speed_mps = outgoing_speed(p, t);
  r.closest_gap_m = p.free_distance_m;
  constexpr double kTolM = 1e-9;
  if (r.baton_position_m < -kTolM) {
    r.reason = fmt::format("baton passed {:.2f} m before the zone: the go-mark is too short",
                           -r.baton_position_m);
  } else if (r.baton_position_m > p.zone_length_m + kTolM) {
    r.reason = fmt::format("baton passed {:.2f} m beyond the zone: the go-mark is too long",
                           r.baton_position_m - p.zone_length_m);
  } else {
    r.legal = true;
  }
  return r;
}

}  // namespace

void validate_handoff(const HandoffParams& p) {
  check_range(p.incoming_speed_mps, 0.0, 15.0, true, "incoming_speed_mps", "m/s");
  check_range(p.incoming_decel_mps2, 0.0, 5.0, false, "incoming_decel_mps2", "m/s^2");
  check_range(p.outgoing.mss_mps, 0.0, 15.0, true, "outgoing_mss_mps", "m/s");
  check_range(p.outgoing.tau_s, 0.3, 3.0, false, "outgoing_tau_s", "s");
  // Below 0: the outgoing runner anticipates and leaves before the mark is hit (a pair's
  // calibrated effective reaction, include/baton/pair_calibration.h).
  check_range(p.reaction_s, -0.5, 1.0, false, "reaction_s", "s");
  check_range(p.free_distance_m, 0.3, 3.0, false, "free_distance_m", "m");
  check_range(p.zone_length_m, 0.0, 50.0, true, "zone_length_m", "m");
  check_range(p.start_m, 0.0, p.zone_length_m, false, "start_m", "m (inside the zone)");
  check_range(p.go_mark_m, 0.0, kMaxGoMarkM, false, "go_mark_m", "m");
  check_range(p.ease_mps2, 0.0, 10.0, false, "ease_mps2", "m/s^2");
}

HandoffResult late_pass(const HandoffParams& p, double t_match_s, double gap_m) {
  HandoffResult r;
  r.start_m = p.start_m;
  r.go_mark_m = p.go_mark_m;
  r.late = true;
  r.closest_gap_m = gap_m;
  const double f = p.free_distance_m;
  const double x_match = outgoing_position(p, t_match_s);
  // No pass: the runners as they are when the speeds match, and why.
  const auto unpassed = [&](std::string reason) {
    r.exchange_time_s = t_match_s;
    r.baton_position_m = x_match - 0.5 * f;
    r.incoming_speed_mps = incoming_speed(p, t_match_s);
    r.outgoing_speed_mps = outgoing_speed(p, t_match_s);
    r.reason = std::move(reason);
    return r;
  };
  if (!(p.ease_mps2 > 0.0) || !std::isfinite(t_match_s) || !(gap_m > f)) {
    return unpassed(fmt::format(
        "no exchange: the incoming runner never gets closer than {:.2f} m (arm reach {:.2f} m); "
        "shorten the go-mark",
        gap_m, f));
  }
  if (x_match - 0.5 * f > p.zone_length_m) {
    // The speeds match only past the zone's end: the baton leaves the zone unpassed.
    return unpassed(fmt::format(
        "no exchange in the zone: the incoming runner is still {:.2f} m short (arm reach {:.2f} "
        "m) where the speeds match, beyond the zone's end; shorten the go-mark",
        gap_m - f, f));
  }
  // Relative to the incoming runner the outgoing one decelerates at ease_mps2 from equal speed.
  const double s = std::sqrt(2.0 * (gap_m - f) / p.ease_mps2);
  const double t = t_match_s + s;
  const double v_in = incoming_speed(p, t);
  const double v_out = v_in - p.ease_mps2 * s;
  const double x_out = x_match + incoming_position(p, t) - incoming_position(p, t_match_s) -
                       0.5 * p.ease_mps2 * s * s;
  r.exchange_time_s = t;
  r.ease_s = s;
  r.baton_position_m = x_out - 0.5 * f;
  r.incoming_speed_mps = v_in;
  r.outgoing_speed_mps = std::max(0.0, v_out);
  if (!(v_out > 0.0)) {
    r.reason = fmt::format(
        "no exchange: the incoming runner is {:.2f} m short when the speeds match; the outgoing "
        "runner would have to stop; shorten the go-mark",
        gap_m - f);
    return r;
  }
  r.exchanged = true;
  // Once both runs reach top speed, t(d) = d / MSS + TAU - TAU e^(...) -> d / MSS + TAU: the
  // eased run (on the curve from time t* where it has speed v_out) lags the undisturbed one by
  // t - t* + (d(t*) - run) / MSS - reaction.
  const double t_star = sprint_time_at_speed_s(p.outgoing, v_out);
  const double run = x_out - p.start_m;
  r.ease_cost_s = std::max(
      0.0, t - t_star + (sprint_distance_m(p.outgoing, t_star) - run) / p.outgoing.mss_mps -
               p.reaction_s);
  constexpr double kTolM = 1e-9;
  if (r.baton_position_m > p.zone_length_m + kTolM) {
    r.reason = fmt::format(
        "late pass {:.2f} m beyond the zone: the incoming runner was {:.2f} m short when the "
        "speeds matched; shorten the go-mark",
        r.baton_position_m - p.zone_length_m, gap_m - f);
  } else if (r.baton_position_m < -kTolM) {
    r.reason = fmt::format("baton passed {:.2f} m before the zone", -r.baton_position_m);
  } else {
    r.legal = true;
  }
  return r;
}

double baton_exit_s(const HandoffParams& p, const HandoffResult& r) {
  const double end_run = p.zone_length_m + 0.5 * p.free_distance_m - p.start_m;
  if (!r.late || !r.exchanged) return p.reaction_s + sprint_time_s(p.outgoing, end_run);
  const double run = r.baton_position_m + 0.5 * p.free_distance_m - p.start_m;
  const double v = r.outgoing_speed_mps;
  if (run >= end_run) return r.exchange_time_s - (run - end_run) / std::max(v, 1e-9);
  const double t_star = sprint_time_at_speed_s(p.outgoing, v);
  const double d_star = sprint_distance_m(p.outgoing, t_star);
  return r.exchange_time_s + sprint_time_s(p.outgoing, d_star + end_run - run) - t_star;
}

namespace {

HandoffResult solve_from_start(const HandoffParams& p) {
  const double f = p.free_distance_m;
  if (gap(p, 0.0) <= f) return at_time(p, 0.0);  // already within reach at the mark
  const double t_min = speeds_match_s(p);
  if (std::isfinite(t_min) && gap(p, t_min) > f) return late_pass(p, t_min, gap(p, t_min));
  // Bracket the crossing on the falling part of the gap.
  double lo = 0.0;
  double hi = std::isfinite(t_min) ? t_min : 1.0;
  // With no speed match the gap falls for ever but may level off above the reach.
  for (int i = 0; !std::isfinite(t_min) && gap(p, hi) > f; ++i) {
    if (i > 40) {
      HandoffResult r;
      r.go_mark_m = p.go_mark_m;
      r.closest_gap_m = gap(p, hi);
      r.reason = fmt::format(
          "no exchange: the incoming runner never gets within arm reach ({:.2f} m); shorten "
          "the go-mark",
          f);
      return r;
    }
    hi *= 2.0;
  }
  for (int i = 0; i < 200 && hi - lo > 1e-13; ++i) {
    const double mid = 0.5 * (lo + hi);
    (gap(p, mid) > f ? lo : hi) = mid;
  }
  return at_time(p, hi);
}

}  // namespace

HandoffResult solve_handoff(const HandoffParams& p) {
  validate_handoff(p);
  HandoffResult r = solve_from_start(p);
  r.start_m = p.start_m;
  return r;
}

double furthest_reachable_baton_m(const HandoffParams& p) {
  HandoffParams q = p;
  q.go_mark_m = 0.0;
  const double t = speeds_match_s(q);
  if (!std::isfinite(t)) return kInf;
  return outgoing_position(q, t) - 0.5 * q.free_distance_m;
}

HandoffResult handoff_for_target(HandoffParams p, double target_baton_m) {
  p.go_mark_m = 0.0;
  validate_handoff(p);
  HandoffResult none;
  none.baton_position_m = target_baton_m;
  none.start_m = p.start_m;
  const double f = p.free_distance_m;
  // The outgoing runner's own distance run when the baton passes at the target.
  const double run_m = target_baton_m + 0.5 * f - p.start_m;
  if (!std::isfinite(target_baton_m) || run_m < 0.0) {
    none.reason = fmt::format(
        "target {:.2f} m is behind where the outgoing runner can take the baton ({:.2f} m)",
        target_baton_m, p.start_m - 0.5 * f);
    return none;
  }
  const double reach = furthest_reachable_baton_m(p);
  if (target_baton_m > reach + 1e-9) {
    none.reason = fmt::format(
        "target {:.2f} m is beyond {:.2f} m, where the outgoing runner becomes as fast as the "
        "incoming runner: no go-mark reaches it",
        target_baton_m, reach);
    return none;
  }
  // The pass happens when the outgoing runner has run run_m metres; the go-mark closes the gap
  // to exactly the free distance at that moment.
  const double t = p.reaction_s + sprint_time_s(p.outgoing, run_m);
  const double travelled = incoming_position(p, t) - (p.start_m - p.go_mark_m);
  p.go_mark_m = f - run_m + travelled;
  if (p.go_mark_m < 0.0 || p.go_mark_m > kMaxGoMarkM) {
    none.go_mark_m = p.go_mark_m;
    none.reason = fmt::format("the go-mark for target {:.2f} m would be {:.2f} m, outside 0-{:g} m",
                              target_baton_m, p.go_mark_m, kMaxGoMarkM);
    return none;
  }
  return solve_handoff(p);
}

HandoffResult handoff_for_speed_fraction(const HandoffParams& p, double speed_fraction,
                                         double earliest_m, double latest_m) {
  if (!(speed_fraction > 0.0 && speed_fraction <= 1.0)) {
    throw ValidationError(
        fmt::format("pass_speed_fraction must be above 0 and at most 1 (got {:g})", speed_fraction),
        Location{"", 0, "pass_speed_fraction"});
  }
  HandoffParams q = p;
  q.go_mark_m = 0.0;
  validate_handoff(q);
  const double f = q.free_distance_m;
  // At a pass x metres into the zone the outgoing runner has run x + f/2 - start metres on
  // their own curve, and the incoming runner has been slowing since the mark for the reaction
  // plus that run: the speed ratio follows in closed form and rises with x.
  const auto ratio = [&](double x) {
    const double run_s = sprint_time_s(q.outgoing, std::max(0.0, x + 0.5 * f - q.start_m));
    const double v_out = sprint_speed_mps(q.outgoing, run_s);
    const double v_in = incoming_speed(q, q.reaction_s + run_s);
    return v_in > 0.0 ? v_out / v_in : kInf;
  };
  double earliest = 0.0;
  double reach = 0.0;
  double hi = 0.0;
  const auto bounds = [&] {
    earliest = std::max(0.0, q.start_m - 0.5 * f);
    reach = furthest_reachable_baton_m(q);
    hi = std::min({latest_m, q.zone_length_m, reach - 1e-6});
  };
  bounds();
  double target = hi;
  if (!(hi > earliest)) {
    target = std::max(earliest, std::min(hi, reach));
  } else if (ratio(earliest) >= speed_fraction) {
    target = earliest;
  } else if (ratio(hi) > speed_fraction) {
    double lo = earliest;
    double up = hi;
    for (int i = 0; i < 100 && up - lo > 1e-10; ++i) {
      const double mid = 0.5 * (lo + up);
      (ratio(mid) < speed_fraction ? lo : up) = mid;
    }
    target = up;
    // The fraction comes too early in the zone: the outgoing runner stands further in, which
    // moves the whole run, the pass and the reachable point with it (the speeds depend only
    // on the distance run), so the pass keeps the fraction and comes at earliest_m.
    const double shift = earliest_m - target;
    if (shift > 0.0 && q.start_m + shift < q.zone_length_m) {
      q.start_m += shift;
      bounds();
      target = std::min(target + shift, hi);
    }
  }
  // Not so early that a late start loses the pass before the zone, where the pass can come
  // later (short of the reachable point).
  if (target < earliest_m) target = std::max(target, std::min(earliest_m, hi));
  const HandoffResult planned = handoff_for_target(q, target);
  if (planned.exchanged && planned.legal) return planned;
  // Not legal (a go-mark beyond 60 m, or the pass not inside the zone): a coach shortens the
  // go-mark, so try passes closer to the outgoing runner's start.
  for (double share : {0.95, 0.85, 0.7, 0.55, 0.4}) {
    const double x = share * std::min(reach, q.zone_length_m);
    if (!(x < target && x > earliest + 0.5)) continue;
    const HandoffResult h = handoff_for_target(q, x);
    if (h.exchanged && h.legal) return h;
  }
  return planned;
}

}  // namespace baton
