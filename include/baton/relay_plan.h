// The exchange plan of one pair at one zone: where the outgoing runner waits, the go-mark (blind)
// or the "go" cue (visual), the expected exchange point and the risk; and the plan of a whole
// relay, which feeds each exchange the incoming runner's predicted speed at the zone and the
// outgoing runner's standing-start curve from the athlete models.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "baton/event.h"
#include "baton/go_mark.h"
#include "baton/hand_plan.h"
#include "baton/leg_prediction.h"
#include "baton/pair_calibration.h"
#include "baton/team.h"

namespace baton {

/// How the pair arrives at the zone.
struct PairMotion {
  double incoming_speed_mps = 9.0;             ///< incoming runner's speed entering the zone, m/s
  double incoming_decel_mps2 = 0.0;            ///< incoming runner's slowing there, m/s^2 (>= 0)
  SprintCurve outgoing{9.5, 1.1};              ///< outgoing runner's standing-start curve
  double foot_length_m = kDefaultFootLengthM;  ///< outgoing runner's foot length, metres
  /// Blind: the pair's own effective reaction after the mark (calibrated from its drills),
  /// seconds; empty: the team's settings.blind_reaction_s.
  std::optional<double> blind_reaction_s;
};

/// One exchange, ready for the card, the diagram and JSON.
struct ExchangePlan {
  int exchange = 0;  ///< 1 = leg 1 to leg 2
  ExchangeHands hands;
  double zone_length_m = 0.0;              ///< metres
  double scratch_from_zone_start_m = 0.0;  ///< metres
  double start_m = 0.0;    ///< outgoing runner's start, metres from the zone's start
  double go_mark_m = 0.0;  ///< blind: mark behind the start; visual: the cue distance, metres
  double go_mark_foot_lengths = 0.0;  ///< go_mark_m in the outgoing runner's foot lengths
  double baton_position_m = 0.0;      ///< expected exchange point, metres from the zone's start
  double exchange_time_s = 0.0;       ///< from the mark / cue to the pass, seconds
  double incoming_speed_mps = 0.0;    ///< at the pass, m/s
  double outgoing_speed_mps = 0.0;    ///< at the pass, m/s
  double baton_time_s = 0.0;          ///< deterministic baton time through the zone, seconds
  double p_illegal = 0.0;             ///< probability of a failed pass (blind; 0 for visual)
  double expected_time_s = 0.0;       ///< expected baton time counting failures (blind), s
  /// Mean baton time of the legal passes over the spreads of reactions and marks, late passes
  /// at their cost (blind; the visual pass's baton_time_s), seconds; 0 when no pass is legal.
  double legal_time_s = 0.0;
  double failure_cost_s = 0.0;  ///< what a failed pass counts as in expected_time_s, s
  double cost_short_s = 0.0;    ///< expected cost of a mark 0.5 m short, seconds
  double cost_long_s = 0.0;     ///< expected cost of a mark 0.5 m long, seconds
  /// Blind: probability of a late, eased pass (the gap stopped closing before the call; legal,
  /// at a cost), counted in expected_time_s and not in p_illegal.
  double p_late = 0.0;
  /// Blind, when p_illegal is above kMaxPlainRisk: the nearest mark whose risk of a failed pass
  /// is at most kMaxPlainRisk (safer_go_mark()), metres (0: none).
  double safer_go_mark_m = 0.0;
  double safer_p_illegal = 0.0;  ///< the risk of safer_go_mark_m (when there is one)
  /// Blind: the speed rule's own mark failed more than kMaxPlainRisk of the time, so the plan
  /// runs the nearest mark that does not (planned_blind_pass()); the rule's mark and its risk.
  bool made_safer = false;
  double speed_rule_go_mark_m = 0.0;  ///< metres (when made_safer)
  double speed_rule_p_illegal = 0.0;  ///< 0-1 (when made_safer)
  bool legal = false;                 ///< the planned pass is legal
  std::string reason;                 ///< why not, when not legal
  std::string cue;                    ///< what the outgoing runner is told, in words
  std::string rationale;  ///< blind: why this mark (pass point, speeds, risks), in words
  /// The nominal hand-off as planned (both runners' motion, reaction, reach, zone, start and
  /// the planned go-mark): what a simulation varies around.
  HandoffParams handoff;
};

/// Plans an exchange under the team's `settings` (where the outgoing runner stands, reaction,
/// spreads, failure cost). Blind zones: the planned pass (planned_blind_pass(), the one
/// predictions price: the speed rule, or the nearest mark failing at most kMaxPlainRisk) with
/// the hands' reach, its risk under the spreads (evaluate_go_mark()) and, when even that stays
/// above kMaxPlainRisk, the nearest safer mark.
/// Visual zones: the cue distance that puts the pass where the outgoing runner has reached
/// settings.visual_speed_fraction of the incoming runner's speed (kept 2 m inside the zone's
/// end). Throws ValidationError for out-of-range motion or settings.
ExchangePlan plan_exchange(const ExchangeZone& zone, const ExchangeHands& hands,
                           const PairMotion& pair, const ExchangeSettings& settings = {});

/// Settings of a whole relay plan.
struct RelayPlanOptions {
  /// Athlete models, leg predictions and the team's exchange settings (predict.exchange:
  /// techniques, reaches, starts, reactions, spreads), shared by the splits and the exchanges.
  PredictOptions predict;
  /// Count a failed pass as the whole predicted race (a disqualification loses it) instead of
  /// predict.exchange.failure_cost_s.
  bool failure_costs_the_race = true;
  /// The calibrated hand-off of each pair with blind-pass drills (the practice use case's
  /// calibration_lookup()); empty or nullopt: the models' hand-off. A calibrated pair is
  /// planned with its own reaction, TAU and incoming speed, so its mark, pass point and risk
  /// are the practice report's. The team time stays the models' (race speeds, not drill
  /// speeds); RelayPlan::calibrated says what the pair's own pass would change.
  PairCalibrationLookup calibrated;
};

/// One leg of the plan.
struct RelayPlanLeg {
  int leg = 0;  ///< 1-based
  std::string athlete;
  double distance_m = 0.0;  ///< metres
  double split_s = 0.0;     ///< baton-to-baton split (relay_splits.h), seconds
  LegHands hands;
};

/// A named exchange of the plan.
struct RelayPlanExchange {
  std::string from;  ///< incoming athlete
  std::string to;    ///< outgoing athlete
  ExchangePlan plan;
};

/// What a pair's calibration changed at one exchange: the calibrated plan's deterministic baton
/// time through the zone minus the models' plan's, seconds (0 for a pair without calibration or
/// a pass that is not legal either way). Shown beside the team time, not added to it.
struct CalibratedExchange {
  bool calibrated = false;  ///< the pair's drills calibrated this exchange
  double time_change_s = 0.0;
};

/// The whole relay: splits, hands, marks and risks.
struct RelayPlan {
  std::string event;                 ///< event id
  double team_time_s = 0.0;          ///< predicted team time, seconds
  Level level = Level::high_school;  ///< the level the prediction used
  bool level_inferred = false;       ///< that level was inferred from the marks
  double team_time_p10_s = 0.0;      ///< 10th percentile of the team time, seconds
  double team_time_p90_s = 0.0;      ///< 90th percentile of the team time, seconds
  std::vector<RelayPlanLeg> legs;
  std::vector<RelayPlanExchange> exchanges;
  /// Per exchange: what the pair's calibration changed.
  std::vector<CalibratedExchange> calibrated;
  /// Per exchange: seconds the pair's practice record adds to the team time, as `baton lineup`
  /// prices it (options.predict.order_practice_s; 0 without one). Included in team_time_s and
  /// in the outgoing runner's split.
  std::vector<double> practice_s;
  std::vector<std::string> warnings;  ///< hand preference clashes, infeasible exchanges
};

/// The exchange between two named athletes at exchange `exchange_index` (0 = legs 1 -> 2) of
/// `event`: incoming speed and slowing from `from`'s model at the end of that leg (fatigue
/// included), `to`'s standing-start curve and foot length; a blind pair that
/// options.calibrated knows is planned with its calibrated hand-off. Throws NotFoundError for an
/// unknown name, ValidationError for a runner without a model.
RelayPlanExchange plan_pair(const Team& team, const Event& event, int exchange_index,
                            const std::string& from, const std::string& to,
                            const RelayPlanOptions& options = {});

/// The plan of a running order (athlete names, one per leg): predict_splits() for the splits,
/// plan_hands() for the hands, plan_exchange() for every exchange. Throws like predict_relay().
/// Example: every hand-off of a girls' 4x100 (examples/hello_relay.cpp is the whole program).
///   const Event event = find_event("4x100", team.rules);
///   const RelayPlan plan = build_relay_plan(team, event, best_order(team, event, Sex::female));
///   for (const RelayPlanExchange& x : plan.exchanges)
///     fmt::print("{} -> {}: go-mark {:.2f} m\n", x.from, x.to, x.plan.go_mark_m);
RelayPlan build_relay_plan(const Team& team, const Event& event,
                           const std::vector<std::string>& order,
                           const RelayPlanOptions& options = {});

}  // namespace baton
