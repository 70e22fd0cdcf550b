#include "baton/lineup_json.h"

#include <cmath>

#include "baton/level_profile.h"

namespace baton {
namespace {

nlohmann::json names(const Team& team, const std::vector<int>& order) {
  nlohmann::json out = nlohmann::json::array();
  for (int a : order) out.push_back(team.athletes[static_cast<size_t>(a)].name);
  return out;
}

}  // namespace

nlohmann::json lineup_to_json(const Team& team, const Event& event, const RelayCosts& costs,
                              const LineupResult& result, const LineupJsonExtras& extras) {
  nlohmann::json legs = nlohmann::json::array();
  for (size_t l = 0; l < result.best.order.size(); ++l) {
    const int a = result.best.order[l];
    legs.push_back({{"leg", l + 1},
                    {"athlete", team.athletes[static_cast<size_t>(a)].name},
                    {"distance_m", event.legs[l].distance_m},
                    {"leg_s", costs.leg(a, static_cast<int>(l))}});
    if (l < extras.estimated.size())
      legs.back()["estimated"] = static_cast<bool>(extras.estimated[l]);
    if (l < extras.splits_s.size()) legs.back()["split_s"] = extras.splits_s[l];
  }
  nlohmann::json alternatives = nlohmann::json::array();
  for (const Lineup& alt : result.alternatives) {
    alternatives.push_back({{"order", names(team, alt.order)},
                            {"team_time_s", alt.team_time_s},
                            {"gap_s", alt.gap_s}});
  }
  const Level level = team_level(team);
  const TimeInterval spread = team_time_interval(result.best.team_time_s, level);
  nlohmann::json doc = {{"event", event.id},
                        {"order", names(team, result.best.order)},
                        {"team_time_s", result.best.team_time_s},
                        {"team_time_p10_s", spread.p10_s},
                        {"team_time_p90_s", spread.p90_s},
                        {"level", to_string(level)},
                        {"level_inferred", !team.level.has_value()},
                        {"legs", legs},
                        {"alternatives", alternatives}};
  if (extras.without_practice != nullptr) {
    const double added =
        result.best.team_time_s - extras.without_practice->team_time_s(result.best.order);
    doc["practice_pair_terms"] = extras.practice_pair_terms;
    doc["practice_s"] = std::round(added * 1e4) / 1e4;
  }
  return doc;
}

nlohmann::json meet_lineup_to_json(const Team& team, const MeetLineupRequest& request,
                                   const MeetLineupResult& result, const std::vector<Event>* events,
                                   const std::vector<std::vector<double>>* splits,
                                   const std::vector<double>* practice_s) {
  nlohmann::json relays = nlohmann::json::array();
  for (size_t r = 0; r < result.relays.size(); ++r) {
    const MeetRelayLineup& l = result.relays[r];
    const MeetRelay& relay = request.relays[static_cast<size_t>(l.event_index)];
    const TimeInterval spread = team_time_interval(l.team_time_s, team_level(team));
    nlohmann::json doc = {{"event", relay.event},
                          {"team", l.team},
                          {"order", names(team, l.order)},
                          {"team_time_s", l.team_time_s},
                          {"team_time_p10_s", spread.p10_s},
                          {"team_time_p90_s", spread.p90_s}};
    if (events != nullptr) {
      const Event& event = (*events)[static_cast<size_t>(l.event_index)];
      nlohmann::json legs = nlohmann::json::array();
      for (size_t leg = 0; leg < l.order.size(); ++leg) {
        const int a = l.order[leg];
        legs.push_back({{"leg", leg + 1},
                        {"athlete", team.athletes[static_cast<size_t>(a)].name},
                        {"distance_m", event.legs[leg].distance_m},
                        {"leg_s", relay.costs.leg(a, static_cast<int>(leg))}});
        if (splits != nullptr && r < splits->size() && leg < (*splits)[r].size()) {
          legs.back()["split_s"] = (*splits)[r][leg];
        }
      }
      doc["name"] = event.name;
      doc["legs"] = legs;
    }
    if (request.objective == MeetObjective::points) doc["expected_points"] = l.expected_points;
    if (practice_s != nullptr && r < practice_s->size()) {
      doc["practice_s"] = std::round((*practice_s)[r] * 1e4) / 1e4;
    }
    relays.push_back(doc);
  }
  nlohmann::json out = {{"relays", relays},
                        {"optimal", result.optimal},
                        {"gap", result.gap},
                        {"objective_s", result.objective}};
  if (request.objective == MeetObjective::points) {
    out["objective"] = "expected points";
    out["expected_points"] = result.expected_points;
    out["points_bound"] = result.points_bound;
  }
  return out;
}

void add_meet_assignments_json(
    nlohmann::json& doc, const Team& team, const MeetLineupRequest& request,
    const MeetLineupResult& result, const std::vector<MeetAthleteLoad>& athletes,
    const std::vector<std::vector<std::vector<MeetSubstitute>>>& substitutes,
    const std::vector<std::vector<bool>>* estimated) {
  nlohmann::json& relays = doc["relays"];
  for (size_t r = 0; r < result.relays.size() && r < relays.size(); ++r) {
    const MeetRelayLineup& l = result.relays[r];
    const MeetRelay& relay = request.relays[static_cast<size_t>(l.event_index)];
    nlohmann::json alternates = nlohmann::json::array();
    for (size_t leg = 0; leg < l.order.size(); ++leg) {
      nlohmann::json alt = {{"leg", leg + 1}};
      if (r < substitutes.size() && leg < substitutes[r].size() && !substitutes[r][leg].empty()) {
        const MeetSubstitute& best = substitutes[r][leg].front();
        alt["athlete"] = team.athletes[static_cast<size_t>(best.athlete)].name;
        alt["cost_s"] = best.cost_s;
      } else {
        alt["reason"] =
            "nobody else can take this leg (squad, other teams of the relay, limits, conflicts)";
      }
      alternates.push_back(alt);
      if (!relays[r].contains("legs") || leg >= relays[r]["legs"].size()) continue;
      if (l.team == "A" && relay.locked_legs.count(static_cast<int>(leg)) > 0) {
        relays[r]["legs"][leg]["locked"] = true;
      }
      if (estimated != nullptr && r < estimated->size() && leg < (*estimated)[r].size()) {
        relays[r]["legs"][leg]["estimated"] = static_cast<bool>((*estimated)[r][leg]);
      }
    }
    relays[r]["alternates"] = alternates;
  }
  nlohmann::json list = nlohmann::json::array();
  for (const MeetAthleteLoad& load : athletes) {
    const Athlete& a = team.athletes[static_cast<size_t>(load.athlete)];
    nlohmann::json runs = nlohmann::json::array();
    for (const MeetLegAssignment& leg : load.legs) {
      runs.push_back({{"event", request.relays[static_cast<size_t>(leg.event_index)].event},
                      {"team", leg.team},
                      {"leg", leg.leg + 1}});
    }
    list.push_back({{"name", a.name},
                    {"sex", to_string(a.sex)},
                    {"relays", runs},
                    {"entries", a.entries},
                    {"relay_count", load.relays},
                    {"event_count", load.events}});
  }
  doc["athletes"] = list;
  doc["limits"] = {{"max_relays_per_athlete", request.max_relays_per_athlete},
                   {"max_events", request.max_events}};
  nlohmann::json conflicts = nlohmann::json::array();
  for (const auto& [r1, r2] : request.conflicts) {
    conflicts.push_back({request.relays[static_cast<size_t>(r1)].event,
                         request.relays[static_cast<size_t>(r2)].event});
  }
  doc["conflicts"] = conflicts;
  nlohmann::json weights = nlohmann::json::object();
  bool weighted = false;
  for (const MeetRelay& relay : request.relays) {
    weights[relay.event] = relay.weight;
    weighted = weighted || relay.weight != 1.0;
    for (size_t t = 0; t < request.team_weights.size() && t < static_cast<size_t>(relay.teams);
         ++t) {
      weighted = weighted || request.team_weights[t] != 1.0;
    }
  }
  doc["objective"] = request.objective == MeetObjective::points ? "expected points"
                     : weighted                                 ? "weighted time"
                                                                : "time";
  doc["weights"] = weights;
}

}  // namespace baton
