#include "baton/import_report.h"

#include <fmt/format.h>

#include "baton/units.h"

namespace baton {

std::string import_report_text(const ImportReport& r, size_t max_skipped) {
  std::string out = fmt::format(
      "{} {} ({}){}: {} ({} new, {} updated, {} merged); {}, {} set; {}; {}\n",
      r.dry_run ? "Would import" : "Imported", r.file, r.format,
      r.team.empty() ? "" : " for " + r.team,
      counted(r.athletes_new + r.athletes_updated, "athlete"), r.athletes_new, r.athletes_updated,
      r.athletes_merged, counted(r.marks, "mark"), counted(r.bests, "best"),
      counted(r.results, "relay result"),
      counted(static_cast<long long>(r.skipped.size()), "line skipped", "lines skipped"));
  if (r.other_teams_lines > 0) {
    out += fmt::format("Left out {} of the file's other teams (not listed)\n",
                       counted(r.other_teams_lines, "line"));
  }
  if (!r.since.empty()) out += fmt::format("Bests are the season's, from {} on\n", r.since);
  for (const NameMerge& m : r.merges) {
    out += fmt::format("  merged: line {}: {} -> {}\n", m.line, m.name, m.into);
  }
  for (const LikelyDuplicate& d : r.likely_duplicates) {
    out += fmt::format(
        "  likely duplicate: line {}: {} and {} (kept apart; fix the name and "
        "import again to merge)\n",
        d.line, d.name, d.roster_name);
  }
  for (size_t i = 0; i < r.skipped.size() && i < max_skipped; ++i) {
    out += fmt::format("  skipped: line {}: {}\n", r.skipped[i].line, r.skipped[i].reason);
  }
  if (r.skipped.size() > max_skipped) {
    out +=
        fmt::format("  ... and {} more (--json lists them all)\n", r.skipped.size() - max_skipped);
  }
  if (r.dry_run) out += "Dry run: nothing was written.\n";
  return out;
}

}  // namespace baton
