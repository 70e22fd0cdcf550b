// Own teams for the simulation: a running order of a roster turned into predicted splits and
// planned hand-offs, each exchange carrying the pair's practice record.
#pragma once

#include <string>
#include <vector>

#include "baton/event.h"
#include "baton/pair_calibration.h"
#include "baton/pair_practice.h"
#include "baton/simulation.h"
#include "baton/team.h"

namespace baton {

/// An own team running `order` (athlete names, one per leg): each leg's predicted split (its
/// spread from the runner's form_sd_percent when set) and each exchange's planned hand-off
/// (build_relay_plan under the team's exchange `settings`: go-mark, reaction, reach, zone),
/// with the pair's record from `practice` when given, and each drilled pair's calibrated
/// hand-off from `calibrated` when given (mark, reaction, TAU and incoming speed, and the split
/// its baton time changes). Throws like build_relay_plan().
SimTeam own_sim_team(const Team& team, const Event& event, const std::vector<std::string>& order,
                     std::string name, const PracticeLookup& practice = {},
                     const ExchangeSettings& settings = {},
                     const PairCalibrationLookup& calibrated = {});

}  // namespace baton
