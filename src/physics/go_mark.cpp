#include "baton/go_mark.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

#include "baton/error.h"

namespace baton {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kMaxMarkM = 60.0;
constexpr double kReactionSpanSd = 7.0;  // reaction integrated over +-7 sd (mass outside 3e-12)
constexpr double kMarkSpanSd = 8.0;      // mark error integrated over +-8 sd where not closed form

// 4-point Gauss-Legendre on [-1, 1].
constexpr std::array<double, 4> kGlX = {-0.8611363115940526, -0.3399810435848563,
                                        0.3399810435848563, 0.8611363115940526};
constexpr std::array<double, 4> kGlW = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461,
                                        0.3478548451374538};

double normal_pdf(double z) {
  return std::isfinite(z) ? 0.3989422804014327 * std::exp(-0.5 * z * z) : 0.0;
}
double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

// P(M + e <= x) for e ~ N(0, sd^2); a step when sd = 0.
double cdf_at(double x, double mark, double sd) {
  if (x == kInf) return 1.0;
  if (x == -kInf) return 0.0;
  if (sd <= 0.0) return mark <= x ? 1.0 : 0.0;
  return normal_cdf((x - mark) / sd);
}

// Distance the incoming runner covers in t seconds after the go-mark, metres.
double incoming_travel_m(const HandoffParams& p, double t) {
  const double a = p.incoming_decel_mps2;
  const double ts = a > 0.0 ? std::min(t, p.incoming_speed_mps / a) : t;
  return p.incoming_speed_mps * ts - 0.5 * a * ts * ts;
}

// The mark at which the pass happens once the outgoing runner has run `run_m` metres.
double mark_for_run(const HandoffParams& p, double reaction_s, double run_m) {
  const double t = reaction_s + sprint_time_s(p.outgoing, run_m);
  return p.free_distance_m - run_m + incoming_travel_m(p, t);
}

// When the incoming runner's baton (free/2 ahead of the runner) reaches the zone's start,
// seconds after the go-mark (negative when the mark lies inside the zone).
double baton_enters_s(const HandoffParams& p, double mark_m) {
  const double c = mark_m - p.start_m - 0.5 * p.free_distance_m;  // distance to cover
  const double u = p.incoming_speed_mps;
  const double a = p.incoming_decel_mps2;
  if (a <= 0.0) return c / u;
  const double disc = u * u - 2.0 * a * c;
  if (disc < 0.0) return kInf;  // the runner stops first
  return 2.0 * c / (u + std::sqrt(disc));
}

// One reaction time of the quadrature and the marks that bound its outcomes.
struct ReactionNode {
  double weight = 0.0;
  double reaction_s = 0.0;
  double before_m = -kInf;  // shorter marks pass before the zone's start
  double end_m = kInf;      // longer marks pass beyond the zone's end
  double match_m = kInf;    // longer marks never reach the outgoing runner
  double exit_s = 0.0;      // when the outgoing runner's baton leaves the zone
  // Late passes (the outgoing runner eases): marks in (match_m, late_hi_m) pass late but legally
  // when `late` is set; longer marks pass beyond the zone (`late_stops` false) or would make the
  // outgoing runner stop (`late_stops` true).
  bool late = false;
  bool late_stops = false;
  double late_hi_m = kInf;
  double match_t_s = kInf;  // when the speeds match
  double legal_hi() const { return std::min(end_m, match_m); }
  double any_legal_hi() const { return late ? late_hi_m : legal_hi(); }
};

