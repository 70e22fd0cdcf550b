// How each runner paces their leg, and when each leg is expected to start after the gun.
// Sprint legs (up to 200 m) are run all-out: the plan lists the athlete's expected 50 m splits.
// 400 m-type legs get 100 m targets with a faster first half. Legs of 800 m and more get even
// 400 m laps and 200 m splits. Sources and defaults: docs/RACE_DAY.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "baton/athlete_model.h"
#include "baton/event.h"
#include "baton/leg_prediction.h"
#include "baton/team.h"

namespace baton {

/// How legs are paced. Every field is a default a coach can change.
struct PacingOptions {
  double sprint_split_m = 50.0;     ///< sprint legs: one split every this many metres
  double longest_sprint_m = 200.0;  ///< legs up to this are all-out, metres
  double shortest_even_m = 800.0;   ///< legs from this on are run in even laps, metres
  /// 400 m-type legs: the first half is run this much faster than the second on a 400 m leg,
  /// seconds (scaled by leg / 400 m for other lengths). Trained 400 m runners split their two
  /// 200 m within about 1-2 s; world-class runners go out harder and fade more (Hanon & Gajer
  /// 2009).
  double differential_400_s = 1.5;
  /// 400 m-type legs: share of the first half's time spent on the first 100 m, from blocks
  /// (the acceleration) and from a flying start.
  double first_100_share_block = 0.53;
  double first_100_share_flying = 0.51;
  /// 400 m-type legs: share of the second half's time spent on the third 100 m (the last
  /// 100 m is the slowest).
  double third_100_share = 0.48;
  double lap_m = 400.0;         ///< even-pace legs: lap length, metres
  double long_split_m = 200.0;  ///< even-pace legs: one split every this many metres
};

/// Throws ValidationError naming the field for a value out of range.
void validate_pacing_options(const PacingOptions& o);

/// How a leg is run.
enum class PacingStyle {
  all_out,     ///< sprint leg: hold nothing back; splits are the athlete's expected ones
  fast_start,  ///< 400 m-type leg: first half faster by the differential
  even_laps,   ///< 800 m and longer: even laps after the start
};
/// "all-out", "fast first half", "even laps".
std::string_view to_string(PacingStyle style);

/// A target: reach `at_m` metres into the leg `time_s` seconds after the leg's start.
struct PacePoint {
  double at_m = 0.0;    ///< metres from the leg's start (the scratch line; leg 1: the start)
  double time_s = 0.0;  ///< seconds after the leg's start (leg 1: after the gun)
};

/// One leg's pacing plan and start time.
struct LegPacing {
  int leg = 0;  ///< 1-based
  std::string athlete;
  double distance_m = 0.0;  ///< metres
  /// Predicted baton-to-baton split (pass to pass; gun to pass on leg 1, pass to finish on the
  /// anchor), seconds: what a split timer records and what every command shows.
  double split_s = 0.0;
  /// The split rests on a mark estimated from another distance (a sprinter's 800 m from their
  /// 400 m): a real mark at the leg's distance makes it firmer.
  bool estimated = false;
  PacingStyle style = PacingStyle::all_out;
  /// Increasing times from the leg's start line; the last point is at distance_m (the next
  /// scratch line or the finish). It differs from split_s by where the passes fall.
  std::vector<PacePoint> pacing;
  /// The same run as the runner carries the baton: the marks of `pacing` she passes with it,
  /// in seconds since she took it (leg 1: since the gun), and last the hand-off (the finish on
  /// the anchor) at hands_on_at_m, split_s seconds after taking it. What the cards and the
  /// command print.
  std::vector<PacePoint> runner_targets;
  /// Where the runner takes the baton, metres past the leg's start line, to 0.1 m (negative:
  /// before the line, in the zone; 0 on leg 1).
  double takes_baton_at_m = 0.0;
  /// Where the baton leaves her hand, metres past the leg's start line, to 0.1 m (distance_m on
  /// the anchor).
  double hands_on_at_m = 0.0;
  /// First half minus second half of the leg, seconds (fast_start legs; 0 otherwise).
  double differential_s = 0.0;
  /// Extra time of the first 200 m over an even 200 m, seconds (even_laps legs: the start
  /// from a standstill or a jog; 0 otherwise).
  double start_allowance_s = 0.0;
  /// When the runner takes the baton: the sum of the earlier legs' splits, seconds after the
  /// gun (0 for leg 1).
  double start_after_gun_s = 0.0;
  /// Spread of that start: sqrt of the summed variances of the earlier legs' splits, seconds.
  double start_after_gun_sd_s = 0.0;
};

/// A running order's pacing plan.
struct PacingPlan {
  std::string event;         ///< event id
  double team_time_s = 0.0;  ///< predicted team time, seconds
  std::vector<LegPacing> legs;
};

/// Pace points of one leg whose predicted split is `split_s` (as predict_relay gives it):
/// all-out legs follow the athlete's model (block or flying start as the leg has, bends
/// counted where they lie) scaled so the last point is the split; other legs follow the
/// style's targets. `out` receives the style, differential and start allowance.
std::vector<PacePoint> pace_leg(const AthleteModel& runner, const Event& event, int leg_index,
                                double split_s, const PacingOptions& options,
                                const PredictOptions& predict, LegPacing* out = nullptr);

/// The pacing plan of a running order: predict_splits() for the baton-to-baton splits (and the
/// start times), pace_leg() for every leg with predict_relay()'s scratch-line time of the leg, and
/// the cumulative start times with their spread (predict.exchange.form_sd_fraction of each split).
/// Throws like predict_relay() and validate_pacing_options().
PacingPlan plan_pacing(const Team& team, const Event& event, const std::vector<std::string>& order,
                       const PacingOptions& options = {}, const PredictOptions& predict = {});

/// Adds start times and their spread to legs whose `split_s` are set, in leg order; each
/// split's sd is `form_sd_fraction` of the split (ExchangeSettings::form_sd_fraction).
void accumulate_starts(std::vector<LegPacing>& legs, double form_sd_fraction);

}  // namespace baton
