// The CSV roster: RFC 4180 fields (quotes, doubled quotes), a header row, one athlete a row.
#include <algorithm>
#include <cctype>

#include "baton/team_file.h"
#include "core/text.h"
#include "io/csv_text.h"

namespace baton {
namespace {

using text::lowercase;

std::string trimmed(const std::string& s) { return std::string(text::trim(s)); }

struct Row {
  int line = 0;
  std::vector<std::string> cells;
};

// Splits CSV text into rows of cells, tracking the line each row starts on. Quoted cells may
// hold commas, doubled quotes and newlines.
std::vector<Row> read_rows(std::string_view text, const std::string& source) {
  std::vector<Row> rows;
  Row row;
  std::string cell;
  int line = 1;
  row.line = 1;
  bool quoted = false;
  auto end_cell = [&]() {
    row.cells.push_back(std::move(cell));
    cell.clear();
  };
  auto end_row = [&]() {
    end_cell();
    const bool blank =
        row.cells.size() == 1 && row.cells[0].find_first_not_of(" \t") == std::string::npos;
    if (!blank) rows.push_back(std::move(row));
    row = Row{};
    row.line = line;
  };
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 byte-order mark
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        cell += c;
      }
    } else if (c == '"') {
      if (cell.find_first_not_of(" \t") != std::string::npos) {
        throw ParseError("quote in the middle of a cell", Location{source, line, ""});
      }
      cell.clear();
      quoted = true;
    } else if (c == ',') {
      end_cell();
    } else if (c == '\n') {
      ++line;
      end_row();
    } else if (c != '\r') {
      cell += c;
    }
  }
  if (quoted) throw ParseError("unterminated quoted cell", Location{source, row.line, ""});
  end_row();
  return rows;
}

enum class Column { name, sex, best, split, foot, hand, form };

// A whole cell as a number; ParseError with `message` otherwise.
double number_cell(const std::string& value, const Location& loc, const char* message) {
  try {
    size_t used = 0;
    const double v = std::stod(value, &used);
    if (used != value.size()) throw std::invalid_argument(value);
    return v;
  } catch (const std::exception&) {
    throw ParseError(message, loc);
  }
}

}  // namespace

Team parse_roster_csv(std::string_view text, const std::string& source,
                      const std::string& team_name, RuleSet rules) {
  check_csv_utf8(text, source);
  const std::vector<Row> rows = read_rows(text, source);
  if (rows.empty()) throw ParseError("file is empty", Location{source, 0, ""});
  const Row& header = rows.front();
  std::vector<Column> kinds;
  std::vector<double> distances;
  bool has_name = false;
  bool has_sex = false;
  for (const std::string& raw : header.cells) {
    const std::string h = lowercase(trimmed(raw));
    const Location loc{source, header.line, h};
    double d = 0.0;
    Column kind;
    if (h == "name") {
      kind = Column::name;
      has_name = true;
    } else if (h == "sex") {
      kind = Column::sex;
      has_sex = true;
    } else if (h == "foot_length_m") {
      kind = Column::foot;
    } else if (h == "hand") {
      kind = Column::hand;
    } else if (h == "form_sd_percent") {
      kind = Column::form;
    } else if (h.starts_with("split_")) {
      kind = Column::split;
      d = parse_distance(h.substr(6), loc);
    } else {
      kind = Column::best;
      try {
        d = parse_distance(h, loc);
      } catch (const ParseError&) {
        throw ParseError("unknown column '" + trimmed(raw) +
                             "' (use name, sex, distances such as 100m or mile, split_10m, "
                             "foot_length_m, hand, form_sd_percent)",
                         loc);
      }
    }
    kinds.push_back(kind);
    distances.push_back(d);
  }
  if (!has_name || !has_sex) {
    throw ParseError("the header row must name the columns 'name' and 'sex'",
                     Location{source, header.line, ""});
  }

  Team team;
  team.name = team_name;
  team.rules = rules;
  team.has_team_info = !team_name.empty();
  for (size_t r = 1; r < rows.size(); ++r) {
    const Row& row = rows[r];
    if (row.cells.size() != header.cells.size()) {
      throw ParseError(fmt::format("row has {} cells but the header has {}", row.cells.size(),
                                   header.cells.size()),
                       Location{source, row.line, ""});
    }
    Athlete a;
    // Name and sex first, so that marks can be checked against the right records.
    for (size_t c = 0; c < kinds.size(); ++c) {
      const std::string value = trimmed(row.cells[c]);
      const Location loc{source, row.line, lowercase(trimmed(header.cells[c]))};
      if (kinds[c] == Column::name) a.name = value;
      if (kinds[c] == Column::sex) a.sex = parse_sex(value, loc);
    }
    for (size_t c = 0; c < kinds.size(); ++c) {
      const std::string value = trimmed(row.cells[c]);
      const Location loc{source, row.line, lowercase(trimmed(header.cells[c]))};
      if (value.empty()) continue;
      switch (kinds[c]) {
        case Column::best: {
          Best b{distances[c], parse_time(value, loc)};
          check_mark_plausible(b.distance_m, b.fat_s(), a.sex, loc);
          a.set_best(b);
          break;
        }
        case Column::split:
          a.splits.push_back(Split{distances[c], parse_time(value, loc).time_s});
          break;
        case Column::foot:
          a.foot_length_m = number_cell(value, loc, "foot length must be a number of metres");
          break;
        case Column::hand:
          a.hand = parse_hand(value, loc);
          break;
        case Column::form:
          a.form_sd_percent =
              number_cell(value, loc, "form spread must be a number (percent of the leg)");
          break;
        case Column::name:
        case Column::sex:
          break;
      }
    }
    std::sort(a.splits.begin(), a.splits.end(),
              [](const Split& x, const Split& y) { return x.distance_m < y.distance_m; });
    validate_athlete(a, Location{source, row.line, ""});
    check_athlete_model(a, Location{source, row.line, ""});
    if (team.find(a.name)) {
      throw ValidationError("athlete '" + a.name + "' appears twice",
                            Location{source, row.line, "name"});
    }
    team.athletes.push_back(std::move(a));
  }
  if (team.athletes.empty())
    throw ParseError("no athletes after the header row", Location{source, header.line, ""});
  return team;
}

}  // namespace baton
