// Practice records priced into lineup pair costs.
#include "baton/practice_costs.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "baton/go_mark.h"
#include "baton/relay_plan.h"

namespace baton {

void validate_practice_cost_options(const PracticeCostOptions& o) {
  const auto check = [](bool ok, const char* field, const char* range) {
    if (!ok) throw ValidationError(fmt::format("must be {}", range), Location{"", 0, field});
  };
  validate_exchange_settings(o.exchange);
  check(o.fumble_cost_s >= 0.0 && o.fumble_cost_s <= 60.0, "fumble_cost_s", "in [0, 60] s");
}

double practice_cost_s(const PairRecord& record, const HandoffParams& nominal, bool blind,
                       double failure_cost_s, const PracticeCostOptions& o,
                       std::optional<double> default_expected_s) {
  validate_practice_cost_options(o);
  if (record.drills <= 0) return 0.0;
  const ExchangeSettings& x = o.exchange;
  double cost = o.fumble_cost_s *
                (practice_fail_rate(record, x.practice_prior_fail_rate, x.practice_prior_drills) -
                 x.practice_prior_fail_rate);
  if (!blind) return cost;
  GoMarkOptions base{.exchange = x};
  base.exchange.failure_cost_s = std::clamp(failure_cost_s, 1.0, 1000.0);
  const double scale = practice_spread_scale(record, nominal.incoming_speed_mps, x.reaction_sd_s,
                                             x.mark_sd_m, x.practice_prior_drills);
  if (scale == 1.0) return cost;
  GoMarkOptions pair = base;
  pair.exchange.reaction_sd_s = std::min(0.3, x.reaction_sd_s * scale);
  pair.exchange.mark_sd_m = std::min(3.0, x.mark_sd_m * scale);
  // Clean passes are legal passes: a pair with no failed pass is never priced above one that
  // never drilled, whatever the scatter of its clean passes. And the other way round: a pair
  // that fails more often than the prior assumes gains nothing from the timing its drills
  // show, so logging drops never makes a pair look better than one that never drilled.
  const bool all_clean = record.clean >= record.drills;
  const bool failing = record.drills - record.clean > x.practice_prior_fail_rate * record.drills;
  const auto spread_term = [&](double s) {
    return all_clean ? std::min(0.0, s) : failing ? std::max(0.0, s) : s;
  };
  if (default_expected_s) {
    // The plan's mark under the pair's own spread against the same mark under the default one.
    return cost + spread_term(evaluate_go_mark(nominal, nominal.go_mark_m, pair).expected_time_s -
                              *default_expected_s);
  }
  const GoMarkPlan with_pair = best_go_mark(nominal, pair);
  if (!with_pair.feasible) return cost;
  const GoMarkPlan with_default = best_go_mark(nominal, base);
  if (with_default.feasible)
    cost += spread_term(with_pair.best.expected_time_s - with_default.best.expected_time_s);
  return cost;
}

namespace {

// The practice term of the pair `from` -> `to` at exchange k with its `record`, as
// add_practice_costs() prices it; 0 for a pair that never drilled.
double pair_practice_s(const Team& team, const Event& event, int k, const std::string& from,
                       const std::string& to, const PairRecord& record,
                       const PracticeCostOptions& o) {
  if (record.drills <= 0) return 0.0;
  const bool blind = event.exchanges[static_cast<size_t>(k)].blind;
  HandoffParams nominal;
  double failure_cost_s = o.exchange.failure_cost_s;
  std::optional<double> planned_expected_s;
  if (blind && record.drills >= 2 && record.timing_sd_m >= 0.0) {
    // The pair's plan, as `baton plan` makes it: its hand-off, failure cost and expected
    // baton time under the default spread.
    // A calibrated pair runs its own plan, priced against what the models' plan costs an
    // undrilled pair of the same speeds.
    RelayPlanOptions plan_options;
    plan_options.predict.exchange = o.exchange;
    RelayPlanOptions calibrated_options = plan_options;
    calibrated_options.calibrated = o.calibrated;
    const RelayPlanExchange x = plan_pair(team, event, k, from, to, calibrated_options);
    const RelayPlanExchange models =
        o.calibrated ? plan_pair(team, event, k, from, to, plan_options) : x;
    nominal = x.plan.handoff;
    failure_cost_s = x.plan.failure_cost_s;
    if (x.plan.legal && models.plan.legal) planned_expected_s = models.plan.expected_time_s;
  }
  return practice_cost_s(record, nominal, blind, failure_cost_s, o, planned_expected_s);
}

}  // namespace

int add_practice_costs(RelayCosts& costs, const Team& team, const Event& event,
                       const PracticeLookup& practice, const PracticeCostOptions& o) {
  validate_practice_cost_options(o);
  if (!practice) return 0;
  int changed = 0;
  const int n = costs.athletes;
  for (int k = 0; k + 1 < costs.legs; ++k) {
    for (int a = 0; a < n; ++a) {
      for (int b = 0; b < n; ++b) {
        if (!std::isfinite(costs.exchange(k, a, b))) continue;
        const std::string& from = team.athletes[static_cast<size_t>(a)].name;
        const std::string& to = team.athletes[static_cast<size_t>(b)].name;
        const PairRecord record = practice(k, from, to);
        if (record.drills <= 0) continue;
        costs.exchange(k, a, b) += pair_practice_s(team, event, k, from, to, record, o);
        ++changed;
      }
    }
  }
  return changed;
}

std::vector<double> order_practice_s(const Team& team, const Event& event,
                                     const std::vector<std::string>& order,
                                     const PracticeLookup& practice, const PracticeCostOptions& o) {
  validate_practice_cost_options(o);
  if (!practice) return {};
  std::vector<double> out;
  for (size_t k = 0; k + 1 < order.size() && k < event.exchanges.size(); ++k) {
    const int exchange = static_cast<int>(k);
    out.push_back(pair_practice_s(team, event, exchange, order[k], order[k + 1],
                                  practice(exchange, order[k], order[k + 1]), o));
  }
  return out;
}

}  // namespace baton
