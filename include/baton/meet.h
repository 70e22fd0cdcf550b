// The meet file: which event is run, how places score, and who is in the field
// (the documented interface (docs/USER_GUIDE.md); docs/SIMULATION.md shows an example).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baton/athlete.h"
#include "baton/event.h"

namespace baton {

/// One `[[team]]` entry: an own team from a team file, or an opponent known by a seed time.
struct MeetEntry {
  int line = 0;                    ///< line of the entry in the meet file
  std::string name;                ///< display name (team file's name when empty)
  std::string file;                ///< own team: team file path, resolved against the meet file
  bool roster = false;             ///< own team: `roster = true`, the database roster
  std::vector<std::string> order;  ///< own team: runners in leg order (empty: best lineup)
  std::optional<Sex> sex;          ///< own team: which squad runs
  double seed_time_s = 0.0;        ///< opponent: seed time, seconds
  double sd_s = -1.0;              ///< opponent: spread, seconds; < 0 = options default
  double fail_rate = -1.0;         ///< opponent: failure chance per race; < 0 = by exchanges
  bool exchange_model = false;     ///< opponent: `model = "exchanges"`: simulate its passes
  bool own() const { return !file.empty() || roster; }
};

struct Meet {
  std::string source;           ///< the meet file's path
  Event event;                  ///< under the meet's rules
  RuleSet rules = RuleSet::wa;  ///< `rules`, default wa
  std::vector<double> scoring;  ///< `scoring`; empty = the simulation default
  std::vector<MeetEntry> teams;
};

/// Parses meet TOML; `source` names it in errors and team files are resolved against its
/// directory. Throws ParseError / ValidationError / NotFoundError naming file, line and field.
Meet parse_meet_toml(std::string_view text, const std::string& source);

/// Reads and parses a meet file.
Meet load_meet(const std::string& path);

/// The meet as a meet file parse_meet_toml() reads back: event, rules, scoring and the teams
/// (own teams by file or roster, opponents by name and seed, written to the hundredth).
std::string meet_to_toml(const Meet& meet);

}  // namespace baton
