#include "baton/import_opentrack.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "io/import_text.h"

namespace baton {
namespace {

using json = nlohmann::json;

constexpr int kMaxDepth = 64;
constexpr size_t kLegs = 4;

// Refuses nesting deeper than kMaxDepth before parsing, so no input can exhaust the stack.
void check_depth(std::string_view text, const std::string& file) {
  int depth = 0, line = 1;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxDepth) {
        throw ParseError("JSON nested deeper than " + std::to_string(kMaxDepth) + " levels",
                         Location{file, line, ""});
      }
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
}

json parse(std::string_view text, const std::string& file) {
  if (text.size() > import_text::kMaxFileBytes) {
    throw ParseError("the file is larger than 16 MB", Location{file, 0, ""});
  }
  check_depth(text, file);
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    const size_t upto = std::min<size_t>(e.byte, text.size());
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + upto, '\n'));
    std::string what = e.what();
    const size_t colon = what.rfind(": ");
    throw ParseError(
        "not valid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2)),
        Location{file, line, ""});
  }
}

// A string member, or "" when missing; numbers are written as text (a bib may be either).
std::string str(const json& j, const char* key) {
  if (!j.is_object()) return "";
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  if (it->is_number()) return json(*it).dump();
  return "";
}

const json& list(const json& j, const char* key) {
  static const json empty = json::array();
  if (!j.is_object()) return empty;
  const auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : empty;
}

std::optional<Sex> sex_of(const json& j) {
  const std::string g = text::lowercase(str(j, "gender"));
  if (g == "m" || g == "male" || g == "men") return Sex::male;
  if (g == "f" || g == "w" || g == "female" || g == "women") return Sex::female;
  const std::string cat = str(j, "category");
  if (!cat.empty()) {
    const char last = static_cast<char>(std::toupper(static_cast<unsigned char>(cat.back())));
    if (last == 'M' || last == 'B') return Sex::male;
    if (last == 'W' || last == 'F' || last == 'G') return Sex::female;
  }
  return std::nullopt;
}

std::string strip_zeros(std::string s) {
  const size_t nz = s.find_first_not_of('0');
  return nz == std::string::npos ? s : s.substr(nz);
}

// What an event is for Baton.
struct EventKind {
  std::string title;
  std::optional<std::string> relay;
  std::optional<double> distance_m;
  std::string skip_kind;
  std::optional<Sex> sex;
};

EventKind kind_of(const json& e) {
  EventKind k;
  const std::string code = str(e, "eventCode");
  k.title = str(e, "name");
  if (k.title.empty()) k.title = code;
  k.sex = sex_of(e);
  if (!k.sex) k.sex = import_text::sex_from_title(k.title);
  k.relay = import_text::relay_from_title(code);
  if (!k.relay) k.relay = import_text::relay_from_title(k.title);
  if (k.relay) return k;
  k.skip_kind = import_text::non_running_kind(code.empty() ? k.title : code);
  if (k.skip_kind.empty()) k.skip_kind = import_text::non_running_kind(k.title);
  if (!k.skip_kind.empty()) return k;
  k.distance_m = import_text::flat_distance_m(code);
  if (!k.distance_m) k.distance_m = import_text::flat_distance_m(k.title);
  if (!k.distance_m) k.skip_kind = "event";
  return k;
}

class Reader {
 public:
  Reader(const json& doc, const std::string& file) : doc_(doc) {
    out_.format = "opentrack";
    out_.file = file;
    meet_ = str(doc, "name");
    date_ = import_text::iso_date(str(doc, "date"));
  }

  ImportedFile read() {
    const json& events = list(doc_, "events");
    for (size_t i = 0; i < events.size(); ++i) {
      kinds_[str(events[i], "eventId")] = kind_of(events[i]);
    }
    const json& competitors = list(doc_, "competitors");
    for (size_t i = 0; i < competitors.size(); ++i) competitor(competitors[i], i);
    for (size_t i = 0; i < events.size(); ++i) event(events[i], i);
    return std::move(out_);
  }

 private:
  Location at(const std::string& path) const { return Location{out_.file, 0, path}; }

