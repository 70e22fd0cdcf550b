// A pair's practice report: the record of its drills up to a date and the go-mark calibrated
// from them. One computation and one JSON shape for `baton practice report` and the web app's
// Practice page, so the two can never disagree.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "baton/calibration.h"
#include "baton/handoff.h"
#include "baton/practice.h"

namespace baton {

/// The drills on or before `as_of` (YYYY-MM-DD) as the calibration sees them, each aged in
/// days from `as_of`; later drills are left out. Throws ParseError for a malformed date.
std::vector<DrillObservation> drill_observations(const std::vector<Drill>& drills,
                                                 const std::string& as_of);

/// What the report shows.
struct PracticeReport {
  std::string from;             ///< incoming runner, as the log spells the name
  std::string to;               ///< outgoing runner
  std::string as_of;            ///< YYYY-MM-DD: drills after this date are not counted
  PairRecord record;            ///< the drills counted
  HandoffParams nominal;        ///< the planned hand-off the drills are calibrated against
  Calibration calibration;      ///< the model's mark and the recommended one
  double foot_length_m = 0.0;   ///< the outgoing runner's foot length, metres
  double half_life_days = 0.0;  ///< recency weighting used, days
};

/// The report for one pair: `drills` are the pair's drills in any date order (later ones than
/// `as_of` are skipped), `nominal` and `target_m` the hand-off they are calibrated against. The
/// report names the pair as the counted drills do, or as `from` and `to` when none count.
/// Throws like calibrate_go_mark() and parse_date().
PracticeReport practice_report(const std::string& from, const std::string& to,
                               const std::vector<Drill>& drills, const HandoffParams& nominal,
                               double target_m, const std::string& as_of,
                               const CalibrationOptions& options, double foot_length_m);

/// {"id", "from", "to", "date", "go_mark_m", "exchange_at_m", "baton_time_s" (null when not
/// timed), "outcome", "zone_length_m", "note"}.
nlohmann::json drill_to_json(const Drill& drill);

/// {"pair": {"from", "to"}, "as_of", "drills", "clean", "drops", "mean_exchange_at_m",
///  "sd_exchange_at_m", "p_clean" (null without drills), "target_m", "model_go_mark_m",
///  "recommended_go_mark_m", "recommended_go_mark_foot_lengths" (null when no mark reaches
///  the target, with "reason"), "foot_length_m", "nominal_reaction_s", "effective_reaction_s",
///  "effective_drills", "half_life_days", "rms_residual_m", "reaction_at_bound", "physics"}.
nlohmann::json practice_report_to_json(const PracticeReport& report);

}  // namespace baton
