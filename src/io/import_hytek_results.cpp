#include "baton/import_hytek_results.h"

#include <map>
#include <tuple>

#include "core/text.h"
#include "io/import_text.h"

namespace baton {
namespace {

using import_text::field;

Location at(const std::string& file, int line, size_t index, const char* name) {
  return Location{file, line, "field " + std::to_string(index + 1) + " (" + name + ")"};
}

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
constexpr size_t kKind = 1, kCode = 4, kGender = 5, kRound = 9, kMark = 10, kAthlete = 20;
// The R record has no field 2 (running or field): each of the above moves one to the left.
constexpr size_t kRelayShift = 1;

class Reader {
 public:
  explicit Reader(const std::string& file) {
    out_.format = "hytek-results";
    out_.file = file;
  }

  void record(const import_text::Line& line) {
    const std::vector<std::string> f =
        import_text::split(line.text, ';', {out_.file, line.number, ""});
    const std::string type = text::lowercase(field(f, 0));
    if (type == "h") {
      meet_ = field(f, 1);
      date_ = import_text::iso_date(field(f, 2));
    } else if (type == "e") {
      individual(f, line.number);
    } else if (type == "r") {
      relay(f, line.number);
    } else {
      out_.skipped.push_back(
          {line.number, "record type '" + std::string(field(f, 0)) + "' is not a result record"});
    }
  }

  ImportedFile finish() { return std::move(out_); }

 private:
  std::string source() const { return meet_.empty() ? out_.file : meet_; }

  void individual(const std::vector<std::string>& f, int line) {
    const std::string kind = text::lowercase(field(f, kKind));
    const std::string_view code = field(f, kCode);
    if (kind != "t" && kind != "tm") {
      const char* what = kind == "f" || kind == "fm" ? "field event" : "combined event";
      out_.skipped.push_back({line, import_text::skip_reason(what, code)});
      return;
    }
    const std::string other = import_text::non_running_kind(code);
    const std::optional<double> distance = import_text::flat_distance_m(code);
    if (!other.empty() || !distance) {
      out_.skipped.push_back(
          {line, import_text::skip_reason(other.empty() ? "event" : other, code)});
      return;
    }
    const size_t p = person_at(f, kAthlete);
    if (p == std::string::npos) {
      throw ParseError("no athlete (last; first; initial; gender) after the result fields",
                       at(out_.file, line, kAthlete, "last name"));
    }
    ImportedAthlete a;
    a.last = f[p];
    a.first = f[p + 1];
    a.sex = import_text::read_sex(f[p + 3], at(out_.file, line, p + 3, "gender"));
    a.team_code = field(f, p + 5);
    a.team_name = field(f, p + 6);
    a.school_year = import_text::read_school_year(field(f, p + 8));
    a.line = line;
    const import_text::MarkCell m =
        import_text::read_mark(field(f, kMark), at(out_.file, line, kMark, "result mark"));
    ImportedAthlete& known = add(std::move(a));
    if (m.mark) {
      known.marks.push_back({*distance, *m.mark, date_, source(), line});
    } else {
      out_.skipped.push_back({line, known.full_name() + " in the " + std::string(code) +
                                        ": no time (" + std::string(field(f, kMark)) + ")"});
    }
  }

  void relay(const std::vector<std::string>& f, int line) {
    const size_t code_at = kCode - kRelayShift, mark_at = kMark - kRelayShift;
    const std::string_view code = field(f, code_at);
    const std::optional<std::string> event = import_text::relay_from_hytek_code(code);
    if (!event) {
      out_.skipped.push_back({line, import_text::unplanned_hytek_relay(code)});
      return;
    }
    ImportedRelay r;
    r.event = *event;
    r.sex = import_text::read_sex(field(f, kGender - kRelayShift),
                                  at(out_.file, line, kGender - kRelayShift, "gender"));
    const import_text::MarkCell m =
        import_text::read_mark(field(f, mark_at), at(out_.file, line, mark_at, "result mark"));
    r.time = m.mark;
    r.status = m.status;
    // After the result fields: team code; team name; letter; then the runners.
    size_t t = kAthlete - kRelayShift;
    while (t < f.size() && f[t].empty()) ++t;
    r.team_code = field(f, t);
    r.team_name = field(f, t + 1);
    r.letter = field(f, t + 2);
    if (r.team_code.empty() && r.team_name.empty()) {
      throw ParseError("the relay has no team", at(out_.file, line, t, "team code"));
    }
    for (size_t p = person_at(f, t + 3); p != std::string::npos; p = person_at(f, p + 4)) {
      if (r.runners.size() == 8) {
        throw ParseError("more than 8 runners", at(out_.file, line, p, "runner last name"));
      }
      ImportedAthlete a;
      a.last = f[p];
      a.first = f[p + 1];
      a.sex = import_text::read_sex(f[p + 3], at(out_.file, line, p + 3, "runner gender"));
      a.team_code = r.team_code;
      a.team_name = r.team_name;
      a.line = line;
      r.runners.push_back(a);
      add(std::move(a));
    }
    r.meet = meet_;
    r.date = date_;
    r.line = line;
    out_.relays.push_back(std::move(r));
  }

  ImportedAthlete& add(ImportedAthlete a) {
    const auto key = std::make_tuple(text::lowercase(a.last), text::lowercase(a.first),
                                     text::lowercase(a.team_code));
    const auto it = index_.find(key);
    if (it != index_.end()) return out_.athletes[it->second];
    index_.emplace(key, out_.athletes.size());
    out_.athletes.push_back(std::move(a));
    return out_.athletes.back();
  }

  ImportedFile out_;
  std::string meet_, date_;
  std::map<std::tuple<std::string, std::string, std::string>, size_t> index_;
};

}  // namespace

bool looks_like_hytek_results(std::string_view text) {
  const std::string_view first = import_text::first_line(text);
  return first.size() > 2 && (first[0] == 'H' || first[0] == 'h') && first[1] == ';';
}

ImportedFile read_hytek_results(std::string_view text, const std::string& file) {
  Reader reader(file);
  for (const import_text::Line& line : import_text::lines(text, file)) reader.record(line);
  return reader.finish();
}

}  // namespace baton
