#include "baton/practice_json.h"

#include <cmath>

namespace baton {
namespace {

double rounded(double v, double scale = 1000.0) { return std::round(v * scale) / scale; }

nlohmann::json mark_or_null(const HandoffResult& r) {
  return r.exchanged ? nlohmann::json(rounded(r.go_mark_m)) : nlohmann::json();
}

}  // namespace

nlohmann::json drill_to_json(const Drill& d) {
  nlohmann::json doc = {
      {"id", d.id},
      {"from", d.from},
      {"to", d.to},
      {"date", d.date},
      {"go_mark_m", d.go_mark_m},
      {"exchange_at_m", d.exchange_at_m},
      {"baton_time_s", d.baton_time_s ? nlohmann::json(rounded(*d.baton_time_s)) : nullptr},
      {"outcome", to_string(d.outcome)},
      {"zone_length_m", d.zone_length_m},
      {"note", d.note}};
  if (!d.key.empty()) doc["key"] = d.key;
  return doc;
}

nlohmann::json practice_report_to_json(const PracticeReport& r) {
  const PairRecord& rec = r.record;
  const Calibration& c = r.calibration;
  const HandoffParams& p = r.nominal;
  nlohmann::json doc = {
      {"pair", {{"from", r.from}, {"to", r.to}}},
      {"as_of", r.as_of},
      {"drills", rec.drills},
      {"clean", rec.clean},
      {"drops", rec.drops},
      {"mean_exchange_at_m", rec.drills ? nlohmann::json(rec.mean_exchange_at_m) : nullptr},
      {"sd_exchange_at_m", rec.drills > 1 ? nlohmann::json(rec.sd_exchange_at_m) : nullptr},
      {"p_clean", rec.p_clean() ? nlohmann::json(rounded(*rec.p_clean())) : nullptr},
      {"target_m", c.target_m},
      {"model_go_mark_m", mark_or_null(c.model)},
      {"recommended_go_mark_m", mark_or_null(c.recommended)},
      {"recommended_go_mark_foot_lengths",
       c.recommended.exchanged
           ? nlohmann::json(rounded(c.recommended.go_mark_m / r.foot_length_m, 10))
           : nlohmann::json()},
      {"foot_length_m", r.foot_length_m},
      {"nominal_reaction_s", c.nominal_reaction_s},
      {"effective_reaction_s", rounded(c.effective_reaction_s, 10000)},
      {"effective_drills", rounded(c.effective_drills)},
      {"half_life_days", r.half_life_days},
      {"exchange", r.exchange > 0 ? nlohmann::json(r.exchange) : nlohmann::json()},
      {"exchange_source", r.exchange_source},
      {"rms_residual_m", rounded(c.rms_residual_m)},
      {"reaction_at_bound", c.reaction_at_bound},
      {"physics",
       {{"incoming_speed_mps", rounded(p.incoming_speed_mps)},
        {"incoming_decel_mps2", rounded(p.incoming_decel_mps2)},
        {"outgoing_mss_mps", rounded(p.outgoing.mss_mps)},
        {"outgoing_tau_s", rounded(p.outgoing.tau_s)},
        {"free_distance_m", p.free_distance_m},
        {"zone_length_m", p.zone_length_m},
        {"start_m", rounded(p.start_m)}}}};
  if (!c.recommended.exchanged) doc["reason"] = c.recommended.reason;
  // The pair's calibrated exchange.
  const PairCalibration& pc = r.pair;
  doc["recommended_exchange_at_m"] = c.recommended.exchanged
                                         ? nlohmann::json(rounded(c.recommended.baton_position_m))
                                         : nlohmann::json();
  doc["recommended_start_m"] =
      c.recommended.exchanged ? nlohmann::json(rounded(c.recommended.start_m)) : nlohmann::json();
  doc["go_mark_m"] = r.go_mark_m ? nlohmann::json(rounded(*r.go_mark_m)) : nlohmann::json();
  doc["predicted_exchange_at_m"] = r.predicted_exchange_at_m
                                       ? nlohmann::json(rounded(*r.predicted_exchange_at_m))
                                       : nlohmann::json();
  const auto parameter = [](const FittedParameter& f) {
    return nlohmann::json{{"value", rounded(f.value, 10000)},
                          {"sd", rounded(f.sd, 10000)},
                          {"prior", rounded(f.prior, 10000)},
                          {"prior_sd", rounded(f.prior_sd, 10000)},
                          {"at_bound", f.at_bound}};
  };
  doc["parameters"] = {{"reaction_s", parameter(pc.reaction_s)},
                       {"outgoing_tau_s", parameter(pc.outgoing_tau_s)},
                       {"incoming_speed_mps", parameter(pc.incoming_speed_mps)}};
  doc["recommended_go_mark_sd_m"] = rounded(pc.mark_sd_m);
  doc["drill_sd_m"] = rounded(pc.drill_sd_m);
  nlohmann::json unexplained = nlohmann::json::array();
  for (const UnexplainedDrill& u : pc.unexplained) {
    unexplained.push_back({{"date", u.date},
                           {"go_mark_m", u.go_mark_m},
                           {"exchange_at_m", u.exchange_at_m},
                           {"residual_m", rounded(u.residual_m)},
                           {"reason", u.reason}});
  }
  doc["unexplained_drills"] = unexplained;
  return doc;
}

}  // namespace baton
