#include "baton/profile_fit.h"

#include <fmt/format.h>

#include <Eigen/Dense>
#include <boost/math/special_functions/lambert_w.hpp>
#include <charconv>
#include <cmath>
#include <string>

#include "core/text.h"

namespace baton {
namespace {

// Split time t(d) and its partial derivatives for the mono-exponential model, using
// 1 + W0(z) = 1 - e^(-t/TAU) = v(t) / MSS (Lambert W identity) so that nothing is evaluated
// twice: dt/dMSS = -d / (MSS^2 (1 + W)), dt/dTAU = 1 + W + W d / ((1 + W) MSS TAU),
// dt/dd = 1 / (MSS (1 + W)).
struct TimeAndSlopes {
  double t = 0.0;
  double dt_dmss = 0.0;
  double dt_dtau = 0.0;
  double dt_dd = 0.0;
};

TimeAndSlopes time_and_slopes(double d, double mss, double tau) {
  TimeAndSlopes out;
  if (d <= 0.0) return out;
  const double x = d / (mss * tau);
  const double w = boost::math::lambert_w0(-std::exp(-x - 1.0));
  out.t = tau * w + d / mss + tau;
  // 1 + W from the time itself keeps precision where W is close to -1 (very short distances).
  const double one_plus_w = -std::expm1(-out.t / tau);
  out.dt_dmss = -d / (mss * mss * one_plus_w);
  out.dt_dtau = one_plus_w + w * x / one_plus_w;
  out.dt_dd = 1.0 / (mss * one_plus_w);
  return out;
}

int parameter_count(ProfileModel m) { return m == ProfileModel::plain ? 2 : 3; }

// Parameters are fitted as (ln MSS, ln TAU, extra) so that MSS and TAU stay positive; for the
// flying-distance model extra = sqrt(FD), which keeps FD >= 0 (negative distances have no
// meaning and no real Lambert W) and keeps the Jacobian finite at FD = 0, where dt/dFD is not.
using Vec = Eigen::Matrix<double, Eigen::Dynamic, 1>;
using Mat = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic>;

struct Model {
  ProfileModel kind;
  std::span<const Split> splits;

  void unpack(const Vec& p, double& mss, double& tau, double& extra) const {
    mss = std::exp(p[0]);
    tau = std::exp(p[1]);
    extra = kind == ProfileModel::plain ? 0.0 : p[2];
  }