// `reach_m`: furthest_reachable_baton_m() at this reaction, or NaN to compute it here.
ReactionNode make_node(const HandoffParams& p, double reaction_s, double weight,
                       double reach_m = std::numeric_limits<double>::quiet_NaN()) {
  ReactionNode n;
  n.weight = weight;
  n.reaction_s = reaction_s;
  HandoffParams q = p;
  q.reaction_s = reaction_s;
  const double half = 0.5 * p.free_distance_m;
  if (std::isnan(reach_m)) reach_m = furthest_reachable_baton_m(q);
  const double reach_run = reach_m + half - p.start_m;
  if (std::isfinite(reach_m)) n.match_m = mark_for_run(p, reaction_s, reach_run);
  const double end_run = p.zone_length_m + half - p.start_m;
  if (end_run < reach_run) n.end_m = mark_for_run(p, reaction_s, end_run);
  const double start_run = half - p.start_m;
  if (start_run > 0.0) {
    n.before_m = start_run < reach_run ? mark_for_run(p, reaction_s, start_run) : kInf;
  }
  n.exit_s = reaction_s + sprint_time_s(p.outgoing, end_run);
  // The late pass after a gap stuck x metres above the reach: s = sqrt(2 x / ease) seconds of
  // easing; the baton moves (v s - (a + ease) s^2 / 2) past the speed-match point.
  if (p.ease_mps2 > 0.0 && std::isfinite(n.match_m) && std::isfinite(reach_m) &&
      reach_m <= p.zone_length_m) {
    n.late = true;
    n.match_t_s = reaction_s + sprint_time_s(p.outgoing, reach_run);
    const double vm = sprint_speed_mps(p.outgoing, n.match_t_s - reaction_s);
    const double k = 0.5 * (p.incoming_decel_mps2 + p.ease_mps2);
    const double c = p.zone_length_m - reach_m;
    const double disc = vm * vm - 4.0 * k * c;
    double s_hi;
    if (disc >= 0.0) {
      s_hi = 2.0 * c / (vm + std::sqrt(disc));
    } else {
      s_hi = vm / (2.0 * k);
      n.late_stops = true;
    }
    n.late_hi_m = n.match_m + 0.5 * p.ease_mps2 * s_hi * s_hi;
  }
  return n;
}

// The exchange with its reaction quadrature, ready to evaluate any nominal mark cheaply.
class SpreadModel {
 public:
  SpreadModel(const HandoffParams& p, const GoMarkOptions& o) : p_(p), o_(o) {
    if (o.exchange.reaction_sd_s <= 0.0) {
      nodes_.push_back(make_node(p, p.reaction_s, 1.0));
      return;
    }
    // With a steady incoming runner the speeds match a fixed time after the outgoing runner
    // moves, at the same place whatever the reaction: compute that place once.
    const double shared_reach = p.incoming_decel_mps2 > 0.0
                                    ? std::numeric_limits<double>::quiet_NaN()
                                    : furthest_reachable_baton_m(p);
    const double h = 2.0 * kReactionSpanSd / o.panels;
    double total = 0.0;
    for (int k = 0; k < o.panels; ++k) {
      const double mid = -kReactionSpanSd + (k + 0.5) * h;
      for (size_t i = 0; i < kGlX.size(); ++i) {
        const double z = mid + 0.5 * h * kGlX[i];
        const double w = 0.5 * h * kGlW[i] * normal_pdf(z);
        // A reaction is never earlier than the mark, unless the pair's own effective reaction
        // already is (an anticipating pair's calibration): then it scatters freely.
        const double r =
            std::max(p.reaction_s < 0.0 ? -0.5 : 0.0, p.reaction_s + o.exchange.reaction_sd_s * z);
        nodes_.push_back(make_node(p, r, w, shared_reach));
        total += w;
      }
    }
    for (ReactionNode& n : nodes_) n.weight /= total;
  }

  MarkRisk evaluate(double mark) const {
    MarkRisk r;
    r.go_mark_m = mark;
    const double sd = o_.exchange.mark_sd_m;
    double legal_p = 0.0;
    double legal_time = 0.0;  // sum of weight * E[T 1{legal}]
    for (const ReactionNode& n : nodes_) {
      // Marks below lo pass before the zone, up to hi legally, up to match_m beyond the zone,
      // and longer marks never reach the outgoing runner.
      const double lo = std::min(n.before_m, n.match_m);
      const double hi = n.legal_hi();
      const double c_lo = cdf_at(lo, mark, sd);
      const double c_hi = cdf_at(hi, mark, sd);
      const double c_match = cdf_at(n.match_m, mark, sd);
      const double p_legal = std::max(0.0, c_hi - c_lo);
      r.p_before_zone += n.weight * c_lo;
      r.p_beyond_zone += n.weight * std::max(0.0, c_match - c_hi);
      if (n.late) {
        const double c_late = cdf_at(n.late_hi_m, mark, sd);
        const double p_late = std::max(0.0, c_late - c_match);
        (n.late_stops ? r.p_no_exchange : r.p_beyond_zone) += n.weight * (1.0 - c_late);
        if (p_late > 0.0) {
          r.p_late += n.weight * p_late;
          legal_p += n.weight * p_late;
          legal_time += n.weight * late_integral(n, mark);
        }
      } else if (p_.ease_mps2 > 0.0 && std::isfinite(n.match_m)) {
        r.p_beyond_zone += n.weight * (1.0 - c_match);  // eased, but the speeds match too late
      } else {
        r.p_no_exchange += n.weight * (1.0 - c_match);
      }
      if (p_legal <= 0.0) continue;
      legal_p += n.weight * p_legal;
      legal_time += n.weight * (n.exit_s * p_legal - entry_integral(lo, hi, mark));
    }
    r.p_illegal = std::clamp(r.p_before_zone + r.p_beyond_zone + r.p_no_exchange, 0.0, 1.0);
    r.legal_time_s = legal_p > 0.0 ? legal_time / legal_p : 0.0;
    r.expected_time_s = legal_time + o_.exchange.failure_cost_s * (1.0 - legal_p);
    return r;
  }

