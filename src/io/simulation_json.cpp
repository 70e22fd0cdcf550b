// JSON for simulation results and orders chosen by their odds (the documented interface
// (docs/USER_GUIDE.md): `baton simulate --json`, `baton lineup --objective ... --json`).
#include "baton/simulation_json.h"

#include <cmath>

namespace baton {
namespace {

nlohmann::json candidate_json(const OddsCandidate& c) {
  const auto r4 = [](double v) { return std::round(v * 1e4) / 1e4; };
  return {{"order", c.order},
          {"team_time_s", r4(c.team_time_s)},
          {"mean_time_s", r4(c.odds.mean_time_s)},
          {"p_win", c.odds.p_win},
          {"p_podium", c.odds.p_podium},
          {"p_dq", c.odds.p_dq},
          {"p_drop", c.odds.p_drop},
          {"expected_points", r4(c.odds.expected_points)}};
}

}  // namespace

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
                           {"mean_mismatch_mps", x.mean_mismatch_mps},
                           {"p_late", x.p_late},
                           {"mean_late_cost_s", x.mean_late_cost_s}});
    }
    nlohmann::json team = {{"team", t.team},
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
                           {"exchanges", exchanges}};
    // Own teams: the running order raced, leg 1 first (opponents known by a seed have none).
    if (!t.order.empty()) team["order"] = t.order;
    teams.push_back(std::move(team));
  }
  return {{"runs", result.runs}, {"seed", result.seed}, {"teams", teams}};
}

nlohmann::json to_json(const LineupOddsResult& result) {
  nlohmann::json all = nlohmann::json::array();
  for (const OddsCandidate& c : result.candidates) all.push_back(candidate_json(c));
  return {{"objective", std::string(to_string(result.objective))},
          {"runs", result.runs},
          {"seed", result.seed},
          {"standard_error", result.standard_error},
          {"chosen", candidate_json(result.candidates[result.chosen])},
          {"fastest", candidate_json(result.candidates[result.fastest])},
          {"candidates", all}};
}

}  // namespace baton