  // Residuals observed - predicted and the Jacobian of the prediction (d predicted / d p).
  void evaluate(const Vec& p, Vec& r, Mat* jac) const {
    double mss = 0, tau = 0, extra = 0;
    unpack(p, mss, tau, extra);
    const int n = static_cast<int>(splits.size());
    r.resize(n);
    if (jac) jac->resize(n, parameter_count(kind));
    const double fd = kind == ProfileModel::flying_distance ? extra * extra : 0.0;
    const TimeAndSlopes base = time_and_slopes(fd, mss, tau);
    for (int i = 0; i < n; ++i) {
      const TimeAndSlopes s = time_and_slopes(splits[i].distance_m + fd, mss, tau);
      double pred = s.t;
      double dm = s.dt_dmss, dt = s.dt_dtau;
      if (kind == ProfileModel::time_correction) pred -= extra;
      if (kind == ProfileModel::flying_distance) {
        pred -= base.t;
        dm -= base.dt_dmss;
        dt -= base.dt_dtau;
      }
      r[i] = splits[i].time_s - pred;
      if (!jac) continue;
      (*jac)(i, 0) = dm * mss;
      (*jac)(i, 1) = dt * tau;
      if (kind == ProfileModel::time_correction) (*jac)(i, 2) = -1.0;
      if (kind == ProfileModel::flying_distance) {
        // d/ds [t(d + s^2) - t(s^2)] = 2 s (1/v(d + FD) - 1/v(FD)); as s -> 0, 2 s / v(s^2)
        // tends to sqrt(2 TAU / MSS) (v ~ sqrt(2 MAC FD) near the start).
        const double near_start = fd > 1e-12 ? 2.0 * extra * base.dt_dd
                                             : std::sqrt(2.0 * tau / mss) * (extra < 0 ? -1 : 1);
        (*jac)(i, 2) = 2.0 * extra * s.dt_dd - near_start;
      }
    }
  }
};

void check_splits(std::span<const Split> splits, ProfileModel model, const Location& where) {
  const int need = parameter_count(model);
  if (static_cast<int>(splits.size()) < need) {
    throw ValidationError(
        fmt::format("the {} model has {} parameters and needs at least {} splits, got {}",
                    to_string(model), need, need, splits.size()),
        where);
  }
  for (size_t i = 0; i < splits.size(); ++i) {
    const Split& s = splits[i];
    if (!(s.distance_m > 0.0) || !(s.time_s > 0.0) || !std::isfinite(s.distance_m) ||
        !std::isfinite(s.time_s)) {
      throw ValidationError(fmt::format("split {} ({} m in {} s) must have a positive distance "
                                        "and time",
                                        i + 1, s.distance_m, s.time_s),
                            where);
    }
    if (i > 0 && !(s.distance_m > splits[i - 1].distance_m && s.time_s > splits[i - 1].time_s)) {
      throw ValidationError(
          fmt::format("splits must be in order of distance with times strictly increasing: "
                      "{:g} m in {:g} s follows {:g} m in {:g} s",
                      s.distance_m, s.time_s, splits[i - 1].distance_m, splits[i - 1].time_s),
          where);
    }
  }
}

}  // namespace

ProfileModel parse_profile_model(std::string_view text, const Location& where) {
  const std::string s = baton::text::lowercase(text);
  if (s == "plain" || s == "simple") return ProfileModel::plain;
  if (s == "tc" || s == "time_correction" || s == "time-correction") {
    return ProfileModel::time_correction;
  }
  if (s == "fd" || s == "flying_distance" || s == "flying-distance") {
    return ProfileModel::flying_distance;
  }
  throw ParseError("unknown profile model '" + std::string(text) + "': use plain, tc or fd", where);
}

std::string_view to_string(ProfileModel model) {
  switch (model) {
    case ProfileModel::plain:
      return "plain";
    case ProfileModel::time_correction:
      return "tc";
    case ProfileModel::flying_distance:
      return "fd";
  }
  return "plain";
}

double ProfileFit::predicted_time_s(double distance_m) const {
  switch (model) {
    case ProfileModel::plain:
      return sprint_time_s(curve, distance_m);
    case ProfileModel::time_correction:
      return sprint_time_s(curve, distance_m) - time_correction_s;
    case ProfileModel::flying_distance:
      return sprint_time_s(curve, distance_m + flying_distance_m) -
             sprint_time_s(curve, flying_distance_m);
  }
  return 0.0;
}

ProfileFit fit_profile(std::span<const Split> splits, ProfileModel model, const Location& where) {
  check_splits(splits, model, where);
  const Model m{model, splits};
  const int np = parameter_count(model);

  // Start where `shorts` starts for TAU (0.8 s) and TC (0); MSS starts a little above the
  // fastest average speed between consecutive splits, which is always below the true MSS.
  double fastest = splits[0].distance_m / splits[0].time_s;
  for (size_t i = 1; i < splits.size(); ++i) {
    fastest = std::max(fastest, (splits[i].distance_m - splits[i - 1].distance_m) /
                                    (splits[i].time_s - splits[i - 1].time_s));
  }
  Vec p(np);
  p[0] = std::log(1.05 * fastest);
  p[1] = std::log(0.8);
  if (np == 3) p[2] = model == ProfileModel::flying_distance ? 0.5 : 0.0;

  Vec r;
  Mat jac;
  m.evaluate(p, r, &jac);
  double cost = r.squaredNorm();
  double lambda = 1e-3;
  int iter = 0;
  const int kMaxIterations = 500;
  for (; iter < kMaxIterations && cost > 0.0; ++iter) {
    const Mat jtj = jac.transpose() * jac;
    // The residual is observed - predicted, so the Gauss-Newton step solves J'J dp = J'r.
    const Vec g = jac.transpose() * r;
    if (g.lpNorm<Eigen::Infinity>() < 1e-15) break;
    bool improved = false;
    while (lambda < 1e12) {
      Mat a = jtj;
      for (int k = 0; k < np; ++k) a(k, k) += lambda * std::max(jtj(k, k), 1e-12);
      const Vec step = a.ldlt().solve(g);
      const Vec trial = p + step;
      Vec rt;
      bool ok = step.allFinite() && trial.allFinite() && std::abs(trial[0]) < 6.0 &&
                std::abs(trial[1]) < 6.0;
      if (ok) {
        m.evaluate(trial, rt, nullptr);
        ok = rt.allFinite();
      }
      const double trial_cost = ok ? rt.squaredNorm() : HUGE_VAL;
      if (trial_cost < cost) {
        const double rel = (cost - trial_cost) / cost;
        p = trial;
        cost = trial_cost;
        m.evaluate(p, r, &jac);
        lambda = std::max(lambda / 10.0, 1e-12);
        improved = true;
        if (rel < 1e-14 || step.lpNorm<Eigen::Infinity>() < 1e-13) iter = kMaxIterations;
        break;
      }
      lambda *= 10.0;
    }
    if (!improved) break;
  }

  ProfileFit fit;
  fit.model = model;
  double extra = 0.0;
  m.unpack(p, fit.curve.mss_mps, fit.curve.tau_s, extra);
  if (model == ProfileModel::time_correction) fit.time_correction_s = extra;
  if (model == ProfileModel::flying_distance) fit.flying_distance_m = extra * extra;
  fit.iterations = std::min(iter, kMaxIterations);
  fit.rmse_s = std::sqrt(cost / static_cast<double>(splits.size()));
  // A fit that ran towards an unbounded speed or a vanishing time constant means the splits
  // show no acceleration the model can describe (e.g. a constant or rising pace).
  if (!std::isfinite(fit.rmse_s) || !(fit.curve.mss_mps < 20.0) ||
      !(fit.curve.tau_s > 0.01 && fit.curve.tau_s < 20.0) ||
      !std::isfinite(fit.time_correction_s) || !(fit.flying_distance_m < 100.0)) {
    throw ValidationError(
        fmt::format("the splits do not fit a sprint from a standing start (the {} fit ran away "
                    "to MSS {:.3g} m/s, TAU {:.3g} s): check the distances and times",
                    to_string(model), fit.curve.mss_mps, fit.curve.tau_s),
        where);
  }
  // A fit can converge and still describe no human sprinter: refuse it rather than let a
  // plan or a lineup built on it fail later.
  if (fit.curve.mss_mps > kMaxFittedMssMps) {
    throw ValidationError(
        fmt::format("the splits give a top speed of {:.1f} m/s, above {:g} m/s (the fastest "
                    "sprinters reach about 12.5 m/s): check the distances and times",
                    fit.curve.mss_mps, kMaxFittedMssMps),
        where);
  }
  if (fit.curve.tau_s < kMinFittedTauS || fit.curve.tau_s > kMaxFittedTauS) {
    throw ValidationError(
        fmt::format("the splits give an acceleration time constant TAU of {:.2f} s, outside "
                    "{:g} to {:g} s (sprinters: about 0.8 to 1.6 s): check the distances and "
                    "times",
                    fit.curve.tau_s, kMinFittedTauS, kMaxFittedTauS),
        where);
  }
  return fit;
}

std::vector<Split> parse_splits(std::string_view text, const Location& where) {
  std::vector<Split> out;
  size_t start = 0;
  auto number = [&](std::string_view s, const char* what) {
    s = baton::text::trim(s);
    if (!s.empty() && s.back() == 'm' && std::string_view(what) == "distance") s.remove_suffix(1);
    double v = 0.0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v)) {
      throw ParseError(fmt::format("bad split {} '{}': write splits as DIST:TIME pairs, e.g. "
                                   "\"10:1.95,20:3.10\"",
                                   what, s),
                       where);
    }
    return v;
  };
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != ',') continue;
    const std::string_view pair = text.substr(start, i - start);
    start = i + 1;
    const size_t colon = pair.find(':');
    if (colon == std::string_view::npos) {
      throw ParseError(fmt::format("bad split '{}': write splits as DIST:TIME pairs, e.g. "
                                   "\"10:1.95,20:3.10\"",
                                   pair),
                       where);
    }
    out.push_back(
        {number(pair.substr(0, colon), "distance"), number(pair.substr(colon + 1), "time")});
  }
  return out;
}

}  // namespace baton
