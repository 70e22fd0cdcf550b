// A pair's exchange parameters fitted to its drills (include/baton/pair_calibration.h).
#include "baton/pair_calibration.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "baton/error.h"
#include "baton/go_mark.h"
#include "plan/drill_checks.h"

namespace baton {
namespace {

constexpr int kParams = 3;  // reaction, TAU, incoming speed
using Vec = std::array<double, kParams>;
using Mat = std::array<Vec, kParams>;

// A drill this far from the fitted pair, in timing spreads, is not explained by it.
constexpr double kUnexplainedSpreads = 3.0;

struct Weighted {
  int index;
  double go_mark_m;
  double exchange_at_m;
  double weight;
};

struct Bounds {
  Vec lo;
  Vec hi;
};

HandoffParams with(HandoffParams p, const Vec& t) {
  p.reaction_s = t[0];
  p.outgoing.tau_s = t[1];
  p.incoming_speed_mps = t[2];
  return p;
}

// Wide enough for what real pairs do (a runner who anticipates the mark, an incoming runner
// well below race speed), inside what the hand-off solver accepts.
Bounds bounds(const HandoffParams& p) {
  Bounds b;
  b.lo = {-0.5, 0.4, std::max(2.0, 0.6 * p.incoming_speed_mps)};
  b.hi = {0.8, 2.8, std::min(15.0, 1.25 * p.incoming_speed_mps)};
  return b;
}

// The go-mark that passes at `x` for these parameters: the solver's inverse up to the furthest
// reachable point, and past it continued with slope 1 (each metre of mark beyond the longest
// useful one moves the closest approach a metre on, as model_exchange_at_m() extends the
// forward problem), so a pass logged beyond the reach pushes the fit towards pairs that reach it.
// `reach` is furthest_reachable_baton_m(p), asked once per hand-off by the callers.
double mark_for_m(const HandoffParams& p, double x, double reach) {
  if (x <= reach) return mark_for_exchange_m(p, x, p.reaction_s, reach);
  return mark_for_exchange_m(p, reach, p.reaction_s, reach) + (x - reach);
}

double residual_m(const HandoffParams& nominal, const Weighted& d, const Vec& t) {
  const HandoffParams p = with(nominal, t);
  return d.go_mark_m - mark_for_m(p, d.exchange_at_m, furthest_reachable_baton_m(p));
}

// The slope of the mark against the pass position below which a drill counts as at the
// furthest reachable point (where a pass position says almost nothing about the mark).
constexpr double kMinSlope = 0.01;

struct Problem {
  const HandoffParams& nominal;
  const std::vector<Weighted>& drills;
  Vec prior;
  Vec prior_sd;
  double drill_sd_m;

  // -2 log posterior (up to a constant). Each drill's pass position x_i is what a pass with
  // timing error e ~ N(0, s^2) in go-mark metres produces: its density is that of the mark
  // residual times |dM/dx| at x_i. The second factor matters where the incoming runner only
  // just catches the outgoing runner: there positions spread over metres for centimetres of
  // mark, so drills that pass close together are unlikely to sit there.
  double objective(const Vec& t) const {
    const HandoffParams p = with(nominal, t);
    const double reach = furthest_reachable_baton_m(p);
    double f = 0.0;
    for (const Weighted& d : drills) {
      const double r = (d.go_mark_m - mark_for_m(p, d.exchange_at_m, reach)) / drill_sd_m;
      double slope = kMinSlope;
      if (d.exchange_at_m < reach) {
        const double h = std::min(0.05, 0.5 * (reach - d.exchange_at_m));
        slope = (mark_for_m(p, d.exchange_at_m + h, reach) -
                 mark_for_m(p, d.exchange_at_m - h, reach)) /
                (2 * h);
      }
      f += d.weight * (r * r - 2.0 * std::log(std::max(kMinSlope, slope)));
    }
    for (int j = 0; j < kParams; ++j) {
      const double z = (t[j] - prior[j]) / prior_sd[j];
      f += z * z;
    }
    return f;
  }

  double step(int j, const Vec& t) const { return 1e-4 * std::max(1.0, std::abs(t[j])); }

