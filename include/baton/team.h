// A team: a named roster under one rule set.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baton/athlete.h"
#include "baton/event.h"
#include "baton/level.h"

namespace baton {

struct Team {
  std::string name;
  RuleSet rules = RuleSet::nfhs;
  std::vector<Athlete> athletes;
  /// False for sources that carry no team name or rule set (a CSV roster): an import then keeps
  /// the database's.
  bool has_team_info = true;
  /// The level the coach set; empty: inferred from the marks (team_level(), level_profile.h).
  std::optional<Level> level;
  /// What the team's logged races taught about its exchanges: seconds added to each blind /
  /// visual exchange beyond the level's (negative: the team passes better); 0 without races
  /// (learn_exchange_efficiency(), include/baton/exchange_learning.h).
  double blind_exchange_learned_s = 0.0;
  double visual_exchange_learned_s = 0.0;

  /// The athlete with this name (exact, then case-insensitive). Throws NotFoundError naming
  /// `where` and suggesting the closest names.
  const Athlete& athlete(std::string_view name, const Location& where = {}) const;
  /// Same as athlete() but returns nullptr instead of throwing.
  const Athlete* find(std::string_view name) const;
};

/// Splits "A,B,C,D" into trimmed names; throws ParseError naming `where` on an empty name.
std::vector<std::string> split_names(std::string_view text, const Location& where = {});

}  // namespace baton
