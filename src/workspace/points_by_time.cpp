#include "baton/points_by_time.h"

#include <algorithm>

#include "baton/error.h"
#include "baton/meet_field.h"
#include "baton/seed_team.h"

namespace baton {

PointsByTime expected_points_by_time(const MeetRelayField& relay, RuleSet rules,
                                     const std::string& team_name, SimulationOptions options) {
  if (!relay.scoring.empty()) options.scoring = relay.scoring;
  validate_simulation_options(options);
  Meet meet;
  meet.event = relay.event;
  meet.rules = rules;
  meet.scoring = relay.scoring;
  meet.teams = relay.teams;
  std::vector<SimTeam> field = meet_field(meet, options);
  if (field.empty()) {
    throw ValidationError(relay.label() + ": no opponents to score against",
                          Location{"", relay.line, "team"});
  }
  // Where the opponents are expected to finish: their seeds, or their reference legs' sum.
  double fastest = 0.0, slowest = 0.0;
  for (size_t i = 0; i < field.size(); ++i) {
    double t = field[i].seed_time_s;
    if (!field[i].seed_only()) {
      t = 0.0;
      for (const SimLeg& leg : field[i].legs) t += leg.split_mean_s;
    }
    fastest = i == 0 ? t : std::min(fastest, t);
    slowest = i == 0 ? t : std::max(slowest, t);
  }
  PointsByTime curve;
  curve.start_s = 0.95 * fastest;
  curve.step_s = (1.05 * slowest - curve.start_s) / (kPointsSamples - 1);
  field.emplace_back();
  for (int i = 0; i < kPointsSamples; ++i) {
    field.back() = seed_sim_team(team_name, curve.start_s + i * curve.step_s, relay.event, options);
    curve.points.push_back(simulate_race(field, rules, options).teams.back().expected_points);
  }
  return curve;
}

}  // namespace baton
