// One pair's hand-off from the athlete models, in a coach's terms: the two runners by name,
// the event and which exchange. The same hand-off `baton plan` makes for them in a lineup.
//
// Example:
//   baton::HandoffPairRequest r{.event = "4x100", .exchange = 2, .from = "Maya Johnson",
//                               .to = "Lily Nguyen"};
//   const baton::PairHandoff h = baton::handoff_pair(ws, r);  // h.exchange.plan.go_mark_m, m
#pragma once

#include <optional>
#include <string>

#include "baton/go_mark.h"
#include "baton/hand_plan.h"
#include "baton/relay_plan.h"
#include "baton/workspace.h"

namespace baton {

/// Which pair and exchange, and how to plan it.
struct HandoffPairRequest {
  std::string event;                   ///< event id, required
  int exchange = 1;                    ///< 1 = leg 1 to leg 2
  std::string from;                    ///< incoming runner's name, required
  std::string to;                      ///< outgoing runner's name, required
  std::optional<Technique> technique;  ///< blind-pass technique (default: the plan's)
  GoMarkOptions spread;                ///< reaction and mark spread the go-mark allows for
  /// "go_mark_m": plan this go-mark (metres behind the outgoing runner's start, 0-60) instead
  /// of the best one: its pass point, speeds, risk and times. Blind exchanges only.
  std::optional<double> go_mark_m;
  /// "target_m": plan the go-mark that puts the pass at this baton position (metres from the
  /// zone's start, 0 to the zone's length). Blind exchanges only; not with go_mark_m.
  std::optional<double> target_m;
};

/// A pair's planned exchange and the event it belongs to.
struct PairHandoff {
  Event event;                 ///< the event, under the team's rules
  RelayPlanExchange exchange;  ///< the exchange as plan_pair() makes it, or at the asked mark
  /// With go_mark_m or target_m: the best mark's plan (plan_pair()), for comparison.
  std::optional<ExchangePlan> best;
  /// With target_m: the asked baton position, metres from the zone's start.
  std::optional<double> target_m;
};

/// The pair's planned exchange as plan_pair() makes it, a failed pass costing the exchange
/// (not the race). Throws ValidationError naming "event", "from" or "to" when missing and
/// "exchange" outside 1..exchanges of the event; NotFoundError naming "event", "from" or "to"
/// for an unknown one; ValidationError naming the spread's field ("reaction_sd_s",
/// "mark_sd_m", "failure_cost_s") out of range or "bests" for a runner without a model;
/// ValidationError naming "go_mark_m" or "target_m" for a value out of range, both given, a
/// visual exchange, or a target the pair cannot reach.
PairHandoff handoff_pair(const Workspace& ws, const HandoffPairRequest& request);

}  // namespace baton
