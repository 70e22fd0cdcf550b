#include "baton/relay_splits.h"

#include <algorithm>
#include <cmath>

#include "baton/athlete_model.h"
#include "baton/handoff.h"
#include "baton/level_profile.h"

namespace baton {
namespace {

double to_hundredth(double s) { return std::round(s * 100.0) / 100.0; }

// The pass of blind exchange k relative to the incoming runner's crossing of scratch line k:
// the same hand-off the exchange term is priced on (the prediction's go-mark, the incoming
// runner's speed and slowing at the zone, the outgoing runner's curve, the team's reaction,
// reach and start), timed from the incoming runner reaching the go-mark.
// `past_line_m`, when given, receives where the baton changes hands, metres past the scratch
// line (negative: before it; 0 when the pair cannot exchange).
double blind_offset_s(const AthleteModel& in, const AthleteModel& out, const Event& e, int k,
                      const PredictOptions& o, double* past_line_m = nullptr) {
  if (past_line_m) *past_line_m = 0.0;
  double go_mark = 0.0;
  double start = 0.0;
  const double cost = exchange_cost_s(in, out, e, k, o, nullptr, &go_mark, &start);
  if (!std::isfinite(cost)) return 0.0;
  const LegPrediction leg = predict_leg(in, e, k, o);
  const ExchangeZone& z = e.exchanges[static_cast<size_t>(k)];
  const ExchangeSettings& x = o.exchange;
  HandoffParams p;
  p.incoming_speed_mps = std::min(leg.end_speed_mps, 15.0);
  p.incoming_decel_mps2 = std::clamp(leg.end_decel_mps2, 0.0, 5.0);
  p.outgoing = out.curve;
  p.reaction_s = x.blind_reaction_s;
  p.free_distance_m = x.exchange_reach_m(true);
  p.zone_length_m = z.zone_length_m;
  p.start_m = start;
  p.go_mark_m = go_mark;
  const HandoffResult h = solve_handoff(p);
  if (!h.exchanged) return 0.0;
  if (past_line_m) *past_line_m = h.baton_position_m - z.scratch_from_zone_start_m;
  // The incoming runner's time from the go-mark to the scratch line on their own curve.
  const double to_scratch = leg_run_up_m(e, k, o) + e.legs[static_cast<size_t>(k)].distance_m;
  const double gap = z.scratch_from_zone_start_m - p.start_m + go_mark;
  const double mark_to_scratch_s =
      model_time_s(in, to_scratch) - model_time_s(in, std::max(0.0, to_scratch - gap));
  return h.exchange_time_s - mark_to_scratch_s;
}

}  // namespace

std::vector<int> order_indices(const Team& team, const std::vector<std::string>& order) {
  std::vector<int> out;
  for (const std::string& name : order) {
    const Athlete& a = team.athlete(name);
    out.push_back(static_cast<int>(&a - team.athletes.data()));
  }
  return out;
}

namespace {

// Each exchange's pass of `order`: its offset from the incoming runner's crossing of the scratch
// line and its position past the line (0 and 0 for visual exchanges).
struct Pass {
  double offset_s = 0.0;
  double past_line_m = 0.0;
};

std::vector<Pass> passes(const Team& team, const Event& e, std::span<const int> order,
                         const PredictOptions& o) {
  std::vector<Pass> out;
  for (size_t k = 0; k + 1 < order.size() && k < e.exchanges.size(); ++k) {
    Pass pass;
    if (e.exchanges[k].blind) {
      const AthleteModel in = model_athlete(team.athletes[static_cast<size_t>(order[k])], o.model);
      const AthleteModel out_model =
          model_athlete(team.athletes[static_cast<size_t>(order[k + 1])], o.model);
      pass.offset_s = blind_offset_s(in, out_model, e, static_cast<int>(k), o, &pass.past_line_m);
    }
    out.push_back(pass);
  }
  return out;
}

}  // namespace

std::vector<double> pass_offsets_s(const Team& team, const Event& e, std::span<const int> order,
                                   const PredictOptions& o) {
  std::vector<double> out;
  for (const Pass& p : passes(team, e, order, o)) out.push_back(p.offset_s);
  return out;
}

std::vector<double> pass_positions_m(const Team& team, const Event& e, std::span<const int> order,
                                     const PredictOptions& o) {
  std::vector<double> out;
  for (const Pass& p : passes(team, e, order, options_for_team(team, o))) {
    out.push_back(p.past_line_m);
  }
  return out;
}

std::vector<double> baton_splits_s(const RelayCosts& costs, std::span<const int> order,
                                   std::span<const double> offsets) {
  const int legs = static_cast<int>(order.size());
  const double total = costs.team_time_s(order);
  std::vector<double> splits;
  double body = 0.0;  // the incoming runner's crossing of the next scratch line
  double last_pass = 0.0;
  for (int l = 0; l < legs; ++l) {
    body += costs.leg(order[l], l);
    double pass = total;
    if (l + 1 < legs) {
      const double offset = static_cast<size_t>(l) < offsets.size() ? offsets[l] : 0.0;
      // Never before the previous pass nor after the finish, kept to the hundredth.
      pass = std::clamp(to_hundredth(body + offset), last_pass, total);
      body += costs.exchange(l, order[l], order[l + 1]);
    }
    splits.push_back(pass - last_pass);
    last_pass = pass;
  }
  return splits;
}

RelayPrediction predict_splits(const Team& team, const Event& event,
                               const std::vector<std::string>& order, const PredictOptions& given) {
  // The team's level, as predict_relay() and relay_costs() resolve it, for the pass offsets.
  const PredictOptions options = options_for_team(team, given);
  RelayPrediction p = predict_relay(team, event, order, options);
  const std::vector<int> runners = order_indices(team, order);
  // The order's own terms, as predict_relay() summed them into the team time.
  RelayCosts costs(static_cast<int>(team.athletes.size()), static_cast<int>(runners.size()));
  for (size_t l = 0; l < runners.size(); ++l) {
    costs.leg(runners[l], static_cast<int>(l)) = p.legs[l].own_s;
    if (l + 1 < runners.size()) {
      costs.exchange(static_cast<int>(l), runners[l], runners[l + 1]) = p.legs[l].pair_s;
    }
  }
  const std::vector<double> splits =
      baton_splits_s(costs, runners, pass_offsets_s(team, event, runners, options));
  for (size_t l = 0; l < p.legs.size(); ++l) p.legs[l].split_s = splits[l];
  return p;
}

}  // namespace baton
