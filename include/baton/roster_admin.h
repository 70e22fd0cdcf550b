// The roster in a coach's terms: athletes added, edited, removed and imported by name, and the
// team's name and rules. The roster lives in the workspace's database (a team file is read
// only: StoreError). These read and write the database directly; a Workspace whose team() was
// already read keeps the roster it read.
//
// Example:
//   const baton::Athlete a = baton::edit_athlete(ws, "ava brooks", [](baton::Athlete& x) {
//     x.foot_length_m = 0.27;
//   });  // a.name == "Ava Brooks"
#pragma once

#include <functional>
#include <string>

#include "baton/athlete.h"
#include "baton/store.h"
#include "baton/team.h"
#include "baton/workspace.h"

namespace baton {

/// The roster as entered (no race learning), athletes sorted by name, with the team's name
/// and rules.
Team entered_roster(const Workspace& ws);

/// The athlete called `name` (exactly, then ignoring case); NotFoundError naming "name" with
/// the closest name otherwise.
Athlete find_athlete(const Workspace& ws, const std::string& name);

/// Adds a new athlete and returns them as stored. ValidationError naming the field for an
/// invalid athlete, a model the marks cannot support (check_athlete_model()) or a name already
/// taken ("name").
Athlete add_athlete(const Workspace& ws, const Athlete& athlete);

/// Applies `change` to the athlete called `name` (found like find_athlete()), validates and
/// stores the result (which may rename them) and returns it. Whatever `change` throws leaves
/// the roster as it was.
Athlete edit_athlete(const Workspace& ws, const std::string& name,
                     const std::function<void(Athlete&)>& change);

/// Removes the athlete called `name` (found like find_athlete()) with their marks; returns the
/// name as the roster spelled it.
std::string remove_athlete(const Workspace& ws, const std::string& name);

/// Imports `team` in one transaction (Roster::import()): its athletes are added or replace
/// same-named ones; with `replace_all` every other athlete is removed; a team with team info
/// sets the roster's name and rules.
ImportSummary import_roster(const Workspace& ws, const Team& team, bool replace_all = false);

/// Longest team name accepted, characters.
inline constexpr size_t kMaxTeamNameChars = 80;

/// Sets the team's name and rule set. ValidationError naming "name" for a name longer than
/// kMaxTeamNameChars or holding control characters.
void set_team_info(const Workspace& ws, const std::string& name, RuleSet rules,
                   std::optional<Level> level);

}  // namespace baton
