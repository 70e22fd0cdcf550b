#include "baton/lineup_query.h"

#include <fmt/format.h>

#include <algorithm>

#include "baton/error.h"
#include "baton/leg_prediction.h"
#include "baton/naive_costs.h"
#include "baton/practice_costs.h"
#include "baton/relay_splits.h"
#include "workspace/query_parts.h"

namespace baton {

CostModel parse_cost_model(std::string_view text, const Location& where) {
  if (text == "physics") return CostModel::physics;
  if (text == "open") return CostModel::open;
  throw ValidationError(fmt::format("unknown cost model '{}'; known: physics, open", text), where);
}

std::string_view to_string(CostModel model) {
  return model == CostModel::open ? "open" : "physics";
}

double LineupAnswer::practice_s() const {
  return result.best.team_time_s - without_practice.team_time_s(result.best.order);
}

std::vector<std::string> athlete_names(const Team& team, const std::vector<int>& athletes) {
  std::vector<std::string> out;
  for (int a : athletes) out.push_back(team.athletes[static_cast<size_t>(a)].name);
  return out;
}

namespace detail {

int athlete_index(const Team& team, std::string_view name, const std::string& field) {
  const Athlete& a = team.athlete(name, Location{"", 0, field});
  return static_cast<int>(&a - team.athletes.data());
}

LineupRequest resolve_lineup(const Team& team, const Event& event, const LineupQuery& query) {
  LineupRequest req = lineup_request(team, event);
  req.required_sex = query.sex;
  req.top_k = query.top;
  for (const std::string& name : query.exclude) {
    const int a = athlete_index(team, name, "exclude");
    if (std::find(req.excluded.begin(), req.excluded.end(), a) == req.excluded.end()) {
      req.excluded.push_back(a);
    }
  }
  const int legs = static_cast<int>(event.legs.size());
  for (const auto& [leg, name] : query.locks) {
    const std::string field = fmt::format("locks.{}", leg);
    if (leg < 1 || leg > legs) {
      throw ValidationError(fmt::format("a leg of the {} is 1 to {}", event.id, legs),
                            Location{"", 0, field});
    }
    req.locked_legs[leg - 1] = athlete_index(team, name, field);
  }
  return req;
}

PricedCosts priced_costs(const Team& team, const Event& event, CostModel model,
                         const PracticeLookup& practice, const PairCalibrationLookup& calibrated) {
  PricedCosts out;
  out.costs = model == CostModel::open ? open_time_costs(team, event) : relay_costs(team, event);
  out.without_practice = out.costs;
  if (model == CostModel::physics) {
    PracticeCostOptions o;
    o.calibrated = calibrated;
    out.practice_pair_terms = add_practice_costs(out.costs, team, event, practice, o);
  }
  return out;
}

}  // namespace detail

LineupAnswer find_lineups(const Workspace& ws, const LineupQuery& query) {
  const Team& team = ws.team();
  LineupAnswer a;
  a.event = find_event(query.event, team.rules, Location{"", 0, "event"});
  a.model = query.model;
  const LineupRequest req = detail::resolve_lineup(team, a.event, query);
  const bool practice = query.practice && query.model == CostModel::physics;
  detail::PricedCosts priced = detail::priced_costs(
      team, a.event, query.model, practice ? ws.practice(a.event) : PracticeLookup{},
      practice ? calibration_lookup(ws, a.event) : PairCalibrationLookup{});
  a.costs = std::move(priced.costs);
  a.without_practice = std::move(priced.without_practice);
  a.practice_pair_terms = priced.practice_pair_terms;
  a.result = best_lineups(a.costs, req);
  a.order = athlete_names(team, a.result.best.order);
  a.estimated = query.model == CostModel::physics ? estimated_legs(team, a.event, a.order)
                                                  : std::vector<bool>(a.order.size(), false);
  a.splits_s = baton_splits_s(a.costs, a.result.best.order,
                              query.model == CostModel::physics
                                  ? pass_offsets_s(team, a.event, a.result.best.order)
                                  : std::vector<double>{});
  return a;
}

}  // namespace baton
