// How a team passes the baton: the one set of exchange settings that leg predictions, hand-off
// plans, go-marks, practice costs, pacing and the simulation all read. A coach changes a value
// here once and every answer follows. Sources: docs/HANDOFFS.md and docs/SIMULATION.md.
#pragma once

namespace baton {

/// How the baton goes from hand to hand.
enum class Technique {
  upsweep,    ///< receiver's hand low, palm down, thumb in; baton swept up into it
  downsweep,  ///< receiver's arm back near horizontal, palm up; baton pressed down into it
  push,       ///< receiver's arm back horizontal, palm facing back; baton pushed forward
  visual,     ///< receiver watches the incoming runner and takes the baton in the left hand
};

/// The exchange settings of a team. Plain defaults a coach may change; validated once by
/// validate_exchange_settings() where they enter (predictions, plans, go-marks, practice
/// costs, the simulation).
struct ExchangeSettings {
  Technique blind_technique = Technique::downsweep;  ///< every blind (sprint) exchange
  Technique visual_technique = Technique::visual;    ///< every visual (4x400-type) exchange

  // Reach ("free distance"): the gap between the two runners' bodies that both arms and the
  // baton bridge at the pass, metres. Geometry of an adult: shoulder to the middle of the grip
  // is about 0.38 of stature (segment lengths of Drillis and Contini, tabulated in Winter,
  // "Biomechanics and Motor Control of Human Movement"), 0.63-0.69 m at 1.65-1.80 m, and the
  // two grips sit about 0.15 m apart on the 28-30 cm baton (WA Rule 24): two horizontal arms
  // bridge about 1.4-1.55 m, a little more with the shoulders turned into the pass. Each
  // technique gives some of that back by the angle of the receiving arm (docs/HANDOFFS.md).
  double upsweep_reach_m = 1.15;   ///< receiving arm down about 45 degrees behind the hip, m
  double downsweep_reach_m = 1.5;  ///< receiving arm back near horizontal, palm up, metres
  double push_reach_m = 1.6;       ///< receiving arm back horizontal (full reach), metres
  double visual_reach_m = 1.0;     ///< receiver turned to watch, arms bent, metres

  /// Blind exchanges: the outgoing runner's delay between the incoming runner's foot hitting
  /// the go-mark and the first movement, seconds (a simple visual reaction; coaching default,
  /// docs/HANDOFFS.md).
  double blind_reaction_s = 0.15;
  /// Visual exchanges: delay between the chosen cue distance and the first step, seconds
  /// (the runner is watching and anticipates; coaching default, docs/HANDOFFS.md).
  double visual_reaction_s = 0.10;
  /// Where the outgoing runner stands in a blind zone, metres from the zone's start (0: the
  /// back of the zone, the whole 30 m to accelerate in; docs/HANDOFFS.md).
  double blind_start_m = 0.0;
  /// Where the outgoing runner stands in a visual zone, metres from the zone's start (coaching
  /// default, docs/HANDOFFS.md).
  double visual_start_m = 1.0;
  /// Visual exchanges: the pass is aimed where the outgoing runner has reached this fraction
  /// of the incoming runner's speed, still slower so the tired runner catches up safely
  /// (coaching default, docs/HANDOFFS.md).
  double visual_speed_fraction = 0.7;

  /// Blind exchanges: the pass is planned for when the outgoing runner has reached this
  /// fraction of the incoming runner's speed (coaching texts and measured exchanges: the
  /// outgoing runner near full speed; docs/HANDOFFS.md "The planned pass").
  double pass_speed_fraction = 0.85;
  /// Blind exchanges: the planned pass comes no later than this fraction of the zone length
  /// (0.75: 22.5 m into a 30 m zone), leaving the rest for the scatter of real passes.
  double latest_pass_fraction = 0.75;
  /// Blind exchanges: the planned pass comes at least this far into the zone, metres, where
  /// the runner reaching the speed fraction sooner (a tired incoming runner): a pass right at
  /// the zone's start is lost before it whenever the outgoing runner goes a little late.
  double earliest_pass_m = 5.0;
  /// A blind pass that does not come as planned: once the gap stops closing, the outgoing
  /// runner (hearing no call) eases so that the incoming runner gains at this rate, m/s^2
  /// (coaching model, docs/HANDOFFS.md "Late passes"; 0 turns easing off).
  double ease_mps2 = 3.0;
  /// What a late (eased) pass costs beyond the easing itself: the call, the reach back and the
  /// broken stride, seconds (docs/HANDOFFS.md "Late passes").
  double late_pass_cost_s = 0.1;

  // Spreads, calibrated so that championship 4x100 teams fail about 4 % per blind exchange
  // (docs/SIMULATION.md).
  double reaction_sd_s = 0.05;  ///< spread (sd) of the outgoing runner's reaction, seconds
  double mark_sd_m = 0.3;       ///< spread (sd) of where the go-mark is put down / seen, metres
  /// Day form: sd of a leg's split as a fraction of the split. It spreads the incoming
  /// runner's speed at the mark and the time the outgoing runner takes the baton
  /// (docs/SIMULATION.md, docs/RACE_DAY.md).
  double form_sd_fraction = 0.01;

  /// Practice: fumble (non-clean pass) rate assumed for a pair that never drilled, a Beta
  /// prior (docs/PRACTICE.md).
  double practice_prior_fail_rate = 0.10;
  double practice_prior_drills = 20.0;  ///< weight of that assumption, in drills
  /// Seconds a failed pass (outside the zone, or no pass) counts as when a go-mark is chosen
  /// without a race to lose (a lost race).
  double failure_cost_s = 10.0;

  /// The reach of technique `t`, metres.
  double reach_m(Technique t) const;
  /// The reach of this team's blind (`blind` true) or visual exchanges, metres.
  double exchange_reach_m(bool blind) const {
    return reach_m(blind ? blind_technique : visual_technique);
  }
};

/// Throws ValidationError naming the field for a value out of range: reaches in [0.3, 3] m,
/// reactions in [0, 1] s, ease_mps2 in [0, 10] m/s^2,
/// late_pass_cost_s in [0, 2] s, earliest_pass_m in [0, 20] m, blind_start_m in [0, 30] m,
/// visual_start_m in [0, 20] m, visual_speed_fraction, pass_speed_fraction and latest_pass_fraction
/// in (0, 1], reaction_sd_s in [0, 0.3] s, mark_sd_m in [0, 3] m, form_sd_fraction in [0, 0.2],
/// practice_prior_fail_rate in (0, 1), practice_prior_drills in (0, 1000],
/// failure_cost_s in (0, 1000] s.
void validate_exchange_settings(const ExchangeSettings& s);

}  // namespace baton
