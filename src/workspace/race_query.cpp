#include "baton/race_query.h"

#include <fmt/format.h>

#include <algorithm>

#include "baton/error.h"
#include "baton/meet_field.h"
#include "baton/seed_team.h"
#include "baton/team_file.h"
#include "core/text.h"
#include "workspace/query_parts.h"

namespace baton {
namespace {

constexpr size_t kMaxTeamNameChars = 60;

}  // namespace

namespace detail {

std::string race_name(const Team& team) { return team.name.empty() ? "Our team" : team.name; }

std::vector<SimTeam> seeded_opponents(const std::vector<Opponent>& opponents, const Event& event,
                                      const SimulationOptions& options,
                                      const std::string& own_name) {
  std::vector<std::string> taken = {text::lowercase(own_name)};
  std::vector<SimTeam> out;
  for (size_t i = 0; i < opponents.size(); ++i) {
    const std::string at = fmt::format("opponents.{}", i);
    const std::string name(text::trim(opponents[i].name));
    if (name.empty() || name.size() > kMaxTeamNameChars) {
      throw ValidationError(fmt::format("must be 1 to {} characters", kMaxTeamNameChars),
                            Location{"", 0, at + ".name"});
    }
    const std::string key = text::lowercase(name);
    if (std::find(taken.begin(), taken.end(), key) != taken.end()) {
      throw ValidationError("'" + name + "' is already in the race", Location{"", 0, at + ".name"});
    }
    taken.push_back(key);
    if (!(opponents[i].seed_time_s > 0.0)) {
      throw ValidationError("must be greater than zero", Location{"", 0, at + ".seed"});
    }
    out.push_back(seed_sim_team(name, opponents[i].seed_time_s, event, options));
  }
  return out;
}

}  // namespace detail

RaceAnswer race_odds(const Workspace& ws, const RaceQuery& query) {
  validate_simulation_options(query.simulation);
  const Team& team = ws.team();
  RaceAnswer a;
  a.order = requested_order(ws, OrderRequest{query.event, std::nullopt, query.order, query.sex});
  a.team = detail::race_name(team);
  const Event& event = a.order.event;
  a.field = {own_sim_team(team, event, a.order.names, a.team,
                          query.practice ? a.order.practice : PracticeLookup{}, {},
                          query.practice ? a.order.calibrated : PairCalibrationLookup{})};
  for (SimTeam& t : detail::seeded_opponents(query.opponents, event, query.simulation, a.team)) {
    a.field.push_back(std::move(t));
  }
  a.result = simulate_race(a.field, team.rules, query.simulation);
  return a;
}

bool uses_roster(const Meet& meet) {
  for (const MeetEntry& e : meet.teams) {
    if (e.roster) return true;
  }
  return false;
}

namespace {

// The database side of a meet: the roster and its pairs' records, when an entry runs it.
MeetRoster meet_roster(const Meet& meet, const Workspace* ws, bool practice) {
  MeetRoster out;
  if (ws == nullptr || !uses_roster(meet)) return out;
  out.team = &ws->team();
  if (practice) {
    out.practice = ws->practice(meet.event);
    out.calibrated = calibration_lookup(*ws, meet.event);
  }
  return out;
}

}  // namespace

SimulationResult simulate_meet(const Meet& meet, const Workspace* roster, SimulationOptions options,
                               bool practice, const SimulationProgress& progress) {
  if (!meet.scoring.empty()) options.scoring = meet.scoring;
  validate_simulation_options(options);
  const std::vector<SimTeam> field = meet_field(meet, options, meet_roster(meet, roster, practice));
  return simulate_race(field, meet.rules, options, progress);
}

namespace {

// The pairs' records and calibrated hand-offs price the orders as `baton lineup` does and race
// them as `simulate` does.
LineupOddsAnswer odds_against(const Team& team, const Event& event, const LineupOddsQuery& query,
                              const PracticeLookup& practice,
                              const PairCalibrationLookup& calibrated, const std::string& name,
                              const std::vector<SimTeam>& field,
                              const SimulationProgress& progress) {
  LineupOddsAnswer a;
  a.event = event;
  a.team = name;
  const LineupRequest req = detail::resolve_lineup(team, event, query.lineup);
  const RelayCosts costs =
      detail::priced_costs(team, event, CostModel::physics, practice, calibrated).costs;
  a.result = choose_order_by_odds(team, event, costs, req, query.candidates, name, practice,
                                  calibrated, field, query.simulation, query.objective, progress);
  return a;
}

}  // namespace

LineupOddsAnswer lineup_odds(const Workspace& ws, const LineupOddsQuery& query,
                             const std::vector<Opponent>& opponents,
                             const SimulationProgress& progress) {
  validate_simulation_options(query.simulation);
  const Team& team = ws.team();
  const Event event = find_event(query.lineup.event, team.rules, Location{"", 0, "event"});
  const std::string name = detail::race_name(team);
  const std::vector<SimTeam> field =
      detail::seeded_opponents(opponents, event, query.simulation, name);
  const bool practice = query.lineup.practice;
  return odds_against(team, event, query, practice ? ws.practice(event) : PracticeLookup{},
                      practice ? calibration_lookup(ws, event) : PairCalibrationLookup{}, name,
                      field, progress);
}

LineupOddsAnswer lineup_odds_at_meet(const Meet& meet, const Workspace* roster,
                                     LineupOddsQuery query, const SimulationProgress& progress) {
  if (!meet.scoring.empty()) query.simulation.scoring = meet.scoring;
  validate_simulation_options(query.simulation);
  if (!query.lineup.event.empty() &&
      find_event(query.lineup.event, meet.rules, Location{"", 0, "event"}).id != meet.event.id) {
    throw ValidationError("the meet runs the " + meet.event.id, Location{"", 0, "event"});
  }
  // Our entry: the first own team without a fixed order.
  size_t ours = meet.teams.size();
  for (size_t i = 0; i < meet.teams.size() && ours == meet.teams.size(); ++i) {
    if (meet.teams[i].own() && meet.teams[i].order.empty()) ours = i;
  }
  if (ours == meet.teams.size()) {
    throw ValidationError(
        "the meet has no own team without an order to choose (file = or roster = true, no "
        "order)",
        Location{meet.source, 0, "team"});
  }
  const MeetEntry& entry = meet.teams[ours];
  const MeetRoster db_side = meet_roster(meet, roster, query.lineup.practice);
  if (entry.roster && db_side.team == nullptr) {
    throw ValidationError("roster = true needs the database roster (baton --db FILE ...)",
                          Location{meet.source, entry.line, "roster"});
  }
  const Team team = entry.roster ? *db_side.team : load_team(entry.file);
  const PracticeLookup practice = entry.roster ? db_side.practice : PracticeLookup{};
  const PairCalibrationLookup calibrated =
      entry.roster ? db_side.calibrated : PairCalibrationLookup{};
  if (!query.lineup.sex) query.lineup.sex = entry_squad(meet, entry, team);
  std::vector<SimTeam> field = meet_field(meet, query.simulation, db_side);
  field.erase(field.begin() + static_cast<std::ptrdiff_t>(ours));
  const std::string name = entry.name.empty() ? team.name : entry.name;
  return odds_against(team, meet.event, query, practice, calibrated, name, field, progress);
}

}  // namespace baton
