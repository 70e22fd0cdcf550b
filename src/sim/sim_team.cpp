// From a running order to a simulated own team.
#include "baton/sim_team.h"

#include "baton/level_profile.h"
#include "baton/relay_plan.h"

namespace baton {
SimTeam own_sim_team(const Team& team, const Event& event, const std::vector<std::string>& order,
                     std::string name, const PracticeLookup& practice,
                     const ExchangeSettings& settings, const PairCalibrationLookup& calibrated) {
  RelayPlanOptions options;
  options.predict.exchange = settings;
  options.calibrated = calibrated;
  const RelayPlan plan = build_relay_plan(team, event, order, options);
  SimTeam t;
  t.name = std::move(name);
  for (const RelayPlanLeg& leg : plan.legs) t.runners.push_back(leg.athlete);
  for (const RelayPlanLeg& leg : plan.legs) {
    // The runner's own day-form spread when the roster has one, else the simulation default.
    const std::optional<double> form = team.athlete(leg.athlete).form_sd_percent;
    t.legs.push_back(SimLeg{leg.split_s, form ? *form / 100.0 * leg.split_s : -1.0});
  }
  const double fitted_scatter_s = level_profile(plan.level).blind_scatter_cost_s;
  for (size_t k = 0; k < plan.exchanges.size(); ++k) {
    SimExchange x;
    x.handoff = plan.exchanges[k].plan.handoff;
    x.blind = event.exchanges[k].blind;
    if (x.blind) x.scatter_allowance_s = fitted_scatter_s;
    if (practice) {
      x.practice = practice(static_cast<int>(k), plan.exchanges[k].from, plan.exchanges[k].to);
    }
    t.exchanges.push_back(x);
  }
  return t;
}

}  // namespace baton
