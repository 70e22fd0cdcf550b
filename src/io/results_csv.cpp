// The results CSV (io/csv.h reads the cells): a header row, one relay a row.
#include "baton/results_csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "baton/date.h"
#include "baton/team.h"
#include "baton/units.h"
#include "core/text.h"
#include "io/csv.h"
#include "io/csv_text.h"

namespace baton {
namespace {

using text::lowercase;

std::string trim(std::string_view s) { return std::string(text::trim(s)); }

// "A;B;C" or "A,B,C" as a list.
std::vector<std::string> split_list(const std::string& text) {
  std::string t = text;
  std::replace(t.begin(), t.end(), ';', ',');
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= t.size(); ++i) {
    if (i == t.size() || t[i] == ',') {
      out.push_back(trim(std::string_view(t).substr(start, i - start)));
      start = i + 1;
    }
  }
  return out;
}

// A yes/no cell; `word` (the column's own name, "dq" or "dnf") also reads as yes.
bool parse_flag(const std::string& text, std::string_view word, const Location& where) {
  const std::string t = lowercase(text);
  if (t.empty() || t == "no" || t == "0" || t == "false") return false;
  if (t == "yes" || t == "1" || t == "true" || t == word) return true;
  throw ParseError("'" + text + "' is not yes or no", where);
}

}  // namespace

std::vector<RelayResult> parse_results_csv(std::string_view text, const std::string& source,
                                           const std::string& default_date,
                                           std::vector<int>* lines) {
  check_csv_utf8(text, source);
  const std::vector<csv::Row> rows = csv::read_rows(text, source);
  if (rows.empty()) throw ParseError("the file is empty", Location{source, 0, ""});
  std::map<std::string, size_t> column;
  for (size_t i = 0; i < rows[0].cells.size(); ++i) {
    const std::string name = lowercase(trim(rows[0].cells[i]));
    static const char* kKnown[] = {"event", "order", "time", "splits", "drop",
                                   "dq",    "dnf",   "date", "meet"};
    if (std::find_if(std::begin(kKnown), std::end(kKnown),
                     [&](const char* k) { return name == k; }) == std::end(kKnown)) {
      throw ParseError("unknown column '" + name + "'", Location{source, rows[0].line, name});
    }
    column[name] = i;
  }
  for (const char* needed : {"event", "order", "time"}) {
    if (!column.count(needed)) {
      throw ParseError(std::string("the header has no '") + needed + "' column",
                       Location{source, rows[0].line, needed});
    }
  }
  std::vector<RelayResult> out;
  for (size_t r = 1; r < rows.size(); ++r) {
    const csv::Row& row = rows[r];
    const auto cell = [&](const char* name) {
      const auto it = column.find(name);
      return it == column.end() || it->second >= row.cells.size() ? std::string()
                                                                  : trim(row.cells[it->second]);
    };
    const auto loc = [&](const char* field) { return Location{source, row.line, field}; };
    RelayResult res;
    res.event = cell("event");
    res.meet = cell("meet");
    const std::string date = cell("date");
    res.date = parse_date(date.empty() ? default_date : date, loc("date"));
    std::string order = cell("order");
    std::replace(order.begin(), order.end(), ';', ',');
    res.order = split_names(order, loc("order"));
    const std::string time = cell("time");
    res.dq = parse_flag(cell("dq"), "dq", loc("dq"));
    res.dnf = parse_flag(cell("dnf"), "dnf", loc("dnf"));
    const std::string drop = cell("drop");
    if (!drop.empty()) {
      if (drop.find_first_not_of("0123456789") != std::string::npos || drop.size() > 2) {
        throw ParseError("'" + drop + "' is not a leg number", loc("drop"));
      }
      res.dropped_leg = std::stoi(drop);
    }
    if (!time.empty()) {
      const Mark m = parse_time(time, loc("time"));
      double total = 0;
      try {
        total = find_event(res.event, RuleSet::wa).total_m();
      } catch (const Error&) {
        total = 400;  // the event is checked later; hand-time offsets need only a distance
      }
      res.team_time_s = to_fat_s(m, total);
    }
    const std::string splits = cell("splits");
    if (!splits.empty()) {
      for (const std::string& s : split_list(splits)) {
        const Mark m = parse_time(s, loc("splits"));
        res.splits_s.push_back(m.time_s);
        res.splits_hand.push_back(m.hand_timed);
      }
      if (std::none_of(res.splits_hand.begin(), res.splits_hand.end(), [](bool h) { return h; })) {
        res.splits_hand.clear();
      }
    }
    out.push_back(std::move(res));
    if (lines) lines->push_back(row.line);
  }
  return out;
}

}  // namespace baton
