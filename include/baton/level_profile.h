// What a team's level means for the relay model: how much time its blind passes give away
// beyond the ideal kinematics, and how far real relays of that level land from the prediction.
// Each figure is fitted on public relays (tests/data/relays/) and checked on others; the fit and
// its validation table are in docs/MODEL.md "Level".
#pragma once

#include "baton/level.h"
#include "baton/team.h"

namespace baton {

struct LevelProfile {
  Level level = Level::high_school;
  /// Time the baton loses in a blind pass beyond the ideal kinematics (the reach forward, the
  /// receiver's strides with the arm back, an imperfect mark), seconds per exchange.
  double blind_exchange_loss_s = 0.0;
  /// Spread (sd) of real team times around the prediction, as a fraction of the team time
  /// (the validation residuals of this level; team_time_interval() is +-1.2816 of it).
  double prediction_sd_fraction = 0.0;
  /// What the scatter of reactions and marks added on average to each blind pass of the
  /// relays blind_exchange_loss_s was fitted on (late passes above all; the plan's mean legal
  /// baton time minus its planned one), seconds per exchange. The loss already holds it, so a
  /// simulation that races the scatter takes it back out of the splits.
  double blind_scatter_cost_s = 0.0;
};

/// The profile of a level.
LevelProfile level_profile(Level level);

/// The level a roster's marks suggest when the coach set none: the median of the athletes'
/// 100 m bests (their 200 m / 2.1 or 400 m / 4.6 when they have no 100 m) against each sex's
/// thresholds (docs/MODEL.md "Level"). High school when no athlete has a sprint mark.
Level infer_level(const Team& team);

/// team.level when set, otherwise infer_level(team).
Level team_level(const Team& team);

/// The 10th and 90th percentiles of a team time at a level, seconds.
struct TimeInterval {
  double p10_s = 0.0;
  double p90_s = 0.0;
};
TimeInterval team_time_interval(double team_time_s, Level level);

}  // namespace baton
