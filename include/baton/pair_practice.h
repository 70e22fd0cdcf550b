// What a pair's practice says to planning and the simulation: its record, with the timing spread
// of its drills measured against the hand-off the plan makes for it.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "baton/drill.h"
#include "baton/handoff.h"

namespace baton {

/// The record of the pair `from` -> `to` at exchange `exchange_index` (0 = legs 1 -> 2) of the
/// event; an empty record for a pair that never drilled. The practice use case builds one from
/// the logs (include/baton/practice_lookup.h); tests pass their own.
using PracticeLookup =
    std::function<PairRecord(int exchange_index, const std::string& from, const std::string& to)>;

/// What a pair's drills say for the simulation and the lineup: summarize_drills() and (blind
/// passes, two drills or more) the timing spread, the RMS residual of the pair's calibration
/// (calibrate_pair()) around the planned hand-off `nominal`, with drill ages counted from the
/// latest drill, capped at 10 m. `target_m` (the planned baton position) is not needed by that
/// fit, which finds the pair's own planned pass.
PairRecord practice_record(const std::vector<Drill>& drills, const HandoffParams& nominal,
                           double target_m);

/// The pair's expected fumble rate per pass: the posterior mean of a Beta prior (`prior_rate`
/// worth `prior_drills` drills) updated with the drill record. `prior_rate` with no drills.
double practice_fail_rate(const PairRecord& p, double prior_rate, double prior_drills);

/// How much the pair's drills scale the default timing spread of a blind pass: with V0 the
/// default variance in go-mark metres (mark_sd^2 + (u reaction_sd)^2, u the incoming speed) and
/// t the pair's timing_sd_m over n clean passes, sqrt(((w V0 + n t^2) / (w + n)) / V0) with
/// w = prior_drills; 1 with fewer than two clean passes or no timing record. Only clean passes
/// count: a drop or a pass outside the zone shows no timing the team can rely on.
double practice_spread_scale(const PairRecord& p, double incoming_speed_mps, double reaction_sd_s,
                             double mark_sd_m, double prior_drills);

}  // namespace baton
