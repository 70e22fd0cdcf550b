// From a running order to a simulated own team, and from the practice log to pair records.
#include "baton/sim_team.h"

#include <algorithm>
#include <map>
#include <memory>
#include <tuple>

#include "baton/calibration.h"
#include "baton/relay_plan.h"

namespace baton {
namespace {

// Drills and clean rate only.
PracticeRecord counted(const std::vector<Drill>& drills) {
  PracticeRecord r;
  r.drills = static_cast<int>(drills.size());
  int clean = 0;
  for (const Drill& d : drills) clean += d.outcome == DrillOutcome::clean ? 1 : 0;
  if (r.drills > 0) r.clean_rate = static_cast<double>(clean) / r.drills;
  return r;
}

}  // namespace

PracticeRecord practice_record(const std::vector<Drill>& drills, const HandoffParams& nominal,
                               double target_m) {
  PracticeRecord r = counted(drills);
  if (drills.size() < 2) return r;
  long long latest = days_since_epoch(drills.front().date);
  for (const Drill& d : drills) latest = std::max(latest, days_since_epoch(d.date));
  std::vector<DrillObservation> obs;
  for (const Drill& d : drills) {
    obs.push_back(
        {d.go_mark_m, d.exchange_at_m, static_cast<double>(latest - days_since_epoch(d.date))});
  }
  r.timing_sd_m = std::min(calibrate_go_mark(nominal, obs, target_m).rms_residual_m, 10.0);
  return r;
}

PracticeLookup practice_lookup(Database& db, const Team& team, const Event& event) {
  using Pair = std::pair<std::string, std::string>;
  auto drills = std::make_shared<std::map<Pair, std::vector<Drill>>>();
  for (Drill& d : Practice(db).list()) (*drills)[{d.from, d.to}].push_back(std::move(d));
  auto cache =
      std::make_shared<std::map<std::tuple<int, std::string, std::string>, PracticeRecord>>();
  return [drills, cache, team, event](int k, const std::string& from, const std::string& to) {
    const auto found = drills->find({from, to});
    if (found == drills->end()) return PracticeRecord{};
    const auto key = std::make_tuple(k, from, to);
    if (const auto hit = cache->find(key); hit != cache->end()) return hit->second;
    PracticeRecord r;
    const bool blind = k >= 0 && k < static_cast<int>(event.exchanges.size()) &&
                       event.exchanges[static_cast<size_t>(k)].blind;
    if (blind) {
      const RelayPlanExchange x = plan_pair(team, event, k, from, to);
      r = practice_record(found->second, x.plan.handoff, x.plan.baton_position_m);
    } else {
      r = counted(found->second);  // go-marks and their calibration are for blind passes
    }
    cache->emplace(key, r);
    return r;
  };
}

SimTeam own_sim_team(const Team& team, const Event& event, const std::vector<std::string>& order,
                     std::string name, const PracticeLookup& practice) {
  const RelayPlan plan = build_relay_plan(team, event, order);
  SimTeam t;
  t.name = std::move(name);
  for (const RelayPlanLeg& leg : plan.legs) t.legs.push_back(SimLeg{leg.split_s, -1.0});
  for (size_t k = 0; k < plan.exchanges.size(); ++k) {
    SimExchange x;
    x.handoff = plan.exchanges[k].plan.handoff;
    x.blind = event.exchanges[k].blind;
    if (practice) {
      x.practice = practice(static_cast<int>(k), plan.exchanges[k].from, plan.exchanges[k].to);
    }
    t.exchanges.push_back(x);
  }
  return t;
}

}  // namespace baton
