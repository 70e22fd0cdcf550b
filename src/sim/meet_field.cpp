// From a meet file to the simulated field.
#include <fmt/format.h>

#include <cmath>
#include <set>

#include "baton/meet.h"
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
    own_order(meet, e, team);
    // Own teams need per-leg predictions (the athlete model) and planned go-marks (the
    // hand-off planner); neither is part of this build yet.
    throw ValidationError(
        "simulating an own team from its file needs the athlete model and the hand-off "
        "planner, which this build does not have yet; give the team a seed instead",
        Location{meet.source, e.line, "file"});
  }
  return field;
}

}  // namespace baton
