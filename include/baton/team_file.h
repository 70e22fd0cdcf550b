// Reading teams from files: the TOML team file and the CSV roster (docs/FILE_FORMATS.md).
#pragma once

#include <string>
#include <string_view>

#include "baton/team.h"

namespace baton {

/// Reads a team from a file: ".csv" as a CSV roster, anything else as a TOML team file.
/// Throws ParseError / ValidationError naming the file, line and field; an unreadable, empty
/// or binary file is a ParseError, never a crash.
/// Example:
///   const Team team = load_team("examples/riverside.toml");
///   const Athlete& ava = team.athlete("Ava Brooks");  // NotFoundError suggests close names
Team load_team(const std::string& path);

/// Parses TOML team text; `source` names it in errors.
Team parse_team_toml(std::string_view text, const std::string& source);

/// Parses a CSV roster: a header row naming `name`, `sex` and any of distance columns
/// ("100m", "1600m", "mile"), `foot_length_m`, `hand` and split columns ("split_10m"); one
/// athlete a row. `source` names it in errors; `team_name` and `rules` fill the team.
Team parse_roster_csv(std::string_view text, const std::string& source,
                      const std::string& team_name = "", RuleSet rules = RuleSet::nfhs);

/// Checks that the athlete's marks and splits give a running model the planners can use: the
/// splits fit a human sprint profile (see fit_profile) and the model built from the marks
/// has a top speed of at most 15 m/s and an acceleration time constant of 0.3 to 3 s (what the
/// hand-off solver accepts). An athlete with neither a mark at 400 m or below nor splits (a
/// distance runner) has no sprint model and passes. Throws ValidationError naming the athlete,
/// `where` and the field ("splits" or "bests"). The team readers call it for every athlete;
/// call it too before storing an athlete entered by hand.
void check_athlete_model(const Athlete& athlete, const Location& where = {});

/// Reads a whole text file; throws ParseError when it cannot be read, is empty, is larger than
/// `max_bytes` or holds NUL bytes (a binary file).
std::string read_text_file(const std::string& path, size_t max_bytes = 16u << 20);

}  // namespace baton
