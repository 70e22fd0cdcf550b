// JSON documents of simulated races and of orders chosen by their odds (the documented interface
// (docs/USER_GUIDE.md), `baton simulate` and `baton lineup --objective`). Keys are contracts: add,
// never rename.
#pragma once

#include <nlohmann/json.hpp>

#include "baton/lineup_odds.h"
#include "baton/simulation.h"

namespace baton {

/// {"runs", "seed", "teams": [{"team", "mean_time_s", "sd_time_s", "p10_time_s", "p50_time_s",
///  "p90_time_s", "p_win", "p_place", "p_podium", "p_score", "p_dq", "p_drop",
///  "expected_points", "exchanges": [{"exchange", "p_illegal", "p_drop", "mean_baton_m",
///  "mean_mismatch_mps", "p_late", "mean_late_cost_s"}]}]}
nlohmann::json to_json(const SimulationResult& result);

/// {"objective", "runs", "seed", "standard_error", "chosen": {...}, "fastest": {...},
///  "candidates": [{"order", "team_time_s", "mean_time_s", "p_win", "p_podium", "p_dq",
///  "p_drop", "expected_points"}]}
nlohmann::json to_json(const LineupOddsResult& result);

}  // namespace baton
