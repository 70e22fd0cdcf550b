// The best running order of one relay, asked as a coach asks it: the event, the squad, legs
// locked to athletes by name, athletes left out by name.
//
// Example:
//   baton::Workspace ws = baton::Workspace::open_database("baton.db");
//   baton::LineupQuery q;
//   q.event = "4x100";
//   q.sex = baton::Sex::female;
//   q.locks[4] = "Ava Brooks";  // Ava anchors
//   const baton::LineupAnswer a = baton::find_lineups(ws, q);
//   // a.order: the four names, leg 1 first; a.result.best.team_time_s: seconds
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baton/athlete.h"
#include "baton/event.h"
#include "baton/lineup.h"
#include "baton/relay_costs.h"
#include "baton/workspace.h"

namespace baton {

/// How a relay's time is priced.
enum class CostModel {
  physics,  ///< predicted legs (block or flying start, bends) and hand-off kinematics
  open,     ///< the sum of the athletes' open bests
};

/// "physics" or "open"; throws ValidationError naming `where` otherwise.
CostModel parse_cost_model(std::string_view text, const Location& where = {});
std::string_view to_string(CostModel model);

/// One relay's lineup question. Each member names the request field its errors carry.
struct LineupQuery {
  std::string event;                     ///< "event": event id, e.g. "4x100", "smr"
  std::optional<Sex> sex;                ///< "sex": a girls' (F) or boys' (M) relay; none = either
  int top = 0;                           ///< "top": next-best orders to list after the best, 0-1000
  std::map<int, std::string> locks;      ///< "locks.LEG": leg (1 = first) -> athlete name
  std::vector<std::string> exclude;      ///< "exclude": athletes who must not run, by name
  CostModel model = CostModel::physics;  ///< "model"
  /// Price each drilled pair's practice record from the logs (a database workspace and the
  /// physics model only; a team file has no logs).
  bool practice = true;
};

/// The answer, ready to format.
struct LineupAnswer {
  Event event;  ///< under the team's rules
  CostModel model = CostModel::physics;
  RelayCosts costs;             ///< the cost tables the orders were chosen on (practice included)
  RelayCosts without_practice;  ///< the same before the practice records were priced in
  int practice_pair_terms = 0;  ///< pair terms the practice records changed
  LineupResult result;          ///< the best order and the alternatives (roster indices)
  std::vector<std::string> order;  ///< the best order's names, leg 1 first
  /// Per leg of the best order: rests on a mark estimated from another distance (physics
  /// model; all false for the open model).
  std::vector<bool> estimated;
  /// Per leg of the best order: the baton-to-baton split (relay_splits.h) under `costs`,
  /// seconds; they add up to result.best.team_time_s.
  std::vector<double> splits_s;
  /// What the best order's practice records add to its time, seconds (negative: saves time).
  double practice_s() const;
};

/// The fastest running order for `query` over the workspace's team, and query.top
/// alternatives, exactly (best_lineups()). Throws NotFoundError for an unknown event ("event")
/// or athlete ("locks.LEG", "exclude", suggesting the closest name), ValidationError for a leg
/// the event does not have ("locks.LEG") and for constraints that cannot be met
/// (best_lineups()).
LineupAnswer find_lineups(const Workspace& ws, const LineupQuery& query);

/// The names of roster indices, in order.
std::vector<std::string> athlete_names(const Team& team, const std::vector<int>& athletes);

}  // namespace baton
