#include "baton/import_meetpro.h"

#include "core/text.h"
#include "io/import_text.h"
#include "io/result_records.h"

namespace baton {
namespace {

using import_text::field;
using result_records::Builder;

// Fields of the E record (0-based; the header's comments number them from 1).
constexpr size_t kKind = 1, kCode = 4, kGender = 5, kDivision = 8, kMark = 10, kLast = 22,
                 kFirst = 23, kAthleteGender = 25, kTeamCode = 27, kTeamName = 28;
// Fields of the R record: the team's name comes first, its code after the mark, and the
// runners from field 19 in blocks of seven.
constexpr size_t kRelayTeamName = 1, kRelayTeamCode = 12, kRunners = 18, kRunnerFields = 7;
constexpr size_t kMaxRunners = 8;

// The school year a division names ("7th grade"); none for any other division ("Varsity").
std::optional<int> division_year(std::string_view division) {
  const std::string d = text::lowercase(text::trim(division));
  const size_t space = d.find(' ');
  if (space == std::string::npos || d.substr(space + 1) != "grade") return std::nullopt;
  return import_text::read_school_year(d.substr(0, space));
}

void individual(Builder& out, const std::vector<std::string>& f, int line) {
  out.record_team(field(f, kTeamCode), field(f, kTeamName));
  const std::string kind = text::lowercase(field(f, kKind));
  const std::string_view code = field(f, kCode);
  const char* not_running = kind == "t" ? nullptr : kind == "f" ? "field event" : "event";
  const std::optional<double> distance = out.flat_race(code, not_running, line);
  if (!distance) return;
  if (field(f, kLast).empty() && field(f, kFirst).empty()) {
    throw ParseError("the result names no athlete", out.at(line, kLast, "last name"));
  }
  ImportedAthlete a;
  a.last = field(f, kLast);
  a.first = field(f, kFirst);
  a.sex = import_text::read_sex(field(f, kAthleteGender), out.at(line, kAthleteGender, "gender"));
  if (!a.sex) a.sex = import_text::read_sex(field(f, kGender), out.at(line, kGender, "gender"));
  a.team_code = field(f, kTeamCode);
  a.team_name = field(f, kTeamName);
  a.school_year = division_year(field(f, kDivision));
  a.line = line;
  out.add_result(std::move(a), *distance, code, field(f, kMark),
                 out.at(line, kMark, "result mark"));
}

void relay(Builder& out, const std::vector<std::string>& f, int line) {
  out.record_team(field(f, kRelayTeamCode), field(f, kRelayTeamName));
  std::optional<ImportedRelay> r =
      out.relay(field(f, kCode), field(f, kGender), out.at(line, kGender, "gender"),
                field(f, kMark), out.at(line, kMark, "result mark"), line);
  if (!r) return;
  r->team_code = field(f, kRelayTeamCode);
  r->team_name = field(f, kRelayTeamName);
  if (r->team_code.empty() && r->team_name.empty()) {
    throw ParseError("the relay has no team", out.at(line, kRelayTeamName, "team name"));
  }
  bool gap = false;
  for (size_t b = kRunners; b < f.size(); b += kRunnerFields) {
    if (f[b].empty() && field(f, b + 1).empty()) {
      gap = true;
      continue;
    }
    if (r->runners.size() == kMaxRunners) {
      throw ParseError("more than 8 runners", out.at(line, b, "runner last name"));
    }
    if (gap) {
      // A runner after an empty block: the file does not say who ran the leg before.
      r->runners.clear();
      out.skip(line, "relay " + r->event + " of " + r->team_name +
                         ": a runner's block is empty, so the running order is unknown; the "
                         "time is kept without the runners");
      break;
    }
    ImportedAthlete a;
    a.last = f[b];
    a.first = field(f, b + 1);
    a.sex = import_text::read_sex(field(f, b + 2), out.at(line, b + 2, "runner gender"));
    if (!a.sex) a.sex = r->sex;
    a.school_year = import_text::read_school_year(field(f, b + 4));
    a.team_code = r->team_code;
    a.team_name = r->team_name;
    a.line = line;
    r->runners.push_back(std::move(a));
  }
  out.keep(std::move(*r));
}

bool starts_record(std::string_view line, char type) {
  return line.size() > 2 && (line[0] == type || line[0] == type + ('a' - 'A')) && line[1] == ',';
}

}  // namespace

bool looks_like_meetpro(std::string_view text) {
  const std::string_view first = import_text::first_line(text);
  if (!starts_record(first, 'H')) return false;
  // The record after the header, blank lines skipped.
  const size_t end = static_cast<size_t>(first.data() - text.data()) + first.size();
  const size_t next = text.find_first_not_of("\r\n \t", end);
  if (next == std::string_view::npos) return false;
  const std::string_view rest = text.substr(next);
  return starts_record(rest, 'E') || starts_record(rest, 'R');
}

ImportedFile read_meetpro(std::string_view text, const std::string& file) {
  Builder out("meetpro", file);
  out.read_all(
      text, ',', [&](const auto& f, int line) { individual(out, f, line); },
      [&](const auto& f, int line) { relay(out, f, line); });
  return out.finish();
}

}  // namespace baton
