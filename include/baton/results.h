// The results log: relays the team has raced, with the running order, the team time, leg
// splits and any dropped baton or disqualification, kept in the database.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baton/error.h"
#include "baton/store.h"

namespace baton {

/// One relay raced.
struct RelayResult {
  long long id = 0;                ///< assigned by the database; 0 before adding
  std::string event;               ///< event id ("4x100", "smr", "smr:400-200-200-800", ...)
  std::string date;                ///< YYYY-MM-DD
  std::string meet;                ///< meet name, may be empty
  std::vector<std::string> order;  ///< runners, leg 1 first
  /// Official team time, FAT seconds; none when the team did not finish.
  std::optional<double> team_time_s;
  /// Leg splits as timed (usually by hand from the stands), seconds, leg 1 first; empty when
  /// not taken. Legs 2+ are flying: they are not open times.
  std::vector<double> splits_s;
  std::optional<int> dropped_leg;  ///< leg (1-based) whose incoming exchange or carry dropped
  bool dq = false;                 ///< disqualified
};

/// Checks a result against the roster and the event under the roster's rules: a known event,
/// one known and distinct runner per leg, a date, a plausible team time (no faster than 95 % of
/// the legs' world-record times, no slower than a 2 m/s walk), splits (if any) one per leg,
/// each plausible for its runner, adding up to the team time within 2 % + 0.5 s, a dropped
/// leg that exists, and a finish time unless the team dropped or was disqualified. Returns the
/// result with names as on the roster. Throws ValidationError / NotFoundError / ParseError
/// naming the field ("event", "order", "date", "time", "splits", "drop").
RelayResult validate_result(const RelayResult& result, const Team& roster);

/// Relay results in the database. Every write is one transaction: refused input writes
/// nothing.
class Results {
 public:
  explicit Results(Database& db) : db_(db) {}

  /// Validates and stores a result; returns its id.
  long long add(const RelayResult& result);
  /// Validates every result first, then stores them all in one transaction (all or nothing).
  /// Errors name `source` and the 1-based position in `results` as the line (a CSV import
  /// passes the file's line numbers through `lines`, when given).
  std::vector<long long> import(const std::vector<RelayResult>& results,
                                const std::string& source = "", const std::vector<int>& lines = {});
  /// Every result, oldest first (by date, then id).
  std::vector<RelayResult> list() const;
  /// Deletes result `id`; NotFoundError if there is none.
  void remove(long long id);

 private:
  Database& db_;
};

/// A results CSV: a header row with `event`, `order` and `time` (empty for did-not-finish),
/// optional `splits`, `drop`, `dq` (yes/no, 1/0, true/false), `date`, `meet`. `order` and
/// `splits` list legs separated by ';' (or by ',' inside a quoted cell). `default_date` fills
/// empty dates. Returns the results and, in `lines`, each one's line in the file. Throws
/// ParseError naming `source`, line and column.
std::vector<RelayResult> parse_results_csv(std::string_view text, const std::string& source,
                                           const std::string& default_date,
                                           std::vector<int>* lines = nullptr);

}  // namespace baton
