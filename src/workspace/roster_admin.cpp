#include "baton/roster_admin.h"

#include <fmt/format.h>

#include "baton/team_file.h"

namespace baton {

Team entered_roster(const Workspace& ws) { return Roster(ws.database()).team(); }

Athlete find_athlete(const Workspace& ws, const std::string& name) {
  Roster roster(ws.database());
  if (std::optional<Athlete> a = roster.find(name)) return *a;
  return roster.team().athlete(name, Location{"", 0, "name"});  // ignoring case, or throws
}

Athlete add_athlete(const Workspace& ws, const Athlete& athlete) {
  check_athlete_model(athlete);  // a model the marks cannot support would break every lineup
  Roster roster(ws.database());
  roster.add(athlete);
  return roster.find(athlete.name).value_or(athlete);
}

Athlete edit_athlete(const Workspace& ws, const std::string& name,
                     const std::function<void(Athlete&)>& change) {
  const Athlete old = find_athlete(ws, name);
  Athlete a = old;
  change(a);
  check_athlete_model(a);
  Roster roster(ws.database());
  roster.update(old.name, a);
  return roster.find(a.name).value_or(a);
}

std::string remove_athlete(const Workspace& ws, const std::string& name) {
  const Athlete a = find_athlete(ws, name);
  Roster(ws.database()).remove(a.name);
  return a.name;
}

ImportSummary import_roster(const Workspace& ws, const Team& team, bool replace_all) {
  return Roster(ws.database()).import(team, replace_all);
}

void set_team_info(const Workspace& ws, const std::string& name, RuleSet rules,
                   std::optional<Level> level) {
  if (name.size() > kMaxTeamNameChars) {
    throw ValidationError(fmt::format("must be at most {} characters", kMaxTeamNameChars),
                          Location{"", 0, "name"});
  }
  for (char c : name) {
    if (static_cast<unsigned char>(c) < 0x20) {
      throw ValidationError("must not contain control characters", Location{"", 0, "name"});
    }
  }
  Roster(ws.database()).set_team_info(name, rules, level);
}

}  // namespace baton
