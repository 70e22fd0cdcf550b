#include "common/race_models_json.h"

#include <cmath>
#include <optional>
#include <string>

namespace baton {
namespace {

double r3(double v) { return std::round(v * 1000) / 1000; }

template <typename T>
nlohmann::json or_null(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}

}  // namespace

nlohmann::json models_json(const RaceModels& m) {
  nlohmann::json legs = nlohmann::json::array();
  for (const OpenEquivalent& q : m.legs) {
    legs.push_back({{"date", q.split.date},
                    {"athlete", q.split.athlete},
                    {"event", q.split.event},
                    {"leg", q.split.leg},
                    {"distance_m", q.distance_m},
                    {"split_s", q.split.split_s},
                    {"predicted_split_s", r3(q.predicted_split_s)},
                    {"model_open_s", r3(q.model_open_s)},
                    {"open_equivalent_s", r3(q.open_equivalent_s)},
                    {"hand_timed", q.split.hand_timed},
                    {"fat_split_s", r3(q.fat_split_s)},
                    {"base_open_s", r3(q.base_open_s)},
                    {"weight", q.weight}});
  }
  nlohmann::json athletes = nlohmann::json::array();
  for (const LearnedMark& x : m.marks) {
    athletes.push_back({{"athlete", x.athlete},
                        {"distance_m", x.distance_m},
                        {"best_s", or_null(x.best_s)},
                        {"updated_s", r3(x.updated_s)}});
  }
  const ExchangeEfficiency& x = m.team;
  nlohmann::json races = nlohmann::json::array();
  for (const RaceResidual& r : x.races) {
    races.push_back({{"id", r.result_id},
                     {"date", r.date},
                     {"meet", r.meet},
                     {"event", r.event},
                     {"order", r.order},
                     {"with_splits", r.with_splits},
                     {"actual_s", r3(r.actual_s)},
                     {"predicted_s", r3(r.predicted_s)},
                     {"residual_s", r3(r.residual_s)},
                     {"blind_exchanges", r.blind_exchanges},
                     {"visual_exchanges", r.visual_exchanges},
                     {"weight", r.weight},
                     {"next_change_s", r3(r.next_change_s)}});
  }
  nlohmann::json team = {{"level", std::string(to_string(x.level))},
                         {"level_blind_exchange_s", r3(x.level_blind_exchange_s)},
                         {"level_visual_exchange_s", r3(x.level_visual_exchange_s)},
                         {"prior_weight", x.prior_weight},
                         {"weight", x.weight},
                         {"blind_learned_s", r3(x.blind_learned_s)},
                         {"visual_learned_s", r3(x.visual_learned_s)},
                         {"races", races}};
  return {{"legs", legs}, {"athletes", athletes}, {"team", team}};
}

}  // namespace baton
