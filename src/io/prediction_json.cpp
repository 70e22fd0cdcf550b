#include "baton/prediction_json.h"

namespace baton {

nlohmann::json prediction_to_json(const RelayPrediction& p) {
  nlohmann::json legs = nlohmann::json::array();
  for (const RelayLegResult& l : p.legs) {
    legs.push_back({{"leg", l.leg},
                    {"athlete", l.athlete},
                    {"distance_m", l.distance_m},
                    {"split_s", l.split_s},
                    {"estimated", l.estimated},
                    {"note", l.note}});
  }
  return {{"event", p.event},
          {"team_time_s", p.team_time_s},
          {"team_time_p10_s", p.team_time_p10_s},
          {"team_time_p90_s", p.team_time_p90_s},
          {"level", to_string(p.level)},
          {"level_inferred", p.level_inferred},
          {"legs", legs}};
}

}  // namespace baton
