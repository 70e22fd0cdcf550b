#include "baton/meet_assignments.h"

#include <algorithm>
#include <stdexcept>

namespace baton {

MeetAthleteLoad meet_athlete_load(const MeetLineupRequest& request, const MeetLineupResult& result,
                                  int athlete) {
  MeetAthleteLoad load;
  load.athlete = athlete;
  for (size_t i = 0; i < result.relays.size(); ++i) {
    const MeetRelayLineup& l = result.relays[i];
    for (size_t leg = 0; leg < l.order.size(); ++leg) {
      if (l.order[leg] == athlete) {
        load.legs.push_back({static_cast<int>(i), l.event_index, l.team, static_cast<int>(leg)});
      }
    }
  }
  load.relays = static_cast<int>(load.legs.size());
  const size_t a = static_cast<size_t>(athlete);
  load.events = load.relays + (a < request.events_already.size() ? request.events_already[a] : 0);
  return load;
}

std::vector<MeetAthleteLoad> meet_athlete_loads(const MeetLineupRequest& request,
                                                const MeetLineupResult& result) {
  std::vector<MeetAthleteLoad> out;
  const int n = request.relays.empty() ? 0 : request.relays.front().costs.athletes;
  for (int a = 0; a < n; ++a) out.push_back(meet_athlete_load(request, result, a));
  return out;
}

std::vector<std::vector<MeetSubstitute>> meet_substitutes(const MeetLineupRequest& request,
                                                          const MeetLineupResult& result,
                                                          size_t lineup) {
  const MeetRelayLineup& team = result.relays.at(lineup);
  const int r = team.event_index;
  const MeetRelay& relay = request.relays.at(static_cast<size_t>(r));
  const RelayCosts& costs = relay.costs;
  const double now = costs.team_time_s(team.order);

  // Who may step into this relay at all, whichever leg.
  std::vector<char> eligible(static_cast<size_t>(costs.athletes), 0);
  for (int a = 0; a < costs.athletes; ++a) {
    if (std::count(relay.excluded.begin(), relay.excluded.end(), a) > 0) continue;
    if (relay.required_sex && static_cast<size_t>(a) < request.sexes.size() &&
        request.sexes[static_cast<size_t>(a)] != *relay.required_sex) {
      continue;
    }
    const MeetAthleteLoad load = meet_athlete_load(request, result, a);
    bool blocked = false;
    for (const MeetLegAssignment& run : load.legs) {
      if (run.event_index == r) blocked = true;  // already in a team of this relay
      for (const auto& [r1, r2] : request.conflicts) {
        if ((r1 == r && run.event_index == r2) || (r2 == r && run.event_index == r1)) {
          blocked = true;
        }
      }
    }
    if (request.max_relays_per_athlete > 0 && load.relays + 1 > request.max_relays_per_athlete) {
      blocked = true;
    }
    if (request.max_events > 0 && load.events + 1 > request.max_events) blocked = true;
    eligible[static_cast<size_t>(a)] = blocked ? 0 : 1;
  }

  std::vector<std::vector<MeetSubstitute>> out(team.order.size());
  for (size_t leg = 0; leg < team.order.size(); ++leg) {
    const int replaced = team.order[leg];
    for (int a = 0; a < costs.athletes; ++a) {
      if (!eligible[static_cast<size_t>(a)]) continue;
      // The sex of the runner replaced keeps a single-sex team single and a mixed one 2 + 2.
      if (static_cast<size_t>(std::max(a, replaced)) < request.sexes.size() &&
          request.sexes[static_cast<size_t>(a)] != request.sexes[static_cast<size_t>(replaced)]) {
        continue;
      }
      std::vector<int> order = team.order;
      order[leg] = a;
      const double time = costs.team_time_s(order);
      if (time == RelayCosts::kImpossible) continue;
      out[leg].push_back({a, time - now});
    }
    std::stable_sort(
        out[leg].begin(), out[leg].end(),
        [](const MeetSubstitute& x, const MeetSubstitute& y) { return x.cost_s < y.cost_s; });
  }
  return out;
}

}  // namespace baton
