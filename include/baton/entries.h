// Relay entries as a meet host takes them: each relay team's runners in leg order, its
// alternates and its seed time, written as a Hy-Tek semicolon entry file, OpenTrack-style JSON
// or CSV (docs/FILE_FORMATS.md). The lineups come from the entry use case (entry_export.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baton/athlete.h"

namespace baton {

/// One athlete on an entry, with the name split as meet software keeps it.
struct EntryRunner {
  std::string name;  ///< as the roster spells it
  std::string first;
  std::string last;
  Sex sex = Sex::female;
};

/// One relay team of the meet.
struct RelayEntry {
  std::string event;                    ///< Baton event id: "4x100", "smr", ...
  std::optional<Sex> sex;               ///< the squad; none for a mixed relay
  std::string letter;                   ///< "A", "B", "C"
  std::vector<EntryRunner> runners;     ///< leg 1 first
  std::vector<EntryRunner> alternates;  ///< at most 4, best first
  std::optional<double> seed_s;         ///< predicted team time, seconds; none = no seed (NT)
};

/// Everything the file says.
struct EntryList {
  std::string team_name;  ///< as the meet shows it
  std::string team_code;  ///< short code (Hy-Tek: up to 4 characters)
  std::vector<RelayEntry> relays;
};

/// "Ann Lee" -> first "Ann", last "Lee"; "Mary Ann Smith" -> "Mary Ann" / "Smith"; a trailing
/// Jr, Sr, II, III or IV stays with the last name ("Lee Jr"); one word is a last name.
EntryRunner split_runner_name(const std::string& name, Sex sex);

/// A team code from a team name: its first four letters or digits in upper case ("Westfield
/// High" -> "WEST"); "TEAM" when the name has none.
std::string team_code_from_name(std::string_view team_name);

/// Hy-Tek Meet Manager semicolon entry file: one Q record per relay team (team code; team name;
/// letter; gender; age; event code; entry time; M; ...) with the runners and then the
/// alternates in blocks of 8 fields from field 16; CRLF line ends. read_hytek() reads it back
/// with the same runners in the same order. Throws ValidationError naming "events" for an
/// event Hy-Tek has no code for (mixed relays, the Swedish medley).
std::string write_entries_hytek(const EntryList& entries);

/// The entries as JSON in the shape of an OpenTrack competition (competitors with competitorId,
/// firstName, lastName, gender, teamId, teamName; events with eventCode, gender and relay
/// teams listing runners and alternates by competitorId). read_opentrack() reads it back.
std::string write_entries_opentrack(const EntryList& entries);

/// One CSV row per runner: event,sex,team_code,team,letter,role,leg,first,last,seed (role
/// "leg" with its leg number, or "alternate" with an empty leg); seed as coaches write times.
std::string write_entries_csv(const EntryList& entries);

}  // namespace baton
