// JSON documents of pacing plans and race-day timelines (`baton pacing`, `baton timeline`,
// `baton plan --json`). Keys are contracts: add, never rename.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "baton/pacing.h"
#include "baton/timeline.h"

namespace baton {

/// [{"at_m", "time_s"}, ...]
nlohmann::json pacing_to_json(const std::vector<PacePoint>& points);

/// {"leg", "athlete", "distance_m", "split_s", "style", "start_after_gun_s",
///  "start_after_gun_sd_s", "differential_s", "start_allowance_s", "pacing": [...]}
nlohmann::json to_json(const LegPacing& leg);

/// {"event", "team_time_s", "legs": [to_json(LegPacing)...]}
nlohmann::json to_json(const PacingPlan& plan);

/// Adds "pacing", "start_after_gun_s" and "start_after_gun_sd_s" to each leg of a relay plan's
/// JSON (`baton plan`), matching legs by position. Throws ValidationError when the leg counts
/// differ.
void add_pacing_to_legs(nlohmann::json& plan_json, const PacingPlan& pacing);

/// {"event", "team_time_s", "waiting_order" ("" when none), "runners": [{"leg", "athlete",
///  "where", "final_warmup_s", "report_s", "start_after_gun_s", "start_after_gun_sd_s",
///  "earliest_start_s", "wait_s"}]}
nlohmann::json to_json(const RaceTimeline& timeline);

}  // namespace baton
