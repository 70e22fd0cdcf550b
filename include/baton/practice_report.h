// A pair's practice report: the record of its drills up to a date and the go-mark calibrated
// from them. One computation for `baton practice report` and the web app's Practice page (its
// JSON shape: include/baton/practice_json.h), so the two can never disagree.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "baton/calibration.h"
#include "baton/drill.h"
#include "baton/handoff.h"
#include "baton/pair_calibration.h"

namespace baton {

/// The drills on or before `as_of` (YYYY-MM-DD) as the calibration sees them, each aged in
/// days from `as_of`; later drills are left out. Throws ParseError for a malformed date.
std::vector<DrillObservation> drill_observations(const std::vector<Drill>& drills,
                                                 const std::string& as_of);

/// What the report shows.
struct PracticeReport {
  std::string from;             ///< incoming runner, as the log spells the name
  std::string to;               ///< outgoing runner
  std::string as_of;            ///< YYYY-MM-DD: drills after this date are not counted
  PairRecord record;            ///< the drills counted
  HandoffParams nominal;        ///< the planned hand-off the drills are calibrated against
  Calibration calibration;      ///< the model's mark and the recommended one
  double foot_length_m = 0.0;   ///< the outgoing runner's foot length, metres
  double half_life_days = 0.0;  ///< recency weighting used, days
  /// The exchange the hand-off was planned for (1 = leg 1 to leg 2); 0 when the whole hand-off
  /// was given by hand and no exchange was used.
  int exchange = 0;
  /// How that exchange was chosen, in words: "asked for" or the best order it was taken from.
  std::string exchange_source;
  /// The pair's calibrated exchange (calibrate_pair()); `calibration`'s recommended mark,
  /// effective reaction, RMS residual and bound flag are taken from it.
  PairCalibration pair;
  /// The mark `predicted_exchange_at_m` is for: the one asked, else the recommended one,
  /// metres; nullopt when there is neither.
  std::optional<double> go_mark_m;
  /// Where the calibrated pair passes with `go_mark_m`, metres from the zone's start.
  std::optional<double> predicted_exchange_at_m;
};

/// The report for one pair: `drills` are the pair's drills in any date order (later ones than
/// `as_of` are skipped), `nominal` and `target_m` the hand-off they are calibrated against. The
/// report names the pair as the counted drills do, or as `from` and `to` when none count.
/// The recommended mark is the mark that puts the pass of the pair's calibrated exchange
/// (calibrate_pair(), the team's `exchange` settings) at `target_m`, or without `aim_at_target`
/// the planned pass of the calibrated pair (what `baton plan` then uses). `go_mark_m` asks
/// where the pair passes with that mark. Throws like calibrate_pair() and parse_date(),
/// ValidationError (field "go_mark_m") for a mark outside [0, 60] m, and ValidationError (field
/// "to") when `from` and `to` name the same runner (compared ignoring case and surrounding
/// spaces).
PracticeReport practice_report(const std::string& from, const std::string& to,
                               const std::vector<Drill>& drills, const HandoffParams& nominal,
                               double target_m, const std::string& as_of,
                               const CalibrationOptions& options, double foot_length_m,
                               std::optional<double> go_mark_m = std::nullopt,
                               bool aim_at_target = true, const ExchangeSettings& exchange = {});

}  // namespace baton
