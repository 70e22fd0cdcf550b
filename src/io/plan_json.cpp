#include "baton/plan_json.h"

#include <optional>

namespace baton {

nlohmann::json handoff_to_json(const HandoffParams& p, const HandoffResult& r,
                               double foot_length_m) {
  nlohmann::json j;
  j["go_mark_m"] = r.go_mark_m;
  j["go_mark_foot_lengths"] = r.go_mark_m / foot_length_m;
  j["foot_length_m"] = foot_length_m;
  j["exchange_time_s"] = r.exchange_time_s;
  j["baton_position_m"] = r.baton_position_m;
  j["incoming_speed_mps"] = r.incoming_speed_mps;
  j["outgoing_speed_mps"] = r.outgoing_speed_mps;
  j["legal"] = r.legal;
  j["exchanged"] = r.exchanged;
  j["closest_gap_m"] = r.closest_gap_m;
  j["zone_end_margin_m"] = p.zone_length_m - r.baton_position_m;
  j["zone_length_m"] = p.zone_length_m;
  j["start_m"] = p.start_m;
  j["free_distance_m"] = p.free_distance_m;
  if (!r.legal) j["reason"] = r.reason;
  if (r.legal) {
    HandoffParams q = p;
    q.go_mark_m = r.go_mark_m;
    if (const std::optional<double> t = baton_time_s(q)) j["baton_time_s"] = *t;
  }
  return j;
}

nlohmann::json go_mark_to_json(const HandoffParams& p, const GoMarkPlan& plan,
                               const GoMarkOptions& o, double foot_length_m) {
  nlohmann::json j = handoff_to_json(p, plan.nominal, foot_length_m);
  if (!plan.feasible && j["legal"] == true) {
    j["legal"] = false;
    j["reason"] = plan.reason;
  }
  j["p_illegal"] = plan.best.p_illegal;
  j["expected_time_s"] = plan.best.expected_time_s;
  j["optimal"] = {{"expected_time_s", plan.best.expected_time_s},
                  {"legal_time_s", plan.best.legal_time_s},
                  {"p_illegal", plan.best.p_illegal},
                  {"p_before_zone", plan.best.p_before_zone},
                  {"p_beyond_zone", plan.best.p_beyond_zone},
                  {"p_no_exchange", plan.best.p_no_exchange},
                  {"mark_margin_m", plan.mark_margin_m},
                  {"longest_legal_mark_m", plan.longest_legal_mark_m},
                  {"cost_short_0_5m_s", plan.cost_short_s},
                  {"cost_long_0_5m_s", plan.cost_long_s},
                  {"reaction_sd_s", o.exchange.reaction_sd_s},
                  {"mark_sd_m", o.exchange.mark_sd_m},
                  {"failure_cost_s", o.exchange.failure_cost_s},
                  {"feasible", plan.feasible},
                  {"reason", plan.reason}};
  return j;
}

nlohmann::json hands_to_json(const HandPlan& plan) {
  nlohmann::json legs = nlohmann::json::array();
  for (const LegHands& l : plan.legs) {
    legs.push_back({{"leg", l.leg},
                    {"receive_hand", to_string(l.receive_hand)},
                    {"carry_hand", to_string(l.carry_hand)},
                    {"switch_hands", l.switch_hands},
                    {"lane_side", l.lane_side}});
  }
  nlohmann::json xs = nlohmann::json::array();
  for (const ExchangeHands& x : plan.exchanges) {
    xs.push_back({{"exchange", x.exchange},
                  {"visual", x.visual},
                  {"technique", to_string(x.technique)},
                  {"free_distance_m", x.free_distance_m},
                  {"carry_hand_in", to_string(x.carry_hand_in)},
                  {"receive_hand", to_string(x.receive_hand)},
                  {"same_hand", x.same_hand}});
  }
  return {{"legs", legs}, {"exchanges", xs}, {"warnings", plan.warnings}};
}

nlohmann::json exchange_to_json(const RelayPlanExchange& x) {
  const ExchangePlan& p = x.plan;
  nlohmann::json j = {{"exchange", p.exchange},
                      {"from", x.from},
                      {"to", x.to},
                      {"visual", p.hands.visual},
                      {"technique", to_string(p.hands.technique)},
                      {"free_distance_m", p.hands.free_distance_m},
                      {"carry_hand_in", to_string(p.hands.carry_hand_in)},
                      {"receive_hand", to_string(p.hands.receive_hand)},
                      {"same_hand", p.hands.same_hand},
                      {"zone_length_m", p.zone_length_m},
                      {"scratch_from_zone_start_m", p.scratch_from_zone_start_m},
                      {"start_m", p.start_m},
                      {"go_mark_m", p.go_mark_m},
                      {"go_mark_foot_lengths", p.go_mark_foot_lengths},
                      {"baton_position_m", p.baton_position_m},
                      {"exchange_time_s", p.exchange_time_s},
                      {"incoming_speed_mps", p.incoming_speed_mps},
                      {"outgoing_speed_mps", p.outgoing_speed_mps},
                      {"baton_time_s", p.baton_time_s},
                      {"p_illegal", p.p_illegal},
                      {"expected_time_s", p.expected_time_s},
                      {"legal_time_s", p.legal_time_s},
                      {"cost_short_0_5m_s", p.cost_short_s},
                      {"cost_long_0_5m_s", p.cost_long_s},
                      {"legal", p.legal},
                      {"cue", p.cue}};
  if (!p.legal) j["reason"] = p.reason;
  if (!p.hands.visual) {
    j["p_late"] = p.p_late;
    j["rationale"] = p.rationale;
    if (p.safer_go_mark_m > 0.0) {
      j["safer_go_mark_m"] = p.safer_go_mark_m;
      j["safer_p_illegal"] = p.safer_p_illegal;
    }
    j["made_safer"] = p.made_safer;
    if (p.made_safer) {
      j["speed_rule_go_mark_m"] = p.speed_rule_go_mark_m;
      j["speed_rule_p_illegal"] = p.speed_rule_p_illegal;
    }
  }
  return j;
}

nlohmann::json relay_plan_to_json(const RelayPlan& plan) {
  nlohmann::json legs = nlohmann::json::array();
  for (const RelayPlanLeg& l : plan.legs) {
    legs.push_back({{"leg", l.leg},
                    {"athlete", l.athlete},
                    {"distance_m", l.distance_m},
                    {"split_s", l.split_s},
                    {"carry_hand", to_string(l.hands.carry_hand)},
                    {"receive_hand", to_string(l.hands.receive_hand)},
                    {"switch_hands", l.hands.switch_hands},
                    {"lane_side", l.hands.lane_side}});
  }
  nlohmann::json xs = nlohmann::json::array();
  for (size_t k = 0; k < plan.exchanges.size(); ++k) {
    nlohmann::json x = exchange_to_json(plan.exchanges[k]);
    // Whether the pair's drills calibrated this exchange (its mark is the practice report's).
    x["calibrated"] = k < plan.calibrated.size() && plan.calibrated[k].calibrated;
    // What the pair's practice record adds to the team time (as `baton lineup` prices it).
    x["practice_s"] = k < plan.practice_s.size() ? plan.practice_s[k] : 0.0;
    xs.push_back(std::move(x));
  }
  return {{"event", plan.event},
          {"team_time_s", plan.team_time_s},
          {"team_time_p10_s", plan.team_time_p10_s},
          {"team_time_p90_s", plan.team_time_p90_s},
          {"level", to_string(plan.level)},
          {"level_inferred", plan.level_inferred},
          {"legs", legs},
          {"exchanges", xs},
          {"warnings", plan.warnings}};
}

}  // namespace baton
