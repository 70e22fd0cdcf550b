// The best lineups for several relays of a meet at once, asked in a coach's terms: relays by
// event id and squad, athletes left out by name.
//
// Example:
//   baton::MeetLineupQuery q;
//   q.relays = {{"4x100", baton::Sex::female}, {"4x400", baton::Sex::female}};
//   q.max_relays_per_athlete = 1;
//   const baton::MeetLineupAnswer a = baton::plan_meet_lineups(ws, q);
//   // a.result.relays: every team of every relay; a.result.optimal, a.result.gap
//   // a.athletes: who runs what; a.substitutes: per team and leg, who could step in
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "baton/athlete.h"
#include "baton/event.h"
#include "baton/lineup_query.h"
#include "baton/meet.h"
#include "baton/meet_assignments.h"
#include "baton/meet_lineup.h"
#include "baton/simulation.h"
#include "baton/workspace.h"

namespace baton {

/// One relay of the meet ("relays.i").
struct MeetRelayChoice {
  std::string event;       ///< "relays.i.event": event id
  std::optional<Sex> sex;  ///< "relays.i.sex": girls' or boys' relay; single-sex events only
};

/// A leg the coach fixes in one relay's A team ("locks.i").
struct MeetLock {
  std::string relay;  ///< "locks.i.relay": a relay as the answer labels it, e.g. "4x100/F"
  int leg = 0;        ///< "locks.i.leg": 1-based
  std::string name;   ///< "locks.i.name": the runner
};

/// An athlete kept out of one relay only ("exclude_from.i").
struct MeetRelayExclusion {
  std::string relay;  ///< "exclude_from.i.relay": e.g. "4x800/M"
  std::string name;   ///< "exclude_from.i.name"
};

/// Two relays run too close together in the schedule to share an athlete ("conflicts.i").
struct MeetConflict {
  std::string first;   ///< "conflicts.i": relay labels, e.g. "4x100/F"
  std::string second;  ///< and "4x400/F"
};

/// How much one relay's seconds count in the objective ("weights.i"): a coach weighs a second in
/// the relay worth the most points more than a second in one the team cannot score in.
struct MeetRelayWeight {
  std::string relay;    ///< "weights.i.relay": e.g. "4x100/F"
  double weight = 1.0;  ///< "weights.i.weight": 0 to 100; every relay not named counts 1
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
  std::vector<std::string> exclude;              ///< "exclude": athletes who run no relay, by name
  std::vector<MeetLock> locks;                   ///< "locks": legs fixed in A teams
  std::vector<MeetRelayExclusion> exclude_from;  ///< "exclude_from": athletes out of one relay
  std::vector<MeetConflict> conflicts;           ///< "conflicts": relays that share no athlete
  std::vector<MeetRelayWeight> weights;          ///< "weights": per-relay objective weights
  CostModel model = CostModel::physics;          ///< "model"
  /// "allow_estimates": let a runner take a leg whose prediction rests on a mark estimated from
  /// another distance (physics model). Off, such legs are left out (a locked leg stays, as
  /// the coach chose it), so runners with real marks at the distance run them.
  bool allow_estimates = false;
  /// Price each drilled pair's practice record from the logs into its pair terms (a database
  /// workspace and the physics model only), as find_lineups() does ("--no-practice" off).
  bool practice = true;
  /// Most athletes who may run (a bound on the solver's work); 0 = no limit. More is refused
  /// naming "exclude".
  size_t max_athletes = 0;
  /// "objective": time (the weighted team times) or points (the expected points over all
  /// relays against `field`, one team per relay, no weights).
  MeetObjective objective = MeetObjective::time;
  /// objective points: every relay's field and scoring (a meet file, load_meet_relays()).
  std::optional<MeetRelays> field;
  /// objective points: races per sampled team time, seed and threads of the simulation that
  /// turns a relay's field into expected points by team time (expected_points_by_time()).
  SimulationOptions simulation;
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
  /// Per relay of `result`: what its order's practice records add to its team time, seconds
  /// (negative: saves time; 0 without drills or logged races, or with query.practice off).
  std::vector<double> practice_s;
  /// Per relay of `result`, per leg: the leg rests on a mark estimated from another distance
  /// (physics model; all false under the open model, which uses each runner's open best).
  std::vector<std::vector<bool>> estimated;
  /// Every athlete of the roster, in roster order: relay legs and counts against the limits
  /// (the events count includes the athlete's individual entries).
  std::vector<MeetAthleteLoad> athletes;
  /// Per relay of `result`, per leg: who could step in, cheapest first (meet_substitutes()).
  std::vector<std::vector<std::vector<MeetSubstitute>>> substitutes;
  /// objective points, per relay of `request`: the field's relay it scored against ("4x100/F").
  std::vector<std::string> field_relays;
};

/// Every relay team's running order at once (best_meet_lineups()) over the workspace's team.
/// A relay is labelled by its event id, with "/F" or "/M" when it names its squad; locks,
/// exclusions from one relay and conflicts name relays by that label (any case). Each
/// athlete's individual entries (Athlete::entries) count against max_events with the relays.
/// Throws ValidationError for no relays ("relays"), one asked twice ("relays.i"), a squad for
/// a mixed relay ("relays.i.sex"), too many athletes ("exclude"), a relay not asked for
/// ("locks.i.relay", "exclude_from.i.relay", "conflicts.i"), a leg the relay does not have
/// ("locks.i.leg"), a leg locked twice or a runner locked on two legs ("locks.i"), a relay in
/// conflict with itself ("conflicts.i"), relays that can only be filled with estimated legs
/// when !allow_estimates ("allow_estimates", naming them), objective points without a field
/// ("field") or with a relay the field does not hold ("field", naming the relay); NotFoundError for
/// an unknown event
/// ("relays.i.event") or athlete ("exclude", "locks.i.name", "exclude_from.i.name", with the
/// closest name); and like best_meet_lineups().
MeetLineupAnswer plan_meet_lineups(const Workspace& ws, const MeetLineupQuery& query);

/// Races per sampled team time of the expected-points curves (objective points) when the caller
/// sets none: `baton lineup --objective points --events` and the web's meet page both use it, so
/// they give the same numbers.
inline constexpr std::int64_t kPointsCurveRuns = 20000;

/// A search budget of `seconds` of wall-clock time from the solver's first question: the time
/// plan_meet_lineups() spends before it (the expected-points curves of objective points) is
/// not counted, so the limit is the solver's alone.
MeetSearchBudget search_deadline(double seconds);

}  // namespace baton
