#include "baton/relay_splits.h"

#include <algorithm>
#include <cmath>

namespace baton {
namespace {

double to_hundredth(double s) { return std::round(s * 100.0) / 100.0; }

// predict_relay() of an order given as roster indices.
RelayPrediction predicted_order(const Team& team, const Event& e, std::span<const int> order,
                                const PredictOptions& o) {
  std::vector<std::string> names;
  for (int i : order) names.push_back(team.athletes.at(static_cast<size_t>(i)).name);
  return predict_relay(team, e, names, o);
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

std::vector<double> pass_offsets_s(const Team& team, const Event& e, std::span<const int> order,
                                   const PredictOptions& o) {
  std::vector<double> out;
  const RelayPrediction p = predicted_order(team, e, order, o);
  for (size_t l = 0; l + 1 < p.legs.size(); ++l) out.push_back(p.legs[l].pass_offset_s);
  return out;
}

std::vector<double> pass_positions_m(const Team& team, const Event& e, std::span<const int> order,
                                     const PredictOptions& o) {
  std::vector<double> out;
  const RelayPrediction p = predicted_order(team, e, order, o);
  for (size_t l = 0; l + 1 < p.legs.size(); ++l) out.push_back(p.legs[l].pass_m);
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
  std::vector<double> offsets;
  for (size_t l = 0; l + 1 < p.legs.size(); ++l) offsets.push_back(p.legs[l].pass_offset_s);
  const std::vector<double> splits = baton_splits_s(costs, runners, offsets);
  for (size_t l = 0; l < p.legs.size(); ++l) p.legs[l].split_s = splits[l];
  return p;
}

}  // namespace baton