  // Longest mark with a legal pass at the nominal reaction, and the span of the longest legal
  // marks over all reaction nodes.
  double nominal_legal_hi() const { return make_node(p_, p_.reaction_s, 1.0).any_legal_hi(); }
  double nominal_legal_lo() const { return make_node(p_, p_.reaction_s, 1.0).before_m; }
  double min_legal_hi() const {
    double v = kInf;
    for (const ReactionNode& n : nodes_) v = std::min(v, n.legal_hi());
    return v;
  }
  double max_legal_hi() const {
    double v = -kInf;
    for (const ReactionNode& n : nodes_) v = std::max(v, n.any_legal_hi());
    return v;
  }

 private:
  // Baton time of the late pass when the mark actually used is m (> n.match_m), seconds: the
  // undisturbed exit plus the eased runner's lag over the rest of the leg (what the team loses,
  // not only what the zone sees) and the late-pass cost.
  double late_time_s(const ReactionNode& n, double m) const {
    HandoffParams q = p_;
    q.reaction_s = n.reaction_s;
    q.go_mark_m = std::clamp(m, 0.0, kMaxMarkM);
    const HandoffResult h = late_pass(q, n.match_t_s, p_.free_distance_m + (m - n.match_m));
    return n.exit_s + h.ease_cost_s - baton_enters_s(p_, m) + o_.exchange.late_pass_cost_s;
  }

  // E[T(M + e) 1{late legal}] for one reaction node, by composite Gauss-Legendre over the mark.
  double late_integral(const ReactionNode& n, double mark) const {
    const double sd = o_.exchange.mark_sd_m;
    if (sd <= 0.0) {
      return (mark > n.match_m && mark <= n.late_hi_m) ? late_time_s(n, mark) : 0.0;
    }
    return mark_error_integral(n.match_m, n.late_hi_m, mark, 6,
                               [&](double m) { return late_time_s(n, m); });
  }

  // E[f(M + e) 1{lo <= M + e <= hi}] for e ~ N(0, mark_sd^2) by composite Gauss-Legendre over
  // +-kMarkSpanSd sd, one panel per 2 sd (at most `max_panels`); mark_sd_m > 0.
  template <class F>
  double mark_error_integral(double lo, double hi, double mark, int max_panels, F f) const {
    const double sd = o_.exchange.mark_sd_m;
    const double a = std::max(lo, mark - kMarkSpanSd * sd);
    const double b = std::min(hi, mark + kMarkSpanSd * sd);
    if (b <= a) return 0.0;
    const int panels = std::clamp(static_cast<int>(std::ceil((b - a) / (2.0 * sd))), 1, max_panels);
    const double h = (b - a) / panels;
    double sum = 0.0;
    for (int k = 0; k < panels; ++k) {
      const double mid = a + (k + 0.5) * h;
      for (size_t i = 0; i < kGlX.size(); ++i) {
        const double m = mid + 0.5 * h * kGlX[i];
        sum += 0.5 * h * kGlW[i] * normal_pdf((m - mark) / sd) / sd * f(m);
      }
    }
    return sum;
  }

