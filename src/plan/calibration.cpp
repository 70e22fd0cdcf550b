#include "baton/calibration.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "baton/error.h"
#include "plan/drill_checks.h"

namespace baton {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct Weighted {
  double go_mark_m;
  double exchange_at_m;
  double weight;
};

void validate_options(const CalibrationOptions& o) {
  const auto fail = [](const char* field, const std::string& message) {
    throw ValidationError(message, Location{"", 0, field});
  };
  if (!(o.half_life_days > 0)) fail("half_life_days", "half-life must be above 0 days");
  if (!(o.prior_drills >= 0) || !std::isfinite(o.prior_drills)) {
    fail("prior_drills", "prior weight must be 0 or more drills");
  }
  if (!(o.min_reaction_s >= 0 && o.min_reaction_s < o.max_reaction_s && o.max_reaction_s <= 1)) {
    fail("min_reaction_s", fmt::format("reaction bounds must satisfy 0 <= min < max <= 1 s "
                                       "(got {:g} - {:g} s)",
                                       o.min_reaction_s, o.max_reaction_s));
  }
}

// The drills with their weights, and the model's prediction as a pseudo-drill.
std::vector<Weighted> weigh(const HandoffParams& nominal,
                            const std::vector<DrillObservation>& drills, double target_m,
                            const CalibrationOptions& o) {
  plan::check_drills(drills);
  std::vector<Weighted> out;
  for (const DrillObservation& d : drills) {
    out.push_back({d.go_mark_m, d.exchange_at_m, std::exp2(-d.age_days / o.half_life_days)});
  }
  if (o.prior_drills > 0) {
    const HandoffResult model = handoff_for_target(nominal, target_m);
    if (model.exchanged) out.push_back({model.go_mark_m, target_m, o.prior_drills});
  }
  return out;
}

// Residual of one drill in go-mark metres: the mark used minus the mark that, with this
// reaction, puts the baton where it was seen.
double mark_residual_m(const HandoffParams& p, const Weighted& d, double reaction_s) {
  return d.go_mark_m - mark_for_exchange_m(p, d.exchange_at_m, reaction_s);
}

double objective(const HandoffParams& p, const std::vector<Weighted>& drills, double reaction_s) {
  double sum = 0;
  for (const Weighted& d : drills) {
    const double r = mark_residual_m(p, d, reaction_s);
    sum += d.weight * r * r;
  }
  return sum;
}

}  // namespace

double model_exchange_at_m(HandoffParams p, double go_mark_m, double reaction_s) {
  p.go_mark_m = go_mark_m;
  p.reaction_s = reaction_s;
  const HandoffResult r = solve_handoff(p);
  if (r.exchanged) return r.baton_position_m;
  // No pass: the runners came closest at baton_position_m, still closest_gap_m apart. The
  // exchange would need that much more running, so extend the position by the remaining gap
  // (continuous with the last go-mark that does exchange, where the gap is exactly the reach).
  if (r.exchange_time_s <= 0.0) return kInf;  // the gap never reached a minimum
  return r.baton_position_m + (r.closest_gap_m - p.free_distance_m);
}

double mark_for_exchange_m(const HandoffParams& p, double exchange_at_m, double reaction_s) {
  HandoffParams q = p;
  q.reaction_s = reaction_s;
  return mark_for_exchange_m(p, exchange_at_m, reaction_s, furthest_reachable_baton_m(q));
}

double mark_for_exchange_m(const HandoffParams& p, double exchange_at_m, double reaction_s,
                           double reach_m) {
  // The kinematics of handoff_for_target() without its reachability checks: the outgoing
  // runner has run `run` metres when the baton passes, t = reaction + t(run) after the mark;
  // the incoming runner covered go_mark + start + run - free_distance metres by then.
  // Past the furthest reachable point the incoming runner is no longer faster, so no mark
  // passes there; such a drill says the mark reached as far as this pair can: clamp to it.
  const double x = std::min(exchange_at_m, reach_m);
  const double run = std::max(0.0, x + 0.5 * p.free_distance_m - p.start_m);
  const double t = reaction_s + sprint_time_s(p.outgoing, run);
  const double stop =
      p.incoming_decel_mps2 > 0 ? p.incoming_speed_mps / p.incoming_decel_mps2 : kInf;
  const double ts = std::min(t, stop);
  const double travelled = p.incoming_speed_mps * ts - 0.5 * p.incoming_decel_mps2 * ts * ts;
  return p.free_distance_m - run + travelled;
}

