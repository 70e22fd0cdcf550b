// JSON for a predicted running order, shared by `baton predict --json` and the web API.
#pragma once

#include <nlohmann/json.hpp>

#include "baton/leg_prediction.h"

namespace baton {

/// {"event", "team_time_s", "legs": [{"leg", "athlete", "distance_m", "split_s", "estimated",
///  "note"}]} for a result of predict_relay().
nlohmann::json prediction_to_json(const RelayPrediction& prediction);

}  // namespace baton
