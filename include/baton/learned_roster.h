// The roster as the team's races have taught it.
#pragma once

#include "baton/store.h"
#include "baton/team.h"

namespace baton {

/// The database roster with its athletes' marks updated from the logged race splits and its
/// exchanges from the logged relay times (team_learned_from_races(),
/// include/baton/exchange_learning.h): what the CLI and the web app predict with.
Team learned_roster(Database& db);

}  // namespace baton
