// Pair records from the database's logs, for lineups and the simulation.
#pragma once

#include "baton/event.h"
#include "baton/pair_calibration.h"
#include "baton/pair_practice.h"
#include "baton/store.h"
#include "baton/team.h"
#include "baton/workspace.h"

namespace baton {

/// Every pair's record from the practice log in `db`, for `team` (the database roster) running
/// `event`: its drills, and its passes in logged races (clean unless the result drops the baton
/// at that exchange; a disqualification without a drop and a DNF are left out, their cause
/// unknown), which count like drills for the clean rate but not for the timing spread. Reads
/// the logs once; each pair's calibration is computed on first use and kept. `races` false:
/// the drills alone (what --ignore-results asks for).
PracticeLookup practice_lookup(Database& db, const Team& team, const Event& event,
                               bool races = true);

/// Every pair's calibrated hand-off from the practice log in `db`: calibrate_pair() over the
/// pair's drills (aged from its latest drill, the default half-life and priors), around the
/// nominal hand-off the caller plans; nullopt for a pair without drills or at a visual exchange
/// of `event`. Reads the log once; each pair's fit is kept per exchange and nominal.
PairCalibrationLookup calibration_lookup(Database& db, const Event& event);

/// calibration_lookup() of the workspace's database; an empty lookup for a team file.
PairCalibrationLookup calibration_lookup(const Workspace& ws, const Event& event);

}  // namespace baton
