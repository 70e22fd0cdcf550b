#include "baton/relay_plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "baton/athlete_model.h"
#include "baton/error.h"
#include "baton/relay_splits.h"

namespace baton {
namespace {

// The outgoing runner's speed at a blind pass as a share of the incoming runner's, at least:
// real exchanges pass with the receiver close to full speed (the incoming runner above 96 % of
// their average 100 m speed, Fu, Yang & Chang 2014; passing later goes with better exchanges,
// Salo 2001, r = .667), docs/HANDOFFS.md "The pass a plan recommends".
constexpr double kMinPassSpeedRatio = 0.85;

// Speed ratio of the nominal pass at mark m: -1 when that pass is not legal, 1 for a late pass
// (the speeds had matched before it).
double pass_ratio(HandoffParams p, double m) {
  p.go_mark_m = m;
  const HandoffResult r = solve_handoff(p);
  if (!r.legal || !(r.incoming_speed_mps > 0.0)) return -1.0;
  if (r.late) return 1.0;
  return r.outgoing_speed_mps / r.incoming_speed_mps;
}

// The shortest mark whose pass as planned reaches kMinPassSpeedRatio, or nullopt when no legal
// pass as planned does. The ratio rises with the mark (a later pass, a faster receiver) up to
// the longest legal mark.
std::optional<double> shortest_mark_at_ratio(const HandoffParams& p, double longest_m) {
  // Just inside the longest legal mark (at it a late pass may just fail).
  double hi = longest_m;
  for (int i = 0; hi > 0.0 && pass_ratio(p, hi) < kMinPassSpeedRatio; ++i) {
    if (i >= 30) return std::nullopt;
    hi -= 0.1;
  }
  if (!(hi > 0.0)) return std::nullopt;
  double lo = 0.0;
  for (int i = 0; i < 60 && hi - lo > 1e-6; ++i) {
    const double mid = 0.5 * (lo + hi);
    (pass_ratio(p, mid) >= kMinPassSpeedRatio ? hi : lo) = mid;
  }
  return hi;
}

// The best mark at or beyond `from_m` (expected time, grid of 5 cm then golden section), up to
// `to_m`.
double best_mark_from(const HandoffParams& p, const GoMarkOptions& o, double from_m, double to_m) {
  const auto f = [&](double m) { return evaluate_go_mark(p, m, o).expected_time_s; };
  double best_m = from_m, best_e = f(from_m);
  for (double m = from_m + 0.05; m <= to_m; m += 0.05) {
    const double e = f(m);
    if (e < best_e) best_e = e, best_m = m;
  }
  double a = std::max(from_m, best_m - 0.05), b = std::min(to_m, best_m + 0.05);
  const double g = (std::sqrt(5.0) - 1.0) / 2.0;
  while (b - a > 1e-4) {
    const double c = b - g * (b - a), d = a + g * (b - a);
    (f(c) <= f(d) ? b : a) = (f(c) <= f(d) ? d : c);
  }
  const double refined = 0.5 * (a + b);
  return f(refined) <= best_e ? refined : best_m;
}

HandoffParams base_params(const ExchangeZone& zone, const ExchangeHands& hands,
                          const PairMotion& pair) {
  HandoffParams p;
  p.incoming_speed_mps = pair.incoming_speed_mps;
  p.incoming_decel_mps2 = pair.incoming_decel_mps2;
  p.outgoing = pair.outgoing;
  p.free_distance_m = hands.free_distance_m;
  p.zone_length_m = zone.zone_length_m;
  return p;
}

void fill_pass(ExchangePlan& plan, const HandoffParams& p, const HandoffResult& r) {
  plan.go_mark_m = r.go_mark_m;
  plan.baton_position_m = r.baton_position_m;
  plan.exchange_time_s = r.exchange_time_s;
  plan.incoming_speed_mps = r.incoming_speed_mps;
  plan.outgoing_speed_mps = r.outgoing_speed_mps;
  plan.legal = r.legal;
  plan.reason = r.reason;
  HandoffParams q = p;
  q.go_mark_m = std::clamp(r.go_mark_m, 0.0, 60.0);
  if (r.legal) plan.baton_time_s = baton_time_s(q).value_or(0.0);
}

}  // namespace

ExchangePlan plan_exchange(const ExchangeZone& zone, const ExchangeHands& hands,
                           const PairMotion& pair, const ExchangeSettings& settings) {
  if (!(pair.foot_length_m >= 0.1 && pair.foot_length_m <= 0.5)) {
    throw ValidationError(
        fmt::format("foot length must be 0.1-0.5 m (got {:g})", pair.foot_length_m),
        Location{"", 0, "foot_length_m"});
  }
  validate_exchange_settings(settings);
  ExchangePlan plan;
  plan.exchange = zone.number;
  plan.hands = hands;
  plan.zone_length_m = zone.zone_length_m;
  plan.scratch_from_zone_start_m = zone.scratch_from_zone_start_m;
  HandoffParams p = base_params(zone, hands, pair);
  if (!hands.visual) {
    p.start_m = settings.blind_start_m;
    p.reaction_s = settings.blind_reaction_s;
    p.ease_mps2 = settings.ease_mps2;
    const GoMarkOptions go{.exchange = settings};
    GoMarkPlan best = best_go_mark(p, go);
    // A pass with the receiver below kMinPassSpeedRatio of the incoming speed is not what real
    // exchanges do: take the best mark among those whose pass reaches it.
    const bool slow =
        best.nominal.legal && best.nominal.incoming_speed_mps > 0.0 &&
        best.nominal.outgoing_speed_mps < kMinPassSpeedRatio * best.nominal.incoming_speed_mps;
    const std::optional<double> from =
        slow ? shortest_mark_at_ratio(p, best.longest_legal_mark_m) : std::nullopt;
    if (from) {
      const double m = best_mark_from(p, go, *from, std::min(60.0, *from + 6.0));
      best.best = evaluate_go_mark(p, m, go);
      HandoffParams q = p;
      q.go_mark_m = m;
      best.nominal = solve_handoff(q);
      best.baton_time_s = baton_time_s(q).value_or(0.0);
      best.zone_end_margin_m = p.zone_length_m - best.nominal.baton_position_m;
      best.mark_margin_m = best.longest_legal_mark_m - m;
      best.cost_short_s =
          evaluate_go_mark(p, m - kMarkErrorProbeM, go).expected_time_s - best.best.expected_time_s;
      best.cost_long_s =
          evaluate_go_mark(p, m + kMarkErrorProbeM, go).expected_time_s - best.best.expected_time_s;
    }
    fill_pass(plan, p, best.nominal);
    plan.start_m = p.start_m;
    plan.p_illegal = best.best.p_illegal;
    plan.expected_time_s = best.best.expected_time_s;
    plan.failure_cost_s = settings.failure_cost_s;
    plan.cost_short_s = best.cost_short_s;
    plan.cost_long_s = best.cost_long_s;
    plan.p_late = best.best.p_late;
    if (!best.feasible) {
      plan.legal = false;
      plan.reason = best.reason;
    }
    plan.go_mark_foot_lengths = plan.go_mark_m / pair.foot_length_m;
    plan.handoff = p;
    plan.handoff.go_mark_m = std::clamp(plan.go_mark_m, 0.0, 60.0);
    plan.cue = fmt::format(
        "stand {:.1f} m into the zone; put the mark {:.2f} m ({:.1f} foot lengths) back from "
        "your start; go when the incoming runner's foot hits it",
        plan.start_m, plan.go_mark_m, plan.go_mark_foot_lengths);
    if (plan.legal && plan.incoming_speed_mps > 0.0) {
      plan.rationale = fmt::format(
          "the pass comes {:.1f} m into the {:g} m zone with the outgoing runner at {:.0f} % of "
          "the incoming runner's speed ({:.2f} of {:.2f} m/s); risk of a failed pass {:.1f} %; "
          "the mark 0.5 m long costs {:.2f} s on average, 0.5 m short {:.2f} s",
          plan.baton_position_m, plan.zone_length_m,
          100.0 * plan.outgoing_speed_mps / plan.incoming_speed_mps, plan.outgoing_speed_mps,
          plan.incoming_speed_mps, 100.0 * plan.p_illegal, plan.cost_long_s, plan.cost_short_s);
    }
    if (plan.p_illegal > kMaxPlainRisk) {
      const GoMarkOptions o{.exchange = settings};
      const std::optional<MarkRisk> safer = safer_go_mark(p, plan.go_mark_m, kMaxPlainRisk, o);
      if (safer) {
        HandoffParams q = p;
        q.go_mark_m = safer->go_mark_m;
        plan.safer_found = true;
        plan.safer_go_mark_m = safer->go_mark_m;
        plan.safer_p_illegal = safer->p_illegal;
        plan.safer_expected_time_s = safer->expected_time_s;
        plan.safer_baton_position_m = solve_handoff(q).baton_position_m;
        plan.risk_warning = fmt::format(
            "risk of a failed pass {:.1f} % (above {:.0f} %); safer: go-mark {:.2f} m ({:.1f} "
            "foot lengths), risk {:.1f} %, pass {:.1f} m into the zone",
            100.0 * plan.p_illegal, 100.0 * kMaxPlainRisk, safer->go_mark_m,
            safer->go_mark_m / pair.foot_length_m, 100.0 * safer->p_illegal,
            plan.safer_baton_position_m);
      } else {
        plan.risk_warning = fmt::format(
            "risk of a failed pass {:.1f} % (above {:.0f} %) and no go-mark brings it under: "
            "this pair should not exchange here",
            100.0 * plan.p_illegal, 100.0 * kMaxPlainRisk);
      }
    }
    return plan;
  }
  // Visual: the outgoing runner watches and goes on a cue distance. Aim the pass where the
  // outgoing runner has reached a fraction of the incoming speed, inside the zone.
  p.start_m = std::min(settings.visual_start_m, zone.zone_length_m);
  p.reaction_s = settings.visual_reaction_s;
  p.ease_mps2 = settings.ease_mps2;
  p.go_mark_m = 0.0;
  validate_handoff(p);
  const double v = settings.visual_speed_fraction * pair.incoming_speed_mps;
  const double run_m = v < pair.outgoing.mss_mps
                           ? sprint_distance_m(p.outgoing, sprint_time_at_speed_s(p.outgoing, v))
                           : zone.zone_length_m;
  const double latest = zone.zone_length_m - 2.0;
  const double target = std::clamp(p.start_m + run_m - 0.5 * p.free_distance_m,
                                   std::max(0.0, p.start_m), std::max(0.0, latest));
  const HandoffResult r = handoff_for_target(p, target);
  fill_pass(plan, p, r);
  plan.start_m = p.start_m;
  plan.expected_time_s = plan.baton_time_s;
  plan.go_mark_foot_lengths = plan.go_mark_m / pair.foot_length_m;
  plan.handoff = p;
  plan.handoff.go_mark_m = std::clamp(plan.go_mark_m, 0.0, 60.0);
  plan.cue = r.exchanged
                 ? fmt::format(
                       "stand {:.1f} m into the zone, watch, and go when the incoming runner is "
                       "{:.1f} m away; take the baton in the left hand about {:.1f} m into the "
                       "zone",
                       plan.start_m, plan.go_mark_m, plan.baton_position_m)
                 : fmt::format("stand {:.1f} m into the zone and wait for the incoming runner",
                               plan.start_m);
  return plan;
}

namespace {

PairMotion pair_motion(const AthleteModel& incoming, const Athlete& outgoing_athlete,
                       const AthleteModel& outgoing, const Event& event, int exchange_index,
                       const PredictOptions& predict) {
  const LegPrediction leg = predict_leg(incoming, event, exchange_index, predict);
  if (!std::isfinite(leg.split_s)) {
    throw ValidationError(fmt::format("{} has no usable mark for leg {} of the {}", incoming.name,
                                      exchange_index + 1, event.id),
                          Location{"", 0, "bests"});
  }
  PairMotion pair;
  pair.incoming_speed_mps = leg.end_speed_mps;
  pair.incoming_decel_mps2 = std::clamp(leg.end_decel_mps2, 0.0, 5.0);
  pair.outgoing = outgoing.curve;
  pair.foot_length_m = outgoing_athlete.foot_length_m.value_or(kDefaultFootLengthM);
  return pair;
}

}  // namespace

RelayPlanExchange plan_pair(const Team& team, const Event& event, int exchange_index,
                            const std::string& from, const std::string& to,
                            const RelayPlanOptions& options) {
  if (exchange_index < 0 || exchange_index >= static_cast<int>(event.exchanges.size())) {
    throw ValidationError(
        fmt::format("the {} has exchanges 1-{}", event.id, event.exchanges.size()),
        Location{"", 0, "exchange"});
  }
  const Athlete& a = team.athlete(from, {"--from", 0, ""});
  const Athlete& b = team.athlete(to, {"--to", 0, ""});
  const AthleteModel ma = model_athlete(a, options.predict.model);
  const AthleteModel mb = model_athlete(b, options.predict.model);
  const HandPlan hands = plan_hands(event, options.predict.exchange);
  ExchangeSettings exchange = options.predict.exchange;
  if (options.failure_costs_the_race) {
    // As in build_relay_plan, a failed pass loses the race; without the other runners the race
    // is estimated as the incoming runner running every leg.
    double race_s = 0.0;
    for (size_t l = 0; l < event.legs.size(); ++l) {
      race_s += predict_leg(ma, event, static_cast<int>(l), options.predict).split_s;
    }
    if (std::isfinite(race_s)) exchange.failure_cost_s = std::clamp(race_s, 1.0, 1000.0);
  }
  RelayPlanExchange x;
  x.from = a.name;
  x.to = b.name;
  x.plan = plan_exchange(event.exchanges[exchange_index], hands.exchanges[exchange_index],
                         pair_motion(ma, b, mb, event, exchange_index, options.predict), exchange);
  return x;
}

RelayPlan build_relay_plan(const Team& team, const Event& event,
                           const std::vector<std::string>& order, const RelayPlanOptions& options) {
  const RelayPrediction prediction = predict_splits(team, event, order, options.predict);
  RelayPlan plan;
  plan.event = event.id;
  plan.team_time_s = prediction.team_time_s;
  plan.team_time_p10_s = prediction.team_time_p10_s;
  plan.team_time_p90_s = prediction.team_time_p90_s;
  const HandPlan hands = plan_hands(event, options.predict.exchange);
  std::vector<const Athlete*> runners;
  std::vector<AthleteModel> models;
  for (const RelayLegResult& leg : prediction.legs) {
    const Athlete& a = team.athlete(leg.athlete);
    runners.push_back(&a);
    models.push_back(model_athlete(a, options.predict.model));
    RelayPlanLeg l;
    l.leg = leg.leg;
    l.athlete = leg.athlete;
    l.distance_m = leg.distance_m;
    l.split_s = leg.split_s;
    l.hands = hands.legs[static_cast<size_t>(leg.leg - 1)];
    plan.legs.push_back(l);
  }
  ExchangeSettings exchange = options.predict.exchange;
  if (options.failure_costs_the_race && std::isfinite(plan.team_time_s)) {
    exchange.failure_cost_s = std::clamp(plan.team_time_s, 1.0, 1000.0);
  }
  for (size_t k = 0; k < event.exchanges.size(); ++k) {
    RelayPlanExchange x;
    x.from = plan.legs[k].athlete;
    x.to = plan.legs[k + 1].athlete;
    x.plan = plan_exchange(event.exchanges[k], hands.exchanges[k],
                           pair_motion(models[k], *runners[k + 1], models[k + 1], event,
                                       static_cast<int>(k), options.predict),
                           exchange);
    if (!x.plan.legal) {
      plan.warnings.push_back(
          fmt::format("exchange {} ({} to {}): {}", k + 1, x.from, x.to, x.plan.reason));
    }
    if (!x.plan.risk_warning.empty()) {
      plan.warnings.push_back(
          fmt::format("exchange {} ({} to {}): {}", k + 1, x.from, x.to, x.plan.risk_warning));
    }
    plan.exchanges.push_back(x);
  }
  for (std::string& w : preference_clashes(hands, runners)) plan.warnings.push_back(w);
  // The team time of the plan's own marks: each blind exchange's pair term at the mark the plan
  // gives (rather than the prediction's aimed pass), the difference carried by the outgoing
  // runner's split so the splits still add up.
  for (size_t k = 0; k < plan.exchanges.size(); ++k) {
    const ExchangePlan& x = plan.exchanges[k].plan;
    if (x.hands.visual || !x.legal) continue;
    const int ki = static_cast<int>(k);
    const double own =
        exchange_cost_at_mark_s(models[k], models[k + 1], event, ki, x.go_mark_m, options.predict);
    const double aimed = exchange_cost_s(models[k], models[k + 1], event, ki, options.predict);
    if (!std::isfinite(own) || !std::isfinite(aimed)) continue;
    plan.legs[k + 1].split_s += own - aimed;
    plan.team_time_s += own - aimed;
    plan.team_time_p10_s += own - aimed;
    plan.team_time_p90_s += own - aimed;
  }
  return plan;
}

}  // namespace baton
