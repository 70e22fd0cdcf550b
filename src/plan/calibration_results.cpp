#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "baton/athlete_model.h"
#include "baton/calibration.h"
#include "baton/date.h"
#include "baton/relay_splits.h"
#include "baton/units.h"

namespace baton {

namespace {

// `baton predict`'s baton-to-baton splits of one running order, computed once per order.
class PredictedSplits {
 public:
  PredictedSplits(const Team& team, const PredictOptions& options)
      : team_(team), options_(options) {}

  // The predicted split of leg `leg` (1-based) of `order` in `event`; NaN when the order
  // cannot be predicted (a runner no longer on the roster or without a usable mark).
  double split_s(const Event& event, const std::vector<std::string>& order, int leg) {
    auto key = std::make_pair(event.id, order);
    auto it = cache_.find(key);
    if (it == cache_.end()) {
      std::vector<double> splits;
      try {
        for (const RelayLegResult& l : predict_splits(team_, event, order, options_).legs) {
          splits.push_back(l.split_s);
        }
      } catch (const Error&) {
        splits.clear();
      }
      it = cache_.emplace(std::move(key), std::move(splits)).first;
    }
    const auto i = static_cast<size_t>(leg - 1);
    return i < it->second.size() ? it->second[i] : std::nan("");
  }