  // E[t0(M + e) 1{lo <= M + e <= hi}] for e ~ N(0, sd^2): when the incoming baton enters.
  double entry_integral(double lo, double hi, double mark) const {
    const double sd = o_.exchange.mark_sd_m;
    if (sd <= 0.0) return (mark >= lo && mark <= hi) ? baton_enters_s(p_, mark) : 0.0;
    if (p_.incoming_decel_mps2 <= 0.0) {
      // t0 is linear, (m - c0) / u: the Gaussian partial moments are closed form.
      const double c0 = p_.start_m + 0.5 * p_.free_distance_m;
      const double z_lo = (lo - mark) / sd;
      const double z_hi = (hi - mark) / sd;
      const double mass = cdf_at(hi, mark, sd) - cdf_at(lo, mark, sd);
      return ((mark - c0) * mass + sd * (normal_pdf(z_lo) - normal_pdf(z_hi))) /
             p_.incoming_speed_mps;
    }
    return mark_error_integral(lo, hi, mark, std::numeric_limits<int>::max(),
                               [&](double m) { return baton_enters_s(p_, m); });
  }

  HandoffParams p_;
  GoMarkOptions o_;
  std::vector<ReactionNode> nodes_;
};

void check(bool ok, const char* field, const std::string& message) {
  if (!ok) throw ValidationError(message, Location{"", 0, field});
}

}  // namespace

void validate_go_mark_options(const GoMarkOptions& o) {
  validate_exchange_settings(o.exchange);
  check(o.panels >= 1 && o.panels <= 200, "panels",
        fmt::format("quadrature panels must be 1-200 (got {})", o.panels));
}

std::optional<double> baton_time_s(const HandoffParams& p) {
  const HandoffResult r = solve_handoff(p);
  if (!r.legal) return std::nullopt;
  const double exit_s =
      p.reaction_s +
      sprint_time_s(p.outgoing, p.zone_length_m + 0.5 * p.free_distance_m - p.start_m);
  return exit_s + r.ease_cost_s - baton_enters_s(p, p.go_mark_m);
}

MarkRisk evaluate_go_mark(const HandoffParams& p, double go_mark_m, const GoMarkOptions& o) {
  validate_handoff(p);
  validate_go_mark_options(o);
  return SpreadModel(p, o).evaluate(go_mark_m);
}

GoMarkPlan best_go_mark(const HandoffParams& p, const GoMarkOptions& o) {
  validate_handoff(p);
  validate_go_mark_options(o);
  const SpreadModel model(p, o);
  GoMarkPlan plan;

  // Below the longest legal marks the expected time only falls with the mark (about 1/u s per
  // metre), so the minimum lies within a few spreads of them: scan there, then refine.
  const double hi_nominal = model.nominal_legal_hi();
  // (Late passes, when the outgoing runner eases, extend the legal marks past the speed match:
  // the scan runs from below the shortest pass-as-planned limit to past the longest late one.)
  double upper = std::min(kMaxMarkM, model.max_legal_hi() + 4.0 * o.exchange.mark_sd_m + 0.5);
  double lower = std::max(0.0, model.min_legal_hi() - 8.0 * o.exchange.mark_sd_m - 4.0);
  if (!std::isfinite(upper) || upper <= 0.0) upper = kMaxMarkM;
  if (!(lower < upper)) lower = 0.0;
  constexpr double kStepM = 0.2;
  const int steps = std::max(2, static_cast<int>(std::ceil((upper - lower) / kStepM)));
  const double step = (upper - lower) / steps;
  double best_m = lower;
  double best_e = kInf;
  for (int i = 0; i <= steps; ++i) {
    const double m = lower + i * step;
    const double e = model.evaluate(m).expected_time_s;
    if (e < best_e) {
      best_e = e;
      best_m = m;
    }
  }
  // Golden-section refinement inside the neighbouring grid cells.
  double a = std::max(lower, best_m - step);
  double b = std::min(upper, best_m + step);
  const double g = (std::sqrt(5.0) - 1.0) / 2.0;
  double c = b - g * (b - a);
  double d = a + g * (b - a);
  double fc = model.evaluate(c).expected_time_s;
  double fd = model.evaluate(d).expected_time_s;
  while (b - a > 1e-6) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = model.evaluate(c).expected_time_s;
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = model.evaluate(d).expected_time_s;
    }
  }
  const double refined = 0.5 * (a + b);
  if (model.evaluate(refined).expected_time_s <= best_e) best_m = refined;

  plan.best = model.evaluate(best_m);
  plan.longest_legal_mark_m = std::isfinite(hi_nominal) ? hi_nominal : kMaxMarkM;
  HandoffParams q = p;
  q.go_mark_m = std::clamp(best_m, 0.0, kMaxMarkM);
  plan.nominal = solve_handoff(q);
  if (plan.nominal.legal) plan.baton_time_s = *baton_time_s(q);
  plan.zone_end_margin_m = p.zone_length_m - plan.nominal.baton_position_m;
  plan.mark_margin_m = plan.longest_legal_mark_m - best_m;
  plan.cost_short_s =
      model.evaluate(best_m - kMarkErrorProbeM).expected_time_s - plan.best.expected_time_s;
  plan.cost_long_s =
      model.evaluate(best_m + kMarkErrorProbeM).expected_time_s - plan.best.expected_time_s;
  plan.feasible = plan.best.p_illegal < 0.99;
  if (!plan.feasible) {
    plan.reason = !plan.nominal.reason.empty()
                      ? plan.nominal.reason
                      : "no go-mark gives a legal pass with a useful probability";
    if (hi_nominal <= model.nominal_legal_lo() || !std::isfinite(hi_nominal)) {
      plan.reason = "no go-mark gives a legal pass: " + plan.reason;
    }
  }
  return plan;
}

