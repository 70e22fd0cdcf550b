#include "baton/relay_plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "baton/athlete_model.h"
#include "baton/chance.h"
#include "baton/error.h"
#include "baton/relay_splits.h"

namespace baton {
namespace {

HandoffParams base_params(const ExchangeZone& zone, const ExchangeHands& hands,
                          const PairMotion& pair, const ExchangeSettings& settings) {
  HandoffParams p;
  p.incoming_speed_mps = pair.incoming_speed_mps;
  p.incoming_decel_mps2 = pair.incoming_decel_mps2;
  p.outgoing = pair.outgoing;
  p.free_distance_m = hands.free_distance_m;
  p.zone_length_m = zone.zone_length_m;
  p.ease_mps2 = settings.ease_mps2;
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
  HandoffParams p = base_params(zone, hands, pair, settings);
  if (!hands.visual) {
    p.start_m = settings.blind_start_m;
    p.reaction_s = pair.blind_reaction_s.value_or(settings.blind_reaction_s);
    // The planned pass, the one the prediction prices (leg_prediction.h), so the plan's own
    // marks give its team time; then what the scatter of real passes does to that mark.
    const PlannedPass chosen = planned_blind_pass(p, settings);
    const HandoffResult& planned = chosen.pass;
    p.start_m = planned.start_m;  // the rule may have the runner stand further in
    fill_pass(plan, p, planned);
    plan.start_m = p.start_m;
    plan.failure_cost_s = settings.failure_cost_s;
    const GoMarkOptions spread{.exchange = settings};
    if (planned.exchanged) {
      const MarkRisk risk = evaluate_go_mark(p, planned.go_mark_m, spread);
      plan.p_illegal = risk.p_illegal;
      plan.p_late = risk.p_late;
      plan.expected_time_s = risk.expected_time_s;
      plan.legal_time_s = risk.legal_time_s;
      const double mark = planned.go_mark_m;
      plan.cost_short_s =
          evaluate_go_mark(p, std::max(0.0, mark - kMarkErrorProbeM), spread).expected_time_s -
          risk.expected_time_s;
      plan.cost_long_s =
          evaluate_go_mark(p, std::min(60.0, mark + kMarkErrorProbeM), spread).expected_time_s -
          risk.expected_time_s;
      if (risk.p_illegal > kMaxPlainRisk) {
        if (const auto safer = safer_go_mark(p, mark, kMaxPlainRisk, spread)) {
          plan.safer_go_mark_m = safer->go_mark_m;
          plan.safer_p_illegal = safer->p_illegal;
        }
      }
    }
    plan.go_mark_foot_lengths = plan.go_mark_m / pair.foot_length_m;
    plan.handoff = p;
    plan.handoff.go_mark_m = std::clamp(plan.go_mark_m, 0.0, 60.0);
    plan.cue = fmt::format(
        "stand {:.1f} m into the zone; put the mark {:.2f} m ({:.1f} foot lengths) back from "
        "your start; go when the incoming runner's foot hits it",
        plan.start_m, plan.go_mark_m, plan.go_mark_foot_lengths);
    if (planned.exchanged) {
      plan.rationale = fmt::format(
          "the baton should reach you {:.1f} m into the zone as you reach {:.0f} % of the incoming "
          "runner's speed ({:.2f} of {:.2f} m/s); a failed pass {}, a late pass after you "
          "ease {}",
          plan.baton_position_m, 100.0 * plan.outgoing_speed_mps / plan.incoming_speed_mps,
          plan.outgoing_speed_mps, plan.incoming_speed_mps, chance_text(plan.p_illegal),
          chance_text(plan.p_late));
      if (chosen.made_safer) {
        plan.made_safer = true;
        plan.speed_rule_go_mark_m = chosen.speed_rule_mark_m;
        plan.speed_rule_p_illegal = chosen.speed_rule_p_illegal;
        plan.rationale += fmt::format(
            "; the speed rule's mark, {:.2f} m, would fail {} of the time, so the mark is "
            "moved to the nearest one that fails at most {:.0f} %",
            chosen.speed_rule_mark_m, chance_text(chosen.speed_rule_p_illegal),
            100.0 * kMaxPlainRisk);
      }
    }
    return plan;
  }
  // Visual: the outgoing runner watches and goes on a cue distance. Aim the pass where the
  // outgoing runner has reached a fraction of the incoming speed, inside the zone.
  p.start_m = std::min(settings.visual_start_m, zone.zone_length_m);
  p.reaction_s = settings.visual_reaction_s;
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
  plan.legal_time_s = plan.baton_time_s;
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

// The exchange planned for the pair, calibrated when options.calibrated knows the pair's blind
// passes: the same plan with the pair's own reaction, TAU and incoming speed.
struct PlannedPair {
  ExchangePlan plan;
  CalibratedExchange calibrated;
};

PlannedPair planned_pair(const ExchangeZone& zone, const ExchangeHands& hands, PairMotion motion,
                         const ExchangeSettings& settings, const RelayPlanOptions& options,
                         int exchange_index, const std::string& from, const std::string& to) {
  PlannedPair out;
  out.plan = plan_exchange(zone, hands, motion, settings);
  if (hands.visual || !options.calibrated) return out;
  const std::optional<HandoffParams> c =
      options.calibrated(exchange_index, from, to, out.plan.handoff);
  if (!c) return out;
  motion.incoming_speed_mps = c->incoming_speed_mps;
  motion.outgoing.tau_s = c->outgoing.tau_s;
  motion.blind_reaction_s = c->reaction_s;
  ExchangePlan calibrated = plan_exchange(zone, hands, motion, settings);
  out.calibrated.calibrated = true;
  if (out.plan.legal && calibrated.legal) {
    out.calibrated.time_change_s = calibrated.baton_time_s - out.plan.baton_time_s;
  }
  out.plan = std::move(calibrated);
  return out;
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
  x.plan = planned_pair(event.exchanges[exchange_index], hands.exchanges[exchange_index],
                        pair_motion(ma, b, mb, event, exchange_index, options.predict), exchange,
                        options, exchange_index, x.from, x.to)
               .plan;
  return x;
}

RelayPlan build_relay_plan(const Team& team, const Event& event,
                           const std::vector<std::string>& order, const RelayPlanOptions& options) {
  const RelayPrediction prediction = predict_splits(team, event, order, options.predict);
  RelayPlan plan;
  plan.event = event.id;
  plan.team_time_s = prediction.team_time_s;
  plan.level = prediction.level;
  plan.level_inferred = prediction.level_inferred;
  plan.team_time_p10_s = prediction.team_time_p10_s;
  plan.team_time_p90_s = prediction.team_time_p90_s;
  plan.practice_s = options.predict.order_practice_s;
  plan.practice_s.resize(event.exchanges.size(), 0.0);
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
    const PlannedPair planned =
        planned_pair(event.exchanges[k], hands.exchanges[k],
                     pair_motion(models[k], *runners[k + 1], models[k + 1], event,
                                 static_cast<int>(k), options.predict),
                     exchange, options, static_cast<int>(k), x.from, x.to);
    x.plan = planned.plan;
    plan.calibrated.push_back(planned.calibrated);
    if (!x.plan.legal) {
      plan.warnings.push_back(
          fmt::format("exchange {} ({} to {}): {}", k + 1, x.from, x.to, x.plan.reason));
    } else if (x.plan.p_illegal > kMaxPlainRisk) {
      plan.warnings.push_back(
          x.plan.safer_go_mark_m > 0.0
              ? fmt::format(
                    "exchange {} ({} to {}): {:.0f} % risk of a failed pass at the {:.2f} m "
                    "mark; a {:.2f} m mark brings it to {}",
                    k + 1, x.from, x.to, 100.0 * x.plan.p_illegal, x.plan.go_mark_m,
                    x.plan.safer_go_mark_m, chance_text(x.plan.safer_p_illegal))
              : fmt::format(
                    "exchange {} ({} to {}): {:.0f} % risk of a failed pass at the {:.2f} m "
                    "mark and no other mark gets under {:.0f} %; drill this pair or "
                    "change the order",
                    k + 1, x.from, x.to, 100.0 * x.plan.p_illegal, x.plan.go_mark_m,
                    100.0 * kMaxPlainRisk));
    }
    plan.exchanges.push_back(x);
  }
  for (std::string& w : preference_clashes(hands, runners)) plan.warnings.push_back(w);
  return plan;
}

}  // namespace baton
