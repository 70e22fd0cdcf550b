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
};

/// A pair's planned exchange and the event it belongs to.
struct PairHandoff {
  Event event;                 ///< the event, under the team's rules
  RelayPlanExchange exchange;  ///< the exchange as plan_pair() makes it
};

/// The pair's planned exchange as plan_pair() makes it, a failed pass costing the exchange
/// (not the race). Throws ValidationError naming "event", "from" or "to" when missing and
/// "exchange" outside 1..exchanges of the event; NotFoundError naming "event", "from" or "to"
/// for an unknown one; ValidationError naming the spread's field ("reaction_sd_s",
/// "mark_sd_m", "failure_cost_s") out of range or "bests" for a runner without a model.
PairHandoff handoff_pair(const Workspace& ws, const HandoffPairRequest& request);

}  // namespace baton
