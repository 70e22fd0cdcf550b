// The relay entries a team sends a meet host: the meet solver's lineups (or the coach's own
// orders) for each relay, with up to four alternates per team, ready for a writer in entries.h.
//
// Example:
//   baton::EntryQuery q;
//   q.relays = {{"4x100", baton::Sex::female}, {"4x400", baton::Sex::male}};
//   q.orders = {{"4x100/F", {"Ann Lee", "Bea Moss", "Cat Ng", "Dee Orr"}}};
//   const baton::EntryList entries = baton::plan_entries(ws, q);
//   std::string file = baton::write_entries_hytek(entries);
#pragma once

#include <string>
#include <vector>

#include "baton/entries.h"
#include "baton/lineup_query.h"
#include "baton/meet_lineup.h"
#include "baton/meet_lineup_query.h"
#include "baton/workspace.h"

namespace baton {

/// A running order the coach chose for one relay ("orders.i").
struct EntryOrder {
  std::string relay;               ///< "orders.i": the relay as --events names it, "4x100/F"
  std::vector<std::string> names;  ///< "orders.i.names": runners, leg 1 first
};

/// What to enter. Each member names the request field its errors carry.
struct EntryQuery {
  std::vector<MeetRelayChoice> relays;  ///< "relays": at least one, each at most once
  int teams_per_relay = 1;              ///< "teams_per_relay": 1 to 3 (A, B, C) for solved relays
  /// Orders that replace the solver's for their relay: that relay then enters this one team.
  std::vector<EntryOrder> orders;
  int alternates = 4;              ///< "alternates": per team, 0 to 4
  int max_relays_per_athlete = 0;  ///< as MeetLineupQuery
  int max_events = 0;              ///< as MeetLineupQuery
  MeetSearchBudget budget;         ///< as MeetLineupQuery
  CostModel model = CostModel::physics;
  bool allow_estimates = false;                  ///< as MeetLineupQuery
  std::vector<std::string> exclude;              ///< as MeetLineupQuery
  std::vector<MeetLock> locks;                   ///< as MeetLineupQuery
  std::vector<MeetRelayExclusion> exclude_from;  ///< as MeetLineupQuery
  std::vector<MeetConflict> conflicts;           ///< as MeetLineupQuery
  std::vector<MeetRelayWeight> weights;          ///< as MeetLineupQuery
  std::string team_code;  ///< "team_code": up to 4 letters or digits; empty = from the team name
};

/// The entries: one RelayEntry per team of each relay, relays in query order. Solved relays
/// take plan_meet_lineups()'s teams and predicted times; a relay with an order takes that order
/// (every name on the roster, once, one per leg, of the relay's sex) with its predicted time
/// under the same cost model. Alternates are the substitutes meet_substitutes() finds for the
/// team's legs (the relay's squad, running no team of that relay, within the limits), best
/// first by the least time their best swap costs, each used by one team of the relay only. Throws
/// ValidationError naming "orders.i" for an order of a relay not in "relays" or with the wrong
/// number of runners, "team_code" for a bad code, "alternates" out of range; NotFoundError naming
/// "orders.i.names.j" for an unknown runner; and like plan_meet_lineups().
EntryList plan_entries(const Workspace& ws, const EntryQuery& query);

}  // namespace baton
