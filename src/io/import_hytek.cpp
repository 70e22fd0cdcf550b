#include "baton/import_hytek.h"

#include "core/text.h"
#include "io/import_text.h"

namespace baton {
namespace {

using import_text::field;

// Fields of the D / E / I records (0-based; Hy-Tek's documentation counts from 1).
constexpr size_t kLast = 1, kFirst = 2, kGender = 4, kTeamCode = 6, kTeamName = 7, kYear = 9,
                 kEvent = 10, kMark = 11;
// Fields of the Q / R relay records.
constexpr size_t kRelayTeamCode = 1, kRelayTeamName = 2, kRelayLetter = 3, kRelayGender = 4,
                 kRelayEvent = 6, kRelayTime = 7;
// Runners of a Q record: blocks of 8 fields from field 16.
constexpr size_t kFirstRunner = 15, kRunnerFields = 8, kMaxRunners = 8;

class Reader {
 public:
  explicit Reader(const std::string& file) {
    out_.format = "hytek";
    out_.file = file;
  }

  void record(const import_text::Line& line) {
    const Location whole{out_.file, line.number, ""};
    const std::vector<std::string> f = import_text::split(line.text, ';', whole);
    const std::string type = text::lowercase(field(f, 0));
    if (type == "i") {
      athlete(f, line.number);
    } else if (type == "d" || type == "e") {
      entry(f, line.number);
    } else if (type == "q" || type == "r") {
      relay(f, line.number, type == "q");
    } else {
      out_.skipped.push_back(
          {line.number, "record type '" + std::string(field(f, 0)) + "' is not an entry record"});
    }
  }

  ImportedFile finish() { return std::move(out_); }

 private:
  ImportedAthlete person(const std::vector<std::string>& f, int line) const {
    ImportedAthlete a;
    a.last = field(f, kLast);
    a.first = field(f, kFirst);
    if (a.last.empty() && a.first.empty()) {
      throw ParseError("the athlete has no name",
                       import_text::field_at(out_.file, line, kLast, "last name"));
    }
    a.sex = import_text::read_sex(field(f, kGender),
                                  import_text::field_at(out_.file, line, kGender, "gender"));
    a.team_code = field(f, kTeamCode);
    a.team_name = field(f, kTeamName);
    a.school_year = import_text::read_school_year(field(f, kYear));
    a.line = line;
    return a;
  }

  // The one record per person (last, first, team code), created on first sight.
  ImportedAthlete& find_or_add(ImportedAthlete a) {
    const std::optional<Sex> sex = a.sex;
    const std::optional<int> year = a.school_year;
    const std::string team = a.team_code;
    ImportedAthlete& known = people_.find_or_add(out_.athletes, std::move(a), team);
    if (!known.sex) known.sex = sex;
    if (!known.school_year) known.school_year = year;
    return known;
  }

  void athlete(const std::vector<std::string>& f, int line) { find_or_add(person(f, line)); }

  void entry(const std::vector<std::string>& f, int line) {
    ImportedAthlete a = person(f, line);
    const std::string_view code = field(f, kEvent);
    if (code.empty())
      throw ParseError("no event code", import_text::field_at(out_.file, line, kEvent, "event"));
    const std::string kind = import_text::non_running_kind(code);
    const std::optional<double> distance = import_text::flat_distance_m(code);
    ImportedAthlete& known = find_or_add(std::move(a));
    if (!kind.empty() || !distance) {
      out_.skipped.push_back({line, import_text::skip_reason(kind.empty() ? "event" : kind, code),
                              known.team_code, known.team_name});
      return;
    }
    const import_text::MarkCell cell = import_text::read_mark(
        field(f, kMark), import_text::field_at(out_.file, line, kMark, "mark"));
    if (!cell.mark) return;  // NT: entered without a seed mark
    known.marks.push_back({*distance, *cell.mark, "", out_.file, line});
  }

  void relay(const std::vector<std::string>& f, int line, bool with_runners) {
    const std::string_view code = field(f, kRelayEvent);
    const std::optional<std::string> event = import_text::relay_from_hytek_code(code);
    if (!event) {
      out_.skipped.push_back({line, import_text::unplanned_hytek_relay(code)});
      return;
    }
    ImportedRelay r;
    r.event = *event;
    r.team_code = field(f, kRelayTeamCode);
    r.team_name = field(f, kRelayTeamName);
    if (r.team_code.empty() && r.team_name.empty()) {
      throw ParseError("the relay has no team",
                       import_text::field_at(out_.file, line, kRelayTeamCode, "team code"));
    }
    r.letter = field(f, kRelayLetter);
    r.sex = import_text::read_sex(field(f, kRelayGender),
                                  import_text::field_at(out_.file, line, kRelayGender, "gender"));
    const import_text::MarkCell cell = import_text::read_mark(
        field(f, kRelayTime), import_text::field_at(out_.file, line, kRelayTime, "entry time"));
    r.time = cell.mark;
    r.status = cell.status;
    r.is_entry = true;
    r.line = line;
    if (with_runners) {
      for (size_t start = kFirstRunner; start < f.size(); start += kRunnerFields) {
        const std::string_view last = field(f, start), first = field(f, start + 1);
        if (last.empty() && first.empty()) continue;  // an empty block (unnamed leg)
        if (r.runners.size() == kMaxRunners) {
          throw ParseError("more than 8 runners",
                           import_text::field_at(out_.file, line, start, "runner last name"));
        }
        ImportedAthlete a;
        a.last = last;
        a.first = first;
        a.sex = import_text::read_sex(
            field(f, start + 3),
            import_text::field_at(out_.file, line, start + 3, "runner gender"));
        if (!a.sex) a.sex = r.sex;
        a.school_year = import_text::read_school_year(field(f, start + 6));
        a.team_code = r.team_code;
        a.team_name = r.team_name;
        a.line = line;
        find_or_add(a);
        r.runners.push_back(std::move(a));
      }
    }
    out_.relays.push_back(std::move(r));
  }

  ImportedFile out_;
  import_text::People people_;
};

}  // namespace

bool looks_like_hytek(std::string_view text) {
  const std::string_view first = import_text::first_line(text);
  if (first.size() < 2 || first[1] != ';') return false;
  const char type = static_cast<char>(first[0] & ~0x20);  // upper case
  if (type != 'I' && type != 'D' && type != 'E' && type != 'Q' && type != 'R') return false;
  size_t semicolons = 0;
  for (char c : first) semicolons += c == ';';
  return semicolons >= 6;
}

ImportedFile read_hytek(std::string_view text, const std::string& file) {
  Reader reader(file);
  for (const import_text::Line& line : import_text::lines(text, file)) reader.record(line);
  return reader.finish();
}

}  // namespace baton
