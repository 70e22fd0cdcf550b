#include "baton/handoff_pair.h"

#include <fmt/format.h>

#include <cmath>

#include "baton/practice_lookup.h"

namespace baton {
namespace {

constexpr double kLongestMarkM = 60.0;  // as far back as best_go_mark() looks, metres

// The plan of `best` with the go-mark moved to `mark`: the pass it gives with the nominal
// reaction, and the risk, expected time and 0.5 m costs under the same spreads.
ExchangePlan plan_at_mark(const ExchangePlan& best, double mark, double foot_length_m,
                          const ExchangeSettings& settings) {
  ExchangePlan p = best;
  // The planned mark's reasons and safer alternative belong to it, not to this mark.
  p.rationale.clear();
  p.safer_go_mark_m = 0.0;
  p.safer_p_illegal = 0.0;
  HandoffParams h = best.handoff;
  h.go_mark_m = mark;
  const HandoffResult r = solve_handoff(h);
  const GoMarkOptions spread{.exchange = settings};
  const MarkRisk risk = evaluate_go_mark(h, mark, spread);
  p.go_mark_m = mark;
  p.go_mark_foot_lengths = mark / foot_length_m;
  p.baton_position_m = r.baton_position_m;
  p.exchange_time_s = r.exchange_time_s;
  p.incoming_speed_mps = r.incoming_speed_mps;
  p.outgoing_speed_mps = r.outgoing_speed_mps;
  p.legal = r.legal;
  p.reason = r.reason;
  p.baton_time_s = r.legal ? baton_time_s(h).value_or(0.0) : 0.0;
  p.p_illegal = risk.p_illegal;
  p.expected_time_s = risk.expected_time_s;
  p.cost_short_s =
      evaluate_go_mark(h, std::max(0.0, mark - kMarkErrorProbeM), spread).expected_time_s -
      risk.expected_time_s;
  p.cost_long_s =
      evaluate_go_mark(h, mark + kMarkErrorProbeM, spread).expected_time_s - risk.expected_time_s;
  p.handoff = h;
  p.cue = fmt::format(
      "stand {:.1f} m into the zone; put the mark {:.2f} m ({:.1f} foot lengths) back from your "
      "start; go when the incoming runner's foot hits it",
      p.start_m, p.go_mark_m, p.go_mark_foot_lengths);
  return p;
}

}  // namespace

PairHandoff handoff_pair(const Workspace& ws, const HandoffPairRequest& request) {
  if (request.event.empty()) throw ValidationError("is required", Location{"", 0, "event"});
  if (request.from.empty()) throw ValidationError("is required", Location{"", 0, "from"});
  if (request.to.empty()) throw ValidationError("is required", Location{"", 0, "to"});
  if (request.go_mark_m && request.target_m) {
    throw ValidationError("give a go-mark or a target, not both", Location{"", 0, "go_mark_m"});
  }
  if (request.go_mark_m && !(*request.go_mark_m >= 0.0 && *request.go_mark_m <= kLongestMarkM)) {
    throw ValidationError(
        fmt::format("must be 0-{:g} m behind the outgoing runner's start (got {:g})", kLongestMarkM,
                    *request.go_mark_m),
        Location{"", 0, "go_mark_m"});
  }
  const Team& team = ws.team();
  const std::string& from = ws.athlete_name(request.from, "from");
  const std::string& to = ws.athlete_name(request.to, "to");
  const Event event = find_event(request.event, team.rules, Location{"", 0, "event"});
  const int count = static_cast<int>(event.exchanges.size());
  if (request.exchange < 1 || request.exchange > count) {
    throw ValidationError(
        fmt::format("must be 1-{} for the {} (got {})", count, event.id, request.exchange),
        Location{"", 0, "exchange"});
  }
  RelayPlanOptions options;
  options.failure_costs_the_race = false;
  options.predict.exchange = request.spread.exchange;
  if (request.technique) options.predict.exchange.blind_technique = *request.technique;
  // A drilled pair's own exchange, as `baton plan` and `practice report` have it.
  options.calibrated = calibration_lookup(ws, event);
  RelayPlanExchange x = plan_pair(team, event, request.exchange - 1, from, to, options);
  PairHandoff out{event, x, std::nullopt, request.target_m};
  if (!request.go_mark_m && !request.target_m) return out;
  const std::string field = request.go_mark_m ? "go_mark_m" : "target_m";
  const ExchangePlan& best = x.plan;
  if (best.hands.visual) {
    throw ValidationError(fmt::format("exchange {} of the {} is visual: the outgoing runner goes "
                                      "on a cue, there is no go-mark to set",
                                      request.exchange, event.id),
                          Location{"", 0, field});
  }
  double mark = request.go_mark_m.value_or(0.0);
  if (request.target_m) {
    const double target = *request.target_m;
    if (!(target >= 0.0 && target <= best.zone_length_m)) {
      throw ValidationError(fmt::format("must be 0-{:g} m from the zone's start (got {:g})",
                                        best.zone_length_m, target),
                            Location{"", 0, field});
    }
    const HandoffResult r = handoff_for_target(best.handoff, target);
    if (!r.exchanged || !r.legal) {
      throw ValidationError(
          fmt::format("{} and {} cannot pass {:g} m into the zone: {}", from, to, target,
                      r.reason.empty() ? "no go-mark puts the pass there" : r.reason),
          Location{"", 0, field});
    }
    mark = r.go_mark_m;
  }
  const Athlete& outgoing = team.athlete(to);
  out.best = best;
  out.exchange.plan = plan_at_mark(best, mark, outgoing.foot_length_m.value_or(kDefaultFootLengthM),
                                   options.predict.exchange);
  return out;
}

}  // namespace baton
