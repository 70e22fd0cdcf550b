// The practice log and the results log turned into pair records for planning and simulation.
#include "baton/practice_lookup.h"

#include <map>
#include <memory>
#include <tuple>

#include "baton/practice.h"
#include "baton/relay_plan.h"
#include "baton/results.h"

namespace baton {

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
  auto cache = std::make_shared<std::map<std::tuple<int, std::string, std::string>, PairRecord>>();
  return
      [drills, races, cache, team, event](int k, const std::string& from, const std::string& to) {
        const auto found = drills->find({from, to});
        const auto raced = races->find({from, to});
        if (found == drills->end() && raced == races->end()) return PairRecord{};
        const auto key = std::make_tuple(k, from, to);
        if (const auto hit = cache->find(key); hit != cache->end()) return hit->second;
        PairRecord r;
        if (found != drills->end()) {
          const bool blind = k >= 0 && k < static_cast<int>(event.exchanges.size()) &&
                             event.exchanges[static_cast<size_t>(k)].blind;
          if (blind) {
            const RelayPlanExchange x = plan_pair(team, event, k, from, to);
            r = practice_record(found->second, x.plan.handoff, x.plan.baton_position_m);
          } else {
            r = summarize_drills(found->second);  // go-marks are calibrated for blind passes
          }
        }
        if (raced != races->end()) {
          r.clean += raced->second.clean;
          r.drills += raced->second.passes;
          r.race_passes += raced->second.passes;
        }
        cache->emplace(key, r);
        return r;
      };
}

}  // namespace baton
