// The best lineups for all of a meet's relays at once: A/B/C teams, per-athlete event limits,
// relays too close in the schedule to share athletes, sex rules, locks and absences, solved
// exactly as an integer program.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "baton/athlete.h"
#include "baton/event.h"
#include "baton/relay_costs.h"
#include "baton/team.h"

namespace baton {

/// How much searching the meet solver may do. The library never reads the clock: a caller with a
/// deadline passes a `should_stop` that compares the clock with it, e.g.
/// `budget.should_stop = [end] { return std::chrono::steady_clock::now() >= end; };`.
/// `max_steps` counts work instead, so the answer is the same on any machine. With neither the
/// search runs until it proves its lineups optimal.
struct MeetSearchBudget {
  /// Most search steps: one step is one subgradient iteration of the Lagrangian bound or one
  /// branch-and-bound node of the integer program; -1 = no limit, 0 = no search (the greedy
  /// first lineups and the bound from every team's own best are returned).
  long long max_steps = -1;
  /// Asked before every step and, inside the integer program, between two simplex iterations;
  /// once it returns true the search stops within a few hundredths of a second and returns the
  /// best lineups found so far. Empty = never.
  std::function<bool()> should_stop;
};

/// What the meet solver optimises.
enum class MeetObjective {
  time,    ///< the (weighted) sum of the team times
  points,  ///< the expected points over all relays, from each relay's `points` curve
};

/// A team's expected points in one relay's field as a function of its predicted team time:
/// samples at start_s, start_s + step_s, ..., linear between them and flat beyond the ends.
struct PointsByTime {
  double start_s = 0.0;        ///< team time of the first sample, seconds
  double step_s = 0.0;         ///< between samples, seconds, > 0
  std::vector<double> points;  ///< expected points at each sample, finite, >= 0
  /// Expected points of a team that runs `team_time_s` seconds.
  double at(double team_time_s) const;
};

/// One relay of the meet. Athletes are indices into the shared roster; legs are 0-based.
struct MeetRelay {
  std::string event;  ///< event id shown in results, e.g. "4x100"
  RelayCosts costs;   ///< the relay's cost tables over the whole roster
  SexRule sex_rule = SexRule::single_sex;
  std::optional<Sex> required_sex;  ///< single_sex only: girls' or boys' relay; empty = either
  int teams = 1;                    ///< teams to field: 1 = A, 2 = A and B, 3 = A, B and C
  double weight = 1.0;              ///< weight of this relay's team times in the objective, >= 0
  std::map<int, int> locked_legs;   ///< A team only: leg index -> athlete index
  std::vector<int> excluded;        ///< athletes who must not run this relay
  /// Expected points by team time in this relay's field (MeetObjective::points only).
  PointsByTime points;
};

/// The meet as the coach describes it.
struct MeetLineupRequest {
  std::vector<MeetRelay> relays;
  /// Sex of each athlete (needed when any relay has a sex rule to check).
  std::vector<Sex> sexes;
  /// Athlete names in roster order, used only to word error messages (may be empty).
  std::vector<std::string> names;
  /// Most relay teams one athlete may run in this meet; 0 = no limit.
  int max_relays_per_athlete = 0;
  /// Individual events each athlete is already entered in (empty = none).
  std::vector<int> events_already;
  /// Most events per athlete, individual events included (e.g. 4 under NFHS); 0 = no limit.
  int max_events = 0;
  /// Pairs of relay indices run too close together to share any athlete.
  std::vector<std::pair<int, int>> conflicts;
  /// Objective weight of A, B and C teams (multiplies the relay's weight).
  std::vector<double> team_weights = {1.0, 1.0, 1.0};
  /// When to stop searching and report the best lineups found and the gap.
  MeetSearchBudget budget;
  /// time: minimise the weighted team times. points: maximise the expected points of one
  /// team per relay (every relay's `teams` 1, weights 1, `points` given).
  MeetObjective objective = MeetObjective::time;
};

/// One team's lineup in one relay.
struct MeetRelayLineup {
  int event_index = 0;     ///< index into MeetLineupRequest::relays
  std::string team;        ///< "A", "B" or "C"
  std::vector<int> order;  ///< athlete index per leg
  double team_time_s = 0;  ///< predicted team time, seconds
  /// Expected points at that time (MeetObjective::points; 0 otherwise).
  double expected_points = 0;
};

struct MeetLineupResult {
  std::vector<MeetRelayLineup> relays;  ///< every team of every relay, in request order
  bool optimal = false;  ///< true only when the solver proved no better lineups exist
  double gap = 0;        ///< relative gap (objective - bound) / objective; 0 when optimal
  double objective = 0;  ///< weighted sum of team times, seconds
  double bound_s = 0;    ///< proven lower bound on the objective, seconds
  /// The Lagrangian lower bound on the objective (per-athlete limits relaxed), seconds; it
  /// equals the objective when it alone proved the lineups optimal.
  double lagrangian_bound_s = 0;
  /// True when the search stopped because the budget ran out (`should_stop` said so or
  /// `max_steps` were spent) before it could prove the lineups optimal.
  bool stopped_on_budget = false;
  long long steps = 0;  ///< search steps taken (see MeetSearchBudget::max_steps)
  /// MeetObjective::points: the lineups' expected points over all relays, and a proven upper
  /// bound on them (the best possible; equal up to the time tie-break when optimal). `gap` is
  /// then (points_bound - expected_points) / points_bound and the time bounds above are 0.
  double expected_points = 0;
  double points_bound = 0;
};

/// Chooses every relay team's running order at once to minimise the weighted sum of team times
/// (or, with MeetObjective::points, to maximise the expected points; see meet_points.cpp) under
/// the request's limits, exactly: a Lagrangian relaxation of the per-athlete limits gives
/// a lower bound and good lineups; when they do not meet, the team orders the bound cannot rule
/// out go to the COIN-OR CBC integer solver. When two teams of a relay are interchangeable (same
/// weight, no locks), A is the faster one.
/// Throws ValidationError naming the relay and constraint when the request is malformed or
/// cannot be met (checked constraints first; otherwise when the solver proves infeasibility),
/// ValidationError naming "teams", "weight" or "points" when the points objective gets B teams,
/// weights or a relay without a valid points curve, and ValidationError naming "budget" when the
/// budget ran out before any lineup was found.
MeetLineupResult best_meet_lineups(const MeetLineupRequest& request);

/// The request for a roster: every athlete's sex and name in roster order, no relays yet and
/// the default limits.
MeetLineupRequest meet_lineup_request(const Team& team);

}  // namespace baton
