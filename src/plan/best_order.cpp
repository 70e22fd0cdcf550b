// The fastest running order of a roster, by name.
#include "baton/lineup.h"

namespace baton {

std::vector<std::string> best_order(const Team& team, const Event& event,
                                    std::optional<Sex> required_sex,
                                    const PredictOptions& predict) {
  LineupRequest req = lineup_request(team, event);
  if (event.sex_rule == SexRule::single_sex) req.required_sex = required_sex;
  const LineupResult r = best_lineups(relay_costs(team, event, predict), req);
  std::vector<std::string> order;
  for (int a : r.best.order) order.push_back(team.athletes[static_cast<size_t>(a)].name);
  return order;
}

}  // namespace baton
