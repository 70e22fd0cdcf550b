// The practice log and the results log turned into pair records for planning and simulation.
#include "baton/practice_lookup.h"

#include <algorithm>
#include <map>
#include <memory>
#include <tuple>

#include "baton/practice.h"
#include "baton/practice_report.h"
#include "baton/relay_plan.h"
#include "baton/results.h"

namespace baton {

PracticeLookup practice_lookup(Database& db, const Team& team, const Event& event,
                               bool with_races) {
  using Pair = std::pair<std::string, std::string>;
  auto drills = std::make_shared<std::map<Pair, std::vector<Drill>>>();
  for (Drill& d : Practice(db).list()) (*drills)[{d.from, d.to}].push_back(std::move(d));
  // Passes in logged races count too: clean unless the baton was dropped at that exchange. A
  // disqualification without a drop and a DNF (did not finish, cause not recorded) cannot be
  // charged to any exchange, nor do they show how far the baton went, so those races are left
  // out.
  struct RacePasses {
    int passes = 0;
    int clean = 0;
  };
  auto races = std::make_shared<std::map<Pair, RacePasses>>();
  for (const RelayResult& r : with_races ? Results(db).list() : std::vector<RelayResult>{}) {
    if ((r.dq && !r.dropped_leg) || r.dnf) continue;
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
            // Timing scatter against the pair's own calibrated exchange (practice_record()).
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

PairCalibrationLookup calibration_lookup(Database& db, const Event& event) {
  using Pair = std::pair<std::string, std::string>;
  auto drills = std::make_shared<std::map<Pair, std::vector<Drill>>>();
  for (Drill& d : Practice(db).list()) (*drills)[{d.from, d.to}].push_back(std::move(d));
  struct Fit {
    HandoffParams nominal;
    HandoffParams calibrated;
  };
  auto cache = std::make_shared<std::map<std::tuple<int, std::string, std::string>, Fit>>();
  return [drills, cache, event](int k, const std::string& from, const std::string& to,
                                const HandoffParams& nominal) -> std::optional<HandoffParams> {
    const bool blind = k >= 0 && k < static_cast<int>(event.exchanges.size()) &&
                       event.exchanges[static_cast<size_t>(k)].blind;
    if (!blind) return std::nullopt;
    const auto found = drills->find({from, to});
    if (found == drills->end() || found->second.empty()) return std::nullopt;
    const auto key = std::make_tuple(k, from, to);
    const auto same = [](const HandoffParams& a, const HandoffParams& b) {
      return a.incoming_speed_mps == b.incoming_speed_mps &&
             a.incoming_decel_mps2 == b.incoming_decel_mps2 &&
             a.outgoing.mss_mps == b.outgoing.mss_mps && a.outgoing.tau_s == b.outgoing.tau_s &&
             a.reaction_s == b.reaction_s && a.free_distance_m == b.free_distance_m &&
             a.zone_length_m == b.zone_length_m && a.start_m == b.start_m &&
             a.ease_mps2 == b.ease_mps2;
    };
    if (const auto hit = cache->find(key);
        hit != cache->end() && same(hit->second.nominal, nominal))
      return hit->second.calibrated;
    std::string latest;
    for (const Drill& d : found->second) latest = std::max(latest, d.date);
    const PairCalibration c = calibrate_pair(nominal, drill_observations(found->second, latest));
    (*cache)[key] = Fit{nominal, c.calibrated};
    return c.calibrated;
  };
}

PairCalibrationLookup calibration_lookup(const Workspace& ws, const Event& event) {
  if (!ws.has_logs()) return {};
  return calibration_lookup(ws.database(), event);
}

}  // namespace baton
