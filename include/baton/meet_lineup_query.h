// The best lineups for several relays of a meet at once, asked in a coach's terms: relays by
// event id and squad, athletes left out by name.
//
// Example:
//   baton::MeetLineupQuery q;
//   q.relays = {{"4x100", baton::Sex::female}, {"4x400", baton::Sex::female}};
//   q.max_relays_per_athlete = 1;
//   const baton::MeetLineupAnswer a = baton::plan_meet_lineups(ws, q);
//   // a.result.relays: every team of every relay; a.result.optimal, a.result.gap
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "baton/athlete.h"
#include "baton/event.h"
#include "baton/lineup_query.h"
#include "baton/meet_lineup.h"
#include "baton/workspace.h"

namespace baton {

/// One relay of the meet ("relays.i").
struct MeetRelayChoice {
  std::string event;       ///< "relays.i.event": event id
  std::optional<Sex> sex;  ///< "relays.i.sex": girls' or boys' relay; single-sex events only
};

/// The meet's question. Each member names the request field its errors carry.
struct MeetLineupQuery {
  std::vector<MeetRelayChoice> relays;  ///< "relays": at least one, each at most once
  /// The squad of single-sex relays that name none (mixed relays ignore it); none = either.
  std::optional<Sex> sex;
  int teams_per_relay = 1;         ///< "teams_per_relay": 1 to 3 (A, B, C teams)
  int max_relays_per_athlete = 0;  ///< "max_relays_per_athlete": 0 = no limit
  int max_events = 0;              ///< "max_events": events per athlete, 0 = no limit
  /// How much the solver may search (a deadline comes from the caller as should_stop); the
  /// default searches until the lineups are proven optimal.
  MeetSearchBudget budget;
  std::vector<std::string> exclude;      ///< "exclude": athletes who run no relay, by name
  CostModel model = CostModel::physics;  ///< "model"
  /// Most athletes who may run (a bound on the solver's work); 0 = no limit. More is refused
  /// naming "exclude".
  size_t max_athletes = 0;
};

/// The answer, ready to format.
struct MeetLineupAnswer {
  MeetLineupRequest request;  ///< as solved: each relay's label ("4x100/F"), costs and limits
  std::vector<Event> events;  ///< each relay's event, in query order
  MeetLineupResult result;
  CostModel model = CostModel::physics;
  /// Per relay of `result`: the baton-to-baton splits of its order (relay_splits.h), seconds;
  /// they add up to its team time.
  std::vector<std::vector<double>> splits_s;
};

/// Every relay team's running order at once (best_meet_lineups()) over the workspace's team.
/// A relay is labelled by its event id, with "/F" or "/M" when it names its squad. Throws
/// ValidationError for no relays ("relays"), one asked twice ("relays.i"), a squad for a mixed
/// relay ("relays.i.sex"), too many athletes ("exclude"); NotFoundError for an unknown event
/// ("relays.i.event") or athlete ("exclude"); and like best_meet_lineups().
MeetLineupAnswer plan_meet_lineups(const Workspace& ws, const MeetLineupQuery& query);

}  // namespace baton
