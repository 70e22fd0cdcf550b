// The planned hand-off that a pair's drills are calibrated against.
#include <fmt/format.h>

#include "baton/calibration.h"
#include "baton/relay_plan.h"

namespace baton {

PairTarget planned_pair_target(const Team& team, const Event& event, int exchange_index,
                               const std::string& from, const std::string& to,
                               const ExchangeSettings& settings) {
  const Location at{"", 0, "exchange"};
  if (exchange_index < 0 || exchange_index >= static_cast<int>(event.exchanges.size())) {
    throw ValidationError(
        fmt::format("the {} has exchanges 1 to {}", event.id, event.exchanges.size()), at);
  }
  if (!event.exchanges[static_cast<size_t>(exchange_index)].blind) {
    throw ValidationError(fmt::format("exchange {} of the {} is a visual pass: go-marks are for "
                                      "blind exchanges",
                                      exchange_index + 1, event.id),
                          at);
  }
  const Athlete& a = team.athlete(from, Location{"", 0, "from"});
  const Athlete& b = team.athlete(to, Location{"", 0, "to"});
  if (&a == &b) {
    throw ValidationError(a.name + " cannot hand the baton to themselves: name two runners",
                          Location{"", 0, "to"});
  }
  RelayPlanOptions options;
  options.predict.exchange = settings;
  const RelayPlanExchange x = plan_pair(team, event, exchange_index, a.name, b.name, options);
  PairTarget t;
  t.from = a.name;
  t.to = b.name;
  t.nominal = x.plan.handoff;
  t.target_m = x.plan.baton_position_m;
  t.foot_length_m = b.foot_length_m.value_or(kDefaultFootLengthM);
  return t;
}

}  // namespace baton
