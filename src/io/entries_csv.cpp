// Relay entries as CSV, one row per runner (docs/FILE_FORMATS.md).
#include <fmt/format.h>

#include "baton/entries.h"
#include "baton/units.h"

namespace baton {
namespace {

// RFC 4180: quote a cell holding a comma, quote or line break, doubling its quotes.
std::string csv_cell(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string write_entries_csv(const EntryList& entries) {
  std::string out = "event,sex,team_code,team,letter,role,leg,first,last,seed\n";
  for (const RelayEntry& r : entries.relays) {
    const std::string sex = r.sex ? std::string(to_string(*r.sex)) : "X";
    const std::string seed = r.seed_s ? format_time(*r.seed_s) : "NT";
    auto row = [&](const EntryRunner& a, const std::string& role, const std::string& leg) {
      out += fmt::format("{},{},{},{},{},{},{},{},{},{}\n", r.event, sex,
                         csv_cell(entries.team_code), csv_cell(entries.team_name),
                         csv_cell(r.letter), role, leg, csv_cell(a.first), csv_cell(a.last), seed);
    };
    for (size_t i = 0; i < r.runners.size(); ++i) row(r.runners[i], "leg", std::to_string(i + 1));
    for (const EntryRunner& a : r.alternates) row(a, "alternate", "");
  }
  return out;
}

}  // namespace baton