double planned_target_m(const HandoffParams& p, double preferred_m) {
  const auto reaches = [&](double t) {
    const HandoffResult h = handoff_for_target(p, t);
    return h.exchanged && h.legal;
  };
  if (reaches(preferred_m)) return preferred_m;
  const double reach = std::min(furthest_reachable_baton_m(p), p.zone_length_m);
  const double earliest = p.start_m + 0.5 * p.free_distance_m + 0.5;
  for (double f : {0.95, 0.85, 0.7, 0.55, 0.4}) {
    const double t = f * reach;
    if (t < preferred_m && t > earliest && reaches(t)) return t;
  }
  return preferred_m;
}

double fit_effective_reaction_s(const HandoffParams& nominal,
                                const std::vector<DrillObservation>& drills, double target_m,
                                const CalibrationOptions& options) {
  validate_handoff(nominal);
  validate_options(options);
  const std::vector<Weighted> w = weigh(nominal, drills, target_m, options);
  if (w.empty()) return nominal.reaction_s;
  // The objective is smooth but need not be unimodal over the whole range (drills at very
  // different marks can pull apart), so scan a grid first, then refine the best cell by
  // golden-section search.
  const double lo = options.min_reaction_s;
  const double hi = options.max_reaction_s;
  constexpr int kCells = 200;
  const double h = (hi - lo) / kCells;
  int best = 0;
  double best_value = kInf;
  for (int i = 0; i <= kCells; ++i) {
    const double v = objective(nominal, w, lo + i * h);
    if (v < best_value) {
      best_value = v;
      best = i;
    }
  }
  double a = lo + std::max(0, best - 1) * h;
  double b = lo + std::min(kCells, best + 1) * h;
  const double g = (std::sqrt(5.0) - 1.0) / 2.0;
  double c = b - g * (b - a);
  double d = a + g * (b - a);
  double fc = objective(nominal, w, c);
  double fd = objective(nominal, w, d);
  for (int i = 0; i < 60 && b - a > 1e-7; ++i) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = objective(nominal, w, c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = objective(nominal, w, d);
    }
  }
  const double r = 0.5 * (a + b);
  return objective(nominal, w, r) <= best_value ? r : lo + best * h;
}

Calibration calibrate_go_mark(const HandoffParams& nominal,
                              const std::vector<DrillObservation>& drills, double target_m,
                              const CalibrationOptions& options) {
  Calibration c;
  c.effective_reaction_s = fit_effective_reaction_s(nominal, drills, target_m, options);
  c.drills = static_cast<int>(drills.size());
  c.nominal_reaction_s = nominal.reaction_s;
  c.target_m = target_m;
  c.model = handoff_for_target(nominal, target_m);
  HandoffParams fitted = nominal;
  fitted.reaction_s = c.effective_reaction_s;
  c.recommended = handoff_for_target(fitted, target_m);
  const double tol = 1e-4;
  c.reaction_at_bound = !drills.empty() && (c.effective_reaction_s < options.min_reaction_s + tol ||
                                            c.effective_reaction_s > options.max_reaction_s - tol);
  double ss = 0;
  for (const DrillObservation& d : drills) {
    const double w = std::exp2(-d.age_days / options.half_life_days);
    const double r =
        mark_residual_m(nominal, {d.go_mark_m, d.exchange_at_m, w}, c.effective_reaction_s);
    c.effective_drills += w;
    ss += w * r * r;
  }
  if (c.effective_drills > 0) c.rms_residual_m = std::sqrt(ss / c.effective_drills);
  return c;
}

}  // namespace baton