  // Gradient and Hessian of objective() by central differences.
  void derivatives(const Vec& t, Vec& g, Mat& H) const {
    const double f0 = objective(t);
    for (int a = 0; a < kParams; ++a) {
      const double ha = step(a, t);
      Vec p = t, m = t;
      p[a] += ha;
      m[a] -= ha;
      const double fp = objective(p), fm = objective(m);
      g[a] = (fp - fm) / (2 * ha);
      H[a][a] = (fp - 2 * f0 + fm) / (ha * ha);
      for (int b = a + 1; b < kParams; ++b) {
        const double hb = step(b, t);
        Vec pp = t, pm = t, mp = t, mm = t;
        pp[a] += ha, pp[b] += hb;
        pm[a] += ha, pm[b] -= hb;
        mp[a] -= ha, mp[b] += hb;
        mm[a] -= ha, mm[b] -= hb;
        H[a][b] = H[b][a] =
            (objective(pp) - objective(pm) - objective(mp) + objective(mm)) / (4 * ha * hb);
      }
    }
  }
};

// Solves H x = g by Gaussian elimination with pivoting.
Vec solve(Mat H, Vec g) {
  for (int c = 0; c < kParams; ++c) {
    int pivot = c;
    for (int r = c + 1; r < kParams; ++r) {
      if (std::abs(H[r][c]) > std::abs(H[pivot][c])) pivot = r;
    }
    std::swap(H[c], H[pivot]);
    std::swap(g[c], g[pivot]);
    for (int r = c + 1; r < kParams; ++r) {
      const double f = H[r][c] / H[c][c];
      for (int k = c; k < kParams; ++k) H[r][k] -= f * H[c][k];
      g[r] -= f * g[c];
    }
  }
  Vec x{};
  for (int r = kParams - 1; r >= 0; --r) {
    double s = g[r];
    for (int k = r + 1; k < kParams; ++k) s -= H[r][k] * x[k];
    x[r] = s / H[r][r];
  }
  return x;
}

Mat inverse(const Mat& H) {
  Mat inv{};
  for (int c = 0; c < kParams; ++c) {
    Vec e{};
    e[c] = 1.0;
    const Vec col = solve(H, e);
    for (int r = 0; r < kParams; ++r) inv[r][c] = col[r];
  }
  return inv;
}

// Damped Newton (Levenberg-Marquardt on the Hessian) from the prior, steps projected into the
// bounds; a Hessian that is not positive definite falls back on the prior's curvature plus
// damping.
Vec fit(const Problem& pr, const Bounds& b) {
  Vec t = pr.prior;
  double f = pr.objective(t);
  double lambda = 1e-3;
  for (int it = 0; it < 200; ++it) {
    Vec g{};
    Mat H{};
    pr.derivatives(t, g, H);
    bool improved = false;
    for (int tries = 0; tries < 30 && !improved; ++tries) {
      Mat D = H;
      for (int j = 0; j < kParams; ++j) {
        const double prior_curvature = 2.0 / (pr.prior_sd[j] * pr.prior_sd[j]);
        D[j][j] = std::max(D[j][j], prior_curvature) + lambda * prior_curvature;
      }
      Vec minus_g;
      for (int j = 0; j < kParams; ++j) minus_g[j] = -g[j];
      const Vec delta = solve(D, minus_g);
      Vec next = t;
      for (int j = 0; j < kParams; ++j) next[j] = std::clamp(t[j] + delta[j], b.lo[j], b.hi[j]);
      const double fn = pr.objective(next);
      if (std::isfinite(fn) && fn < f) {
        double moved = 0.0;
        for (int j = 0; j < kParams; ++j) {
          moved = std::max(moved, std::abs(next[j] - t[j]) / pr.prior_sd[j]);
        }
        t = next;
        const double gain = f - fn;
        f = fn;
        lambda = std::max(1e-9, lambda / 4);
        improved = true;
        if (moved < 1e-7 || gain < 1e-10) return t;
      } else {
        lambda *= 4;
      }
    }
    if (!improved) return t;
  }
  return t;
}

// The pair's own timing spread of one pass, go-mark metres: its residuals around the fit, with
// the default spread worth kSpreadPriorDrills drills (a consistent pair earns a narrower spread,
// so its drills pin its passes down more tightly).
constexpr double kSpreadPriorDrills = 2.0;

double pair_spread_m(const HandoffParams& nominal, const std::vector<Weighted>& drills,
                     const Vec& t, double default_sd_m) {
  double ss = kSpreadPriorDrills * default_sd_m * default_sd_m;
  double n = kSpreadPriorDrills;
  for (const Weighted& d : drills) {
    const double r = residual_m(nominal, d, t);
    ss += d.weight * r * r;
    n += d.weight;
  }
  return std::sqrt(ss / n);
}

void validate(const PairFitOptions& o) {
  const auto fail = [](const char* field, const char* message) {
    throw ValidationError(message, Location{"", 0, field});
  };
  if (!(o.half_life_days > 0)) fail("half_life_days", "half-life must be above 0 days");
  const PairPriors& p = o.priors;
  if (!(p.reaction_sd_s > 0 && p.reaction_sd_s <= 1)) {
    fail("reaction_sd_s", "the reaction's prior sd must be in (0, 1] s");
  }
  if (!(p.tau_sd_s > 0 && p.tau_sd_s <= 2)) fail("tau_sd_s", "TAU's prior sd must be in (0, 2] s");
  if (!(p.incoming_speed_sd_mps > 0 && p.incoming_speed_sd_mps <= 5)) {
    fail("incoming_speed_sd_mps", "the incoming speed's prior sd must be in (0, 5] m/s");
  }
  validate_exchange_settings(o.exchange);
}

// The recommended mark's sensitivity to each parameter, go-mark metres per unit.
Vec mark_gradient(const HandoffParams& p, const Vec& t, const ExchangeSettings& s) {
  Vec g{};
  for (int j = 0; j < kParams; ++j) {
    const double h = 1e-4 * std::max(1.0, std::abs(t[j]));
    Vec a = t, b = t;
    a[j] = std::max(-0.5, a[j] - h);
    b[j] += h;
    const HandoffResult ra = planned_blind_pass(with(p, a), s).pass;
    const HandoffResult rb = planned_blind_pass(with(p, b), s).pass;
    if (ra.exchanged && rb.exchanged) g[j] = (rb.go_mark_m - ra.go_mark_m) / (b[j] - a[j]);
  }
  return g;
}

double quadratic_sd(const Vec& g, const Mat& cov) {
  double v = 0.0;
  for (int a = 0; a < kParams; ++a) {
    for (int b = 0; b < kParams; ++b) v += g[a] * cov[a][b] * g[b];
  }
  return std::sqrt(std::max(0.0, v));
}

std::string unexplained_reason(const HandoffParams& fitted, const Weighted& d, double residual_m,
                               double drill_sd_m) {
  const double reach = furthest_reachable_baton_m(fitted);
  if (d.exchange_at_m > reach + 0.5) {
    return fmt::format(
        "a pass {:.2f} m into the zone is beyond {:.2f} m, the furthest the incoming runner can "
        "catch this outgoing runner at the pair's speeds: check the position and the mark",
        d.exchange_at_m, reach);
  }
  if (d.exchange_at_m < fitted.start_m - 0.5 * fitted.free_distance_m - 0.5) {
    return fmt::format(
        "a pass {:.2f} m into the zone is behind {:.2f} m, where the outgoing runner can first "
        "take the baton: check the position",
        d.exchange_at_m, fitted.start_m - 0.5 * fitted.free_distance_m);
  }
  const double needed = d.go_mark_m - residual_m;
  return fmt::format(
      "the pass at {:.2f} m fits a {:.2f} m mark, not the {:.2f} m used ({:.1f} m off, more than "
      "{:.0f} times the {:.2f} m spread of a pass): a mismeasured mark or position, or a start "
      "missed or anticipated",
      d.exchange_at_m, needed, d.go_mark_m, std::abs(residual_m), kUnexplainedSpreads, drill_sd_m);
}

}  // namespace

bool PairCalibration::at_bound() const {
  return reaction_s.at_bound || outgoing_tau_s.at_bound || incoming_speed_mps.at_bound;
}

double predicted_exchange_at_m(const PairCalibration& c, double go_mark_m) {
  return model_exchange_at_m(c.calibrated, go_mark_m, c.calibrated.reaction_s);
}

PairCalibration calibrate_pair(const HandoffParams& nominal,
                               const std::vector<DrillObservation>& drills,
                               const PairFitOptions& options) {
  validate_handoff(nominal);
  validate(options);
  plan::check_drills(drills);
  double youngest = std::numeric_limits<double>::infinity();
  for (const DrillObservation& d : drills) youngest = std::min(youngest, d.age_days);
  std::vector<Weighted> all;
  for (size_t i = 0; i < drills.size(); ++i) {
    all.push_back({static_cast<int>(i), drills[i].go_mark_m, drills[i].exchange_at_m,
                   std::exp2(-(drills[i].age_days - youngest) / options.half_life_days)});
  }
  const ExchangeSettings& s = options.exchange;
  PairCalibration c;
  c.nominal = nominal;
  const Vec prior = {nominal.reaction_s, nominal.outgoing.tau_s, nominal.incoming_speed_mps};
  const Vec prior_sd = {options.priors.reaction_sd_s, options.priors.tau_sd_s,
                        options.priors.incoming_speed_sd_mps};
  const double u_sd = nominal.incoming_speed_mps * s.reaction_sd_s;
  c.drill_sd_m = std::max(0.05, std::sqrt(s.mark_sd_m * s.mark_sd_m + u_sd * u_sd));
  const Bounds b = bounds(nominal);

  // Fit; name the worst drill beyond kUnexplainedSpreads (or passing where no pass can come)
  // and fit again without it, until every drill left is explained.
  std::vector<Weighted> used = all;
  Vec t = prior;
  double spread_m = c.drill_sd_m;
  for (;;) {
    t = prior;
    spread_m = c.drill_sd_m;
    for (int round = 0; round < 4 && !used.empty(); ++round) {
      const Problem problem{nominal, used, prior, prior_sd, spread_m};
      t = fit(problem, b);
      spread_m = pair_spread_m(nominal, used, t, c.drill_sd_m);
    }
    const HandoffParams fitted = with(nominal, t);
    const double reach = furthest_reachable_baton_m(fitted);
    const double earliest = fitted.start_m - 0.5 * fitted.free_distance_m;
    int worst = -1;
    double worst_score = kUnexplainedSpreads;
    for (size_t i = 0; i < used.size(); ++i) {
      const Weighted& d = used[i];
      double score = std::abs(residual_m(nominal, d, t)) / c.drill_sd_m;
      if (d.exchange_at_m > reach + 0.5 || d.exchange_at_m < earliest - 0.5) score += 1000.0;
      if (score > worst_score) {
        worst_score = score;
        worst = static_cast<int>(i);
      }
    }
    // Never explain a pair away: at least half of its drills stay in the fit.
    if (worst < 0 || 2 * (all.size() - used.size() + 1) > all.size()) break;
    const Weighted& d = used[static_cast<size_t>(worst)];
    const double r = residual_m(nominal, d, t);
    const DrillObservation& o = drills[static_cast<size_t>(d.index)];
    c.unexplained.push_back({d.index, o.date, d.go_mark_m, d.exchange_at_m, r,
                             unexplained_reason(fitted, d, r, c.drill_sd_m)});
    used.erase(used.begin() + worst);
  }
  std::sort(c.unexplained.begin(), c.unexplained.end(),
            [](const UnexplainedDrill& x, const UnexplainedDrill& y) { return x.index < y.index; });

  c.pair_sd_m = spread_m;
  const Problem problem{nominal, used, prior, prior_sd, spread_m};
  // The posterior covariance: the inverse of half the objective's curvature at the optimum
  // (the prior's alone where the numerical curvature is not positive there).
  Vec gradient{};
  Mat curvature{};
  problem.derivatives(t, gradient, curvature);
  for (int j = 0; j < kParams; ++j) {
    for (int k = 0; k < kParams; ++k) curvature[j][k] *= 0.5;
    curvature[j][j] = std::max(curvature[j][j], 1.0 / (prior_sd[j] * prior_sd[j]));
  }
  const Mat prior_cov = {Vec{prior_sd[0] * prior_sd[0], 0, 0}, Vec{0, prior_sd[1] * prior_sd[1], 0},
                         Vec{0, 0, prior_sd[2] * prior_sd[2]}};
  const Mat cov = used.empty() ? prior_cov : inverse(curvature);
  FittedParameter* out[kParams] = {&c.reaction_s, &c.outgoing_tau_s, &c.incoming_speed_mps};
  for (int j = 0; j < kParams; ++j) {
    FittedParameter& p = *out[j];
    p.value = t[j];
    p.sd = std::sqrt(std::max(0.0, cov[j][j]));
    p.prior = prior[j];
    p.prior_sd = prior_sd[j];
    const double tol = 1e-6 * std::max(1.0, std::abs(t[j]));
    p.at_bound = !used.empty() && (t[j] <= b.lo[j] + tol || t[j] >= b.hi[j] - tol);
  }
  c.calibrated = with(nominal, t);
  c.calibrated.go_mark_m = nominal.go_mark_m;
  c.drills = static_cast<int>(used.size());
  double ss = 0.0;
  for (const Weighted& d : used) {
    const double r = residual_m(nominal, d, t);
    c.effective_drills += d.weight;
    ss += d.weight * r * r;
  }
  if (c.effective_drills > 0) c.rms_residual_m = std::sqrt(ss / c.effective_drills);
  c.model = planned_blind_pass(nominal, s).pass;
  c.recommended = planned_blind_pass(c.calibrated, s).pass;
  if (c.recommended.exchanged)
    c.calibrated.go_mark_m = std::clamp(c.recommended.go_mark_m, 0.0, 60.0);
  c.mark_sd_m = quadratic_sd(mark_gradient(nominal, t, s), cov);
  c.prior_mark_sd_m = quadratic_sd(mark_gradient(nominal, prior, s), prior_cov);
  return c;
}

}  // namespace baton
