// The best running order for one relay, exact: the fastest order and the next-fastest
// alternatives under the coach's constraints (locked legs, absences, sex rules).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "baton/athlete.h"
#include "baton/event.h"
#include "baton/leg_prediction.h"
#include "baton/relay_costs.h"
#include "baton/team.h"

namespace baton {

/// What the coach asks for one relay. Athletes are indices into the roster that built the
/// RelayCosts; legs are 0-based indices (leg 1 is index 0).
struct LineupRequest {
  /// Legs already decided: leg index -> athlete index.
  std::map<int, int> locked_legs;
  /// Athletes who must not run (injured, absent, saved for another event).
  std::vector<int> excluded;
  /// Sex of each athlete, in roster order. May be empty only when no sex rule applies
  /// (single-sex relay without `required_sex`, every athlete allowed).
  std::vector<Sex> sexes;
  /// single_sex: all runners of one sex; mixed_two_two: half women, half men, in any order.
  SexRule sex_rule = SexRule::single_sex;
  /// With single_sex: the sex every runner must have (girls' or boys' relay); empty = either.
  std::optional<Sex> required_sex;
  /// How many alternatives to list after the best order (0 = only the best), at most 1000.
  int top_k = 0;
  /// Athlete names in roster order, used only to word error messages (may be empty).
  std::vector<std::string> names;
};

/// The request for a roster and an event: every athlete's sex and name in roster order and the
/// event's sex rule; nothing locked, excluded or required.
LineupRequest lineup_request(const Team& team, const Event& event);

/// One running order and what it is predicted to run.
struct Lineup {
  std::vector<int> order;  ///< athlete index per leg
  double team_time_s = 0;  ///< predicted team time, seconds
  double gap_s = 0;        ///< slower than the best order by this much, seconds (0 for the best)
};

struct LineupResult {
  Lineup best;                       ///< the fastest order
  std::vector<Lineup> alternatives;  ///< the next fastest distinct orders, fastest first
};

/// Finds the fastest running order and the `top_k` next fastest, exactly (branch and bound with
/// admissible bounds; equal to enumerating every order). Orders containing an +infinity term
/// are impossible and never returned; fewer alternatives come back when fewer orders exist.
/// Ties are broken by the smaller athlete indices, leg by leg.
/// Throws ValidationError naming the constraint that cannot be met: a lock on an excluded,
/// unknown or wrong-sex athlete, one athlete locked on two legs, too few athletes of a sex,
/// every athlete excluded, a leg nobody available can run.
/// Example: the girls' 4x100 of a team file and its two next fastest orders.
///   const Event event = find_event("4x100", team.rules);
///   LineupRequest request = lineup_request(team, event);
///   request.required_sex = Sex::female;
///   request.top_k = 2;
///   const LineupResult r = best_lineups(relay_costs(team, event), request);
///   // team.athletes[r.best.order[0]].name runs leg 1; r.best.team_time_s is in seconds
LineupResult best_lineups(const RelayCosts& costs, const LineupRequest& request);

/// The fastest running order of the roster for `event` (names, leg by leg) under the event's
/// sex rule and, when given, `required_sex` (a girls' or boys' relay): best_lineups() over
/// relay_costs(). Throws ValidationError when no order is possible.
/// Example:
///   const std::vector<std::string> order =
///       best_order(team, find_event("4x100", team.rules), Sex::female);  // leg 1 first
std::vector<std::string> best_order(const Team& team, const Event& event,
                                    std::optional<Sex> required_sex = std::nullopt,
                                    const PredictOptions& predict = {});

}  // namespace baton
