#include "baton/relay_order.h"

#include <fmt/format.h>

#include "baton/error.h"
#include "baton/lineup.h"
#include "baton/pacing.h"
#include "baton/practice_costs.h"
#include "baton/practice_lookup.h"
#include "baton/relay_plan.h"
#include "baton/timeline.h"
#include "workspace/query_parts.h"

namespace baton {

RelayOrder requested_order(const Workspace& ws, const OrderRequest& request) {
  const Team& team = ws.team();
  RelayOrder out;
  out.event =
      find_event(request.event, request.rules.value_or(team.rules), Location{"", 0, "event"});
  // The practice log's pair records, as `baton lineup` prices them (a team file has none).
  out.practice = ws.practice(out.event);
  out.calibrated = calibration_lookup(ws, out.event);
  PracticeCostOptions practice_options;
  practice_options.calibrated = out.calibrated;
  const PracticeLookup& practice = out.practice;
  if (request.order.empty()) {
    // The order `baton lineup` picks: the physics model with the records priced in, so a plan
    // of "the best order" plans that order.
    LineupRequest lineup = lineup_request(team, out.event);
    lineup.required_sex = request.sex;
    const detail::PricedCosts priced = detail::priced_costs(team, out.event, CostModel::physics,
                                                            practice, practice_options.calibrated);
    out.names = athlete_names(team, best_lineups(priced.costs, lineup).best.order);
    out.practice_s = order_practice_s(team, out.event, out.names, practice, practice_options);
    return out;
  }
  out.chosen = true;
  std::vector<int> runners;
  for (size_t i = 0; i < request.order.size(); ++i) {
    const std::string field = fmt::format("order.{}", i);
    const int a = detail::athlete_index(team, request.order[i], field);
    const std::string& name = team.athletes[static_cast<size_t>(a)].name;
    for (int r : runners) {
      if (r == a) throw ValidationError(name + " is in the order twice", Location{"", 0, field});
    }
    runners.push_back(a);
    out.names.push_back(name);
  }
  if (out.names.size() != out.event.legs.size()) {
    throw ValidationError(fmt::format("the {} has {} legs: name one runner for each, not {}",
                                      out.event.name, out.event.legs.size(), out.names.size()),
                          Location{"", 0, "order"});
  }
  out.practice_s = order_practice_s(team, out.event, out.names, practice, practice_options);
  return out;
}

PredictOptions order_predict_options(const RelayOrder& order, PredictOptions options) {
  options.order_practice_s = order.practice_s;
  return options;
}

RelayPlanOptions calibrated_plan_options(const RelayOrder& order, RelayPlanOptions options) {
  options.calibrated = order.calibrated;
  options.predict = order_predict_options(order, std::move(options.predict));
  return options;
}

RelayCards relay_cards(const Workspace& ws, const RelayOrder& order) {
  const Team& team = ws.team();
  const PacingPlan plan =
      plan_pacing(team, order.event, order.names, {}, order_predict_options(order));
  RelayCards out;
  out.cards = build_cards(team.name, order.event, plan, plan_timeline(plan, order.event));
  // Drilled pairs with their calibrated marks, as `baton plan` shows them.
  const RelayPlan relay =
      build_relay_plan(team, order.event, order.names, calibrated_plan_options(order));
  attach_relay_plan(out.cards, relay);
  out.team_time_s = plan.team_time_s;
  return out;
}

}  // namespace baton
