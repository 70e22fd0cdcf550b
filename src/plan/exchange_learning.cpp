#include "baton/exchange_learning.h"

#include <cmath>

#include "baton/calibration.h"
#include "baton/level_profile.h"

namespace baton {

ExchangeEfficiency learn_exchange_efficiency(const Team& runners,
                                             const std::vector<RelayResult>& results,
                                             const PredictOptions& options) {
  ExchangeEfficiency out;
  // The prediction with nothing learned about the team: the level's exchanges.
  PredictOptions prior = options;
  prior.learned_blind_exchange_s = 0.0;
  prior.learned_visual_exchange_s = 0.0;
  prior = options_for_team(runners, prior);
  out.level = *prior.level;
  out.level_blind_exchange_s =
      prior.blind_exchange_loss_s.value_or(level_profile(out.level).blind_exchange_loss_s);
  out.level_visual_exchange_s = prior.visual_exchange_loss_s;

  // Normal equations of the ridge fit (see the header): A d = b, A = P I + sum w f f^T.
  const double p = out.prior_weight;
  const std::string newest = newest_result_date(results);
  double a11 = p, a12 = 0, a22 = p, b1 = 0, b2 = 0;
  for (const RelayResult& r : results) {
    if (!r.team_time_s || r.dropped_leg || r.dq) continue;
    RaceResidual x;
    x.result_id = r.id;
    x.date = r.date;
    x.meet = r.meet;
    x.event = r.event;
    x.order = r.order;
    x.with_splits = !r.splits_s.empty();
    x.actual_s = *r.team_time_s;
    x.weight = race_recency_weight(r.date, newest);
    try {
      const Event e = find_event(r.event, runners.rules);
      x.predicted_s = predict_relay(runners, e, r.order, prior).team_time_s;
      for (const ExchangeZone& z : e.exchanges)
        ++(z.blind ? x.blind_exchanges : x.visual_exchanges);
    } catch (const Error&) {
      continue;  // a runner who left, or one without a usable mark: nothing to compare with
    }
    const int n = x.blind_exchanges + x.visual_exchanges;
    if (n == 0 || !std::isfinite(x.predicted_s)) continue;
    x.residual_s = x.actual_s - x.predicted_s;
    const double f1 = static_cast<double>(x.blind_exchanges) / n;
    const double f2 = static_cast<double>(x.visual_exchanges) / n;
    const double per_exchange = x.residual_s / n;
    a11 += x.weight * f1 * f1;
    a12 += x.weight * f1 * f2;
    a22 += x.weight * f2 * f2;
    b1 += x.weight * f1 * per_exchange;
    b2 += x.weight * f2 * per_exchange;
    out.weight += x.weight;
    out.races.push_back(x);
  }
  const double det = a11 * a22 - a12 * a12;  // > 0: A is P I plus a positive semidefinite sum
  out.blind_learned_s = (a22 * b1 - a12 * b2) / det;
  out.visual_learned_s = (a11 * b2 - a12 * b1) / det;
  for (RaceResidual& x : out.races) {
    x.next_change_s =
        x.blind_exchanges * out.blind_learned_s + x.visual_exchanges * out.visual_learned_s;
  }
  return out;
}

Team with_exchange_efficiency(Team team, const ExchangeEfficiency& efficiency) {
  team.blind_exchange_learned_s = efficiency.blind_learned_s;
  team.visual_exchange_learned_s = efficiency.visual_learned_s;
  return team;
}

Team team_learned_from_races(const Team& roster, const std::vector<RelayResult>& results,
                             const PredictOptions& options) {
  const Team runners = team_learned_from_results(roster, results, options);
  return with_exchange_efficiency(runners, learn_exchange_efficiency(runners, results, options));
}

}  // namespace baton
