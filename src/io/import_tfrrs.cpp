// TFRRS athlete histories: one performance a row under the header `Athlete, Event, Mark, Date`
// (a team's athletes' "all performances" tables, saved as CSV), optionally with Meet, Team and
// Gender columns. docs/FILE_FORMATS.md shows an example.
#include <fmt/format.h>

#include <map>

#include "core/text.h"
#include "io/import_readers.h"
#include "io/import_text.h"

namespace baton {
namespace {

using import_text::header_key;

struct Columns {
  int athlete = -1, event = -1, mark = -1, date = -1, meet = -1, team = -1, sex = -1;
};

Columns columns(const csv::Row& header) {
  Columns c;
  for (size_t i = 0; i < header.cells.size(); ++i) {
    const std::string k = header_key(header.cells[i]);
    const int n = static_cast<int>(i);
    if (k == "athlete" || k == "name" || k == "athletename") c.athlete = n;
    if (k == "event") c.event = n;
    if (k == "mark" || k == "time" || k == "result" || k == "performance") c.mark = n;
    if (k == "date" || k == "meetdate") c.date = n;
    if (k == "meet" || k == "meetname") c.meet = n;
    if (k == "team" || k == "school") c.team = n;
    if (k == "gender" || k == "sex") c.sex = n;
  }
  return c;
}

std::string cell(const csv::Row& row, int i) {
  if (i < 0 || static_cast<size_t>(i) >= row.cells.size()) return "";
  return std::string(text::trim(row.cells[static_cast<size_t>(i)]));
}

}  // namespace

bool looks_like_tfrrs(std::string_view text) {
  try {
    const std::string_view first = text.substr(0, text.find('\n'));
    const std::vector<csv::Row> rows =
        csv::read_rows(first, "", import_text::sniff_separator(first));
    if (rows.empty()) return false;
    const Columns c = columns(rows.front());
    return c.athlete >= 0 && c.event >= 0 && c.mark >= 0;
  } catch (const Error&) {
    return false;
  }
}

ImportedFile read_tfrrs(std::string_view text, const std::string& file) {
  const std::vector<csv::Row> rows = import_text::delimited_rows(text, file);
  if (rows.empty()) throw ParseError("file is empty", Location{file, 0, ""});
  const Columns c = columns(rows.front());
  if (c.athlete < 0 || c.event < 0 || c.mark < 0) {
    throw ParseError("the header must name the columns Athlete, Event and Mark",
                     Location{file, rows.front().line, ""});
  }
  const std::vector<std::string>& header = rows.front().cells;
  auto column_name = [&](int i) { return std::string(text::trim(header[static_cast<size_t>(i)])); };
  ImportedFile out;
  out.format = "tfrrs";
  out.file = file;
  std::map<std::string, size_t> index;  // full name as written -> athlete
  for (size_t r = 1; r < rows.size(); ++r) {
    const csv::Row& row = rows[r];
    const std::string name = cell(row, c.athlete);
    if (name.empty()) {
      out.skipped.push_back({row.line, "no athlete name"});
      continue;
    }
    auto [it, added] = index.emplace(name, out.athletes.size());
    if (added) {
      ImportedAthlete a;
      std::tie(a.first, a.last) = import_text::split_name(name);
      a.team_name = cell(row, c.team);
      a.sex = import_text::read_sex(cell(row, c.sex));
      a.line = row.line;
      out.athletes.push_back(std::move(a));
    }
    ImportedAthlete& a = out.athletes[it->second];
    const std::string event = cell(row, c.event);
    const import_text::EventKind kind = import_text::classify_event(event);
    if (kind.kind == import_text::EventKind::relay) {
      out.skipped.push_back(
          {row.line, fmt::format("{} ({}): a relay leg without the team's running "
                                 "order",
                                 event, name)});
      continue;
    }
    if (kind.kind != import_text::EventKind::open) {
      out.skipped.push_back(
          {row.line, fmt::format("{}: {}", event,
                                 kind.reason.empty() ? "not an event Baton knows" : kind.reason)});
      continue;
    }
    const std::string mark = cell(row, c.mark);
    if (mark.empty()) {
      out.skipped.push_back({row.line, fmt::format("{}: no mark", event)});
      continue;
    }
    if (const auto status = import_text::status_reason(mark)) {
      out.skipped.push_back({row.line, fmt::format("{}: {}", event, *status)});
      continue;
    }
    ImportedMark m;
    m.distance_m = kind.distance_m;
    m.mark = import_text::read_time(mark, kind.hand_timed,
                                    Location{file, row.line, column_name(c.mark)});
    if (c.date >= 0)
      m.date =
          import_text::read_date(cell(row, c.date), Location{file, row.line, column_name(c.date)});
    m.source = c.meet >= 0 && !cell(row, c.meet).empty() ? cell(row, c.meet) : file;
    m.line = row.line;
    a.marks.push_back(std::move(m));
  }
  return out;
}

}  // namespace baton
