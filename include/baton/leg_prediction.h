// How fast a runner will be on a relay leg, and the team time of a running order, split into
// the per-leg and per-exchange terms of RelayCosts. Model and assumptions: docs/MODEL.md.
//
// The team time is built from each runner's own run: runner l starts standing in exchange zone
// l-1 (leg 1: in blocks at the start line) and runs all-out (sprint legs, <= 200 m) or at the
// pace of their open mark (longer legs). With C_k the time the incoming runner's body would
// cross scratch line k and C'_k the time the outgoing runner's body crosses it:
//   team time = sum over legs of F(a_l, l)        F: own time from scratch l-1 to scratch l
//             + sum over exchanges of C'_k - C_k  (from the hand-off kinematics of the pair).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "baton/athlete_model.h"
#include "baton/event.h"
#include "baton/exchange_settings.h"
#include "baton/relay_costs.h"
#include "baton/team.h"

namespace baton {

/// How runners and exchanges behave when nothing else is known. Every field is a default a
/// coach can change.
struct PredictOptions {
  ModelOptions model;  ///< how athlete models are built (block reaction, TAU priors)
  /// The team's exchange settings (technique and reach, reaction, where the outgoing runner
  /// stands): the same ones the hand-off plan uses.
  ExchangeSettings exchange;
  /// Blind exchanges: time the baton loses in the pass beyond the ideal kinematics (incoming
  /// runner reaching forward, outgoing runner's strides with the arm back), seconds. Sets how
  /// much faster a 4x100 runs than the sum of its 100 m bests (2.0-3.0 s for good teams).
  /// Empty: the level's (level_profile(), fitted on public relays; docs/MODEL.md "Level").
  std::optional<double> blind_exchange_loss_s;
  /// The team's level; empty: team_level() of the team predicted (high school where no team
  /// is at hand, as in exchange_cost_s()).
  std::optional<Level> level;
  /// Visual exchanges: metres of standing-start acceleration the outgoing runner has done when
  /// crossing the scratch line (they start jogging and take the baton at moderate speed).
  double visual_run_up_m = 1.0;
  /// Visual exchanges: time the baton loses in the pass itself (incoming tired and slowing,
  /// outgoing looking back), seconds.
  double visual_exchange_loss_s = 0.2;
  /// Time cost of carrying the baton, as a fraction of the leg time (arm swing slightly held).
  double baton_cost_fraction = 0.002;
  /// Legs of 800 m and longer: how much slower than their open mark's pace runners go, as a
  /// fraction of the leg's running time (no pacers, often alone, a best above the day's form).
  /// Fitted on public 4x800 m splits and checked on high-school 4x800 m relays (docs/MODEL.md
  /// "4x400 legs against their splits").
  double middle_distance_leg_fraction = 0.0233;
  /// Seconds added to each blind / visual exchange for what the team's races taught; empty:
  /// the team's own (Team::blind_exchange_learned_s, visual_exchange_learned_s) where a team
  /// is predicted, 0 otherwise. 0 predicts without them.
  std::optional<double> learned_blind_exchange_s;
  std::optional<double> learned_visual_exchange_s;
  /// Per exchange of the one order predicted (exchange 1 first): seconds the pair's practice
  /// record adds to its pair term (order_practice_s(), practice_costs.h), as `baton lineup`
  /// prices it; empty: none. Read by predict_relay() and what builds on it (predict_splits(),
  /// plans, pacing, cards). relay_costs() refuses it: a cost table holds every pair, and
  /// add_practice_costs() prices their records.
  std::vector<double> order_practice_s;
  double bend_cost_coefficient = 0.06;  ///< see bend cost in docs/MODEL.md (Greene 1985)
  int lane = 4;  ///< lane assumed for bends run in lanes; lane 1 after the break line
};

/// One runner's predicted leg.
struct LegPrediction {
  double split_s = 0.0;       ///< F above: own time scratch to scratch, seconds (+inf: cannot)
  double end_speed_mps = 0;   ///< speed at the next zone's start (incoming speed), m/s
  double end_decel_mps2 = 0;  ///< slowing at that point (>= 0), m/s^2
  bool estimated = false;     ///< uses a mark estimated from another distance
  std::string note;           ///< what was assumed (start, bends, estimates)
};

/// `options` with what the team decides filled in where the caller left it empty: the level
/// (team_level()) and the exchange times its races taught. Every prediction of a team goes
/// through this, so the same team gives the same numbers in every command and page.
PredictOptions options_for_team(const Team& team, const PredictOptions& options);

/// Metres the runner of leg `leg_index` (0-based) runs before the leg's first scratch line: 0
/// on leg 1, from where the outgoing runner stands (options.exchange.blind_start_m) after a
/// blind zone, options.visual_run_up_m after a visual one.
double leg_run_up_m(const Event& event, int leg_index, const PredictOptions& options = {});

/// The runner's own leg (F above): block or standing start on leg 1; otherwise a flying start
/// from a standing start at the zone's run-up point; bends (lane assumption in options); the
/// baton. +infinity when the runner has no usable mark for the distance (see open_time_s).
LegPrediction predict_leg(const AthleteModel& runner, const Event& event, int leg_index,
                          const PredictOptions& options = {});

/// The pair term of exchange k (0 = legs 1 -> 2): C'_k - C_k above, seconds. Blind exchanges use
/// the hand-off solver with the go-mark that puts the baton at the target; if the pair cannot
/// reach it (the outgoing runner too fast for the incoming one), the target moves back towards
/// the scratch line. Visual exchanges cost visual_exchange_loss_s. +infinity when no exchange
/// is possible. `baton_before_scratch` (optional) says whether the outgoing runner carries the
/// baton across the scratch line; `go_mark_m` (optional) is the go-mark used (0 for visual) and
/// `start_m` (optional) where the outgoing runner stands, metres from the zone's start (the
/// planned pass may move them further in than options.exchange.blind_start_m; the pair term
/// then includes their slower leg from the shorter run-up, so legs and pair terms still add up).
double exchange_cost_s(const AthleteModel& incoming, const AthleteModel& outgoing,
                       const Event& event, int exchange_index, const PredictOptions& options = {},
                       bool* baton_before_scratch = nullptr, double* go_mark_m = nullptr,
                       double* start_m = nullptr);

/// The decomposed relay: leg(a, l) = F, exchange(k, from, to) = the pair term. Athlete index =
/// position in team.athletes. +infinity for: a runner without a usable mark for the leg (no mark
/// at 400 m or below and no splits; legs over 250 m need a real mark of at least half the leg
/// and at least 200 m), a runner
/// handing to themselves, and, in single-sex events, a pair of different sexes (so every finite
/// order is single-sex). The mixed 2+2 rule cannot be expressed by pair terms: check it on the
/// order (predict_relay does). Throws ValidationError for invalid options.exchange.
RelayCosts relay_costs(const Team& team, const Event& event, const PredictOptions& options = {});

struct RelayLegResult {
  int leg = 0;  ///< 1-based
  std::string athlete;
  double distance_m = 0.0;  ///< metres
  double split_s = 0.0;     ///< baton time from scratch line to scratch line, seconds
  bool estimated = false;   ///< uses an estimated mark
  std::string note;
  double go_mark_m = 0.0;  ///< go-mark of the exchange that ends this leg (0: none/visual)
  /// The terms the team time is the sum of (relay_costs() has the same ones): the runner's own
  /// time from scratch line to scratch line, and the pair term of the exchange that ends this
  /// leg (practice record included; 0 for the anchor), seconds.
  double own_s = 0.0;
  double pair_s = 0.0;
  /// The planned pass of the exchange that ends this leg: seconds from this runner crossing
  /// its scratch line to the pass (negative: before it), and where the baton changes hands,
  /// metres past the line. 0 for a visual exchange (taken at the line) and for the anchor.
  double pass_offset_s = 0.0;
  double pass_m = 0.0;
};

struct RelayPrediction {
  std::string event;                 ///< event id
  double team_time_s = 0.0;          ///< equals relay_costs(...).team_time_s(order), seconds
  Level level = Level::high_school;  ///< the level the prediction used
  /// Whether that level was inferred from the marks (team_level()): the team sets none and the
  /// prediction used the one its marks suggest.
  bool level_inferred = false;
  /// The 10th and 90th percentiles of the team time: where 8 in 10 races of this level land
  /// around the prediction (team_time_interval(), from the validation residuals), seconds.
  double team_time_p10_s = 0.0;
  double team_time_p90_s = 0.0;
  std::vector<RelayLegResult> legs;  ///< splits add up to team_time_s
};

/// For each leg of `order` (athlete names), whether its prediction rests on a mark estimated
/// from another distance. Throws like predict_relay().
std::vector<bool> estimated_legs(const Team& team, const Event& event,
                                 const std::vector<std::string>& order,
                                 const PredictOptions& options = {});

/// Predicts a running order (athlete names, one per leg). Throws NotFoundError for an unknown
/// name (with suggestions), ValidationError for the wrong number of runners, a runner twice,
/// mixed sexes in a single-sex event, a mixed event that is not two men and two women, or a
/// runner without a usable mark for their leg, or invalid options.exchange.
/// Example:
///   const Event event = find_event("4x100", team.rules);
///   const RelayPrediction r =
///       predict_relay(team, event, {"Zoe Carter", "Lily Nguyen", "Ava Brooks", "Maya Johnson"});
///   // r.team_time_s and each r.legs[i].split_s, seconds
RelayPrediction predict_relay(const Team& team, const Event& event,
                              const std::vector<std::string>& order,
                              const PredictOptions& options = {});

}  // namespace baton
