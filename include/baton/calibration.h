// Go-mark calibration from practice: what the drills say about a pair, turned into a go-mark.
//
// The hand-off model (include/baton/handoff.h) predicts where the baton changes hands for a
// go-mark, given the incoming runner's speed, the outgoing runner's sprint curve and the
// outgoing runner's reaction. Of these the reaction is the least known and the most personal:
// it stands for when the outgoing runner really leaves (how well they see the mark, how much
// they anticipate), so it is the one fitted to the drills. For each drill (go-mark m_i, observed
// exchange x_i, age a_i days) the fit finds the effective reaction r minimising
//     sum_i w_i (m_i - M(x_i; r))^2,   w_i = 2^(-a_i / half_life)
// where M(x; r) is the go-mark with which solve_handoff() puts the baton at x for reaction r
// (the solver's own inverse kinematics). Residuals are measured in go-mark metres rather than
// in exchange positions because the position is badly conditioned when the incoming runner
// only just catches the outgoing one: there 0.1 m of mark moves the pass by metres, and a fit
// in positions would be ruled by those drills. Noise-free drills are reproduced exactly either
// way. The model's own prediction (the nominal mark exchanging at the target) joins as
// `prior_drills` fresh drills, a penalty of u (r - r0) go-mark metres, so a single odd drill
// does not swing the mark. The go-mark for the target is then handoff_for_target() with the
// fitted reaction. An exchange that comes EARLY in the zone means the outgoing runner left
// late (a larger effective reaction), which moves the mark OUT; late exchanges move it IN.
// Pure functions; no clock: ages come in.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "baton/event.h"
#include "baton/exchange_settings.h"
#include "baton/handoff.h"
#include "baton/leg_prediction.h"
#include "baton/relay_result.h"
#include "baton/team.h"

