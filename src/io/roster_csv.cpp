// The CSV roster (io/csv.h reads the cells): a header row, one athlete a row.
#include <algorithm>

#include "baton/team_file.h"
#include "core/text.h"
#include "io/csv.h"
#include "io/csv_text.h"

namespace baton {
namespace {

using text::lowercase;

std::string trimmed(const std::string& s) { return std::string(text::trim(s)); }

enum class Column { name, sex, best, split, foot, hand, form, entries };

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
  const std::vector<csv::Row> rows = csv::read_rows(text, source);
  if (rows.empty()) throw ParseError("file is empty", Location{source, 0, ""});
  const csv::Row& header = rows.front();
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
    } else if (h == "entries") {
      kind = Column::entries;
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
                             "foot_length_m, hand, form_sd_percent, entries)",
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
    const csv::Row& row = rows[r];
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
        case Column::entries:  // "100m;200m": a semicolon between events
          for (size_t from = 0; from <= value.size();) {
            const size_t end = std::min(value.find(';', from), value.size());
            const std::string entry = trimmed(value.substr(from, end - from));
            if (entry.empty()) {
              throw ParseError(
                  "empty individual entry: separate events with one ';', e.g. "
                  "100m;200m",
                  loc);
            }
            a.entries.push_back(entry);
            from = end + 1;
          }
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
