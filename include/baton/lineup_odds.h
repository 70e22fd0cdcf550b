// Choosing a running order by its odds against the field instead of its predicted time: a
// faster order with a risky exchange can win less often than a slightly slower, safer one.
#pragma once

#include <string>
#include <vector>

#include "baton/event.h"
#include "baton/lineup.h"
#include "baton/relay_costs.h"
#include "baton/sim_team.h"
#include "baton/simulation.h"
#include "baton/team.h"

namespace baton {

/// What the chosen order maximises.
enum class LineupObjective {
  win,     ///< the chance to finish first
  points,  ///< expected points under the meet's scoring table
};

/// "win" or "points"; throws ParseError naming `where` otherwise.
LineupObjective parse_lineup_objective(std::string_view text, const Location& where = {});
std::string_view to_string(LineupObjective objective);

/// One candidate order and how it fares.
struct OddsCandidate {
  std::vector<std::string> order;  ///< runners, leg 1 first
  double team_time_s = 0.0;        ///< predicted time (the lineup's), seconds
  TeamOdds odds;                   ///< the simulation's numbers for our team with this order
};

struct LineupOddsResult {
  LineupObjective objective = LineupObjective::win;
  std::int64_t runs = 0;                  ///< races per candidate
  std::uint64_t seed = 0;                 ///< the same for every candidate
  std::vector<OddsCandidate> candidates;  ///< in the order given (fastest first)
  size_t chosen = 0;                      ///< index of the best candidate under the objective
  size_t fastest = 0;                     ///< index of the lowest predicted time
  /// Monte Carlo standard error of the chosen candidate's objective (a probability or points):
  /// differences much smaller than this are noise.
  double standard_error = 0.0;
};

/// Simulates `options.runs` races of `opponents` plus each candidate team in turn, all with
/// options.seed: common random numbers. The candidate runs last in the field, so the opponents'
/// races are the very same in every comparison and each candidate's runners draw the same day
/// form and reaction errors; only what the order changes (splits, marks, speed mismatches)
/// moves the numbers. `candidates[i]` is the SimTeam of `orders[i]`, `times[i]` its predicted
/// time. Ties under the objective go to the faster order. Throws ValidationError for no
/// candidates or mismatched lists, and like simulate_race().
LineupOddsResult lineups_by_odds(const std::vector<SimTeam>& opponents,
                                 const std::vector<SimTeam>& candidates,
                                 const std::vector<std::vector<std::string>>& orders,
                                 const std::vector<double>& times, RuleSet rules,
                                 const SimulationOptions& options, LineupObjective objective,
                                 const SimulationProgress& progress = {});

/// A roster team's order chosen by its odds: the `candidates` fastest orders of
/// best_lineups(costs, request) (request.top_k is set here; locks, exclusions and sex rules are
/// the request's), each simulated as own_sim_team(team, event, order, name, practice,
/// options.exchange, calibrated) against `opponents` with lineups_by_odds(), as `simulate`
/// races an order. Throws ValidationError for
/// `candidates` outside 1-100 (field "candidates") and like best_lineups(), own_sim_team() and
/// lineups_by_odds().
LineupOddsResult choose_order_by_odds(const Team& team, const Event& event, const RelayCosts& costs,
                                      LineupRequest request, int candidates,
                                      const std::string& name, const PracticeLookup& practice,
                                      const PairCalibrationLookup& calibrated,
                                      const std::vector<SimTeam>& opponents,
                                      const SimulationOptions& options, LineupObjective objective,
                                      const SimulationProgress& progress = {});

}  // namespace baton
