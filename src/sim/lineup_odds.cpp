// Running orders compared by their odds, with common random numbers.
#include "baton/lineup_odds.h"

#include <fmt/format.h>

#include <cmath>

#include "baton/error.h"

namespace baton {
namespace {

double score(const TeamOdds& odds, LineupObjective objective) {
  return objective == LineupObjective::win ? odds.p_win : odds.expected_points;
}

}  // namespace

LineupObjective parse_lineup_objective(std::string_view text, const Location& where) {
  if (text == "win") return LineupObjective::win;
  if (text == "points") return LineupObjective::points;
  throw ParseError(fmt::format("unknown objective '{}'; known: win, points", text), where);
}

std::string_view to_string(LineupObjective objective) {
  return objective == LineupObjective::win ? "win" : "points";
}

LineupOddsResult lineups_by_odds(const std::vector<SimTeam>& opponents,
                                 const std::vector<SimTeam>& candidates,
                                 const std::vector<std::vector<std::string>>& orders,
                                 const std::vector<double>& times, RuleSet rules,
                                 const SimulationOptions& options, LineupObjective objective,
                                 const SimulationProgress& progress) {
  if (candidates.empty()) {
    throw ValidationError("no candidate orders to compare", Location{"", 0, "candidates"});
  }
  if (orders.size() != candidates.size() || times.size() != candidates.size()) {
    throw ValidationError("each candidate needs its order and predicted time",
                          Location{"", 0, "candidates"});
  }
  LineupOddsResult out;
  out.objective = objective;
  out.runs = options.runs;
  out.seed = options.seed;
  std::vector<SimTeam> field = opponents;
  field.emplace_back();
  for (size_t i = 0; i < candidates.size(); ++i) {
    field.back() = candidates[i];
    const SimulationProgress part =
        progress ? SimulationProgress([&progress, i, n = candidates.size()](double done) {
          progress((static_cast<double>(i) + done) / static_cast<double>(n));
        })
                 : SimulationProgress();
    const SimulationResult r = simulate_race(field, rules, options, part);
    out.candidates.push_back({orders[i], times[i], r.teams.back()});
  }
  for (size_t i = 1; i < out.candidates.size(); ++i) {
    const OddsCandidate& c = out.candidates[i];
    const OddsCandidate& best = out.candidates[out.chosen];
    const double a = score(c.odds, objective);
    const double b = score(best.odds, objective);
    if (a > b || (a == b && c.team_time_s < best.team_time_s)) out.chosen = i;
    if (c.team_time_s < out.candidates[out.fastest].team_time_s) out.fastest = i;
  }
  const TeamOdds& chosen = out.candidates[out.chosen].odds;
  const double n = static_cast<double>(options.runs);
  if (objective == LineupObjective::win) {
    out.standard_error = std::sqrt(chosen.p_win * (1.0 - chosen.p_win) / n);
  } else {
    // Points per race are bounded by the first place's points; their variance from the place
    // distribution.
    double mean = 0.0, square = 0.0;
    for (size_t p = 0; p < chosen.p_place.size(); ++p) {
      const double pts = p < options.scoring.size() ? options.scoring[p] : 0.0;
      mean += chosen.p_place[p] * pts;
      square += chosen.p_place[p] * pts * pts;
    }
    out.standard_error = std::sqrt(std::max(0.0, square - mean * mean) / n);
  }
  return out;
}

LineupOddsResult choose_order_by_odds(const Team& team, const Event& event, const RelayCosts& costs,
                                      LineupRequest request, int candidates,
                                      const std::string& name, const PracticeLookup& practice,
                                      const PairCalibrationLookup& calibrated,
                                      const std::vector<SimTeam>& opponents,
                                      const SimulationOptions& options, LineupObjective objective,
                                      const SimulationProgress& progress) {
  if (candidates < 1 || candidates > 100) {
    throw ValidationError("must be 1 to 100", Location{"", 0, "candidates"});
  }
  request.top_k = candidates - 1;
  const LineupResult lineups = best_lineups(costs, request);
  std::vector<const Lineup*> ranked = {&lineups.best};
  for (const Lineup& alt : lineups.alternatives) ranked.push_back(&alt);
  std::vector<SimTeam> teams;
  std::vector<std::vector<std::string>> orders;
  std::vector<double> times;
  for (const Lineup* l : ranked) {
    std::vector<std::string> order;
    for (int a : l->order) order.push_back(team.athletes[static_cast<size_t>(a)].name);
    teams.push_back(own_sim_team(team, event, order, name, practice, options.exchange, calibrated));
    orders.push_back(std::move(order));
    times.push_back(l->team_time_s);
  }
  return lineups_by_odds(opponents, teams, orders, times, event.rules, options, objective,
                         progress);
}

}  // namespace baton
