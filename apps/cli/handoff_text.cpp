// The hand-off of a named pair (baton handoff --from A --to B): its text and JSON.
#include "cli/handoff_text.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

#include "baton/chance.h"
#include "baton/plan_json.h"

namespace baton::cli {

nlohmann::json pair_handoff_json(const PairHandoff& h) {
  const RelayPlanExchange& x = h.exchange;
  nlohmann::json j = exchange_to_json(x);
  if (h.best) {
    j["chosen_by"] = h.target_m ? "target" : "go_mark";
    j["best_go_mark_m"] = h.best->go_mark_m;
    j["best_p_illegal"] = h.best->p_illegal;
    j["best_expected_time_s"] = h.best->expected_time_s;
  } else {
    j["chosen_by"] = "best";
  }
  return j;
}

std::string mark_error_text(double cost_s) {
  const long h = std::lround(100.0 * cost_s);
  if (h == 0) return "changes it by under a hundredth";
  return fmt::format("{} {} hundredth{}", h > 0 ? "costs" : "saves", std::labs(h),
                     std::labs(h) == 1 ? "" : "s");
}

std::string pair_handoff_text(const PairHandoff& h) {
  const RelayPlanExchange& x = h.exchange;
  const ExchangePlan& p = x.plan;
  std::string out = fmt::format(
      "{} exchange {}: {} -> {} ({}, {} hand to {} hand, {:.2f} m free distance)\n", h.event.name,
      p.exchange, x.from, x.to, p.hands.visual ? "visual" : to_string(p.hands.technique),
      to_string(p.hands.carry_hand_in), to_string(p.hands.receive_hand), p.hands.free_distance_m);
  out += fmt::format("  incoming     {:.2f} m/s at the pass; outgoing {:.2f} m/s\n",
                     p.incoming_speed_mps, p.outgoing_speed_mps);
  out += fmt::format(
      "  {}     {:.2f} m = {:.1f} foot lengths back from the start ({:.1f} m into "
      "the zone)\n",
      p.hands.visual ? "cue " : "mark", p.go_mark_m, p.go_mark_foot_lengths, p.start_m);
  out += fmt::format("  pass         {:.1f} m into the {:g} m zone (scratch line at {:g} m)\n",
                     p.baton_position_m, p.zone_length_m, p.scratch_from_zone_start_m);
  if (p.legal) {
    out +=
        fmt::format("  time         pass {:.2f} s after the {}; baton {:.2f} s through the zone\n",
                    p.exchange_time_s, p.hands.visual ? "cue" : "mark", p.baton_time_s);
  }
  if (!p.hands.visual) {
    out += fmt::format("  risk         {} illegal or no pass; 0.5 m short {}, 0.5 m long {}\n",
                       chance_text(p.p_illegal), mark_error_text(p.cost_short_s),
                       mark_error_text(p.cost_long_s));
  }
  out += "  cue          " + p.cue + "\n";
  if (!p.rationale.empty()) out += "  why          " + p.rationale + "\n";
  if (p.safer_go_mark_m > 0.0) {
    out += fmt::format("  safer        a {:.2f} m mark: {} risk of a failed pass\n",
                       p.safer_go_mark_m, chance_text(p.safer_p_illegal));
  }
  if (!p.legal) out += "  NOT LEGAL: " + p.reason + "\n";
  if (h.best) {
    out += fmt::format(
        "  {} {}; the planned mark is {:.2f} m ({} risk, expected {:.2f} s through the zone "
        "against {:.2f} s here)\n",
        h.target_m ? "mark for the target" : "your mark",
        h.target_m ? fmt::format("{:.1f} m: {:.2f} m", *h.target_m, p.go_mark_m)
                   : fmt::format("{:.2f} m", p.go_mark_m),
        h.best->go_mark_m, chance_text(h.best->p_illegal), h.best->expected_time_s,
        p.expected_time_s);
  }
  return out;
}

}  // namespace baton::cli
