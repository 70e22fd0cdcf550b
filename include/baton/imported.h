// What a file from another program holds for Baton, before any of it reaches the roster: people
// with their marks (each with its date and source) and relay results, plus every line that was
// left out and why. Each format's reader (Hy-Tek, MeetPro, FinishLynx, OpenTrack, Athletic.net,
// TFRRS, spreadsheets) produces one ImportedFile; the import use case merges it into the roster
// in one transaction. Nothing here touches the database.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "baton/athlete.h"
#include "baton/units.h"

namespace baton {

/// One mark as the file gives it.
struct ImportedMark {
  double distance_m = 0.0;  ///< race distance, metres (a mile is kMileM)
  Mark mark;                ///< as written (FAT or hand-timed)
  std::string date;         ///< YYYY-MM-DD when the file says; empty otherwise
  std::string source;       ///< where it came from: meet name, or the file's name
  int line = 0;             ///< 1-based line (or record) of the file it was read from
};

/// One person as the file gives them. `first` / `last` are kept apart when the file does, so
/// that names from different sources can be matched ("Smith, Jo" and "Jo Smith").
struct ImportedAthlete {
  std::string first;
  std::string last;
  std::optional<Sex> sex;
  std::optional<int> school_year;  ///< grade or class year when the file has one
  std::string team_code;           ///< short team code (Hy-Tek, Lynx affiliation), may be empty
  std::string team_name;           ///< full team name, may be empty
  std::vector<ImportedMark> marks;
  int line = 0;  ///< first line the person appears on

  /// "First Last" (or whichever part exists).
  std::string full_name() const;
};

/// How a relay ended.
enum class RelayStatus { finished, dq, dnf, dns, scratched };

/// One relay team of the file: an entry (seed time) or a result.
struct ImportedRelay {
  std::string event;       ///< Baton event id: "4x100", "4x200", "4x400", "4x800", "smr", "dmr"
  std::optional<Sex> sex;  ///< none for a mixed relay
  std::string team_code;
  std::string team_name;
  std::string letter;        ///< "A", "B", ... may be empty
  std::optional<Mark> time;  ///< entry or finish time
  RelayStatus status = RelayStatus::finished;
  std::vector<ImportedAthlete> runners;  ///< in running order; may be empty
  std::vector<double> splits_s;          ///< leg splits, seconds, leg 1 first; may be empty
  std::string date;                      ///< YYYY-MM-DD when known
  std::string meet;                      ///< meet name when known
  bool is_entry = false;                 ///< an entry (seed time), not a result
  int line = 0;
};

/// A line (or record) left out, with the reason a coach can act on.
struct SkippedLine {
  SkippedLine() = default;
  SkippedLine(int line_number, std::string why, std::string code = {}, std::string name = {})
      : line(line_number),
        reason(std::move(why)),
        team_code(std::move(code)),
        team_name(std::move(name)) {}

  int line = 0;
  std::string reason;  ///< e.g. "field event (long jump): no relay uses it"
  /// The team the line belongs to, when it is one team's (an athlete's result, a relay); both
  /// empty for a line of the whole file (an event heading, a record of another kind).
  std::string team_code;
  std::string team_name;
};

/// Everything read from one file.
struct ImportedFile {
  std::string format;  ///< the format's name as `baton import --format` spells it
  std::string file;    ///< the file's name, for messages
  std::vector<ImportedAthlete> athletes;
  std::vector<ImportedRelay> relays;
  std::vector<SkippedLine> skipped;
};

}  // namespace baton
