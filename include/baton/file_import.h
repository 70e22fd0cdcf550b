// Importing other programs' files into the workspace's database: people merged into the roster
// by name across spellings, every mark kept with its date and source in the marks history, the
// best per distance (or the season's) on the roster, and the team's relay results in the
// results log, all in one transaction. Also: a meet's field (opponents' seed times) from an
// entry or results file, for `simulate --meet` and `lineup --objective`.
//
// Example:
//   baton::FileImportRequest req;
//   req.team = "Lehigh";
//   req.dry_run = true;  // report only
//   const baton::ImportReport r = baton::import_file(ws, text, "lehigh.csv", req);
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "baton/athlete.h"
#include "baton/import_report.h"
#include "baton/meet.h"
#include "baton/workspace.h"

namespace baton {

/// How to import a file.
struct FileImportRequest {
  std::string format = "auto";  ///< "format": a name of import_format_names(), or "auto"
  std::string team;             ///< "team": name or code of the file's team to import; empty:
                                ///< the file's only team
  bool dry_run = false;         ///< "dry_run": report what would change, write nothing
  std::string since;            ///< "since": YYYY-MM-DD; bests become the season's (marks from
                                ///< this date on); empty: the best of all marks
  std::optional<Sex> sex;       ///< "sex": for new athletes the file gives no sex for
};

/// Reads `text` (from the file `file`) and imports the chosen team into the workspace's
/// database in one transaction; returns what was (dry run: would be) done. Throws ParseError
/// naming the file, line and column for a wrong cell; ValidationError naming "team" for a file
/// with several teams and no `team` (the message lists them), "sex" for a new athlete without
/// one, "since" for a bad date; NotFoundError naming "team" for a team the file does not hold;
/// StoreError for a team-file workspace. On any error the database is unchanged.
ImportReport import_file(const Workspace& ws, std::string_view text, const std::string& file,
                         const FileImportRequest& request);

/// How to build a meet's field from a file.
struct FieldRequest {
  std::string format = "auto";    ///< as for import_file()
  std::string event;              ///< "event": relay with its squad, "4x100/F" ("4x400/M", "dmr/F")
  std::string team;               ///< "team": our team in the file (left out); empty: the roster's
                                  ///< team name, when the file holds it
  RuleSet rules = RuleSet::nfhs;  ///< the meet's rules
  bool with_roster = true;  ///< add a `roster = true` entry for our squad (the database roster)
};

/// The field for `request.event`: every other team's fastest entry or result time for that
/// relay (hand times taken to FAT), one entry per team (its A, B, ... relays apart), and our
/// squad as `roster = true` when the workspace's roster has runners of that squad. Throws
/// ValidationError naming "event" when the file holds no other team's time for the event,
/// NotFoundError naming "event" for an unknown event, and like import_file() for the file.
/// Write it with meet_to_toml() (include/baton/meet.h).
Meet field_from_file(const Workspace& ws, std::string_view text, const std::string& file,
                     const FieldRequest& request);

}  // namespace baton