std::optional<MarkRisk> safer_go_mark(const HandoffParams& p, double from_mark_m, double max_risk,
                                      const GoMarkOptions& o) {
  validate_handoff(p);
  validate_go_mark_options(o);
  const SpreadModel model(p, o);
  constexpr double kStepM = 0.05;
  const double from = std::clamp(from_mark_m, 0.0, kMaxMarkM);
  // Outward from the mark, shorter before longer at the same distance: a shorter mark passes
  // earlier (away from the zone's end), a longer one later (away from its start).
  for (int k = 1; k * kStepM <= kMaxMarkM; ++k) {
    bool inside = false;
    for (const double m : {from - k * kStepM, from + k * kStepM}) {
      if (m < 0.0 || m > kMaxMarkM) continue;
      inside = true;
      const MarkRisk r = model.evaluate(m);
      if (r.p_illegal <= max_risk) return r;
    }
    if (!inside) break;
  }
  return std::nullopt;
}

PlannedPass planned_blind_pass(const HandoffParams& given, const ExchangeSettings& x) {
  PlannedPass out;
  out.pass = handoff_for_speed_fraction(given, x.pass_speed_fraction, x.earliest_pass_m,
                                        x.latest_pass_fraction * given.zone_length_m);
  out.speed_rule_mark_m = out.pass.go_mark_m;
  if (!out.pass.exchanged || !out.pass.legal) return out;
  // Every mark below is measured from where the speed rule has the outgoing runner stand.
  HandoffParams p = given;
  p.start_m = out.pass.start_m;
  // A mark whose nominal pass stays legal when put 2.5 sd short or long fails about 1 % of
  // the time: no need to integrate.
  const double u_sd = p.incoming_speed_mps * x.reaction_sd_s;
  const double sd = std::sqrt(x.mark_sd_m * x.mark_sd_m + u_sd * u_sd);
  const auto legal_at = [&](double mark) {
    HandoffParams q = p;
    q.go_mark_m = std::clamp(mark, 0.0, kMaxMarkM);
    const HandoffResult r = solve_handoff(q);
    return r.exchanged && r.legal;
  };
  constexpr double kMarginSd = 2.5;
  const double mark = out.pass.go_mark_m;
  if (legal_at(mark - kMarginSd * sd) && legal_at(mark + kMarginSd * sd)) return out;
  const GoMarkOptions spread{.exchange = x};
  const MarkRisk risk = evaluate_go_mark(p, mark, spread);
  if (risk.p_illegal <= kMaxPlainRisk) return out;
  const std::optional<MarkRisk> safer = safer_go_mark(p, mark, kMaxPlainRisk, spread);
  if (!safer) return out;
  HandoffParams q = p;
  q.go_mark_m = safer->go_mark_m;
  const HandoffResult r = solve_handoff(q);
  if (!r.exchanged || !r.legal) return out;
  out.pass = r;
  out.made_safer = true;
  out.speed_rule_p_illegal = risk.p_illegal;
  return out;
}

}  // namespace baton
