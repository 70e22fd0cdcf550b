// The best go-mark for a blind exchange: the mark that minimises the expected time the baton
// takes through the zone, counting a failed pass (outside the zone, or no pass at all) at a
// fixed cost, given that the outgoing runner's reaction and the mark's placement both scatter.
//
// Baton time through the zone: the baton travels in the incoming runner's hand (free_distance/2
// ahead of the runner) until the pass and in the outgoing runner's hand (free_distance/2 behind)
// after it; the baton time is from its crossing the zone's start to its crossing the zone's end.
// For a legal pass this is reaction + t_sprint(zone_length + free/2 - start) - t0(mark), where
// t0 is when the incoming runner's baton reaches the zone's start: every metre of mark saves
// about 1/u seconds, so the bare optimum sits right at the zone's end and only the risk of
// overshooting keeps the mark shorter. docs/HANDOFFS.md derives this.
#pragma once

#include <optional>

#include "baton/exchange_settings.h"
#include "baton/handoff.h"

namespace baton {

/// How uncertain the exchange is and what a failure costs. Validated by validate_go_mark_options().
struct GoMarkOptions {
  /// The team's settings: the spreads (reaction_sd_s, mark_sd_m) and what a failed pass
  /// counts as (failure_cost_s). Reaction, reach and start come from the hand-off itself.
  ExchangeSettings exchange;
  int panels = 12;  ///< quadrature panels (4 Gauss-Legendre points each) over +-7 sd of reaction
};

/// Throws ValidationError naming the field: validate_exchange_settings(), panels in [1, 200].
void validate_go_mark_options(const GoMarkOptions& o);

/// The deterministic baton time through the zone for p (nominal reaction, mark p.go_mark_m),
/// seconds; nullopt when the pass is not legal. A late (eased) pass counts the outgoing
/// runner's undisturbed exit plus their lag over the rest of the leg (HandoffResult::
/// ease_cost_s), without late_pass_cost_s: what the team loses, not only what the zone sees.
std::optional<double> baton_time_s(const HandoffParams& p);

/// What a nominal go-mark gives once reaction and mark placement scatter.
struct MarkRisk {
  double go_mark_m = 0.0;        ///< nominal mark, metres behind the outgoing runner's start
  double expected_time_s = 0.0;  ///< expected baton time, failures counted at the failure cost
  double legal_time_s = 0.0;     ///< expected baton time of the legal passes only, s (0 if none)
  double p_illegal = 0.0;        ///< probability of any failure (sum of the three below)
  double p_before_zone = 0.0;    ///< probability the baton passes before the zone's start
  double p_beyond_zone = 0.0;    ///< probability the baton passes beyond the zone's end
  double p_no_exchange = 0.0;    ///< probability the incoming runner never reaches the outgoing
  /// Probability of a late but legal pass: the gap stopped closing, the outgoing runner eased
  /// (HandoffParams::ease_mps2). Counted among the legal passes, not in p_illegal.
  double p_late = 0.0;
};

/// Expected outcome of the nominal mark `go_mark_m` (p.go_mark_m is ignored). Reactions below
/// 0 s count as 0 s. Deterministic: the reaction is integrated by composite Gauss-Legendre over
/// +-7 sd, the mark error in closed form (constant incoming speed) or by Gauss-Legendre over
/// +-8 sd.
/// Throws ValidationError for bad p or options.
MarkRisk evaluate_go_mark(const HandoffParams& p, double go_mark_m, const GoMarkOptions& o = {});

/// The recommended mark and what it gives.
struct GoMarkPlan {
  bool feasible = false;           ///< some mark has a legal pass with probability above 1 %
  std::string reason;              ///< why not feasible; empty when feasible
  MarkRisk best;                   ///< the minimum of the expected baton time
  HandoffResult nominal;           ///< the pass at the best mark with the nominal reaction
  double baton_time_s = 0.0;       ///< deterministic baton time of `nominal`, seconds (0 if none)
  double zone_end_margin_m = 0.0;  ///< zone length minus the nominal baton position, metres
  double mark_margin_m = 0.0;      ///< how much longer the mark could be before the nominal
                                   ///< pass leaves the zone or fails, metres
  double longest_legal_mark_m = 0.0;  ///< the longest mark with a legal nominal pass, metres
  double cost_short_s = 0.0;  ///< expected time lost by putting the mark 0.5 m short, seconds
  double cost_long_s = 0.0;   ///< expected time lost by putting the mark 0.5 m long, seconds
};

/// Mark error used for cost_short_s / cost_long_s, metres.
inline constexpr double kMarkErrorProbeM = 0.5;

/// Minimises evaluate_go_mark() over marks in [0, 60] m (a scan near the longest legal mark,
/// then golden-section refinement to 1e-6 m). Throws ValidationError for bad p or options.
/// Example: the pair of the solve_handoff() example with a less steady outgoing runner.
///   GoMarkOptions spread;
///   spread.reaction_sd_s = 0.08;
///   const GoMarkPlan plan = best_go_mark(p, spread);
///   // plan.best.go_mark_m metres behind the outgoing runner; plan.best.p_illegal its risk
GoMarkPlan best_go_mark(const HandoffParams& p, const GoMarkOptions& o = {});

/// The highest risk of a failed pass a best plan shows without a warning and a safer
/// alternative (a probability).
inline constexpr double kMaxPlainRisk = 0.05;

/// A safer mark than `from_mark_m`: the one nearest to it, in 0.05 m steps either way (a shorter
/// mark passes earlier, away from the zone's end; a longer one later, away from its start; the
/// shorter first at equal distance), whose risk of a failed pass is at most `max_risk`; nullopt
/// when no mark in 0-60 m gets there. Throws ValidationError for bad p or options.
std::optional<MarkRisk> safer_go_mark(const HandoffParams& p, double from_mark_m,
                                      double max_risk = kMaxPlainRisk, const GoMarkOptions& o = {});

/// The blind pass a plan makes, the one every number is priced on (the prediction's team time,
/// the plan's mark and cue, the cards, the simulation).
struct PlannedPass {
  HandoffResult pass;              ///< the planned pass at the plan's mark (nominal reaction)
  double speed_rule_mark_m = 0.0;  ///< the mark the speed rule alone gives, metres
  /// The speed rule's mark failed more often than kMaxPlainRisk, so the plan moved to the
  /// nearest mark that does not (safer_go_mark()); `pass` is the pass at that mark.
  bool made_safer = false;
  double speed_rule_p_illegal = 0.0;  ///< the speed rule mark's risk when made_safer, 0-1
};

/// The planned blind pass: the outgoing runner at x.pass_speed_fraction of the incoming speed,
/// at least x.earliest_pass_m into the zone and by x.latest_pass_fraction of it
/// (handoff_for_speed_fraction()); when that mark's risk of a failed pass under the spreads of
/// `x` is above kMaxPlainRisk, the nearest mark at or below it instead. The risk is integrated
/// only when the nominal pass is not legal across +-2.5 sd of the combined mark error (mark
/// placement and reaction times the incoming speed): with that margin it stays near 1 %.
/// Uses p's reaction, reach and zone, and p's start unless the speed rule moves the outgoing
/// runner further in (pass.start_m; the safer mark is measured from that start too);
/// p.go_mark_m is ignored. Throws ValidationError for bad p or settings.
PlannedPass planned_blind_pass(const HandoffParams& p, const ExchangeSettings& x);

}  // namespace baton
