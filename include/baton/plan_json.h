// JSON documents for hand-off plans (the documented interface (docs/USER_GUIDE.md), `baton handoff`
// and `baton plan`). Keys are contracts: add freely, never rename or drop them.
#pragma once

#include <nlohmann/json.hpp>

#include "baton/go_mark.h"
#include "baton/hand_plan.h"
#include "baton/handoff.h"
#include "baton/relay_plan.h"

namespace baton {

/// {"go_mark_m", "go_mark_foot_lengths", "foot_length_m", "exchange_time_s", "baton_position_m",
///  "incoming_speed_mps", "outgoing_speed_mps", "legal", "exchanged", "closest_gap_m",
///  "zone_end_margin_m", "free_distance_m", "zone_length_m", "start_m", "reason" (when not legal),
///  "baton_time_s" (when legal)}
nlohmann::json handoff_to_json(const HandoffParams& p, const HandoffResult& r,
                               double foot_length_m);

/// handoff_to_json() of the nominal pass plus "p_illegal", "expected_time_s" and
/// "optimal": {"expected_time_s", "legal_time_s", "p_illegal", "p_before_zone",
/// "p_beyond_zone", "p_no_exchange", "mark_margin_m", "longest_legal_mark_m",
/// "cost_short_0_5m_s", "cost_long_0_5m_s", "reaction_sd_s", "mark_sd_m", "failure_cost_s",
/// "feasible", "reason"}
nlohmann::json go_mark_to_json(const HandoffParams& p, const GoMarkPlan& plan,
                               const GoMarkOptions& o, double foot_length_m);

/// {"legs": [{"leg", "receive_hand", "carry_hand", "switch_hands", "lane_side"}],
///  "exchanges": [{"exchange", "visual", "technique", "free_distance_m", "carry_hand_in",
///                 "receive_hand", "same_hand"}], "warnings": [...]}
nlohmann::json hands_to_json(const HandPlan& plan);

/// {"exchange", "from", "to", "visual", "technique", "free_distance_m", "carry_hand_in",
///  "receive_hand", "same_hand", "zone_length_m", "scratch_from_zone_start_m", "start_m",
///  "go_mark_m", "go_mark_foot_lengths", "baton_position_m", "exchange_time_s",
///  "incoming_speed_mps", "outgoing_speed_mps", "baton_time_s", "p_illegal", "expected_time_s",
///  "legal_time_s", "cost_short_0_5m_s", "cost_long_0_5m_s", "legal", "reason" (when not legal),
///  "cue"}
nlohmann::json exchange_to_json(const RelayPlanExchange& x);

/// {"event", "team_time_s", "team_time_p10_s", "team_time_p90_s", "level", "legs": [{"leg",
///  "athlete", "distance_m", "split_s", "carry_hand", "receive_hand", "switch_hands",
///  "lane_side"}], "exchanges": [exchange_to_json... with "calibrated" (the pair's drills
///  calibrated it)], "warnings"}
nlohmann::json relay_plan_to_json(const RelayPlan& plan);

}  // namespace baton
