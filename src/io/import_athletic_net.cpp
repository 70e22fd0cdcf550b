// Athletic.net's uploadable formats (cs.athletic.net/admin/w/guide/uploadable-file-formats.aspx,
// wiki.athletic.net/RosterUpload.ashx):
// - the roster upload: Gender, FirstName, LastName, Grade, one athlete a line, tab-separated
//   (a header row naming the four columns may give them in any order; without one they come in
//   that order);
// - the delimited results format: a header row with at least FirstName, LastName, Team, Time and
//   Gender (also Grade, Place, DivisionID, Score, and here Event and Date), comma-, semicolon- or
//   tab-separated, DQ or DNF in the Time column.
#include <fmt/format.h>

#include "core/text.h"
#include "io/import_readers.h"
#include "io/import_text.h"

namespace baton {
namespace {

using import_text::header_key;

struct Columns {
  int first = -1, last = -1, gender = -1, grade = -1, team = -1, time = -1, event = -1, date = -1,
      meet = -1;
  bool header = false;
};

Columns columns(const std::vector<std::string>& cells) {
  Columns c;
  for (size_t i = 0; i < cells.size(); ++i) {
    const std::string k = header_key(cells[i]);
    const int n = static_cast<int>(i);
    if (k == "firstname") c.first = n;
    if (k == "lastname") c.last = n;
    if (k == "gender") c.gender = n;
    if (k == "grade") c.grade = n;
    if (k == "team") c.team = n;
    if (k == "time" || k == "mark") c.time = n;
    if (k == "event") c.event = n;
    if (k == "date") c.date = n;
    if (k == "meet") c.meet = n;
  }
  c.header = c.first >= 0 && c.last >= 0 && c.gender >= 0 &&
             (c.time >= 0 || (c.grade >= 0 && cells.size() == 4));
  return c;
}

// A roster line without a header: Gender, FirstName, LastName, Grade.
bool roster_line(const std::vector<std::string>& cells) {
  if (cells.size() != 4 || !import_text::read_sex(cells[0])) return false;
  try {
    return import_text::read_grade(cells[3], {}).has_value();
  } catch (const Error&) {
    return false;
  }
}

// The cells of a line: as separated, or split at spaces when the line holds one cell.
std::vector<std::string> cells_of(const csv::Row& row) {
  if (row.cells.size() != 1) return row.cells;
  std::vector<std::string> out;
  std::string word;
  for (char ch : row.cells[0] + " ") {
    if (ch == ' ' || ch == '\t') {
      if (!word.empty()) out.push_back(word);
      word.clear();
    } else {
      word += ch;
    }
  }
  return out;
}

std::string at(const std::vector<std::string>& cells, int i) {
  if (i < 0 || static_cast<size_t>(i) >= cells.size()) return "";
  return std::string(text::trim(cells[static_cast<size_t>(i)]));
}

}  // namespace

bool looks_like_athletic_net(std::string_view text) {
  try {
    const std::string_view first = text.substr(0, text.find('\n'));
    const std::vector<csv::Row> rows =
        csv::read_rows(first, "", import_text::sniff_separator(first));
    if (rows.empty()) return false;
    const std::vector<std::string> cells = cells_of(rows.front());
    return columns(cells).header || roster_line(cells);
  } catch (const Error&) {
    return false;
  }
}

ImportedFile read_athletic_net(std::string_view text, const std::string& file) {
  const std::vector<csv::Row> rows = import_text::delimited_rows(text, file);
  if (rows.empty()) throw ParseError("file is empty", Location{file, 0, ""});
  const std::vector<std::string> head = cells_of(rows.front());
  Columns c = columns(head);
  size_t start = 1;
  std::vector<std::string> titles = head;
  if (!c.header) {
    if (!roster_line(head)) {
      throw ParseError(
          "neither an Athletic.net roster (Gender, FirstName, LastName, Grade) nor a "
          "results file (FirstName, LastName, Team, Time, Gender)",
          Location{file, rows.front().line, ""});
    }
    c = Columns{};
    c.gender = 0;
    c.first = 1;
    c.last = 2;
    c.grade = 3;
    start = 0;
    titles = {"Gender", "FirstName", "LastName", "Grade"};
  }
  auto title = [&](int i) { return at(titles, i); };
  ImportedFile out;
  out.format = "athletic-net";
  out.file = file;
  for (size_t r = start; r < rows.size(); ++r) {
    const int line = rows[r].line;
    const std::vector<std::string> cells = cells_of(rows[r]);
    ImportedAthlete a;
    a.first = at(cells, c.first);
    a.last = at(cells, c.last);
    a.line = line;
    if (a.first.empty() && a.last.empty()) {
      out.skipped.push_back({line, "no name"});
      continue;
    }
    const std::string gender = at(cells, c.gender);
    a.sex = import_text::read_sex(gender);
    if (!a.sex) {
      throw ParseError(fmt::format("cannot read gender '{}': write M or F", gender),
                       Location{file, line, title(c.gender)});
    }
    if (c.grade >= 0)
      a.school_year = import_text::read_grade(at(cells, c.grade), {file, line, title(c.grade)});
    a.team_name = at(cells, c.team);
    if (c.time >= 0) {
      const std::string time = at(cells, c.time);
      const std::string event = at(cells, c.event);
      const import_text::EventKind kind = import_text::classify_event(event);
      if (c.event < 0 || event.empty()) {
        out.skipped.push_back({line, "no Event: Baton cannot tell which race the time is from"});
      } else if (kind.kind == import_text::EventKind::relay) {
        out.skipped.push_back(
            {line, fmt::format("{}: a relay leg without the team's running order", event)});
      } else if (kind.kind != import_text::EventKind::open) {
        out.skipped.push_back(
            {line, fmt::format("{}: {}", event,
                               kind.reason.empty() ? "not an event Baton knows" : kind.reason)});
      } else if (time.empty()) {
        out.skipped.push_back({line, fmt::format("{}: no time", event)});
      } else if (const auto status = import_text::status_reason(time)) {
        out.skipped.push_back({line, fmt::format("{}: {}", event, *status)});
      } else {
        ImportedMark m;
        m.distance_m = kind.distance_m;
        const Location where{file, line, title(c.time)};
        m.mark = import_text::read_time(time, kind.hand_timed, where);
        check_mark_plausible(m.distance_m, to_fat_s(m.mark, m.distance_m), *a.sex, where);
        m.date = import_text::read_date(at(cells, c.date), {file, line, title(c.date)});
        m.source = at(cells, c.meet).empty() ? file : at(cells, c.meet);
        m.line = line;
        a.marks.push_back(std::move(m));
      }
    }
    out.athletes.push_back(std::move(a));
  }
  return out;
}

}  // namespace baton
