// The practice log in a coach's terms: hand-off drills logged, listed and removed by athlete
// name. Drills live in the workspace's database (a team file has no log: StoreError).
//
// Example:
//   baton::Drill d{.from = "Ava Brooks", .to = "maya johnson", .date = "2024-04-02",
//                  .go_mark_m = 8.0, .exchange_at_m = 20.0};
//   const baton::Drill stored = baton::log_drill(ws, d);  // stored.to == "Maya Johnson"
#pragma once

#include <vector>

#include "baton/drill.h"
#include "baton/practice.h"
#include "baton/workspace.h"

namespace baton {

/// Validates and stores `drill` in the practice log and returns it as stored: its new id, the
/// runners' names as the roster spells them (matched exactly, then ignoring case). The date
/// is required (the caller knows what day it is). Throws NotFoundError naming "from" or "to"
/// (with the closest name) for a runner not on the roster, ValidationError or ParseError naming
/// the field for a value out of range (validate_drill()), StoreError for a team-file
/// workspace. Refused drills write nothing.
Drill log_drill(const Workspace& ws, const Drill& drill);

/// What log_drill_once() did: the drill as stored, and whether its key was already stored.
struct LoggedDrill {
  Drill drill;
  bool repeat = false;  ///< true: nothing written, `drill` is the one first logged under the key
};

/// Like log_drill(), but a drill whose non-empty `key` is already in the log is not stored
/// again: the answer is the drill first logged under that key, whatever this one holds. So a
/// client that cannot tell whether its first attempt arrived may simply send it again.
LoggedDrill log_drill_once(const Workspace& ws, const Drill& drill);

/// The drills matching `filter` (names matched like log_drill(); "until" a YYYY-MM-DD date),
/// oldest first. Throws NotFoundError naming "from" or "to" for an unknown runner.
std::vector<Drill> list_drills(const Workspace& ws, const DrillFilter& filter = {});

/// Deletes drill `id`; NotFoundError naming "id" when there is none.
void remove_drill(const Workspace& ws, long long id);

}  // namespace baton
