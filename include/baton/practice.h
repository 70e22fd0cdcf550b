// The practice log: hand-off drills recorded per pair (incoming runner -> outgoing runner) in
// the database, and the pair's record that planning and simulation read. Positions are metres
// from the start of the exchange zone, as in the hand-off solver (include/baton/handoff.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baton/error.h"
#include "baton/store.h"

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

/// Checks that `text` is a real calendar date written YYYY-MM-DD (leap years included) and
/// returns it; throws ParseError naming `where` otherwise.
std::string parse_date(std::string_view text, const Location& where = {});
/// Days from 1970-01-01 to a valid YYYY-MM-DD date (negative before); throws like parse_date.
long long days_since_epoch(std::string_view date);
/// Today's date on this machine's clock and time zone, YYYY-MM-DD (the default drill date).
std::string today_date();

/// Drill limits, checked by validate_drill() and again by the table's CHECK constraints.
inline constexpr double kMaxDrillGoMarkM = 60.0;      ///< longest go-mark accepted, metres
inline constexpr double kMaxDrillZoneLengthM = 50.0;  ///< longest zone accepted, metres
inline constexpr double kMaxBatonTimeS = 20.0;        ///< slowest zone time accepted, seconds

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
};

/// Checks every field except the athletes' existence; throws ValidationError or ParseError
/// naming the field ("from", "to", "date", "go_mark_m", "exchange_at_m", "baton_time_s",
/// "zone_length_m").
void validate_drill(const Drill& drill);

/// Which drills to list; empty names match everyone.
struct DrillFilter {
  std::string from;   ///< incoming runner
  std::string to;     ///< outgoing runner
  std::string until;  ///< YYYY-MM-DD: only drills on or before this date; empty for all
};

/// A pair's record in practice, for lineup costs and failure rates.
struct PairRecord {
  std::string from;               ///< incoming runner
  std::string to;                 ///< outgoing runner
  int drills = 0;                 ///< drills logged
  int clean = 0;                  ///< drills with outcome clean
  int drops = 0;                  ///< drills with outcome drop
  int outside_zone = 0;           ///< drills with outcome out
  double mean_exchange_at_m = 0;  ///< mean exchange position, metres (0 with no drills)
  double sd_exchange_at_m = 0;    ///< sample standard deviation, metres (0 with fewer than 2)
  std::string first_date;         ///< YYYY-MM-DD of the first drill, empty with none
  std::string last_date;          ///< YYYY-MM-DD of the latest drill, empty with none
  /// Share of clean drills, in [0, 1]; nullopt with no drills (unknown is not "never clean").
  std::optional<double> p_clean() const;
  /// Clean rate with Laplace's rule of succession, (clean + 1) / (drills + 2): 0.5 with no
  /// drills, a usable prior for failure models that need a number.
  double p_clean_smoothed() const;
};

/// The record of `drills` (which should all be one pair's; names come from the first).
PairRecord summarize_drills(const std::vector<Drill>& drills);

/// Drills in the database. Every write is one transaction: refused input writes nothing.
class Practice {
 public:
  explicit Practice(Database& db) : db_(db) {}

  /// Validates and stores a drill; returns its id. Throws NotFoundError (with a suggestion)
  /// for a runner not on the roster, ValidationError for the same runner at both ends or a
  /// value out of range, ParseError for a malformed date.
  long long log(const Drill& drill);
  /// Drills matching `filter`, oldest first (by date, then id). Unknown names: NotFoundError.
  std::vector<Drill> list(const DrillFilter& filter = {}) const;
  /// One pair's drills, oldest first.
  std::vector<Drill> pair(std::string_view from, std::string_view to) const;
  /// Deletes drill `id`; NotFoundError if there is none.
  void remove(long long id);

 private:
  Database& db_;
};

/// The pair's record from the database (NotFoundError for unknown names).
PairRecord pair_record(const Practice& practice, std::string_view from, std::string_view to);

}  // namespace baton