  void competitor(const json& c, size_t i) {
    const std::string path = "competitors." + std::to_string(i);
    if (!c.is_object()) throw ParseError("not an object", at(path));
    ImportedAthlete a;
    a.first = str(c, "firstName");
    a.last = str(c, "lastName");
    if (a.first.empty() && a.last.empty()) throw ParseError("no name", at(path + ".lastName"));
    a.sex = sex_of(c);
    a.team_code = str(c, "teamId");
    a.team_name = str(c, "teamName");
    const json& entered = list(c, "eventsEntered");
    for (size_t k = 0; k < entered.size(); ++k) {
      const auto kind = kinds_.find(str(entered[k], "eventId"));
      const std::string pb = str(entered[k], "pb");
      if (kind == kinds_.end() || !kind->second.distance_m || pb.empty()) continue;
      const import_text::MarkCell m =
          import_text::read_mark(pb, at(path + ".eventsEntered." + std::to_string(k) + ".pb"));
      if (m.mark) a.marks.push_back({*kind->second.distance_m, *m.mark, "", source("pb"), 0});
    }
    const size_t index = out_.athletes.size();
    for (const std::string& bib : {str(c, "competitorId"), str(c, "sortBib"), str(c, "bib")}) {
      if (!bib.empty()) {
        by_bib_.emplace(bib, index);
        by_bib_.emplace(strip_zeros(bib), index);
      }
    }
    out_.athletes.push_back(std::move(a));
  }

  std::string source(const std::string& what) const {
    const std::string meet = meet_.empty() ? out_.file : meet_;
    return what.empty() ? meet : meet + " (" + what + ")";
  }

  void event(const json& e, size_t i) {
    const std::string path = "events." + std::to_string(i);
    const EventKind& k = kinds_[str(e, "eventId")] = kind_of(e);
    if (!k.skip_kind.empty()) {
      out_.skipped.push_back(
          {static_cast<int>(i + 1), import_text::skip_reason(k.skip_kind, k.title)});
      return;
    }
    const json& teams = list(e, "teams");  // relay teams declared (Baton's entry export)
    for (size_t t = 0; t < teams.size() && k.relay; ++t) {
      relay_entry(teams[t], k, path + ".teams." + std::to_string(t));
    }
    const json& units = list(e, "units");
    for (size_t u = 0; u < units.size(); ++u) {
      const json& results = list(units[u], "results");
      for (size_t r = 0; r < results.size(); ++r) {
        const std::string rp =
            path + ".units." + std::to_string(u) + ".results." + std::to_string(r);
        if (k.relay) {
          relay_result(results[r], k, rp);
        } else {
          individual(results[r], k, rp);
        }
      }
    }
  }

  import_text::MarkCell performance(const json& r, const std::string& path) const {
    std::string p = str(r, "performance");
    if (!p.empty()) return import_text::read_mark(p, at(path + ".performance"));
    const auto raw = r.is_object() ? r.find("rawTime") : r.end();
    if (raw != r.end() && raw->is_number()) {
      const double s = raw->get<double>();
      if (!std::isfinite(s) || s <= 0 || s > 1e6) {
        throw ParseError("not a time in seconds", at(path + ".rawTime"));
      }
      import_text::MarkCell m;
      m.mark = Mark{s, false};
      return m;
    }
    return import_text::read_mark(str(r, "rawTime"), at(path + ".rawTime"));
  }

  void individual(const json& r, const EventKind& k, const std::string& path) {
    auto it = by_bib_.find(str(r, "bib"));
    if (it == by_bib_.end()) it = by_bib_.find(strip_zeros(str(r, "bib")));
    if (it == by_bib_.end()) it_fail(r, path);
    const import_text::MarkCell m = performance(r, path);
    if (!m.mark) return;
    out_.athletes[it->second].marks.push_back({*k.distance_m, *m.mark, date_, source(""), 0});
  }

  [[noreturn]] void it_fail(const json& r, const std::string& path) const {
    throw ParseError("bib '" + str(r, "bib") + "' is not among the competitors", at(path + ".bib"));
  }

  std::vector<ImportedAthlete> runners(const json& list_json, const std::string& path) const {
    std::vector<ImportedAthlete> out;
    for (size_t i = 0; i < list_json.size() && out.size() < 8; ++i) {
      const json& x = list_json[i];
      if (x.is_object() && (x.contains("firstName") || x.contains("lastName"))) {
        ImportedAthlete a;
        a.first = str(x, "firstName");
        a.last = str(x, "lastName");
        a.sex = sex_of(x);
        out.push_back(std::move(a));
        continue;
      }
      const std::string bib = x.is_object() ? str(x, "bib") : str(json{{"b", x}}, "b");
      auto it = by_bib_.find(bib);
      if (it == by_bib_.end()) it = by_bib_.find(strip_zeros(bib));
      if (it == by_bib_.end()) {
        throw ParseError("runner '" + bib + "' is not among the competitors",
                         at(path + "." + std::to_string(i)));
      }
      out.push_back(out_.athletes[it->second]);
      out.back().marks.clear();
    }
    return out;
  }

