// Pieces the use cases share (internal to the workspace module).
#pragma once

#include <string>
#include <vector>

#include "baton/lineup.h"
#include "baton/lineup_query.h"
#include "baton/pair_practice.h"
#include "baton/practice_lookup.h"
#include "baton/race_query.h"
#include "baton/relay_costs.h"
#include "baton/sim_team.h"
#include "baton/team.h"

namespace baton::detail {

/// The roster index of `name`; NotFoundError naming `field` with the closest name.
int athlete_index(const Team& team, std::string_view name, const std::string& field);

/// The lineup request of `query` over `team`: squad, top, locks ("locks.LEG") and exclusions
/// ("exclude") resolved to roster indices.
LineupRequest resolve_lineup(const Team& team, const Event& event, const LineupQuery& query);

/// A relay's cost tables under `model`, with `practice` priced in (physics model only).
struct PricedCosts {
  RelayCosts costs;
  RelayCosts without_practice;
  int practice_pair_terms = 0;
};
/// Drilled pairs' calibrated hand-offs from `calibrated` join their pair terms.
PricedCosts priced_costs(const Team& team, const Event& event, CostModel model,
                         const PracticeLookup& practice,
                         const PairCalibrationLookup& calibrated = {});

/// Our team's name in a race.
std::string race_name(const Team& team);

/// Seed-only teams for `opponents`, checked against each other and `own_name`.
std::vector<SimTeam> seeded_opponents(const std::vector<Opponent>& opponents, const Event& event,
                                      const SimulationOptions& options,
                                      const std::string& own_name);

}  // namespace baton::detail
