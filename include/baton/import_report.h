// What `baton import` did (or, in a dry run, would do) with a file: the counts a coach checks,
// every merge of differently written names, the likely duplicates left apart, and every line
// left out with its reason.
#pragma once

#include <string>
#include <vector>

#include "baton/imported.h"

namespace baton {

/// A name of the file taken to be a person already known under another spelling.
struct NameMerge {
  std::string name;  ///< as the file writes it ("Smith, Jo")
  std::string into;  ///< as the roster (or the file's first spelling) writes it ("Jo Smith")
  int line = 0;      ///< line of the file
};

/// Two names that may be one person but were kept apart ("Jo Smith" and "Joanna Smith").
struct LikelyDuplicate {
  std::string name;         ///< as the import stores it
  std::string roster_name;  ///< the other name, on the roster or in the file
  int line = 0;             ///< line of the file
};

/// The outcome of one import.
struct ImportReport {
  std::string format;  ///< the format read ("tfrrs", "csv", ...)
  std::string file;
  std::string team;                ///< the team imported (its name, or its code); may be empty
  std::vector<std::string> teams;  ///< every team the file holds
  int athletes_new = 0;            ///< people added to the roster
  int athletes_updated = 0;        ///< people already on the roster
  int athletes_merged = 0;         ///< names merged into another spelling (merges.size())
  int marks = 0;                   ///< marks read for the team's athletes
  int bests = 0;                   ///< bests set or improved on the roster
  int results = 0;                 ///< relay results added to the results log
  std::string since;               ///< --since: bests are the season's from this date
  bool dry_run = false;            ///< nothing was written
  std::vector<NameMerge> merges;
  std::vector<LikelyDuplicate> likely_duplicates;
  std::vector<SkippedLine> skipped;  ///< the team's lines and the file's, not other teams'
  int other_teams_lines = 0;         ///< lines left out that belong to the file's other teams
};

/// The report as text for people: one summary line, then merges, likely duplicates and skipped
/// lines (at most `max_skipped` of those, with a count of the rest).
std::string import_report_text(const ImportReport& report, size_t max_skipped = 20);

}  // namespace baton
