// What the results log taught, as the JSON document `baton results models --json` prints and
// GET /api/results/models answers.
#pragma once

#include <nlohmann/json.hpp>

#include "baton/race_learning.h"

namespace baton {

/// {"legs": [{"date", "athlete", "event", "leg", "distance_m", "split_s" (as timed),
/// "predicted_split_s" (baton predict's split of that leg and order), "model_open_s",
/// "open_equivalent_s", "hand_timed", "fat_split_s", "base_open_s", "weight"}], "athletes":
/// [{"athlete", "distance_m", "best_s" (null: none), "updated_s"}], "team": {"level",
/// "level_blind_exchange_s", "level_visual_exchange_s", "prior_weight", "weight",
/// "blind_learned_s", "visual_learned_s", "races": [{"id", "date", "meet", "event", "order",
/// "with_splits", "actual_s", "predicted_s", "residual_s", "blind_exchanges",
/// "visual_exchanges", "weight", "next_change_s"}]}}. Seconds; weights in races.
nlohmann::json models_json(const RaceModels& models);

}  // namespace baton
