// The JSON summary of an import, for `baton import --json` and POST /api/import. Keys are a
// contract (docs/FILE_FORMATS.md): add freely, never rename.
#pragma once

#include <nlohmann/json.hpp>

#include "baton/import_report.h"

namespace baton {

/// {"format", "file", "team", "teams", "athletes": {"new", "updated", "merged"}, "marks",
///  "bests", "results", "skipped": [{"line", "reason"}], "merges": [{"name", "into", "line"}],
///  "likely_duplicates": [{"name", "roster_name", "line"}], "since", "dry_run"}
nlohmann::json import_report_to_json(const ImportReport& report);

}  // namespace baton
