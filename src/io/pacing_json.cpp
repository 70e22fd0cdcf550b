// JSON documents of pacing plans and race-day timelines (keys are contracts: add, never rename).
#include "baton/pacing_json.h"

#include "baton/error.h"

namespace baton {

nlohmann::json pacing_to_json(const std::vector<PacePoint>& points) {
  nlohmann::json out = nlohmann::json::array();
  for (const PacePoint& p : points) out.push_back({{"at_m", p.at_m}, {"time_s", p.time_s}});
  return out;
}

nlohmann::json to_json(const LegPacing& leg) {
  return {{"leg", leg.leg},
          {"athlete", leg.athlete},
          {"distance_m", leg.distance_m},
          {"split_s", leg.split_s},
          {"estimated", leg.estimated},
          {"style", std::string(to_string(leg.style))},
          {"start_after_gun_s", leg.start_after_gun_s},
          {"start_after_gun_sd_s", leg.start_after_gun_sd_s},
          {"differential_s", leg.differential_s},
          {"start_allowance_s", leg.start_allowance_s},
          {"pacing", pacing_to_json(leg.pacing)},
          {"runner_targets", pacing_to_json(leg.runner_targets)},
          {"takes_baton_at_m", leg.takes_baton_at_m},
          {"hands_on_at_m", leg.hands_on_at_m}};
}

nlohmann::json to_json(const PacingPlan& plan) {
  nlohmann::json legs = nlohmann::json::array();
  for (const LegPacing& l : plan.legs) legs.push_back(to_json(l));
  return {{"event", plan.event}, {"team_time_s", plan.team_time_s}, {"legs", legs}};
}

void add_pacing_to_legs(nlohmann::json& plan_json, const PacingPlan& pacing) {
  nlohmann::json& legs = plan_json.at("legs");
  if (legs.size() != pacing.legs.size()) {
    throw ValidationError("the relay plan and the pacing plan have different legs",
                          {"", 0, "legs"});
  }
  for (size_t l = 0; l < legs.size(); ++l) {
    const LegPacing& p = pacing.legs[l];
    legs[l]["pacing"] = pacing_to_json(p.pacing);
    legs[l]["start_after_gun_s"] = p.start_after_gun_s;
    legs[l]["start_after_gun_sd_s"] = p.start_after_gun_sd_s;
    legs[l]["pacing_style"] = std::string(to_string(p.style));
  }
}

nlohmann::json to_json(const RaceTimeline& t) {
  nlohmann::json runners = nlohmann::json::array();
  for (const RunnerTimeline& r : t.runners) {
    runners.push_back({{"leg", r.leg},
                       {"athlete", r.athlete},
                       {"where", r.where},
                       {"final_warmup_s", r.final_warmup_s},
                       {"report_s", r.report_s},
                       {"start_after_gun_s", r.start_after_gun_s},
                       {"start_after_gun_sd_s", r.start_after_gun_sd_s},
                       {"earliest_start_s", r.earliest_start_s},
                       {"wait_s", r.wait_s}});
  }
  return {{"event", t.event},
          {"team_time_s", t.team_time_s},
          {"waiting_order", t.waiting_order},
          {"runners", runners}};
}

}  // namespace baton
