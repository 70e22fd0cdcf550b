// A relay the team raced: the running order, the team time, leg splits and any dropped baton,
// disqualification or other failure to finish. A domain record: the results log keeps it
// (include/baton/results.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "baton/error.h"
#include "baton/team.h"

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
  /// Per split, whether it was timed by hand (written with a trailing "h"); empty: all FAT.
  std::vector<bool> splits_hand;
  std::optional<int> dropped_leg;  ///< leg (1-based) whose incoming exchange or carry dropped
  bool dq = false;                 ///< disqualified
  /// Did not finish, the cause not recorded (DNF in meet results). No team time, splits, drop
  /// or DQ go with it: a dropped baton is `dropped_leg` (a DNF whose cause is known), and a
  /// disqualification is `dq`.
  bool dnf = false;
};

/// Checks a result against the roster and the event under the roster's rules: a known event,
/// one known and distinct runner per leg, a date, a plausible team time (no faster than 95 % of
/// the legs' world-record times, no slower than a 2 m/s walk), splits (if any) one per leg,
/// each plausible for its runner, adding up to the team time within 2 % + 0.5 s, a dropped
/// leg that exists, and a finish time unless the team dropped, was disqualified or did not
/// finish. A DNF has no time ("time"), no splits ("splits"), and no drop or DQ ("dnf": those
/// are outcomes of their own). Returns the result with names as on the roster. Throws
/// ValidationError / NotFoundError / ParseError naming the field ("event", "order", "date",
/// "time", "splits", "drop", "dnf").
RelayResult validate_result(const RelayResult& result, const Team& roster,
                            const Location& where = {});

}  // namespace baton
