// JSON for simulation results (DESIGN.md section 5: `baton simulate --json`).
#include <nlohmann/json.hpp>

#include "baton/simulation.h"

namespace baton {

nlohmann::json to_json(const SimulationResult& result) {
  nlohmann::json teams = nlohmann::json::array();
  for (const TeamOdds& t : result.teams) {
    nlohmann::json exchanges = nlohmann::json::array();
    for (size_t i = 0; i < t.exchanges.size(); ++i) {
      const ExchangeOdds& x = t.exchanges[i];
      exchanges.push_back({{"exchange", i + 1},
                           {"p_illegal", x.p_illegal},
                           {"p_drop", x.p_drop},
                           {"mean_baton_m", x.mean_baton_m},
                           {"mean_mismatch_mps", x.mean_mismatch_mps}});
    }
    teams.push_back({{"team", t.team},
                     {"finishes", t.finishes},
                     {"mean_time_s", t.mean_time_s},
                     {"sd_time_s", t.sd_time_s},
                     {"p10_time_s", t.p10_time_s},
                     {"p50_time_s", t.p50_time_s},
                     {"p90_time_s", t.p90_time_s},
                     {"p_win", t.p_win},
                     {"p_place", t.p_place},
                     {"p_podium", t.p_podium},
                     {"p_score", t.p_score},
                     {"p_dq", t.p_dq},
                     {"p_drop", t.p_drop},
                     {"expected_points", t.expected_points},
                     {"exchanges", exchanges}});
  }
  return {{"runs", result.runs}, {"seed", result.seed}, {"teams", teams}};
}

}  // namespace baton
