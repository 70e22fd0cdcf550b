// Race odds in a coach's terms: our team in the fastest or a named order against opponents
// known by seed times, a meet file's whole field, and the order that wins (or scores) most
// often against them.
//
// Example:
//   baton::RaceQuery q;
//   q.event = "4x100";
//   q.sex = baton::Sex::female;
//   q.opponents = {{"Central", 48.90}, {"Lakeside", 52.0}};
//   const baton::RaceAnswer a = baton::race_odds(ws, q);
//   // a.result.teams[0]: our p_win, p_dq, expected_points, ...
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "baton/athlete.h"
#include "baton/event.h"
#include "baton/lineup_odds.h"
#include "baton/lineup_query.h"
#include "baton/meet.h"
#include "baton/relay_order.h"
#include "baton/sim_team.h"
#include "baton/simulation.h"
#include "baton/workspace.h"

namespace baton {

/// An opponent known only by a seed time ("opponents.i").
struct Opponent {
  std::string name;          ///< "opponents.i.name": 1-60 characters, unique in the race
  double seed_time_s = 0.0;  ///< "opponents.i.seed": FAT seconds, > 0
};

/// Our team in one race against seeded opponents.
struct RaceQuery {
  std::string event;               ///< "event"
  std::optional<Sex> sex;          ///< "sex": the squad of the fastest order
  std::vector<std::string> order;  ///< "order.i": runners by name; empty = the fastest order
  std::vector<Opponent> opponents;
  SimulationOptions simulation;  ///< races, seed, threads ("runs", "seed", "threads")
  bool practice = true;          ///< our pairs' practice records from the logs
};

struct RaceAnswer {
  RelayOrder order;            ///< the event and our running order
  std::string team;            ///< our team's name in the race ("Our team" without one)
  std::vector<SimTeam> field;  ///< our team first, then the opponents in query order
  SimulationResult result;     ///< teams in field order
};

/// Simulates the race (simulate_race()). Throws like requested_order() and
/// validate_simulation_options(), and ValidationError naming "opponents.i.name" (empty, over 60
/// characters, or a name already in the race, case-insensitive) or "opponents.i.seed" (<= 0).
RaceAnswer race_odds(const Workspace& ws, const RaceQuery& query);

/// True when an entry of the meet runs the database roster (`roster = true`).
bool uses_roster(const Meet& meet);

/// The meet file's field simulated (meet_field(), simulate_race()) with `options` (the meet's
/// scoring replaces options.scoring when it has one). `roster` is the database workspace that
/// `roster = true` entries run, with its pairs' practice records unless !practice; null when
/// there is none. Throws like validate_simulation_options(), meet_field() and simulate_race().
SimulationResult simulate_meet(const Meet& meet, const Workspace* roster, SimulationOptions options,
                               bool practice = true, const SimulationProgress& progress = {});

/// Which of the fastest orders does best against a field.
struct LineupOddsQuery {
  /// The relay: event, squad, locks and exclusions by name (top and model are not used: the
  /// candidates are the physics model's fastest orders, priced with practice records).
  LineupQuery lineup;
  LineupObjective objective = LineupObjective::win;  ///< "objective"
  int candidates = 10;                               ///< "candidates": 1 to 100 fastest orders
  SimulationOptions simulation;                      ///< races per order, seed, threads
};

struct LineupOddsAnswer {
  Event event;
  std::string team;         ///< our team's name in the race
  LineupOddsResult result;  ///< every candidate's odds; result.chosen is the answer
  /// The chosen order, leg 1 first.
  const std::vector<std::string>& order() const { return result.candidates[result.chosen].order; }
};

/// Against opponents known by seeds (as race_odds()): choose_order_by_odds() over the
/// workspace's team. Throws like find_lineups(), race_odds() and choose_order_by_odds().
LineupOddsAnswer lineup_odds(const Workspace& ws, const LineupOddsQuery& query,
                             const std::vector<Opponent>& opponents,
                             const SimulationProgress& progress = {});

/// Against a meet file's field: our team is the meet's first own entry without an order (its
/// team file, or `roster`'s team for `roster = true`), its squad query.lineup.sex or the
/// entry's; the other entries are the field (simulate_meet()). query.lineup.event, when given,
/// must be the meet's event. Throws ValidationError naming "event", or the meet file's "team"
/// when no entry has an order to choose, and like lineup_odds() and meet_field().
LineupOddsAnswer lineup_odds_at_meet(const Meet& meet, const Workspace* roster,
                                     LineupOddsQuery query,
                                     const SimulationProgress& progress = {});

}  // namespace baton
