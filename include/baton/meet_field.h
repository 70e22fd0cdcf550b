// A meet's field for the simulation: own teams from their team files or the database roster,
// opponents from their seeds.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "baton/meet.h"
#include "baton/pair_calibration.h"
#include "baton/pair_practice.h"
#include "baton/sim_team.h"
#include "baton/simulation.h"
#include "baton/team.h"

namespace baton {

/// The database side of a meet: the roster that `roster = true` entries run, and the practice
/// log's pair records for it.
struct MeetRoster {
  const Team* team = nullptr;        ///< the database roster; null when there is none
  PracticeLookup practice;           ///< its pairs' drill records (may be empty)
  PairCalibrationLookup calibrated;  ///< its drilled pairs' calibrated hand-offs (may be empty)
};

/// The simulated field for a meet: opponents from their seeds; own teams from their team files
/// (each file is read and checked here) or from `roster`, in the entry's order or the fastest
/// one, with planned hand-offs (own_sim_team). Throws the errors of the team loader with the
/// meet file's location; ValidationError for a roster entry without a roster.
std::vector<SimTeam> meet_field(const Meet& meet, const SimulationOptions& options,
                                const MeetRoster& roster = {});

/// The squad an own entry runs: its `sex`, else the only sex on the team (none for a mixed
/// event). Throws ValidationError naming the entry when the team has both and none is given.
std::optional<Sex> entry_squad(const Meet& meet, const MeetEntry& entry, const Team& team);

/// The running order an own entry runs: its `order` (checked against the team) or, without
/// one, the fastest lineup of its squad. Errors name the meet entry.
std::vector<std::string> entry_order(const Meet& meet, const MeetEntry& entry, const Team& team);

}  // namespace baton
