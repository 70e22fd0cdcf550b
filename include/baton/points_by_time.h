// Our team's expected points in one relay's field as a function of its predicted team time, the
// value the meet-wide lineups by points maximise (best_meet_lineups(), MeetObjective::points).
#pragma once

#include <string>

#include "baton/meet.h"
#include "baton/meet_lineup.h"
#include "baton/simulation.h"

namespace baton {

/// Samples of the curve from 95 % of the fastest opponent's expected time to 105 % of the
/// slowest's.
inline constexpr int kPointsSamples = 121;

/// Our team's expected points against `relay`'s opponents (built as meet_field() builds a
/// meet's seeded entries) as a function of its predicted time: at each sampled time our team
/// joins the race as an entry seeded at that time (seed_sim_team(): the spread and failure rate
/// of an opponent seeded there) and the race is simulated with `options` (simulate_race(); the
/// relay's scoring replaces options.scoring when it has one). Every sample runs the same races
/// (one seed, our team last), so the curve never rises with time. Throws like
/// validate_simulation_options(), meet_field() and simulate_race().
PointsByTime expected_points_by_time(const MeetRelayField& relay, RuleSet rules,
                                     const std::string& team_name, SimulationOptions options);

}  // namespace baton
