// The race-day timeline: for each runner, when to start the final warm-up and when to report to
// the start or the exchange zone, relative to the gun, from the predicted start of their leg.
// Defaults and the reasons for them: docs/RACE_DAY.md.
#pragma once

#include <string>
#include <vector>

#include "baton/event.h"
#include "baton/pacing.h"

namespace baton {

/// When runners get ready. Every field is a default a coach can change.
struct TimelineOptions {
  /// Leg 1 reports to the start this long before the gun, seconds (clerk check, blocks).
  double leg1_report_before_gun_s = 600.0;
  /// Runners waiting in zones that are in lanes take their places before the gun (officials
  /// place them; they cannot walk on during the race), seconds before the gun.
  double lane_zone_report_before_gun_s = 300.0;
  /// Any other runner is in the zone this long before their earliest expected start, seconds.
  double zone_lead_s = 180.0;
  /// Earliest expected start = predicted start - this many sd of it (2: about 1 race in 40
  /// starts earlier).
  double early_start_sd = 2.0;
  /// The final warm-up (drills and strides) starts this long before reporting, seconds.
  double final_warmup_s = 600.0;
};

/// Throws ValidationError naming the field for a value out of range.
void validate_timeline_options(const TimelineOptions& o);

/// One runner's race-day times, seconds relative to the gun (negative: before it).
struct RunnerTimeline {
  int leg = 0;  ///< 1-based
  std::string athlete;
  std::string where;                  ///< where to report ("the start, lane assigned", "zone 2")
  double final_warmup_s = 0.0;        ///< start the final warm-up (strides), s from the gun
  double report_s = 0.0;              ///< be at the start / in the zone, s from the gun
  double start_after_gun_s = 0.0;     ///< predicted start of the leg, s from the gun
  double start_after_gun_sd_s = 0.0;  ///< its spread, seconds
  double earliest_start_s = 0.0;      ///< predicted start minus early_start_sd sd, s from the gun
  double wait_s = 0.0;                ///< from reporting to the predicted start, seconds
};

/// The timeline of a relay.
struct RaceTimeline {
  std::string event;  ///< event id
  double team_time_s = 0.0;
  std::vector<RunnerTimeline> runners;
  /// For events with visual exchanges out of lanes (4x400 and longer): how the waiting runners
  /// line up; empty otherwise.
  std::string waiting_order;
};

/// The timeline of a pacing plan (start times and spreads) for `event`. Throws
/// ValidationError for invalid options or a plan whose legs do not match the event.
RaceTimeline plan_timeline(const PacingPlan& plan, const Event& event,
                           const TimelineOptions& options = {});

/// A time relative to the gun as a coach says it: "10:00 before the gun", "gun",
/// "35.2 s after the gun", "4:05 after the gun" (tenths below a minute, whole seconds above).
std::string format_gun_offset(double seconds);

/// The plain-language waiting-order rule for visual exchanges out of lanes, or "" when the
/// event has none.
std::string waiting_order_text(const Event& event);

}  // namespace baton
