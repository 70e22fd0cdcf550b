// From a meet file to the simulated field.
#include "baton/meet_field.h"

#include <fmt/format.h>

#include <cmath>
#include <set>

#include "baton/leg_prediction.h"
#include "baton/lineup.h"
#include "baton/relay_plan.h"
#include "baton/seed_team.h"
#include "baton/team_file.h"

namespace baton {
namespace {

// An own team's runners, checked against its team file.
std::vector<std::string> own_order(const Meet& meet, const MeetEntry& entry, const Team& team) {
  const Location where{meet.source, entry.line, "order"};
  if (!entry.order.empty() && entry.order.size() != meet.event.legs.size()) {
    throw ValidationError(fmt::format("{} needs {} runners, order names {}", meet.event.id,
                                      meet.event.legs.size(), entry.order.size()),
                          where);
  }
  std::set<std::string> seen;
  for (const std::string& name : entry.order) {
    const Athlete& a = team.athlete(name, where);
    if (!seen.insert(a.name).second) {
      throw ValidationError("'" + a.name + "' runs twice", where);
    }
  }
  return entry.order;
}

// The squad that runs: the entry's sex, else the only sex on the team.
std::optional<Sex> squad_sex(const Meet& meet, const MeetEntry& entry, const Team& team) {
  if (entry.sex || meet.event.sex_rule == SexRule::mixed_two_two) return entry.sex;
  std::set<Sex> sexes;
  for (const Athlete& a : team.athletes) sexes.insert(a.sex);
  if (sexes.size() == 1) return *sexes.begin();
  throw ValidationError(
      "the team has girls and boys: say which squad runs with sex = \"F\" or "
      "\"M\"",
      Location{meet.source, entry.line, "sex"});
}

// Errors about the order name a command-line source ("--order") or none: point them at the meet
// entry instead. Errors inside a file keep their own location.
template <typename F>
auto at_entry(const Meet& meet, const MeetEntry& entry, F&& work) {
  try {
    return work();
  } catch (const Error& err) {
    const std::string& file = err.where().file;
    if (!file.empty() && !file.starts_with("--")) throw;
    throw ValidationError(err.message(), Location{meet.source, entry.line, "order"});
  }
}

}  // namespace

std::optional<Sex> entry_squad(const Meet& meet, const MeetEntry& entry, const Team& team) {
  return squad_sex(meet, entry, team);
}

std::vector<std::string> entry_order(const Meet& meet, const MeetEntry& entry, const Team& team) {
  std::vector<std::string> order = own_order(meet, entry, team);
  if (!order.empty()) return order;
  const std::optional<Sex> sex = squad_sex(meet, entry, team);
  return at_entry(meet, entry, [&] { return best_order(team, meet.event, sex); });
}

std::vector<SimTeam> meet_field(const Meet& meet, const SimulationOptions& options,
                                const MeetRoster& roster) {
  std::vector<SimTeam> field;
  for (const MeetEntry& e : meet.teams) {
    if (!e.own()) {
      if (e.exchange_model) {
        field.push_back(reference_team(e.name, e.seed_time_s, meet.event, options.exchange));
        continue;
      }
      // The default spread and failure rate, unless the entry gives its own.
      SimTeam t = seed_sim_team(e.name, e.seed_time_s, meet.event, options);
      if (e.sd_s >= 0.0) t.seed_sd_s = e.sd_s;
      if (e.fail_rate >= 0.0) t.fail_rate = e.fail_rate;
      field.push_back(std::move(t));
      continue;
    }
    if (e.roster) {
      if (roster.team == nullptr) {
        throw ValidationError("roster = true needs the database roster (baton --db FILE ...)",
                              Location{meet.source, e.line, "roster"});
      }
      const std::vector<std::string> order = entry_order(meet, e, *roster.team);
      const std::string name = e.name.empty() ? roster.team->name : e.name;
      field.push_back(at_entry(meet, e, [&] {
        return own_sim_team(*roster.team, meet.event, order, name, roster.practice,
                            options.exchange, roster.calibrated);
      }));
      continue;
    }
    Team team;
    try {
      team = load_team(e.file);
    } catch (const Error& err) {
      // Keep the team file's own location when it has one; otherwise point at the meet entry.
      if (!err.where().file.empty() && err.where().file != e.file) throw;
      if (err.where().line > 0) throw;
      throw NotFoundError(e.file + ": " + err.message(), Location{meet.source, e.line, "file"});
    }
    const std::vector<std::string> order = entry_order(meet, e, team);
    const std::string name = e.name.empty() ? team.name : e.name;
    field.push_back(at_entry(meet, e, [&] {
      return own_sim_team(team, meet.event, order, name, {}, options.exchange);
    }));
  }
  return field;
}

}  // namespace baton
