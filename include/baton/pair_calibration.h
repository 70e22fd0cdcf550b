// A pair's exchange calibrated from its drills: the few hand-off parameters the drills can tell
// apart, each pulled towards what the models say, and the planned pass under them.
//
// Every drill gives a go-mark m_i and where the baton changed hands x_i. The hand-off model
// (include/baton/handoff.h) says which mark M(x; theta) puts the pass at x for the parameters
//   theta = (effective reaction r, outgoing runner's TAU, incoming runner's speed u)
// (mark_for_exchange_m(), exact inverse kinematics; past the furthest reachable point continued
// with slope 1). A drill is a pass whose timing was off by e_i ~ N(0, s^2) go-mark metres, so
// the fit minimises minus twice the log posterior
//   sum_i w_i [((m_i - M(x_i; theta)) / s)^2 - 2 log M'(x_i; theta)]
//     + sum_j ((theta_j - prior_j) / sd_j)^2
// by damped Newton steps inside wide bounds, with w_i = 2^(-age_i / half life), ages counted
// from the pair's latest drill, and s the pair's own timing spread (the default
// sqrt(mark_sd^2 + (u reaction_sd)^2) worth 2 drills, pooled with its residuals). Residuals are
// in go-mark metres because the position is badly conditioned where the incoming runner only
// just catches the outgoing one; the log M' term (the density of a position given a timing
// error) keeps drills that pass close together out of that region. The posterior sd of each
// parameter comes from the curvature at the optimum. A drill the fitted pair misses by more
// than 3 default spreads, or that passes where these speeds cannot, is named as unexplained
// and the fit is made again without it. The recommended mark is the planned pass
// (handoff_for_speed_fraction(), the rule every plan uses) under the fitted parameters.
// Pure functions; docs/PRACTICE.md "Pair calibration".
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "baton/calibration.h"
#include "baton/exchange_settings.h"
#include "baton/handoff.h"

namespace baton {

/// How far each parameter may move from the models' value before the drills must pay for it
/// (prior sd; docs/PRACTICE.md gives the reasons).
struct PairPriors {
  /// The effective reaction: simple visual reaction (0.15-0.25 s) and anticipation of the
  /// incoming runner's approach, which brings it to 0 or below. Seconds.
  double reaction_sd_s = 0.15;
  /// The outgoing runner's TAU from a standing or crouched start in the zone, against the
  /// model's value from marks and splits (a block-start value; sprinters of one level differ by
  /// 0.1-0.2 s, and the start differs). Seconds.
  double tau_sd_s = 0.25;
  /// The incoming runner's speed at the mark in drills, against the leg prediction's speed at
  /// the zone (drills are often run from shorter run-ups than a race leg; day form). m/s.
  double incoming_speed_sd_mps = 0.5;
};

/// How a pair is calibrated. Validated by calibrate_pair().
struct PairFitOptions {
  /// A drill this many days older than the pair's latest counts half as much, days (> 0).
  double half_life_days = 28.0;
  PairPriors priors;
  /// The team's exchange settings: the planned pass (pass_speed_fraction, earliest_pass_m,
  /// latest_pass_fraction) and the default timing spread (mark_sd_m, reaction_sd_s).
  ExchangeSettings exchange;
};

/// One fitted parameter.
struct FittedParameter {
  double value = 0.0;     ///< posterior mode
  double sd = 0.0;        ///< posterior sd (from the curvature)
  double prior = 0.0;     ///< the models' value
  double prior_sd = 0.0;  ///< its sd
  bool at_bound = false;  ///< the fit stopped at a bound of the parameter
};

/// A drill the fitted pair does not explain.
struct UnexplainedDrill {
  int index = 0;  ///< position in the observations given, 0-based
  std::string date;
  double go_mark_m = 0.0;
  double exchange_at_m = 0.0;
  double residual_m = 0.0;  ///< mark used minus the mark the fit needs for that pass, metres
  std::string reason;       ///< why, in a coach's words
};

/// A pair's calibrated exchange.
struct PairCalibration {
  int drills = 0;                 ///< drills that entered the fit
  double effective_drills = 0.0;  ///< sum of their weights
  FittedParameter reaction_s;     ///< effective reaction, seconds
  FittedParameter outgoing_tau_s;
  FittedParameter incoming_speed_mps;
  HandoffParams nominal;     ///< the models' hand-off
  HandoffParams calibrated;  ///< nominal with the fitted parameters
  double drill_sd_m = 0.0;   ///< default timing spread of one pass, go-mark metres
  /// The pair's own timing spread of one pass (its residuals, the default worth 2 drills),
  /// go-mark metres: what the fit weighs the drills by.
  double pair_sd_m = 0.0;
  double rms_residual_m = 0.0;  ///< weighted RMS residual of the drills fitted, go-mark metres
  std::vector<UnexplainedDrill> unexplained;
  HandoffResult model;        ///< planned pass under the nominal parameters
  HandoffResult recommended;  ///< planned pass under the calibrated parameters
  /// Posterior sd of the recommended mark from the parameters' uncertainty, go-mark metres.
  double mark_sd_m = 0.0;
  /// The same for a pair that never drilled (the priors alone), go-mark metres.
  double prior_mark_sd_m = 0.0;

  /// Any parameter stopped at a bound.
  bool at_bound() const;
};

/// Where the calibrated pair passes with `go_mark_m`, metres from the zone's start (continued
/// past the furthest reachable point as model_exchange_at_m() does).
double predicted_exchange_at_m(const PairCalibration& c, double go_mark_m);

/// Calibrates the pair from `drills` (DrillObservation::age_days counted from any date: only
/// the differences count). With no drills: the nominal hand-off, prior sds. Throws
/// ValidationError for invalid `nominal` or options (field named), or an observation that is
/// not finite or has a negative age (field "drills").
PairCalibration calibrate_pair(const HandoffParams& nominal,
                               const std::vector<DrillObservation>& drills,
                               const PairFitOptions& options = {});

/// The calibrated hand-off of the pair `from` -> `to` at exchange `exchange_index`, given the
/// plan's nominal one; nullopt for a pair without blind-pass drills. The practice use case
/// builds one from the logs (include/baton/practice_lookup.h).
using PairCalibrationLookup = std::function<std::optional<HandoffParams>(
    int exchange_index, const std::string& from, const std::string& to,
    const HandoffParams& nominal)>;

}  // namespace baton