 private:
  const Team& team_;
  const PredictOptions& options_;
  std::map<std::pair<std::string, std::vector<std::string>>, std::vector<double>> cache_;
};

double fat_split_s(const RaceSplit& s, double distance_m) {
  if (!s.hand_timed) return s.split_s;
  return s.split_s + (s.leg == 1 ? hand_to_fat_offset_s(distance_m) : kHandFlyingSplitOffsetS);
}

}  // namespace

double race_recency_weight(std::string_view date, std::string_view newest) {
  if (date.empty() || newest.empty()) return 1.0;
  const double age = static_cast<double>(days_since_epoch(newest) - days_since_epoch(date));
  return age <= 0.0 ? 1.0 : std::exp2(-age / kRaceHalfLifeDays);
}

std::string newest_result_date(const std::vector<RelayResult>& results) {
  std::string newest;
  for (const RelayResult& r : results) newest = std::max(newest, r.date);
  return newest;
}

std::vector<OpenEquivalent> open_equivalents(const Team& team, const std::vector<RaceSplit>& splits,
                                             const PredictOptions& options,
                                             std::string_view newest) {
  std::string newest_split;
  if (newest.empty()) {
    for (const RaceSplit& s : splits) newest_split = std::max(newest_split, s.date);
    newest = newest_split;
  }
  std::vector<OpenEquivalent> out;
  std::map<std::string, AthleteModel> models;
  PredictedSplits predicted(team, options);
  for (const RaceSplit& s : splits) {
    const Athlete& a = team.athlete(s.athlete, Location{"", 0, "athlete"});
    const Event e = find_event(s.event, team.rules, Location{"", 0, "event"});
    if (s.leg < 1 || s.leg > static_cast<int>(e.legs.size())) {
      throw ValidationError(fmt::format("{} has no leg {}", e.id, s.leg), Location{"", 0, "leg"});
    }
    auto it = models.find(a.name);
    if (it == models.end()) {
      try {
        it = models.emplace(a.name, model_athlete(a, options.model)).first;
      } catch (const ValidationError&) {
        continue;  // no sprint model for this runner: nothing to compare with
      }
    }
    const AthleteModel& m = it->second;
    OpenEquivalent q;
    q.split = s;
    q.distance_m = e.legs[static_cast<size_t>(s.leg - 1)].distance_m;
    // The baseline is what `baton predict` shows for this leg of this order; a split without
    // an order can only be held against the runner's own leg.
    q.predicted_split_s = s.order.empty() ? predict_leg(m, e, s.leg - 1, options).split_s
                                          : predicted.split_s(e, s.order, s.leg);
    q.model_open_s = open_time_s(m, q.distance_m);
    const Best* best = a.best_at(q.distance_m);
    q.base_open_s = best ? best->fat_s() : q.model_open_s;
    q.fat_split_s = fat_split_s(s, q.distance_m);
    q.weight = (s.hand_timed ? kHandSplitWeight : 1.0) * race_recency_weight(s.date, newest);
    if (!std::isfinite(q.predicted_split_s) || !(q.predicted_split_s > 0) ||
        !std::isfinite(q.base_open_s) || !(s.split_s > 0)) {
      continue;
    }
    q.open_equivalent_s = q.base_open_s * q.fat_split_s / q.predicted_split_s;
    out.push_back(q);
  }
  return out;
}

Team team_updated_from_races(const Team& team, const std::vector<OpenEquivalent>& equivalents) {
  Team out = team;
  // athlete -> distance -> (open-equivalent, weight)
  std::map<std::string, std::map<double, std::vector<std::pair<double, double>>>> by;
  for (const OpenEquivalent& q : equivalents) {
    const Athlete* a = team.find(q.split.athlete);
    if (a) by[a->name][q.distance_m].emplace_back(q.open_equivalent_s, q.weight);
  }
  for (Athlete& a : out.athletes) {
    const auto it = by.find(a.name);
    if (it == by.end()) continue;
    for (const auto& [distance, times] : it->second) {
      double sum = 0;
      double weight = 0;
      if (const Best* b = a.best_at(distance)) {
        sum += b->fat_s();
        weight += 1.0;
      }
      for (const auto& [t, w] : times) {
        sum += w * t;
        weight += w;
      }
      if (weight > 0) a.set_best(Best{distance, Mark{sum / weight, false}});
    }
  }
  return out;
}

std::vector<RaceSplit> race_splits(const Team& team, const std::vector<RelayResult>& results,
                                   const std::string& athlete) {
  std::vector<RaceSplit> splits;
  for (const RelayResult& r : results) {
    for (size_t i = 0; i < r.splits_s.size() && i < r.order.size(); ++i) {
      const Athlete* runner = team.find(r.order[i]);
      if (!runner || (!athlete.empty() && runner->name != athlete)) continue;
      const bool hand = i < r.splits_hand.size() && r.splits_hand[i];
      splits.push_back(
          {runner->name, r.event, static_cast<int>(i + 1), r.splits_s[i], r.date, r.order, hand});
    }
  }
  return splits;
}

Team team_learned_from_results(const Team& team, const std::vector<RelayResult>& results,
                               const PredictOptions& options) {
  const std::vector<RaceSplit> splits = race_splits(team, results);
  if (splits.empty()) return team;
  return team_updated_from_races(
      team, open_equivalents(team, splits, options, newest_result_date(results)));
}

std::vector<AthleteProgressPoint> athlete_progress(const Team& roster,
                                                   const std::vector<RelayResult>& results,
                                                   const std::string& athlete, double distance_m,
                                                   const PredictOptions& options) {
  const std::string name = roster.athlete(athlete, Location{"", 0, "athlete"}).name;
  const std::vector<OpenEquivalent> mine =
      open_equivalents(roster, race_splits(roster, results, name), options);
  std::map<std::string, std::vector<double>> by_date;
  for (const OpenEquivalent& q : mine) {
    if (std::abs(q.distance_m - distance_m) < 1e-9) {
      by_date[q.split.date].push_back(q.open_equivalent_s);
    }
  }
  std::vector<AthleteProgressPoint> out;
  for (const auto& [date, times] : by_date) {
    std::vector<RelayResult> upto;
    for (const RelayResult& r : results) {
      if (r.date <= date) upto.push_back(r);
    }
    AthleteProgressPoint p;
    p.date = date;
    p.splits = static_cast<int>(times.size());
    for (double t : times) p.open_equivalent_s += t / static_cast<double>(times.size());
    const Team learned = team_learned_from_results(roster, upto, options);
    p.learned_best_s = learned.athlete(name).best_at(distance_m)->fat_s();
    out.push_back(p);
  }
  return out;
}

}  // namespace baton
