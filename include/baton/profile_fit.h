// Fitting a sprint-acceleration profile to split times, the way the `shorts` R package does
// (Jovanovic & Vescovi 2022, `model_timing_gates`, `_TC`, `_FD`): non-linear least squares of
// split time on distance with the mono-exponential model of include/baton/sprint_model.h.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "baton/athlete.h"
#include "baton/error.h"
#include "baton/sprint_model.h"

namespace baton {

/// Which timing-gate model to fit (the `shorts` variants).
enum class ProfileModel {
  plain,            ///< time = t(d)                        (model_timing_gates)
  time_correction,  ///< time = t(d) - TC                   (model_timing_gates_TC)
  flying_distance,  ///< time = t(d + FD) - t(FD)           (model_timing_gates_FD)
};

/// "plain", "tc" or "fd" (case-insensitive); throws ParseError naming `where`.
ProfileModel parse_profile_model(std::string_view text, const Location& where = {});
/// "plain", "tc" or "fd".
std::string_view to_string(ProfileModel model);

/// A fitted profile.
struct ProfileFit {
  ProfileModel model = ProfileModel::plain;
  SprintCurve curve;               ///< MSS (m/s) and TAU (s)
  double time_correction_s = 0.0;  ///< TC, seconds (time_correction model; 0 otherwise)
  double flying_distance_m = 0.0;  ///< FD, metres (flying_distance model; 0 otherwise)
  double rmse_s = 0.0;             ///< root mean square of the time residuals, seconds
  int iterations = 0;              ///< Levenberg-Marquardt iterations used

  double mac_mps2() const { return curve.mac_mps2(); }        ///< MSS / TAU, m/s^2
  double pmax_wkg() const { return sprint_pmax_wkg(curve); }  ///< MSS * MAC / 4, W/kg
  /// The split time this fit predicts at `distance_m`, seconds.
  double predicted_time_s(double distance_m) const;
};

/// Fits `model` to splits (distance from the start line, time from the start) by
/// Levenberg-Marquardt with an analytic Jacobian. Throws ValidationError (field "splits") when
/// there are fewer splits than parameters (2 plain, 3 tc/fd), a distance or time is not
/// positive, distances or times do not strictly increase, or the data show no acceleration
/// the model can fit (the fit would run away to an infinite speed or a zero time constant), and
/// when the fit describes no human sprinter: MSS above kMaxFittedMssMps or TAU outside
/// kMinFittedTauS to kMaxFittedTauS. Errors name `where` (the option or field the splits came
/// from). Exact data give an exact fit (rmse 0).
/// Example: 10 m gates of a block-start 30 m drill.
///   const ProfileFit fit = fit_profile(parse_splits("10:2.12,20:3.30,30:4.43"));
///   // fit.curve.mss_mps (m/s), fit.curve.tau_s (s), fit.rmse_s (s)
ProfileFit fit_profile(std::span<const Split> splits, ProfileModel model = ProfileModel::plain,
                       const Location& where = Location{"", 0, "splits"});

/// Highest top speed (MSS) a fit may give, m/s: above the fastest ever measured (about 12.5).
inline constexpr double kMaxFittedMssMps = 13.0;
/// Range of the acceleration time constant TAU a fit may give, seconds: the range the hand-off
/// solver accepts for an outgoing runner.
inline constexpr double kMinFittedTauS = 0.3;
inline constexpr double kMaxFittedTauS = 3.0;

/// Parses "5:1.21,10:1.99,20:3.38" (distance m : time s pairs) into splits, in the given order.
/// Throws ParseError naming `where` for malformed pairs.
std::vector<Split> parse_splits(std::string_view text, const Location& where = {});

}  // namespace baton
