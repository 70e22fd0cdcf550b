// JSON for lineups of one relay or of a meet's relays, shared by `baton lineup --json` and the
// web API.
#pragma once

#include <nlohmann/json.hpp>

#include "baton/event.h"
#include "baton/lineup.h"
#include "baton/meet_assignments.h"
#include "baton/meet_lineup.h"
#include "baton/relay_costs.h"
#include "baton/team.h"

namespace baton {

/// What else a lineup document may say.
struct LineupJsonExtras {
  /// Per leg of the best order: rests on a mark estimated from another distance (the legs get
  /// "estimated" when this is not empty).
  std::vector<bool> estimated;
  /// The costs before the practice log was priced in (add_practice_costs), and how many pair
  /// terms it changed: with these the document gets "practice_pair_terms" and "practice_s"
  /// (what the best order's practice record adds to its time, seconds).
  const RelayCosts* without_practice = nullptr;
  int practice_pair_terms = 0;
  /// Per leg of the best order: the baton-to-baton split, seconds (the legs get "split_s" when
  /// this is not empty).
  std::vector<double> splits_s;
};

/// {"event", "order": [names], "team_time_s", "legs": [{"leg", "athlete", "distance_m",
///  "leg_s", "split_s"}], "alternatives": [{"order", "team_time_s", "gap_s"}]} for a result of
/// best_lineups(). "split_s" is the leg's baton-to-baton split (the legs add up to
/// "team_time_s"); "leg_s" the runner's own time from scratch line to scratch line, without
/// the exchanges (not a split). `costs` are the tables the result was found on, built from
/// `team` and `event`; `extras` as described there.
nlohmann::json lineup_to_json(const Team& team, const Event& event, const RelayCosts& costs,
                              const LineupResult& result, const LineupJsonExtras& extras = {});

/// {"relays": [{"event", "team", "order": [names], "team_time_s"}], "optimal", "gap",
///  "objective_s"} for a result of best_meet_lineups() on `request` over `team`'s athletes.
/// With `events` (the Event of each relay of the request, in request order) every relay also
/// gets "name" and "legs": [{"leg", "athlete", "distance_m", "leg_s"}], leg_s from the relay's
/// costs (the runner's own time, not a split); with `splits` (per result relay, the
/// baton-to-baton splits of its order) each leg also gets "split_s". Under
/// MeetObjective::points: "objective": "expected points", "expected_points" (the relays' sum),
/// "points_bound" (the best possible; "gap" is relative to it), and per relay
/// "expected_points". With `practice_s` (per relay of the result: what its order's practice
/// records add, MeetLineupAnswer::practice_s) each relay also gets "practice_s".
nlohmann::json meet_lineup_to_json(const Team& team, const MeetLineupRequest& request,
                                   const MeetLineupResult& result,
                                   const std::vector<Event>* events = nullptr,
                                   const std::vector<std::vector<double>>* splits = nullptr,
                                   const std::vector<double>* practice_s = nullptr);

/// Adds who runs what to a meet_lineup_to_json() document of the same request and result:
/// - "athletes": every athlete, roster order: {"name", "sex", "relays": [{"event", "team",
///   "leg"}] (leg 1-based), "entries": [individual events], "relay_count", "event_count"}
///   (event_count: relays plus entries);
/// - "limits": {"max_relays_per_athlete", "max_events"} (0 = no limit);
/// - "conflicts": [["4x100/F", "4x400/F"]], relays that may share no athlete;
/// - per relay "alternates": one per leg, {"leg", "athlete", "cost_s"} with the best substitute
///   (cost_s: what the swap adds to the team time, seconds) or {"leg", "reason"} when nobody
///   can take the leg; and on the A team's locked legs "locked": true.
/// `athletes` and `substitutes` come from meet_athlete_loads() and meet_substitutes() (one per
/// result relay). With `estimated` (per result relay, per leg: the leg rests on a mark
/// estimated from another distance) every leg also gets "estimated".
void add_meet_assignments_json(
    nlohmann::json& doc, const Team& team, const MeetLineupRequest& request,
    const MeetLineupResult& result, const std::vector<MeetAthleteLoad>& athletes,
    const std::vector<std::vector<std::vector<MeetSubstitute>>>& substitutes,
    const std::vector<std::vector<bool>>* estimated = nullptr);

}  // namespace baton
