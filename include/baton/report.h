// The relay report: one self-contained HTML file (inline SVG and CSS, nothing fetched from the
// network) with the lineup, leg splits, velocity curves, pacing tables, the race-day timeline,
// the exchanges and, when a meet was simulated, the finish-time distribution.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "baton/athlete_model.h"
#include "baton/event.h"
#include "baton/pacing.h"
#include "baton/relay_plan.h"
#include "baton/simulation.h"
#include "baton/team.h"
#include "baton/timeline.h"

namespace baton {

/// Everything the report shows. build_report() fills all but the simulation.
struct RelayReport {
  std::string team;  ///< team name
  Event event;
  std::string lineup_source;  ///< how the order was chosen ("best predicted lineup", ...)
  PacingPlan pacing;
  RaceTimeline timeline;
  std::vector<AthleteModel> runners;  ///< one per leg, for the velocity curves
  PredictOptions predict;             ///< the assumptions behind the splits
  RelayPlan handoffs;                 ///< hands, techniques, go-marks and risks of every exchange
  /// One zone diagram (SVG document) per exchange.
  std::vector<std::string> exchange_diagrams_svg;
  /// The same diagrams laid out for a phone (ZoneLayout::narrow), shown under 480 px.
  std::vector<std::string> exchange_diagrams_narrow_svg;
  std::optional<SimulationResult> simulation;  ///< the meet's simulated races, when run
  std::string simulation_title;                ///< e.g. the meet's event and field
};

/// The report of a running order: pacing plan, timeline, hand-off plan with zone diagrams and
/// athlete models. Throws like plan_pacing() and build_relay_plan().
RelayReport build_report(const Team& team, const Event& event,
                         const std::vector<std::string>& order, std::string lineup_source,
                         const PacingOptions& pacing = {}, const TimelineOptions& timeline = {},
                         const RelayPlanOptions& handoffs = {});

/// Speed against race distance of every runner on their leg, m/s: the model's all-out curve on
/// sprint legs, the average speed of each target segment on paced legs.
std::vector<std::pair<double, double>> leg_speed_curve(const RelayReport& report, int leg_index);

/// The report as one HTML5 document. Every team and athlete name is HTML-escaped.
std::string render_report_html(const RelayReport& report);

}  // namespace baton
