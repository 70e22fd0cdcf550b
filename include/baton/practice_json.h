// Drills and practice reports as JSON: one shape for `baton practice ... --json` and the web API.
#pragma once

#include <nlohmann/json.hpp>

#include "baton/drill.h"
#include "baton/practice_report.h"

namespace baton {

/// {"id", "from", "to", "date", "go_mark_m", "exchange_at_m", "baton_time_s" (null when not
/// timed), "outcome", "zone_length_m", "note"}.
nlohmann::json drill_to_json(const Drill& drill);

/// {"pair": {"from", "to"}, "as_of", "drills", "clean", "drops", "mean_exchange_at_m",
///  "sd_exchange_at_m", "p_clean" (null without drills), "target_m", "model_go_mark_m",
///  "recommended_go_mark_m", "recommended_go_mark_foot_lengths" (null when no mark reaches
///  the target, with "reason"), "foot_length_m", "nominal_reaction_s", "effective_reaction_s",
///  "effective_drills", "half_life_days", "rms_residual_m", "reaction_at_bound", "physics",
///  "recommended_exchange_at_m", "recommended_start_m" (where the outgoing runner stands for
///  that mark, metres into the zone), "go_mark_m" and "predicted_exchange_at_m" (where the
///  calibrated pair passes with that mark; null without one), "parameters": {"reaction_s",
///  "outgoing_tau_s", "incoming_speed_mps"} each {"value", "sd", "prior", "prior_sd",
///  "at_bound"}, "recommended_go_mark_sd_m", "drill_sd_m", "unexplained_drills": [{"date",
///  "go_mark_m", "exchange_at_m", "residual_m", "reason"}]}.
nlohmann::json practice_report_to_json(const PracticeReport& report);

}  // namespace baton
