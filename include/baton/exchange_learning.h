// What a team's logged relay times teach about its exchanges, as a team. A relay time holds
// four runs and the passes between them; after the runners have been credited with their splits
// (team_learned_from_results(), calibration.h), what the prediction still misses is the team's:
//     residual_i = actual team time - predicted team time (runners as learned, the level's
//                  exchanges)
// spread evenly over the race's exchanges, x_i = residual_i / n_i seconds per exchange. Each
// kind of exchange (blind: sprint relays; visual: 4x400 and longer) gets a learned time per
// exchange d, shrunk towards the level's prior (d = 0) by ridge least squares:
//     minimise  sum_i w_i (x_i - f_i . d)^2 + P |d|^2,   f_i = (blind_i, visual_i) / n_i
// With races of one kind this is the weighted mean with the prior as P extra races at 0:
//     d = sum_i w_i x_i / (P + sum_i w_i)
// so one race 1.0 s slow moves the next prediction of its order by 1/(1 + P) s, k such races by
// k/(k + P) s: always towards the data, never past it. The newest logged finish weighs 1 (team
// times are official FAT times) and older ones fade by race_recency_weight() (calibration.h):
// a race eight weeks older than the newest weighs 1/2. P = kExchangePriorRaces
// (docs/MODEL.md "Races").
#pragma once

#include <string>
#include <vector>

#include "baton/leg_prediction.h"
#include "baton/level.h"
#include "baton/relay_result.h"
#include "baton/team.h"

namespace baton {

/// Weight of the level's exchanges as a prior, in races: the ratio of a team's race-to-race
/// variance to the spread of teams' exchange skill around their level (docs/MODEL.md "Races").
constexpr double kExchangePriorRaces = 1.5;

/// One logged relay time against the prediction.
struct RaceResidual {
  long long result_id = 0;         ///< the result's id in the log
  std::string date;                ///< YYYY-MM-DD
  std::string meet;                ///< may be empty
  std::string event;               ///< event id
  std::vector<std::string> order;  ///< runners, leg 1 first
  bool with_splits = false;        ///< the race had leg splits (credited to the runners)
  double actual_s = 0;             ///< official team time, FAT seconds
  /// The team time predicted with the runners as the races taught them and the level's
  /// exchanges (nothing learned about the team), seconds.
  double predicted_s = 0;
  double residual_s = 0;     ///< actual_s - predicted_s: + the team ran slower, seconds
  int blind_exchanges = 0;   ///< blind exchanges in the event
  int visual_exchanges = 0;  ///< visual exchanges in the event
  double weight = 1;         ///< weight in the shrinkage: its race_recency_weight()
  /// How much the learned exchanges move the next prediction of this order, seconds
  /// (+: slower).
  double next_change_s = 0;
};

/// The team's exchange efficiency as its races taught it.
struct ExchangeEfficiency {
  Level level = Level::high_school;    ///< the level whose exchanges are the prior
  double level_blind_exchange_s = 0;   ///< the level's blind pass loss, seconds per exchange
  double level_visual_exchange_s = 0;  ///< the prediction's visual pass loss, seconds per exchange
  double prior_weight = kExchangePriorRaces;  ///< P, races
  double weight = 0;                          ///< sum of the races' weights
  double blind_learned_s = 0;       ///< seconds added to each blind exchange (0: the level's)
  double visual_learned_s = 0;      ///< seconds added to each visual exchange
  std::vector<RaceResidual> races;  ///< every finished race the team can be predicted for
};

/// The exchange efficiency learned from `results` for `runners` (the roster with its runners'
/// marks already learned from the splits, so no second is counted twice). Races without a
/// finish time, with a drop or a DQ, with runners no longer on the roster or without a usable
/// mark, or without exchanges are left out. `options` as for the prediction (their learned
/// exchange fields are ignored). Nothing learned without races.
ExchangeEfficiency learn_exchange_efficiency(const Team& runners,
                                             const std::vector<RelayResult>& results,
                                             const PredictOptions& options = {});

/// `team` with the learned exchange times set (Team::blind_exchange_learned_s, ...).
Team with_exchange_efficiency(Team team, const ExchangeEfficiency& efficiency);

/// The team as all its logged races taught it: the runners from their splits
/// (team_learned_from_results()), then the team's exchanges from the relay times.
Team team_learned_from_races(const Team& roster, const std::vector<RelayResult>& results,
                             const PredictOptions& options = {});

}  // namespace baton
