// The roster as the team's races have taught it.
#pragma once

#include "baton/store.h"
#include "baton/team.h"

namespace baton {

/// The database roster with its athletes' marks updated from the logged race splits
/// (team_learned_from_results(), include/baton/calibration.h): what the CLI and the web app
/// predict with.
Team learned_roster(Database& db);

}  // namespace baton
