// Spreadsheets coaches keep: one athlete a row, one event a column. The header names the
// columns as people write them: a name ("Name", "Athlete", written "Last, First" or "First
// Last") or "First" and "Last" columns, "Grade" / "Year" / "Class", "Sex" / "Gender", "Team",
// and events ("100 Meters", "100m", "100", "100 M", "Mile"; "100m (hand)" for a hand-timed
// column). Cells hold times ("12.41", "2:18.5", "12.4h") or a status (NT, DNS, DNF, DQ, SCR,
// NM) that is counted as skipped. Commas, semicolons or tabs separate the cells (sniffed);
// a byte-order mark and CRLF line ends are fine.
#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "core/text.h"
#include "io/import_readers.h"
#include "io/import_text.h"

namespace baton {
namespace {

using import_text::EventKind;
using import_text::header_key;

enum class Kind {
  full_name,
  first,
  last,
  grade,
  sex,
  team,
  team_code,
  date,
  meet,
  event,
  // a relay table: one relay a row
  event_name,
  time,
  seed,
  letter,
  runner,
  split,
  ignored
};

struct Column {
  Kind kind = Kind::ignored;
  std::string title;  // as written, for messages
  EventKind event;
  int leg = 0;  // runner and split columns: 1-based leg
};

// "Runner 1", "Leg 2", "Split 3", "Leg 4 Split": the leg of a relay table's column.
bool leg_column(const std::string& k, Column& c) {
  static const std::regex kRunner(R"((runner|leg|athlete)([1-8]))");
  static const std::regex kSplit(R"((split|leg)([1-8])(split)?)");
  std::smatch m;
  if (std::regex_match(k, m, kSplit) && (m[1] == "split" || m[3].matched)) {
    c.kind = Kind::split;
    c.leg = std::stoi(m[2]);
    return true;
  }
  if (std::regex_match(k, m, kRunner)) {
    c.kind = Kind::runner;
    c.leg = std::stoi(m[2]);
    return true;
  }
  return false;
}

// A column of Baton's own CSV roster beyond names and marks (io/roster_csv.cpp): sprint splits,
// foot length, carrying hand, form spread, individual entries.
bool roster_column(const std::string& title) {
  const std::string t = text::lowercase(text::trim(title));
  return t.starts_with("split_") || t == "foot_length_m" || t == "hand" || t == "form_sd_percent" ||
         t == "entries";
}

Kind person_column(const std::string& k) {
  if (k == "name" || k == "athlete" || k == "athletename" || k == "fullname" || k == "runner" ||
      k == "lastfirst" || k == "namelastfirst") {
    return Kind::full_name;
  }
  if (k == "first" || k == "firstname" || k == "givenname" || k == "fname") return Kind::first;
  if (k == "last" || k == "lastname" || k == "surname" || k == "familyname" || k == "lname") {
    return Kind::last;
  }
  if (k == "grade" || k == "gr" || k == "yr" || k == "year" || k == "class" || k == "classyear" ||
      k == "schoolyear") {
    return Kind::grade;
  }
  if (k == "sex" || k == "gender" || k == "mf" || k == "fm" || k == "boysgirls" ||
      k == "girlsboys") {
    return Kind::sex;
  }
  if (k == "team" || k == "school" || k == "club" || k == "affiliation" || k == "teamname") {
    return Kind::team;
  }
  if (k == "teamcode" || k == "code" || k == "abbr" || k == "teamabbr") return Kind::team_code;
  if (k == "date" || k == "meetdate") return Kind::date;
  if (k == "meet" || k == "meetname") return Kind::meet;
  if (k == "event" || k == "relay") return Kind::event_name;
  if (k == "time" || k == "result" || k == "finaltime" || k == "mark") return Kind::time;
  if (k == "seed" || k == "seedtime" || k == "entrytime") return Kind::seed;
  if (k == "letter" || k == "squad" || k == "relayletter") return Kind::letter;
  return Kind::ignored;
}

std::vector<Column> read_header(const csv::Row& header) {
  std::vector<Column> cols;
  for (const std::string& raw : header.cells) {
    Column c;
    c.title = std::string(text::trim(raw));
    c.kind = person_column(header_key(raw));
    if (c.kind == Kind::ignored) leg_column(header_key(raw), c);
    if (c.kind == Kind::ignored) {
      c.event = import_text::classify_event(raw);
      if (c.event.kind != EventKind::other || !c.event.reason.empty()) c.kind = Kind::event;
    }
    cols.push_back(std::move(c));
  }
  return cols;
}

bool has(const std::vector<Column>& cols, Kind kind) {
  for (const Column& c : cols) {
    if (c.kind == kind) return true;
  }
  return false;
}

// A table of relays: a team, an event and a time (or seed) a row.
bool relay_table(const std::vector<Column>& cols) {
  return has(cols, Kind::team) && has(cols, Kind::event_name) &&
         (has(cols, Kind::time) || has(cols, Kind::seed)) && !has(cols, Kind::full_name) &&
         !has(cols, Kind::first);
}

bool has_open_event(const std::vector<Column>& cols) {
  for (const Column& c : cols) {
    if (c.kind == Kind::event && c.event.kind == EventKind::open) return true;
  }
  return false;
}

}  // namespace

bool looks_like_spreadsheet(std::string_view text) {
  try {
    const std::string_view first = text.substr(0, text.find('\n'));
    const std::vector<csv::Row> rows =
        csv::read_rows(first, "", import_text::sniff_separator(first));
    if (rows.empty()) return false;
    const std::vector<Column> cols = read_header(rows.front());
    const bool named =
        has(cols, Kind::full_name) || (has(cols, Kind::first) && has(cols, Kind::last));
    return (named && has_open_event(cols)) || relay_table(cols);
  } catch (const Error&) {
    return false;
  }
}

namespace {

std::string cell(const csv::Row& row, size_t i) {
  return i < row.cells.size() ? std::string(text::trim(row.cells[i])) : std::string();
}

// One relay a row: Team, Event, Time or Seed, and optionally Letter, Sex, Date, Meet, Runner
// 1-8 (names, leg 1 first) and Split 1-8.
ImportedFile read_relays(const std::vector<csv::Row>& rows, const std::vector<Column>& cols,
                         const std::string& file) {
  ImportedFile out;
  out.format = "csv";
  out.file = file;
  for (size_t r = 1; r < rows.size(); ++r) {
    const csv::Row& row = rows[r];
    ImportedRelay relay;
    relay.line = row.line;
    std::string event_name;
    std::string time;
    std::vector<std::pair<int, std::string>> runners;
    std::vector<std::pair<int, double>> splits;
    for (size_t i = 0; i < cols.size(); ++i) {
      const std::string value = cell(row, i);
      const Location at{file, row.line, cols[i].title};
      switch (cols[i].kind) {
        case Kind::team:
          relay.team_name = value;
          break;
        case Kind::team_code:
          relay.team_code = value;
          break;
        case Kind::event_name:
          event_name = value;
          break;
        case Kind::time:
          time = value;
          break;
        case Kind::seed:
          time = value;
          relay.is_entry = true;
          break;
        case Kind::letter:
          relay.letter = value;
          break;
        case Kind::sex:
          if (!value.empty()) {
            relay.sex = import_text::read_sex(value);
            if (!relay.sex && header_key(value) != "x" && header_key(value) != "mixed") {
              throw ParseError(fmt::format("cannot read sex '{}': write F, M or X", value), at);
            }
          }
          break;
        case Kind::date:
          relay.date = import_text::read_date(value, at);
          break;
        case Kind::meet:
          relay.meet = value;
          break;
        case Kind::runner:
          if (!value.empty()) runners.emplace_back(cols[i].leg, value);
          break;
        case Kind::split:
          if (!value.empty())
            splits.emplace_back(cols[i].leg, import_text::read_time(value, false, at).time_s);
          break;
        default:
          break;
      }
    }
    const EventKind kind = import_text::classify_event(event_name);
    if (kind.kind != EventKind::relay) {
      out.skipped.push_back(
          {row.line, fmt::format("{}: {}", event_name.empty() ? "no event" : event_name,
                                 kind.reason.empty() ? "not a relay Baton plans" : kind.reason)});
      continue;
    }
    relay.event = kind.relay_id;
    const import_text::MarkCell outcome =
        import_text::read_mark(time, Location{file, row.line, "Time"});
    if (outcome.no_time) {
      out.skipped.push_back({row.line, fmt::format("{}: no time", event_name)});
      continue;
    }
    relay.status = outcome.status;
    relay.time = outcome.mark;
    if (relay.time && kind.hand_timed) relay.time->hand_timed = true;
    std::sort(runners.begin(), runners.end());
    for (const auto& [leg, name] : runners) {
      ImportedAthlete a;
      std::tie(a.first, a.last) = import_text::split_name(name);
      a.sex = relay.sex;
      a.team_name = relay.team_name;
      a.team_code = relay.team_code;
      a.line = row.line;
      relay.runners.push_back(std::move(a));
    }
    std::sort(splits.begin(), splits.end());
    for (const auto& [leg, s] : splits) relay.splits_s.push_back(s);
    out.relays.push_back(std::move(relay));
  }
  return out;
}

}  // namespace

ImportedFile read_spreadsheet(std::string_view text, const std::string& file) {
  const std::vector<csv::Row> rows = import_text::delimited_rows(text, file);
  if (rows.empty()) throw ParseError("file is empty", Location{file, 0, ""});
  const csv::Row& header = rows.front();
  const std::vector<Column> cols = read_header(header);
  if (relay_table(cols)) return read_relays(rows, cols, file);
  if (!has(cols, Kind::full_name) && !(has(cols, Kind::first) && has(cols, Kind::last))) {
    throw ParseError("the header must name a Name (or Athlete) column, or First and Last columns",
                     Location{file, header.line, ""});
  }
  ImportedFile out;
  out.format = "csv";
  out.file = file;
  for (const Column& c : cols) {
    if (c.kind == Kind::event && c.event.kind == EventKind::relay) {
      out.skipped.push_back({header.line, fmt::format("column '{}': a relay time without its "
                                                      "runners' order",
                                                      c.title)});
    } else if (c.kind == Kind::event && c.event.kind == EventKind::other) {
      out.skipped.push_back({header.line, fmt::format("column '{}': {}", c.title, c.event.reason)});
    } else if (c.kind == Kind::ignored && roster_column(c.title)) {
      out.skipped.push_back(
          {header.line, fmt::format("column '{}': a column of Baton's own roster file, which "
                                    "`baton roster import` reads in full (this import reads "
                                    "names, sexes, teams and marks)",
                                    c.title)});
    } else if (c.kind == Kind::ignored && !c.title.empty()) {
      out.skipped.push_back(
          {header.line, fmt::format("column '{}': not one Baton reads", c.title)});
    }
  }
  for (size_t r = 1; r < rows.size(); ++r) {
    const csv::Row& row = rows[r];
    ImportedAthlete a;
    a.line = row.line;
    std::string date;
    std::string meet;
    std::string sex_cell;
    size_t sex_col = 0;
    for (size_t i = 0; i < cols.size() && i < row.cells.size(); ++i) {
      const std::string value(text::trim(row.cells[i]));
      const Location at{file, row.line, cols[i].title};
      switch (cols[i].kind) {
        case Kind::full_name:
          std::tie(a.first, a.last) = import_text::split_name(value);
          break;
        case Kind::first:
          a.first = value;
          break;
        case Kind::last:
          a.last = value;
          break;
        case Kind::grade:
          a.school_year = import_text::read_grade(value, at);
          break;
        case Kind::sex:
          sex_cell = value;
          sex_col = i;
          break;
        case Kind::team:
          a.team_name = value;
          break;
        case Kind::team_code:
          a.team_code = value;
          break;
        case Kind::date:
          date = import_text::read_date(value, at);
          break;
        case Kind::meet:
          meet = value;
          break;
        default:
          break;
      }
    }
    if (!sex_cell.empty()) {
      a.sex = import_text::read_sex(sex_cell);
      if (!a.sex) {
        throw ParseError(fmt::format("cannot read sex '{}': write F or M (also Female, Male, "
                                     "Girls, Boys, W)",
                                     sex_cell),
                         Location{file, row.line, cols[sex_col].title});
      }
    }
    if (a.first.empty() && a.last.empty()) {
      out.skipped.push_back({row.line, "no name"});
      continue;
    }
    for (size_t i = 0; i < cols.size() && i < row.cells.size(); ++i) {
      const Column& c = cols[i];
      if (c.kind != Kind::event || c.event.kind != EventKind::open) continue;
      const std::string value(text::trim(row.cells[i]));
      if (value.empty()) continue;
      if (const auto status = import_text::status_reason(value)) {
        out.skipped.push_back(
            {row.line, fmt::format("{} for {}: {}", c.title, a.full_name(), *status)});
        continue;
      }
      const Location at{file, row.line, c.title};
      ImportedMark m;
      m.distance_m = c.event.distance_m;
      m.mark = import_text::read_time(value, c.event.hand_timed, at);
      if (a.sex) check_mark_plausible(m.distance_m, to_fat_s(m.mark, m.distance_m), *a.sex, at);
      m.date = date;
      m.source = meet.empty() ? file : meet;
      m.line = row.line;
      a.marks.push_back(std::move(m));
    }
    out.athletes.push_back(std::move(a));
  }
  return out;
}

}  // namespace baton
