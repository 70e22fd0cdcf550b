// Hand-off drills and a pair's record: what the practice log keeps and what planning and the
// simulation read. Positions are metres from the start of the exchange zone, as in the hand-off
// solver (include/baton/handoff.h). Domain records only: the database keeps them
// (include/baton/practice.h), the practice use case reads them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baton/error.h"

namespace baton {

/// How a drilled exchange went, as the coach saw it.
enum class DrillOutcome {
  clean,    ///< a good pass
  early,    ///< caught the outgoing runner too soon (had to check stride)
  late,     ///< chased the outgoing runner deep into the zone
  stutter,  ///< the outgoing runner hesitated or slowed to take the baton
  drop,     ///< the baton hit the ground
  out,      ///< the baton passed outside the zone
};

/// "clean", "early", "late", "stutter", "drop" or "out"; throws ParseError naming `where`.
DrillOutcome parse_drill_outcome(std::string_view text, const Location& where = {});
std::string_view to_string(DrillOutcome outcome);

/// Drill limits, checked by validate_drill() and again by the table's CHECK constraints.
inline constexpr double kMaxDrillGoMarkM = 60.0;      ///< longest go-mark accepted, metres
inline constexpr double kMaxDrillZoneLengthM = 50.0;  ///< longest zone accepted, metres
inline constexpr double kMaxBatonTimeS = 20.0;        ///< slowest zone time accepted, seconds
inline constexpr size_t kMaxDrillKeyChars = 100;      ///< longest idempotency key accepted

/// One hand-off drill.
struct Drill {
  long long id = 0;            ///< assigned by the database; 0 before logging
  std::string from;            ///< incoming runner (carries the baton in)
  std::string to;              ///< outgoing runner (takes it)
  std::string date;            ///< YYYY-MM-DD
  double go_mark_m = 0.0;      ///< go-mark behind the outgoing runner's start, metres [0, 60]
  double exchange_at_m = 0.0;  ///< where the baton changed hands, metres from the zone's start;
                               ///< may lie outside the zone by at most the zone's length
  std::optional<double> baton_time_s;  ///< baton time through the zone, seconds (0, 20]
  DrillOutcome outcome = DrillOutcome::clean;
  std::string note;             ///< free text
  double zone_length_m = 30.0;  ///< length of the zone drilled, metres (0, 50]
  /// Idempotency key chosen by whoever logs the drill ("" = none): letters, digits and
  /// "-_.:", at most kMaxDrillKeyChars. A drill logged again under a key already stored is not
  /// stored twice (a phone resending a drill it logged offline).
  std::string key;
};

/// Checks every field except the athletes' existence; throws ValidationError or ParseError
/// naming the field ("from", "to", "date", "go_mark_m", "exchange_at_m", "baton_time_s",
/// "zone_length_m", "key").
void validate_drill(const Drill& drill);

/// A pair's record: its drills (and, where the practice use case adds them, its passes in
/// logged races), for the practice report, lineup costs and the simulation's failure rates.
struct PairRecord {
  std::string from;               ///< incoming runner
  std::string to;                 ///< outgoing runner
  int drills = 0;                 ///< passes counted: drills, plus race passes when added
  int clean = 0;                  ///< of them, clean
  int drops = 0;                  ///< drills with outcome drop
  int outside_zone = 0;           ///< drills with outcome out
  int race_passes = 0;            ///< of `drills`, passes in logged races
  double mean_exchange_at_m = 0;  ///< mean drilled exchange position, metres (0 with no drills)
  double sd_exchange_at_m = 0;    ///< sample standard deviation, metres (0 with fewer than 2)
  std::string first_date;         ///< YYYY-MM-DD of the first drill, empty with none
  std::string last_date;          ///< YYYY-MM-DD of the latest drill, empty with none
  /// Scatter of the pair's timing in drills, expressed as go-mark metres (the RMS residual of
  /// the go-mark calibration, include/baton/calibration.h); < 0 = unknown. With two or more
  /// drills it replaces part of the default reaction and mark spread.
  double timing_sd_m = -1.0;

  /// A record of `passes` passes of which `clean_passes` were clean, with a timing spread.
  static PairRecord of_passes(int passes, int clean_passes, double timing_sd_m = -1.0);
  /// Share of clean passes, in [0, 1]; nullopt with none (unknown is not "never clean").
  std::optional<double> p_clean() const;
  /// Share of clean passes, 0 with none.
  double clean_rate() const;
  /// Clean rate with Laplace's rule of succession, (clean + 1) / (drills + 2): 0.5 with no
  /// drills, a usable prior for failure models that need a number.
  double p_clean_smoothed() const;
};

/// The record of `drills` (which should all be one pair's; names come from the first).
PairRecord summarize_drills(const std::vector<Drill>& drills);

}  // namespace baton