namespace baton {

/// One drill as the calibration sees it.
struct DrillObservation {
  double go_mark_m = 0.0;      ///< go-mark used, metres behind the outgoing runner's start
  double exchange_at_m = 0.0;  ///< observed baton position at the pass, metres from zone start
  double age_days = 0.0;       ///< days before the date the calibration is for (>= 0)
  std::string date;            ///< YYYY-MM-DD, for reports (may be empty)
};

/// How drills are weighed. Validated by calibrate_go_mark().
struct CalibrationOptions {
  /// A drill this many days old counts half as much as today's, days (> 0; +infinity: all
  /// drills count the same). Four weeks: a training block.
  double half_life_days = 28.0;
  /// Weight of the model's own prediction, in fresh drills (>= 0; 0: trust the drills alone).
  double prior_drills = 1.0;
  double min_reaction_s = 0.0;  ///< fitted reaction's lower bound, seconds (>= 0)
  double max_reaction_s = 1.0;  ///< fitted reaction's upper bound, seconds (<= 1)
};

/// The calibrated go-mark for one pair.
struct Calibration {
  int drills = 0;                     ///< drills used
  double effective_drills = 0.0;      ///< sum of the drills' weights
  double nominal_reaction_s = 0.0;    ///< the model's reaction (nominal.reaction_s), seconds
  double effective_reaction_s = 0.0;  ///< fitted reaction, seconds (nominal with no drills)
  bool reaction_at_bound = false;     ///< the fit hit min/max_reaction_s: drills disagree with
                                      ///< the physics (check the pair's speeds)
  double rms_residual_m = 0.0;        ///< weighted RMS drill residual, go-mark metres: how
                                      ///< far the marks used were from what the fit explains
  double target_m = 0.0;              ///< planned baton position, metres from zone start
  HandoffResult model;                ///< handoff_for_target() with the nominal reaction
  HandoffResult recommended;          ///< handoff_for_target() with the fitted reaction
};

/// Where the model puts the exchange for a go-mark and reaction, metres from the zone's
/// start. When the incoming runner never gets within reach the position is extended
/// continuously past the furthest reachable point by the remaining gap (so a fit can move
/// through that region); +infinity when even that is undefined.
double model_exchange_at_m(HandoffParams p, double go_mark_m, double reaction_s);

/// The planned baton position: `preferred_m` when the model can put the pass there, else, as
/// the leg prediction does (a coach shortening the mark when the incoming runner cannot catch
/// the outgoing one that deep), the first of 95, 85, 70, 55 and 40 % of the furthest reachable
/// point (capped at the zone's end) that a go-mark reaches. Metres from the zone's start;
/// `preferred_m` when none does.
double planned_target_m(const HandoffParams& p, double preferred_m);

/// The go-mark with which the pass happens at `exchange_at_m` (metres from the zone's start)
/// for this reaction: the kinematics of handoff_for_target() without its checks, so it is
/// defined for any position (positions behind the outgoing runner's reach count as at it;
/// positions past furthest_reachable_baton_m() count as that point, the longest useful mark).
/// Ignores p.go_mark_m and p.reaction_s. Metres; may be negative or beyond 60 m.
double mark_for_exchange_m(const HandoffParams& p, double exchange_at_m, double reaction_s);

/// The same with the furthest reachable point for this reaction already known (`reach_m`, from
/// furthest_reachable_baton_m()), for callers that ask for many positions of one hand-off.
double mark_for_exchange_m(const HandoffParams& p, double exchange_at_m, double reaction_s,
                           double reach_m);

/// The effective reaction that best reproduces the drills (see the file comment). Returns
/// nominal.reaction_s with no drills and no prior. Throws ValidationError for invalid
/// `nominal` or options, or an observation that is not finite or has a negative age.
double fit_effective_reaction_s(const HandoffParams& nominal,
                                const std::vector<DrillObservation>& drills, double target_m,
                                const CalibrationOptions& options = {});

/// The calibrated go-mark for putting the baton at `target_m`. With no drills the
/// recommendation is the model's mark. When no go-mark reaches the target,
/// `recommended.exchanged` is false and `recommended.reason` says why. Throws like
/// fit_effective_reaction_s().
Calibration calibrate_go_mark(const HandoffParams& nominal,
                              const std::vector<DrillObservation>& drills, double target_m,
                              const CalibrationOptions& options = {});

/// What a pair's drills are calibrated against: the hand-off the relay plan makes for them.
struct PairTarget {
  std::string from;            ///< incoming runner, as on the roster
  std::string to;              ///< outgoing runner, as on the roster
  HandoffParams nominal;       ///< plan_pair()'s planned hand-off (planned go-mark included)
  double target_m = 0.0;       ///< its planned baton position, metres from the zone's start
  double foot_length_m = 0.0;  ///< the outgoing runner's foot length, metres
};

/// The pair's planned blind hand-off at exchange `exchange_index` (0 = legs 1 -> 2) of `event`,
/// exactly as `baton plan` makes it (plan_pair() under the team's exchange `settings`), so
/// practice and plan aim at the same point. Throws NotFoundError for an unknown runner (field
/// "from"/"to"), ValidationError for an exchange the event does not have or a visual one (field
/// "exchange"), the same runner at both ends (field "to"), a runner without a usable model, or
/// invalid settings.
PairTarget planned_pair_target(const Team& team, const Event& event, int exchange_index,
                               const std::string& from, const std::string& to,
                               const ExchangeSettings& settings = {});

// ---- Athlete models from race splits ----
// A relay split is not an open time: legs 2+ start flying, some legs run a bend, the runner
// carries a baton, and a baton-to-baton split holds part of the exchanges. So a split is
// compared with what `baton predict` gives for that very leg of that very running order
// (predict_splits(), the baton-to-baton split, on the roster as entered), and the ratio
// carries over to the open distance:
//     open-equivalent = open mark(d) * FAT split / predicted split
// where the open mark is the runner's entered best at d (FAT) or, without one, the model's
// open time. A runner who beats their predicted leg by 2 % is credited with an open time 2 %
// faster, never slower. Hand-timed splits are converted to FAT (kHandSplitOffset* below) and
// count kHandSplitWeight of a FAT split (docs/MODEL.md "Races").

/// Seconds added to a hand-timed leg-1 split to make it FAT: the watch starts on the gun as in
/// an open race, so the open-race conversion of the leg's distance (hand_to_fat_offset_s()).
/// A flying split (legs 2+) starts and stops on a pass the timer watches coming, so the late
/// start on the smoke that the open-race conversion corrects is not there: 0 s.
constexpr double kHandFlyingSplitOffsetS = 0.0;
/// A hand-timed split counts this much of a FAT split when marks are updated: each click
/// carries about 0.1 s of error, as much as a whole leg's race-day scatter.
constexpr double kHandSplitWeight = 0.5;
/// Races fade: a race this many days older than the newest logged race counts half as much,
/// days. Eight weeks is half a high-school outdoor season, so the first meet of a season
/// counts about a quarter by its championships and last season's races almost nothing
/// (a year: 1 %); runners and their passes change faster than that within a season.
constexpr double kRaceHalfLifeDays = 56.0;

/// The weight of a race run on `date` when the newest logged race was run on `newest`:
/// 2^(-days between / kRaceHalfLifeDays), 1 for the newest (and for a date after it or an
/// empty one). Dates as YYYY-MM-DD; throws ParseError for any other text.
double race_recency_weight(std::string_view date, std::string_view newest);

/// One timed leg of a race.
struct RaceSplit {
  std::string athlete;  ///< as on the roster
  std::string event;    ///< event id, e.g. "4x100"
  int leg = 1;          ///< 1-based
  double split_s = 0;   ///< as timed, seconds
  std::string date;     ///< YYYY-MM-DD, for reports
  /// The race's running order, leg 1 first: the split is compared with predict_splits() of it.
  /// Empty: with the runner's own leg (predict_leg()), for a split whose order is unknown.
  std::vector<std::string> order;
  bool hand_timed = false;  ///< timed by hand (converted to FAT, weighs kHandSplitWeight)
};

/// What one split says about the runner's open speed.
struct OpenEquivalent {
  RaceSplit split;
  double distance_m = 0;         ///< the leg's distance, metres
  double predicted_split_s = 0;  ///< `baton predict`'s split for this leg and order, seconds
  double model_open_s = 0;       ///< the model's open time at distance_m, FAT seconds
  double open_equivalent_s = 0;  ///< base_open_s * fat_split_s / predicted_split_s, seconds
  double fat_split_s = 0;        ///< the split as FAT, seconds (split_s when FAT-timed)
  double base_open_s = 0;        ///< the entered best at distance_m (FAT) or model_open_s
  /// 1 for a FAT split, kHandSplitWeight for a hand-timed one, times the race's
  /// race_recency_weight()
  double weight = 1;
};

/// The open-equivalent of each split whose runner has a model and a usable mark for the leg
/// (others are skipped), weighed by its age against `newest` (YYYY-MM-DD; empty: the newest
/// split's date). Throws NotFoundError for an unknown athlete or event, ValidationError for a
/// leg the event does not have, ParseError for a date that is not YYYY-MM-DD.
std::vector<OpenEquivalent> open_equivalents(const Team& team, const std::vector<RaceSplit>& splits,
                                             const PredictOptions& options = {},
                                             std::string_view newest = {});

/// The newest date of `results` (YYYY-MM-DD), empty when none has one.
std::string newest_result_date(const std::vector<RelayResult>& results);

/// The team with each athlete's marks updated from races: at each leg distance with
/// open-equivalents, the best becomes the weighted mean of the existing best (FAT, when there
/// is one, weight 1) and every open-equivalent (its `weight`), as a FAT mark. Athletes and
/// distances without race splits are unchanged, so model_athlete() on the result is the updated
/// model.
Team team_updated_from_races(const Team& team, const std::vector<OpenEquivalent>& equivalents);

/// The leg splits of logged results as RaceSplits, for runners still on the team (only
/// `athlete`'s when not empty). Results without splits give none.
std::vector<RaceSplit> race_splits(const Team& team, const std::vector<RelayResult>& results,
                                   const std::string& athlete = "");

/// The team as its race results have taught it: team_updated_from_races() over the
/// open-equivalents of every logged split. The team unchanged when there are none.
Team team_learned_from_results(const Team& team, const std::vector<RelayResult>& results,
                               const PredictOptions& options = {});

/// One race date in an athlete's progress at one distance.
struct AthleteProgressPoint {
  std::string date;              ///< YYYY-MM-DD
  int splits = 0;                ///< legs of that distance run that day
  double open_equivalent_s = 0;  ///< mean open-equivalent of that day's splits, FAT seconds
  double learned_best_s = 0;     ///< the mark predictions use after every race up to that
                                 ///< date (team_learned_from_results), FAT seconds
};

/// How an athlete's open time at `distance_m` moved race by race: one point per date on which
/// they ran a leg of that distance with a split. Empty when there is none. Throws NotFoundError
/// for an unknown athlete.
std::vector<AthleteProgressPoint> athlete_progress(const Team& roster,
                                                   const std::vector<RelayResult>& results,
                                                   const std::string& athlete, double distance_m,
                                                   const PredictOptions& options = {});

}  // namespace baton
