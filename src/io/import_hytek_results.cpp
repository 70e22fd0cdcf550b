#include "baton/import_hytek_results.h"

#include "core/text.h"
#include "io/import_text.h"
#include "io/result_records.h"

namespace baton {
namespace {

using import_text::field;
using result_records::Builder;

bool sex_cell(std::string_view s) { return s == "M" || s == "F" || s == "m" || s == "f"; }

// The first block "last; first; initial; gender" at or after `from`: a name, an initial of at
// most one letter and M or F. Hy-Tek's results export puts the athlete after the result fields.
size_t person_at(const std::vector<std::string>& f, size_t from) {
  for (size_t i = from; i + 3 < f.size(); ++i) {
    if (!f[i].empty() && f[i + 2].size() <= 1 && sex_cell(f[i + 3])) return i;
  }
  return std::string::npos;
}

// Fields of the E record (0-based; Hy-Tek numbers them from 1).
constexpr size_t kKind = 1, kCode = 4, kGender = 5, kMark = 10, kAthlete = 20;
// The R record has no field 2 (running or field): each of the above moves one to the left.
constexpr size_t kRelayShift = 1;

void individual(Builder& out, const std::vector<std::string>& f, int line) {
  const std::string kind = text::lowercase(field(f, kKind));
  const std::string_view code = field(f, kCode);
  const char* not_running = kind == "t" || kind == "tm"   ? nullptr
                            : kind == "f" || kind == "fm" ? "field event"
                                                          : "combined event";
  const size_t p = person_at(f, kAthlete);
  if (p != std::string::npos) out.record_team(field(f, p + 5), field(f, p + 6));
  const std::optional<double> distance = out.flat_race(code, not_running, line);
  if (!distance) return;
  if (p == std::string::npos) {
    throw ParseError("no athlete (last; first; initial; gender) after the result fields",
                     out.at(line, kAthlete, "last name"));
  }
  ImportedAthlete a;
  a.last = f[p];
  a.first = f[p + 1];
  a.sex = import_text::read_sex(f[p + 3], out.at(line, p + 3, "gender"));
  a.team_code = field(f, p + 5);
  a.team_name = field(f, p + 6);
  a.school_year = import_text::read_school_year(field(f, p + 8));
  a.line = line;
  out.add_result(std::move(a), *distance, code, field(f, kMark),
                 out.at(line, kMark, "result mark"));
}

void relay(Builder& out, const std::vector<std::string>& f, int line) {
  const size_t gender_at = kGender - kRelayShift, mark_at = kMark - kRelayShift;
  // After the result fields: team code; team name; letter; then the runners.
  size_t t = kAthlete - kRelayShift;
  while (t < f.size() && f[t].empty()) ++t;
  out.record_team(field(f, t), field(f, t + 1));
  std::optional<ImportedRelay> r = out.relay(field(f, kCode - kRelayShift), field(f, gender_at),
                                             out.at(line, gender_at, "gender"), field(f, mark_at),
                                             out.at(line, mark_at, "result mark"), line);
  if (!r) return;
  r->team_code = field(f, t);
  r->team_name = field(f, t + 1);
  r->letter = field(f, t + 2);
  if (r->team_code.empty() && r->team_name.empty()) {
    throw ParseError("the relay has no team", out.at(line, t, "team code"));
  }
  for (size_t p = person_at(f, t + 3); p != std::string::npos; p = person_at(f, p + 4)) {
    if (r->runners.size() == 8) {
      throw ParseError("more than 8 runners", out.at(line, p, "runner last name"));
    }
    ImportedAthlete a;
    a.last = f[p];
    a.first = f[p + 1];
    a.sex = import_text::read_sex(f[p + 3], out.at(line, p + 3, "runner gender"));
    a.team_code = r->team_code;
    a.team_name = r->team_name;
    a.line = line;
    r->runners.push_back(std::move(a));
  }
  out.keep(std::move(*r));
}

}  // namespace

bool looks_like_hytek_results(std::string_view text) {
  const std::string_view first = import_text::first_line(text);
  return first.size() > 2 && (first[0] == 'H' || first[0] == 'h') && first[1] == ';';
}

ImportedFile read_hytek_results(std::string_view text, const std::string& file) {
  Builder out("hytek-results", file);
  out.read_all(
      text, ';', [&](const auto& f, int line) { individual(out, f, line); },
      [&](const auto& f, int line) { relay(out, f, line); });
  return out.finish();
}

}  // namespace baton
