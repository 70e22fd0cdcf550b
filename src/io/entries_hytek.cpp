// Hy-Tek Meet Manager's semicolon entry file, relay (Q) records only (docs/FILE_FORMATS.md).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <vector>

#include "baton/entries.h"
#include "baton/units.h"
#include "io/import_text.h"

namespace baton {
namespace {

// Hy-Tek's relay event code (Meet Manager's semicolon import) for a relay.
std::string hytek_code(const std::string& event) {
  if (std::optional<std::string> code = import_text::hytek_relay_code(event)) return *code;
  throw ValidationError("Hy-Tek has no event code for " + event +
                            " (it takes 4x100, 4x200, 4x400, 4x800, smr and dmr)",
                        Location{"", 0, "events"});
}

// A field as Hy-Tek reads it: no semicolons or line breaks inside.
std::string cell(std::string_view s) {
  std::string out;
  for (char c : s) out += (c == ';' || c == '\r' || c == '\n') ? ' ' : c;
  return out;
}

}  // namespace

std::string write_entries_hytek(const EntryList& entries) {
  std::string out;
  const std::string code = cell(entries.team_code.substr(0, 4));
  const std::string team = cell(entries.team_name.substr(0, 30));
  for (const RelayEntry& r : entries.relays) {
    // Fields 1-15: Q; team code; team name; letter; gender; age; event code; entry time; M/E;
    // division; then five fields this file leaves blank.
    std::vector<std::string> f = {"Q",
                                  code,
                                  team,
                                  cell(r.letter),
                                  r.sex ? std::string(to_string(*r.sex)) : "X",
                                  "",
                                  hytek_code(r.event),
                                  r.seed_s ? format_time(*r.seed_s) : "NT",
                                  "M"};
    f.resize(15);
    // From field 16, per runner: last; first; initial; gender; birth date; age; school year;
    // competitor number.
    auto runner = [&f](const EntryRunner& a) {
      for (std::string v :
           {cell(a.last), cell(a.first), std::string(), std::string(to_string(a.sex))}) {
        f.push_back(std::move(v));
      }
      f.resize(f.size() + 4);
    };
    for (const EntryRunner& a : r.runners) runner(a);
    for (const EntryRunner& a : r.alternates) runner(a);
    out += fmt::format("{}\r\n", fmt::join(f, ";"));
  }
  return out;
}

}  // namespace baton
