#include "baton/import_json.h"

namespace baton {

nlohmann::json import_report_to_json(const ImportReport& r) {
  nlohmann::json skipped = nlohmann::json::array();
  for (const SkippedLine& s : r.skipped)
    skipped.push_back({{"line", s.line}, {"reason", s.reason}});
  nlohmann::json merges = nlohmann::json::array();
  for (const NameMerge& m : r.merges) {
    merges.push_back({{"name", m.name}, {"into", m.into}, {"line", m.line}});
  }
  nlohmann::json duplicates = nlohmann::json::array();
  for (const LikelyDuplicate& d : r.likely_duplicates) {
    duplicates.push_back({{"name", d.name}, {"roster_name", d.roster_name}, {"line", d.line}});
  }
  return {
      {"format", r.format},
      {"file", r.file},
      {"team", r.team},
      {"teams", r.teams},
      {"athletes",
       {{"new", r.athletes_new}, {"updated", r.athletes_updated}, {"merged", r.athletes_merged}}},
      {"marks", r.marks},
      {"bests", r.bests},
      {"results", r.results},
      {"skipped", skipped},
      {"other_teams_lines", r.other_teams_lines},
      {"merges", merges},
      {"likely_duplicates", duplicates},
      {"since", r.since},
      {"dry_run", r.dry_run}};
}

}  // namespace baton
