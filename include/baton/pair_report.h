// A pair's practice report and its progress, in a coach's terms: the two runners by name, the
// event and exchange they are drilled for. The hand-off their drills are calibrated against is
// the one the relay plan makes for them (planned_pair_target(), as `baton plan` shows it),
// each part of which a request may override.
//
// Example:
//   baton::PairReportRequest r{.from = "Ava Brooks", .to = "Maya Johnson", .as_of = "2024-04-10"};
//   const baton::PracticeReport report = baton::pair_report(ws, r);
//   // report.calibration.recommended.go_mark_m: the mark to pace out, metres
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "baton/practice_report.h"
#include "baton/progress_svg.h"
#include "baton/workspace.h"

namespace baton {

/// Parts of the pair's hand-off given by hand instead of taken from the relay plan. Without
/// all three of the incoming speed and the outgoing MSS and TAU, the relay plan supplies the
/// hand-off (the athletes need models) and these replace parts of it; with all three, the
/// leg prediction's defaults fill the rest.
struct HandoffOverrides {
  std::optional<double> incoming_speed_mps;   ///< at the go-mark, m/s
  std::optional<double> outgoing_mss_mps;     ///< outgoing runner's maximal speed, m/s
  std::optional<double> outgoing_tau_s;       ///< outgoing runner's TAU, seconds
  std::optional<double> reaction_s;           ///< outgoing runner's delay after the mark, s
  std::optional<double> free_distance_m;      ///< arm reach bridged at the pass, metres
  std::optional<double> zone_length_m;        ///< exchange zone length, metres
  std::optional<double> start_m;              ///< outgoing start, metres into the zone
  std::optional<double> incoming_decel_mps2;  ///< incoming runner's slowing, m/s^2
  /// Planned baton position, metres from the zone's start (default: the plan's, kept when the
  /// overridden hand-off still reaches it, else moved back as the leg prediction does).
  std::optional<double> target_m;
};

/// What a coach asks about a pair.
struct PairReportRequest {
  std::string from;             ///< incoming runner's name
  std::string to;               ///< outgoing runner's name
  std::string event = "4x100";  ///< event id whose exchange is drilled
  /// Which exchange: 1 = leg 1 to leg 2; 0 = take it from the plan, the pair's place in the
  /// event's current best order (the order `baton lineup` picks for the squad of `from`).
  int exchange = 1;
  std::string as_of;           ///< YYYY-MM-DD: drills after it do not count (report only)
  double half_life_days = 28;  ///< a drill this many days old counts half, days (> 0)
  HandoffOverrides overrides;
  /// Where does the pair pass with this go-mark (metres behind the outgoing runner's start)?
  /// Default: the recommended mark (report only).
  std::optional<double> go_mark_m;
};

/// The pair's record and calibrated go-mark as of request.as_of: the plan's pass under the
/// pair's calibrated exchange (calibrate_pair()), the mark `baton plan` then uses; with a
/// target or the whole hand-off given by hand, the mark that puts the calibrated pass at the
/// target. Throws NotFoundError naming
/// "from", "to" or "event" for an unknown name; ValidationError naming "exchange" for an
/// exchange the event does not have or a visual one, "from" for a runner without a model, the
/// hand-off field ("reaction_s", "zone_length_m", ...) for an override out of range, or
/// "half_life_days"; ParseError naming "as_of" for a malformed date; StoreError for a
/// team-file workspace. With exchange 0, ValidationError naming "exchange" when the pair does
/// not run one after the other in the best order (the message gives that order).
PracticeReport pair_report(const Workspace& ws, const PairReportRequest& request);

/// The pair's numbers on one day of drills.
struct PairProgressDay {
  std::string date;                 ///< YYYY-MM-DD
  int drills = 0;                   ///< drills that day
  int total_drills = 0;             ///< drills up to and including that day
  double mean_exchange_at_m = 0;    ///< that day's mean exchange position, metres into the zone
  double p_clean = 0;               ///< that day's share of clean drills, 0-1
  std::optional<double> go_mark_m;  ///< recommended go-mark calibrated with the drills up to
                                    ///< that day, metres; none when no mark reaches the target
  double effective_reaction_s = 0;  ///< the fitted reaction behind it, seconds
};

/// How a pair's numbers moved, drill day by drill day.
struct PairProgress {
  std::string from;     ///< incoming runner as the log spells the name (as asked with no drills)
  std::string to;       ///< outgoing runner
  double target_m = 0;  ///< planned baton position, metres from the zone's start
  std::vector<PairProgressDay> days;  ///< oldest first; empty with no drills
};

/// The pair's progress (request.as_of is not used: each day is calibrated as of itself).
/// Throws like pair_report().
PairProgress pair_progress(const Workspace& ws, const PairReportRequest& request);

/// The progress as a chart: mean exchange position, recommended go-mark (metres) and clean
/// drills (%) by date. Throws NotFoundError naming "svg" when there are no drills to chart.
ProgressChart pair_progress_chart(const PairProgress& progress);

}  // namespace baton