  ImportedRelay relay_base(const json& x, const EventKind& k, const std::string& path) const {
    ImportedRelay rel;
    rel.event = *k.relay;
    rel.sex = k.sex;
    rel.team_code = str(x, "teamId");
    rel.team_name = str(x, "teamName");
    rel.letter = str(x, "letter");
    const std::string bib = str(x, "bib");
    if (rel.team_code.empty() && !bib.empty()) {  // "BEL-A": club code, team letter
      const size_t dash = bib.rfind('-');
      rel.team_code = bib.substr(0, dash);
      if (dash != std::string::npos && rel.letter.empty()) rel.letter = bib.substr(dash + 1);
    }
    if (rel.team_name.empty()) {
      for (const ImportedAthlete& a : out_.athletes) {
        if (!rel.team_code.empty() && a.team_code == rel.team_code) {
          rel.team_name = a.team_name;
          break;
        }
      }
    }
    if (rel.team_code.empty() && rel.team_name.empty()) {
      throw ParseError("the relay team has no bib or team", at(path + ".bib"));
    }
    for (const char* key : {"runners", "athletes", "members"}) {
      if (x.is_object() && x.contains(key)) rel.runners = runners(list(x, key), path + "." + key);
    }
    rel.meet = meet_;
    rel.date = date_;
    return rel;
  }

  void relay_entry(const json& t, const EventKind& k, const std::string& path) {
    ImportedRelay rel = relay_base(t, k, path);
    const std::string seed = str(t, "seedTime");
    const import_text::MarkCell m = import_text::read_mark(seed, at(path + ".seedTime"));
    rel.time = m.mark;
    rel.is_entry = true;
    out_.relays.push_back(std::move(rel));
  }

  void relay_result(const json& r, const EventKind& k, const std::string& path) {
    ImportedRelay rel = relay_base(r, k, path);
    const import_text::MarkCell m = performance(r, path);
    rel.status = m.status;
    rel.time = m.mark;
    const json& splits = list(r, "splits");
    if (rel.time && splits.size() >= kLegs - 1 && splits.size() <= kLegs) {
      std::vector<double> cumulative;
      for (size_t i = 0; i < splits.size(); ++i) {
        const std::string s =
            splits[i].is_object() ? str(splits[i], "time") : str(json{{"s", splits[i]}}, "s");
        const import_text::MarkCell c =
            import_text::read_mark(s, at(path + ".splits." + std::to_string(i)));
        if (!c.mark) break;
        cumulative.push_back(c.mark->time_s);
      }
      if (cumulative.size() == kLegs - 1) cumulative.push_back(rel.time->time_s);
      double before = 0.0;
      bool ok =
          cumulative.size() == kLegs && std::abs(cumulative.back() - rel.time->time_s) < 0.005;
      for (double t : cumulative) {
        ok = ok && t > before;
        if (ok) rel.splits_s.push_back(t - before);
        before = t;
      }
      if (!ok) rel.splits_s.clear();
    }
    out_.relays.push_back(std::move(rel));
  }

  const json& doc_;
  ImportedFile out_;
  std::string meet_, date_;
  std::map<std::string, EventKind> kinds_;
  std::map<std::string, size_t> by_bib_;
};

}  // namespace

bool looks_like_opentrack(std::string_view text) {
  const std::string_view t = text::trim(text.substr(0, std::min<size_t>(text.size(), 1u << 16)));
  if (!t.starts_with("{") && !text.starts_with("\xEF\xBB\xBF{")) return false;
  return t.find("\"competitors\"") != std::string_view::npos ||
         (t.find("\"events\"") != std::string_view::npos &&
          t.find("\"eventCode\"") != std::string_view::npos);
}

ImportedFile read_opentrack(std::string_view text, const std::string& file) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const json doc = parse(text, file);
  if (!doc.is_object()) throw ParseError("not a JSON object", Location{file, 1, ""});
  return Reader(doc, file).read();
}

}  // namespace baton
