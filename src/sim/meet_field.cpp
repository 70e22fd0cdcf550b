// From a meet file to the simulated field.
#include <fmt/format.h>

#include <cmath>
#include <set>

#include "baton/leg_prediction.h"
#include "baton/lineup.h"
#include "baton/meet.h"
#include "baton/relay_plan.h"
#include "baton/team_file.h"

namespace baton {
namespace {

int exchanges_of_kind(const Event& e, bool blind) {
  int n = 0;
  for (const ExchangeZone& z : e.exchanges) n += z.blind == blind ? 1 : 0;
  return n;
}

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

// An own team: the entry's order (or the fastest lineup for its squad), each leg's predicted
// split and each exchange's planned hand-off, go-mark included.
SimTeam own_team(const Meet& meet, const MeetEntry& entry, const Team& team) {
  std::vector<std::string> order = own_order(meet, entry, team);
  const Location where{meet.source, entry.line, "order"};
  try {
    if (order.empty()) {
      LineupRequest request;
      for (const Athlete& a : team.athletes) request.sexes.push_back(a.sex);
      request.sex_rule = meet.event.sex_rule;
      request.required_sex = squad_sex(meet, entry, team);
      for (const Athlete& a : team.athletes) request.names.push_back(a.name);
      const LineupResult best = best_lineups(relay_costs(team, meet.event), request);
      for (int a : best.best.order) order.push_back(team.athletes[static_cast<size_t>(a)].name);
    }
    const RelayPlan plan = build_relay_plan(team, meet.event, order);
    SimTeam t;
    t.name = entry.name.empty() ? team.name : entry.name;
    for (const RelayPlanLeg& leg : plan.legs) {
      t.legs.push_back(SimLeg{leg.split_s, -1.0});
    }
    for (size_t k = 0; k < plan.exchanges.size(); ++k) {
      SimExchange x;
      x.handoff = plan.exchanges[k].plan.handoff;
      x.blind = meet.event.exchanges[k].blind;
      t.exchanges.push_back(x);
    }
    return t;
  } catch (const Error& err) {
    // Errors about the order name a command-line source ("--order") or none: point them at
    // the meet entry instead. Errors inside a file keep their own location.
    const std::string& file = err.where().file;
    if (!file.empty() && !file.starts_with("--")) throw;
    throw ValidationError(err.message(), where);
  }
}

}  // namespace

std::vector<SimTeam> meet_field(const Meet& meet, const SimulationOptions& options) {
  std::vector<SimTeam> field;
  for (const MeetEntry& e : meet.teams) {
    if (!e.own()) {
      if (e.exchange_model) {
        field.push_back(reference_team(e.name, e.seed_time_s, meet.event));
        continue;
      }
      const double sd = e.sd_s >= 0.0 ? e.sd_s : options.seed_sd_fraction * e.seed_time_s;
      double fail = e.fail_rate;
      if (fail < 0.0) {
        // Independent failures per pass, at the rates that match championship records.
        fail = 1.0 - std::pow(1.0 - options.seed_fail_per_blind_exchange,
                              exchanges_of_kind(meet.event, true)) *
                         std::pow(1.0 - options.seed_fail_per_visual_exchange,
                                  exchanges_of_kind(meet.event, false));
      }
      field.push_back(SimTeam::from_seed(e.name, e.seed_time_s, sd, fail));
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
    field.push_back(own_team(meet, e, team));
  }
  return field;
}

}  // namespace baton
