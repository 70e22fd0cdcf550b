// The running order a request is about: the one the coach names, or the fastest one.
//
// Example:
//   baton::OrderRequest r;
//   r.event = "4x100";
//   r.order = {"zoe carter", "Lily Nguyen", "Ava Brooks", "Maya Johnson"};
//   const baton::RelayOrder o = baton::requested_order(ws, r);
//   // o.names[0] == "Zoe Carter" (the roster's spelling), o.chosen == true
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "baton/athlete.h"
#include "baton/cards.h"
#include "baton/event.h"
#include "baton/pair_calibration.h"
#include "baton/pair_practice.h"
#include "baton/relay_plan.h"
#include "baton/workspace.h"

namespace baton {

/// Which relay and which order. Each member names the request field its errors carry.
struct OrderRequest {
  std::string event;               ///< "event": event id
  std::optional<RuleSet> rules;    ///< the rule set; none = the team's
  std::vector<std::string> order;  ///< "order.i": runners by name, leg 1 first; empty = fastest
  std::optional<Sex> sex;          ///< without an order: the squad of the fastest order
};

struct RelayOrder {
  Event event;
  std::vector<std::string> names;  ///< runners as the roster spells them, leg 1 first
  bool chosen = false;             ///< true when the request named the order
  /// Per exchange: seconds each pair's practice record adds to the order's time, as `baton
  /// lineup` prices it (order_practice_s(); drills and logged race passes); empty for a team
  /// file, which has no logs.
  std::vector<double> practice_s;
  /// The logs those terms were priced from, kept so that plans and races of the order read
  /// them once: each pair's practice record (drills and race passes; Workspace::practice()) and
  /// each drilled pair's calibrated hand-off (calibration_lookup()). Empty for a team file.
  PracticeLookup practice;
  PairCalibrationLookup calibrated;
};

/// The event under the request's rules and its running order: the named one (every name must
/// be on the roster, once, one per leg) or the fastest of the roster for the squad, the order
/// find_lineups() picks (the practice log's pair records priced in). Throws NotFoundError for an
/// unknown event ("event") or name ("order.i", with the closest name), ValidationError for the
/// wrong number of runners ("order") or a runner named twice ("order.i"), and like best_order().
RelayOrder requested_order(const Workspace& ws, const OrderRequest& request);

/// The printable relay cards of an order.
struct RelayCards {
  std::vector<RelayCard> cards;  ///< one per runner, leg 1 first
  double team_time_s = 0.0;      ///< the order's predicted time, seconds
};

/// `options` for predicting `order`: its pairs' practice terms (RelayOrder::practice_s), so
/// every prediction, split, pacing plan and card of the order gives the time `baton lineup`
/// gives it.
PredictOptions order_predict_options(const RelayOrder& order, PredictOptions options = {});

/// `options` for planning `order`: order_predict_options() and each drilled pair's calibrated
/// hand-off from the practice log (RelayOrder::calibrated), so plans, cards, reports and races
/// all use the mark `baton practice report` recommends and the time `baton lineup` gives;
/// unchanged for a team file.
RelayPlanOptions calibrated_plan_options(const RelayOrder& order, RelayPlanOptions options = {});

/// One card per runner: the pacing plan, the race-day timeline and the hand-off plan's hands
/// and marks (build_cards(), attach_relay_plan()), drilled pairs calibrated. Throws like
/// plan_pacing().
RelayCards relay_cards(const Workspace& ws, const RelayOrder& order);

}  // namespace baton
