// The blind exchange, solved exactly as docs/HANDOFFS.md defines it. Positions are metres
// from the start of the exchange zone; t = 0 is when the incoming runner passes the go-mark.
//   incoming: x_in(t)  = start - go_mark + u t - a_in t^2 / 2   (until the runner stops)
//   outgoing: x_out(t) = start + d(t - reaction)                (sprint curve mss, tau)
// The baton changes hands at the first t with x_out - x_in <= free_distance, at
// x_out - free_distance / 2; the pass is legal when that lies inside [0, zone_length].
// When the gap never closes that far (the incoming runner's speed is matched before the pass),
// the outgoing runner does what runners do: no call comes, they ease, and the pass happens
// late (late_pass()); the team is disqualified only when that late pass leaves the zone.
#pragma once

#include <string>

#include "baton/exchange_settings.h"
#include "baton/sprint_model.h"

namespace baton {

/// One exchange as a coach sets it up. Validated by validate_handoff(). Reaction, reach and
/// start default to a blind exchange under the default ExchangeSettings.
struct HandoffParams {
  double incoming_speed_mps = 9.0;   ///< u: incoming runner's speed at the go-mark, m/s
  double incoming_decel_mps2 = 0.0;  ///< a_in: incoming runner's deceleration, m/s^2 (>= 0)
  SprintCurve outgoing{9.5, 1.0};    ///< outgoing runner's acceleration curve (mss, tau)
  /// Outgoing runner's delay after the incoming runner hits the mark, seconds.
  double reaction_s = ExchangeSettings{}.blind_reaction_s;
  /// Gap bridged by the two arms and the baton at the pass, metres.
  double free_distance_m = ExchangeSettings{}.exchange_reach_m(true);
  double zone_length_m = 30.0;  ///< exchange zone length, metres
  /// Outgoing runner's start, metres from the zone's start.
  double start_m = ExchangeSettings{}.blind_start_m;
  double go_mark_m = 8.0;  ///< go-mark, metres behind the outgoing runner's start
  /// When the gap stops closing before the pass, the outgoing runner eases off so that the
  /// incoming runner gains on them at this rate (relative deceleration), m/s^2; 0: nobody
  /// eases and no pass happens.
  double ease_mps2 = ExchangeSettings{}.ease_mps2;
};

/// Throws ValidationError naming the field for values out of range: speeds and mss in (0, 15],
/// tau in [0.3, 3], reaction in [-0.5, 1] (below 0: an outgoing runner who anticipates the mark
/// and leaves before the incoming runner reaches it, as a pair's calibration may find), free
/// distance in [0.3, 3], zone in (0, 50], start inside the zone, go-mark in [0, 60], deceleration
/// in [0, 5].
void validate_handoff(const HandoffParams& p);

/// Where and when the baton changes hands. An illegal or impossible pass is a result, not an
/// error: `legal` is false and `reason` says why.
struct HandoffResult {
  bool exchanged = false;  ///< the incoming runner reached the outgoing runner
  bool legal = false;      ///< exchanged with the baton inside the zone
  std::string reason;      ///< why not legal; empty when legal
  double go_mark_m = 0.0;  ///< the go-mark used, metres behind the outgoing start
  /// Where the outgoing runner stood, metres from the zone's start (the start the go-mark is
  /// measured from; handoff_for_speed_fraction() may move it forward).
  double start_m = 0.0;
  double exchange_time_s = 0.0;     ///< from the incoming runner passing the go-mark, seconds
  double baton_position_m = 0.0;    ///< metres from the zone's start
  double incoming_speed_mps = 0.0;  ///< incoming runner's speed at the pass, m/s
  double outgoing_speed_mps = 0.0;  ///< outgoing runner's speed at the pass, m/s
  double closest_gap_m = 0.0;       ///< smallest runner-to-runner gap reached, metres
  /// The incoming runner did not close the gap as planned: the outgoing runner eased and the
  /// pass came late (late_pass()).
  bool late = false;
  double ease_s = 0.0;  ///< how long the outgoing runner eased before the pass, seconds
  /// Time the outgoing runner loses to the easing over the rest of the leg (re-accelerating on
  /// their own curve after the pass, compared once both runs reach top speed), seconds; 0 for
  /// a pass as planned.
  double ease_cost_s = 0.0;
};

/// The late pass that follows a gap stuck above the reach. At t_match_s the two runners move
/// at the same speed v and are gap_m > free distance apart. From then on the outgoing runner
/// eases so the incoming runner gains on them at p.ease_mps2: the remaining gap
/// g - f closes in s = sqrt(2 (g - f) / ease) seconds, with the outgoing runner then at
/// v_in(t_match + s) - ease s. After the pass they re-accelerate on their own curve from that
/// speed. Fills a result with late = true (exchanged false when p.ease_mps2 is 0 or the
/// outgoing runner would have to stop).
HandoffResult late_pass(const HandoffParams& p, double t_match_s, double gap_m);

/// Time the outgoing runner's baton takes from the pass of `r` to the zone's end, plus the
/// time of the pass after the go-mark: when the baton leaves the zone, seconds after the
/// incoming runner passed the go-mark. For a pass as planned this is
/// reaction + t(zone + f/2 - start); a late pass adds r.ease_cost_s.
double baton_exit_s(const HandoffParams& p, const HandoffResult& r);

/// Forward problem: the pass that a go-mark produces. Validates `p` first.
/// Example: an incoming runner at 9.2 m/s, the outgoing runner (MSS 9.0 m/s, TAU 1.1 s) at the
/// back of a 30 m zone, a go-mark 7 m behind her.
///   HandoffParams p;
///   p.incoming_speed_mps = 9.2;
///   p.outgoing = SprintCurve{9.0, 1.1};
///   p.go_mark_m = 7.0;
///   const HandoffResult r = solve_handoff(p);
///   // r.legal; r.baton_position_m metres into the zone; r.exchange_time_s after the mark
HandoffResult solve_handoff(const HandoffParams& p);

/// The furthest baton position (metres from the zone's start) any go-mark can produce: where
/// the outgoing runner's speed catches up with the incoming runner's (the incoming runner must
/// still be faster at the pass). +infinity when the outgoing runner never gets as fast.
double furthest_reachable_baton_m(const HandoffParams& p);

/// Inverse problem: the go-mark (p.go_mark_m is ignored) that puts the baton at
/// `target_baton_m` metres from the zone's start. The result is solve_handoff() at that mark.
/// When no go-mark can do it (target behind the outgoing runner, beyond the reachable point,
/// or a mark outside [0, 60] m) the result has exchanged = false and the reason.
HandoffResult handoff_for_target(HandoffParams p, double target_baton_m);

/// The blind pass Baton plans, the same in predictions, plans, cards and the simulation: the
/// go-mark (p.go_mark_m is ignored) whose nominal pass comes when the outgoing runner has
/// reached `speed_fraction` of the incoming runner's speed at that moment (later passes have the
/// outgoing runner faster; docs/HANDOFFS.md "The planned pass"), but no later than `latest_m`
/// metres into the zone and never behind where the outgoing runner can first take the baton.
/// When that point comes less than `earliest_m` into the zone (a tired incoming runner, whose
/// speed the outgoing runner reaches within a few metres), the outgoing runner stands further
/// into the zone, by as much as brings it to `earliest_m` (the result's start_m; never behind
/// p.start_m), rather than the pass moving on to where the speeds match and the gap stops
/// closing.
/// The result is handoff_for_target() at that pass. When that pass is not legal, the latest legal
/// pass at 95, 85, 70, 55 or 40 % of the furthest reachable point (a coach shortens the mark);
/// when none is, the illegal planned pass with its reason. Throws ValidationError for bad p or a
/// fraction outside (0, 1].
HandoffResult handoff_for_speed_fraction(const HandoffParams& p, double speed_fraction,
                                         double earliest_m, double latest_m);

}  // namespace baton
