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

/// One relay of a meet and its field, for the meet-wide lineups by expected points.
struct MeetRelayField {
  int line = 0;                  ///< line of the `[[relay]]` table (0 for a one-relay file)
  Event event;                   ///< `event`, under the meet's rules
  std::optional<Sex> sex;        ///< `sex`: the girls' or boys' race; none = the event's only one
  std::vector<double> scoring;   ///< `scoring`, else the meet's; empty = the simulation default
  std::vector<MeetEntry> teams;  ///< `[[relay.team]]`: the opponents, by seed
  /// "4x100/F" as `baton lineup --events` names relays; the event id alone without a sex.
  std::string label() const;
};

/// Two relays of a meet file too close in the schedule to share an athlete (`conflicts`).
struct MeetFileConflict {
  std::string first;   ///< a relay's label as the file's relays give it (MeetRelayField::label())
  std::string second;  ///< the other relay's label
  int line = 0;        ///< line of the pair in the file
};

/// A meet file read for several relays at once.
struct MeetRelays {
  std::string source;           ///< the meet file's path
  RuleSet rules = RuleSet::wa;  ///< `rules`, default wa
  std::vector<MeetRelayField> relays;
  /// `conflicts = [["4x100/F", "4x200/F"], ...]`: pairs of the file's relays that may share no
  /// athlete, as the schedule has them.
  std::vector<MeetFileConflict> conflicts;
  /// The relay of `event` and `sex` (a relay without a sex stands for both squads when it is
  /// the file's only one of that event); null when the file has none.
  const MeetRelayField* find(const std::string& event_id, std::optional<Sex> sex) const;
};

/// Parses meet TOML; `source` names it in errors and team files are resolved against its
/// directory. Throws ParseError / ValidationError / NotFoundError naming file, line and field;
/// ParseError naming "relay" for a file of several relays (`[[relay]]` tables).
Meet parse_meet_toml(std::string_view text, const std::string& source);

/// Reads and parses a meet file.
Meet load_meet(const std::string& path);

/// Parses a meet file of either form: `[[relay]]` tables, each with `event`, optional `sex` and
/// `scoring` and `[[relay.team]]` opponents (name and seed, as `[[team]]`), under the file's
/// `rules` and `scoring`; or the one-relay form, whose own entries (file, roster) are left out
/// and whose squad is the own entry's `sex`. A file of `[[relay]]` tables may list schedule
/// `conflicts`, each two of its relays by label ("4x100/F"; "4x100" for a relay without a sex).
/// Throws as parse_meet_toml(), and ParseError naming the field for a file with both forms, a
/// relay without opponents, an own entry in a relay, a relay given twice, or a conflict that is
/// not two different relays of the file.
MeetRelays parse_meet_relays_toml(std::string_view text, const std::string& source);

/// Reads and parses a meet file of either form (parse_meet_relays_toml()).
MeetRelays load_meet_relays(const std::string& path);

/// The meet as a meet file parse_meet_toml() reads back: event, rules, scoring and the teams
/// (own teams by file or roster, opponents by name and seed, written to the hundredth).
std::string meet_to_toml(const Meet& meet);

}  // namespace baton
