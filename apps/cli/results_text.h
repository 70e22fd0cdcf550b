// How `baton results` shows relays raced and what they teach: text tables and JSON documents.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "baton/race_learning.h"
#include "baton/relay_result.h"
#include "common/race_models_json.h"

namespace baton::cli {

/// {"id", "event", "date", "meet", "team_time_s" (null: did not finish), "legs": [{"leg",
/// "athlete", "split_s" (null: not timed), "split_hand_timed"}], "dropped_leg" (null: none),
/// "dq", "dnf" (did not finish, cause not recorded)}.
nlohmann::json result_json(const RelayResult& result);
/// The team time as coaches write it, or the outcome that stands for it: DNF (did not finish,
/// or dropped the baton without finishing) or DQ.
std::string time_cell(const RelayResult& result);
/// The results as a table, one a row: time (see time_cell), order, splits, drop, DQ and DNF.
std::string results_table(const std::vector<RelayResult>& results);
/// The legs against the models and the open marks they lead to, as two tables.
std::string models_text(const RaceModels& models);
/// {"athlete", "distance_m", "entered_best_s" (null: none), "dates": [{"date", "splits",
/// "open_equivalent_s", "learned_best_s"}], "svg" (null without a chart)}.
nlohmann::json race_progress_json(const RaceProgress& progress, const std::string& svg);
/// The progress as a table, or a line saying there are no splits yet.
std::string race_progress_text(const RaceProgress& progress);

}  // namespace baton::cli
