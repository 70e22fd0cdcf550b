// From a running order to a simulated own team, and from the practice log to pair records.
#include "baton/sim_team.h"

#include <algorithm>
#include <map>
#include <memory>
#include <tuple>

#include "baton/calibration.h"
#include "baton/practice_report.h"
#include "baton/relay_plan.h"
#include "baton/results.h"

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
  // Aged from the latest drill (YYYY-MM-DD dates order as text).
  std::string latest = drills.front().date;
  for (const Drill& d : drills) latest = std::max(latest, d.date);
  r.timing_sd_m = std::min(
      calibrate_go_mark(nominal, drill_observations(drills, latest), target_m).rms_residual_m,
      10.0);
  return r;
}

PracticeLookup practice_lookup(Database& db, const Team& team, const Event& event) {
  using Pair = std::pair<std::string, std::string>;
  auto drills = std::make_shared<std::map<Pair, std::vector<Drill>>>();
  for (Drill& d : Practice(db).list()) (*drills)[{d.from, d.to}].push_back(std::move(d));
  // Passes in logged races count too: clean unless the baton was dropped at that exchange. A
  // disqualification without a drop has no known cause, so that race is left out.
  struct RacePasses {
    int passes = 0;
    int clean = 0;
  };
  auto races = std::make_shared<std::map<Pair, RacePasses>>();
  for (const RelayResult& r : Results(db).list()) {
    if (r.dq && !r.dropped_leg) continue;
    for (size_t k = 0; k + 1 < r.order.size(); ++k) {
      RacePasses& p = (*races)[{r.order[k], r.order[k + 1]}];
      ++p.passes;
      p.clean += r.dropped_leg && *r.dropped_leg == static_cast<int>(k) + 2 ? 0 : 1;
    }
  }
  auto cache =
      std::make_shared<std::map<std::tuple<int, std::string, std::string>, PracticeRecord>>();
  return
      [drills, races, cache, team, event](int k, const std::string& from, const std::string& to) {
        const auto found = drills->find({from, to});
        const auto raced = races->find({from, to});
        if (found == drills->end() && raced == races->end()) return PracticeRecord{};
        const auto key = std::make_tuple(k, from, to);
        if (const auto hit = cache->find(key); hit != cache->end()) return hit->second;
        PracticeRecord r;
        if (found != drills->end()) {
          const bool blind = k >= 0 && k < static_cast<int>(event.exchanges.size()) &&
                             event.exchanges[static_cast<size_t>(k)].blind;
          if (blind) {
            const RelayPlanExchange x = plan_pair(team, event, k, from, to);
            r = practice_record(found->second, x.plan.handoff, x.plan.baton_position_m);
          } else {
            r = counted(found->second);  // go-marks and their calibration are for blind passes
          }
        }
        if (raced != races->end()) {
          const double clean = r.clean_rate * r.drills + raced->second.clean;
          r.drills += raced->second.passes;
          r.clean_rate = clean / r.drills;
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
  for (const RelayPlanLeg& leg : plan.legs) {
    // The runner's own day-form spread when the roster has one, else the simulation default.
    const std::optional<double> form = team.athlete(leg.athlete).form_sd_percent;
    t.legs.push_back(SimLeg{leg.split_s, form ? *form / 100.0 * leg.split_s : -1.0});
  }
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
