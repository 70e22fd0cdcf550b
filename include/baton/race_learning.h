// What the results log teaches about each athlete and the team, in a coach's terms: their relay
// splits as open times, the marks predictions use after them, the team's relay times against
// the prediction and the exchange efficiency they teach, and one athlete's progress race by
// race.
// Computed from the roster as entered (not the learned one) and the logged results.
//
// Example:
//   const baton::RaceModels m = baton::race_models(ws, "Ava Brooks");
//   for (const baton::LearnedMark& x : m.marks) { /* x.best_s -> x.updated_s */ }
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "baton/calibration.h"
#include "baton/exchange_learning.h"
#include "baton/progress_svg.h"
#include "baton/workspace.h"

namespace baton {

/// An athlete's open mark at one distance, before and after what races taught.
struct LearnedMark {
  std::string athlete;           ///< as on the roster
  double distance_m = 0;         ///< open distance, metres
  std::optional<double> best_s;  ///< the entered best, FAT seconds; none without one
  double updated_s = 0;          ///< the mark predictions use with the races, FAT seconds
};

/// The race splits against each runner's model and the open marks they lead to.
struct RaceModels {
  std::vector<OpenEquivalent> legs;  ///< every timed leg with a usable model, oldest first
  std::vector<LearnedMark> marks;    ///< one per athlete and distance raced, in legs' order
  /// The team's relay times against the prediction and the exchange efficiency they taught
  /// (every race of the team, whoever `athlete` is).
  ExchangeEfficiency team;
};

/// The race models of every athlete, or of `athlete` only when not empty (matched like the
/// roster's names; NotFoundError naming "athlete" with the closest name otherwise).
/// StoreError for a team-file workspace.
RaceModels race_models(const Workspace& ws, const std::string& athlete = "");

/// One athlete's open time at one distance, race date by race date.
struct RaceProgress {
  std::string athlete;                       ///< as on the roster
  double distance_m = 0;                     ///< metres; 0 when they have no usable splits
  std::optional<double> entered_best_s;      ///< their entered best there, FAT seconds
  std::vector<AthleteProgressPoint> points;  ///< oldest first; empty without splits
};

/// The progress of `athlete` (NotFoundError naming "athlete") at `distance_m`, or, when not
/// given, at the leg distance they have run most often (the shorter on a tie).
RaceProgress race_progress(const Workspace& ws, const std::string& athlete,
                           std::optional<double> distance_m = std::nullopt);

/// The progress as a chart: the open-equivalent of each date's splits and the mark predictions
/// use after it, seconds. Throws NotFoundError naming "svg" when there is nothing to chart.
ProgressChart race_progress_chart(const RaceProgress& progress);

}  // namespace baton
