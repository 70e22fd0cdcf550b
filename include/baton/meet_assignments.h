// Who runs what in a meet's lineups, and who could step in for each runner: what a coach reads
// before the meet and needs again when a relay changes the night before.
//
// Example:
//   const baton::MeetLineupResult r = baton::best_meet_lineups(request);
//   for (const baton::MeetAthleteLoad& a : baton::meet_athlete_loads(request, r)) { ... }
//   const auto subs = baton::meet_substitutes(request, r, 0);  // per leg of r.relays[0]
#pragma once

#include <string>
#include <vector>

#include "baton/meet_lineup.h"

namespace baton {

/// One relay leg an athlete runs.
struct MeetLegAssignment {
  int lineup = 0;       ///< index into MeetLineupResult::relays
  int event_index = 0;  ///< index into MeetLineupRequest::relays
  std::string team;     ///< "A", "B" or "C"
  int leg = 0;          ///< 0-based
};

/// One athlete's meet and where they stand against the request's limits.
struct MeetAthleteLoad {
  int athlete = 0;                      ///< roster index
  std::vector<MeetLegAssignment> legs;  ///< in result order
  int relays = 0;                       ///< relay teams run
  int events = 0;  ///< relays plus the individual events already entered (events_already)
};

/// Every athlete of the request's roster, in roster order, with the legs `result` gives them.
MeetAthleteLoad meet_athlete_load(const MeetLineupRequest& request, const MeetLineupResult& result,
                                  int athlete);
std::vector<MeetAthleteLoad> meet_athlete_loads(const MeetLineupRequest& request,
                                                const MeetLineupResult& result);

/// A runner who could take one leg of one team.
struct MeetSubstitute {
  int athlete = 0;    ///< roster index
  double cost_s = 0;  ///< the team's time with them on the leg minus its time now, seconds
};

/// For team `lineup` of `result` (an index into result.relays), per leg: every athlete who could
/// take that leg with the rest of the team unchanged, cheapest first (ties in roster order).
/// A substitute runs no team of that relay, is not excluded from it, keeps its sex rule (a
/// single-sex relay's squad; in a mixed relay the sex of the runner replaced), runs no relay
/// that conflicts with it, can run the leg (a finite cost), and stays within
/// max_relays_per_athlete and max_events after the swap. Teams in `result` are taken as they
/// are, so a coach's own orders can be checked too. Throws std::out_of_range for a bad `lineup`.
std::vector<std::vector<MeetSubstitute>> meet_substitutes(const MeetLineupRequest& request,
                                                          const MeetLineupResult& result,
                                                          size_t lineup);

}  // namespace baton
