// The results log in a coach's terms: relays raced, added by event id and runner names,
// imported from a CSV file, listed and removed. Results live in the workspace's database (a
// team file has no log: StoreError).
//
// Example:
//   baton::ResultEntry e{.event = "4x100", .date = "2024-04-20"};
//   e.order = {"Ava Brooks", "Maya Johnson", "Lily Nguyen", "Zoe Carter"};
//   e.time = baton::Mark{48.92, false};
//   const baton::RelayResult stored = baton::add_result(ws, e);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baton/relay_result.h"
#include "baton/units.h"
#include "baton/workspace.h"

namespace baton {

/// A relay result as the coach reports it.
struct ResultEntry {
  std::string event;               ///< event id ("4x100", "smr", ...)
  std::vector<std::string> order;  ///< runners' names, leg 1 first
  std::optional<Mark> time;        ///< team time as timed (hand times converted to FAT); none
                                   ///< when the team did not finish
  std::vector<double> splits_s;    ///< leg splits as timed, seconds, leg 1 first; may be empty
  std::vector<bool> splits_hand;   ///< per split: timed by hand; empty: all FAT
  std::optional<int> dropped_leg;  ///< leg (1-based) on which the baton was dropped
  bool dq = false;                 ///< disqualified
  bool dnf = false;                ///< did not finish, cause not recorded (no time)
  std::string date;                ///< YYYY-MM-DD (required: the caller knows today)
  std::string meet;                ///< meet name, may be empty
};

/// Validates and stores the result and returns it as stored (its id, the names as the roster
/// spells them, the team time in FAT seconds). Throws NotFoundError / ValidationError /
/// ParseError naming the field ("event", "order", "date", "time", "splits", "drop", "dnf") as
/// validate_result() does; StoreError for a team-file workspace. Refused results write nothing.
RelayResult add_result(const Workspace& ws, const ResultEntry& entry);

/// Imports a results CSV (parse_results_csv(), include/baton/results_csv.h) read from `source`:
/// all rows or none. Empty dates become `default_date`. Returns the new ids, in file order.
/// Errors name `source`, the line and the field.
std::vector<long long> import_results(const Workspace& ws, std::string_view csv_text,
                                      const std::string& source, const std::string& default_date);

/// Every result, oldest first (by date, then id).
std::vector<RelayResult> list_results(const Workspace& ws);

/// Deletes result `id`; NotFoundError naming "id" when there is none.
void remove_result(const Workspace& ws, long long id);

}  // namespace baton
