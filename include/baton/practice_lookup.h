// Pair records from the database's logs, for lineups and the simulation.
#pragma once

#include "baton/event.h"
#include "baton/pair_practice.h"
#include "baton/store.h"
#include "baton/team.h"

namespace baton {

/// Every pair's record from the practice log in `db`, for `team` (the database roster) running
/// `event`: its drills, and its passes in logged races (clean unless the result drops the baton
/// at that exchange; a disqualification without a drop is left out, its cause unknown), which
/// count like drills for the clean rate but not for the timing spread. Reads the logs once;
/// each pair's calibration is computed on first use and kept.
PracticeLookup practice_lookup(Database& db, const Team& team, const Event& event);

}  // namespace baton
