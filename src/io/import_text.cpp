#include "io/import_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <regex>

#include "baton/date.h"
#include "core/text.h"
#include "io/csv_text.h"

namespace baton::import_text {
namespace {

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string squeeze(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '-' && c != '_' && c != '.') {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

bool contains_any(std::string_view s, std::initializer_list<const char*> words) {
  return std::any_of(words.begin(), words.end(), [&](const char* w) { return contains(s, w); });
}

// A distance code such as "100H", "100MH", "3000SC": digits, an optional M, then `suffix`.
bool distance_code(std::string_view code, std::string_view suffix) {
  if (!code.ends_with(suffix)) return false;
  code.remove_suffix(suffix.size());
  if (code.ends_with("M")) code.remove_suffix(1);
  return all_digits(code);
}

EventKind other(std::string reason) {
  EventKind k;
  k.reason = std::move(reason);
  return k;
}

// The longest open race a relay leg can use: a 4xMile leg.
constexpr double kLongestLegM = kMileM;

EventKind relay_kind(const std::string& key) {
  EventKind k;
  k.kind = EventKind::relay;
  if (contains_any(key, {"hurdle", "shuttle"}))
    return other("shuttle hurdle relay: no relay Baton plans");
  if (contains_any(key, {"distancemedley", "dmr"})) {
    k.relay_id = "dmr";
    return k;
  }
  if (contains_any(key, {"sprintmedley", "smr"})) {
    k.relay_id = "smr";
    return k;
  }
  static const std::regex kRelay(
      R"(^4x(100|200|400|800|1500|1600|1mile|mile)(m|meters?|metres?)?(relay)?$)");
  std::smatch m;
  const std::string bare = std::regex_replace(key, std::regex("relay$"), "");
  if (std::regex_match(key, m, kRelay) || std::regex_match(bare, m, kRelay)) {
    k.relay_id = m[1] == "1mile" || m[1] == "mile" ? "4xmile" : "4x" + std::string(m[1]);
    return k;
  }
  return other("a relay Baton does not plan");
}

// Hy-Tek Meet Manager's relay event codes and the relays they are (its semicolon entry import).
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kHytekRelayCodes = {{
    {"400", "4x100"},
    {"800", "4x200"},
    {"1600", "4x400"},
    {"3200", "4x800"},
    {"1600S", "smr"},
    {"3200D", "dmr"},
}};

// A status word a mark cell may hold instead of a time: the reason a skipped mark gives, and
// the verdict it is for a relay (none: no time and no verdict).
struct StatusWord {
  const char* word;  // upper case, without dots or spaces
  const char* reason;
  std::optional<RelayStatus> verdict;
};

constexpr std::array<StatusWord, 18> kStatusWords = {{
    {"NT", "no time (NT)", std::nullopt},
    {"DNS", "did not start (DNS)", RelayStatus::dns},
    {"DNF", "did not finish (DNF)", RelayStatus::dnf},
    {"DQ", "disqualified (DQ)", RelayStatus::dq},
    {"DSQ", "disqualified (DQ)", RelayStatus::dq},
    {"FS", "false start (FS)", RelayStatus::dq},
    {"SCR", "scratched (SCR)", RelayStatus::scratched},
    {"SCRATCH", "scratched (SCR)", RelayStatus::scratched},
    {"NM", "no mark (NM)", std::nullopt},
    {"ND", "no distance (ND)", std::nullopt},
    {"NH", "no height (NH)", std::nullopt},
    {"FOUL", "foul", std::nullopt},
    {"NA", "no mark (N/A)", std::nullopt},
    {"N/A", "no mark (N/A)", std::nullopt},
    {"-", "no mark (-)", std::nullopt},
    {"--", "no mark (--)", std::nullopt},
    {"\xE2\x80\x94", "no mark (dash)", std::nullopt},  // em dash
    {"\xE2\x80\x93", "no mark (dash)", std::nullopt},  // en dash
}};

const StatusWord* status_word(std::string_view cell) {
  std::string up;
  for (char c : text::trim(cell)) {
    if (c != '.' && c != ' ') up += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  for (const StatusWord& s : kStatusWords) {
    if (up == s.word) return &s;
  }
  return nullptr;
}

}  // namespace

// ---- lines and fields ---------------------------------------------------------------------

std::vector<Line> lines(std::string_view text, const std::string& file) {
  if (text.size() > kMaxFileBytes) {
    throw ParseError("the file is larger than " + std::to_string(kMaxFileBytes >> 20) + " MB",
                     Location{file, 0, ""});
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<Line> out;
  int number = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    ++number;
    const std::string_view line = text.substr(pos, end - pos);
    if (line.find('\0') != std::string_view::npos) {
      throw ParseError("a NUL byte: this is not a text file", Location{file, number, ""});
    }
    if (text::invalid_utf8_at(line) != std::string_view::npos) {
      throw ParseError("not UTF-8 text: save the file as UTF-8 (Unicode) and import it again",
                       Location{file, number, ""});
    }
    if (!text::trim(line).empty()) out.push_back({number, line});
    pos = end;
    if (pos < text.size() && text[pos] == '\r') {
      ++pos;
      if (pos < text.size() && text[pos] == '\n') ++pos;
    } else if (pos < text.size()) {
      ++pos;  // '\n'
    }
  }
  return out;
}

std::vector<std::string> split(std::string_view line, char sep, const Location& where) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (true) {
    if (out.size() == kMaxFields) {
      throw ParseError("more than " + std::to_string(kMaxFields) + " fields", where);
    }
    const size_t end = line.find(sep, pos);
    out.emplace_back(
        text::trim(line.substr(pos, end == std::string_view::npos ? line.npos : end - pos)));
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  return out;
}

std::string_view field(const std::vector<std::string>& fields, size_t i) {
  return i < fields.size() ? std::string_view(fields[i]) : std::string_view();
}

Location field_at(const std::string& file, int line, size_t index, const char* name) {
  return Location{file, line, "field " + std::to_string(index + 1) + " (" + name + ")"};
}

ImportedAthlete& People::find_or_add(std::vector<ImportedAthlete>& athletes, ImportedAthlete a,
                                     std::string_view team) {
  auto key =
      std::make_tuple(text::lowercase(a.last), text::lowercase(a.first), text::lowercase(team));
  const auto [it, added] = index_.try_emplace(std::move(key), athletes.size());
  if (added) athletes.push_back(std::move(a));
  return athletes[it->second];
}

std::string_view first_line(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    if (!text::trim(line).empty()) return line;
    pos = end + 1;
  }
  return {};
}

char sniff_separator(std::string_view text) {
  std::array<int, 3> counts{};  // tab, semicolon, comma
  bool quoted = false;
  for (char c : first_line(text)) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\t') ++counts[0];
    if (c == ';') ++counts[1];
    if (c == ',') ++counts[2];
  }
  if (counts[0] > 0 && counts[0] >= counts[1] && counts[0] >= counts[2]) return '\t';
  if (counts[1] > counts[2]) return ';';
  return ',';
}

std::vector<csv::Row> delimited_rows(std::string_view text, const std::string& file) {
  check_csv_utf8(text, file);
  return csv::read_rows(text, file, sniff_separator(text));
}

std::string header_key(std::string_view cell) {
  std::string out;
  for (char c : cell) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

// ---- event names --------------------------------------------------------------------------

std::string non_running_kind(std::string_view title) {
  const std::string t = text::lowercase_without_spaces(title);
  const std::string code = upper(t);
  if (contains(t, "hurdle") || distance_code(code, "H")) return "hurdles";
  if (contains(t, "steeple") || distance_code(code, "SC") || distance_code(code, "S")) {
    return "steeplechase";
  }
  if (contains(t, "walk") || distance_code(code, "RW") || distance_code(code, "W")) {
    return "race walk";
  }
  for (const char* f :
       {"jump", "vault", "shot", "discus", "javelin", "hammer", "weight", "throw"}) {
    if (contains(t, f)) return "field event";
  }
  for (const char* c : {"HJ", "PV", "LJ", "TJ", "SP", "DT", "JT", "HT", "WT"}) {
    if (code == c) return "field event";
  }
  for (const char* m : {"decathlon", "heptathlon", "pentathlon", "triathlon"}) {
    if (contains(t, m)) return "combined event";
  }
  for (const char* c : {"DEC", "HEP", "PEN"}) {
    if (code == c) return "combined event";
  }
  return "";
}

std::string skip_reason(std::string_view kind, std::string_view title) {
  return std::string(kind) + " (" + std::string(text::trim(title)) + "): no relay uses it";
}

EventKind classify_event(std::string_view name) {
  std::string lower = text::lowercase(text::trim(name));
  bool hand = false;
  static const std::regex kHand(R"(\(\s*(hand|h|ht)\s*\)|\bhand(\s*timed?)?\b)");
  if (std::regex_search(lower, kHand)) {
    hand = true;
    lower = std::regex_replace(lower, kHand, "");
  }
  lower = std::regex_replace(lower, std::regex(R"(\(\s*fat\s*\)|\bfat\b)"), "");
  const std::string key = squeeze(lower);
  if (key.empty()) return {};
  const bool starts_digit = std::isdigit(static_cast<unsigned char>(key[0])) != 0;
  if (key.find("relay") != std::string::npos || key.starts_with("4x") || key == "smr" ||
      key == "dmr" || key.find("medley") != std::string::npos) {
    EventKind k = relay_kind(key);
    k.hand_timed = hand;
    return k;
  }
  if (const std::string kind = non_running_kind(lower); !kind.empty()) {
    return other(skip_reason(kind, lower));
  }
  if (contains_any(key, {"crosscountry", "xc"}) ||
      std::regex_match(key, std::regex(R"(\d+(\.\d+)?k(m)?)")) ||
      (starts_digit && key.find("mile") != std::string::npos &&
       !std::regex_match(key, std::regex(R"(1?mile(run)?)")))) {
    if (std::regex_match(key, std::regex(R"(\d+(\.\d+)?k(m)?)")) ||
        key.find("mile") != std::string::npos || key.find("xc") != std::string::npos ||
        key.find("crosscountry") != std::string::npos) {
      return other("cross-country or road race: no relay uses it");
    }
  }
  if (starts_digit && (key.find("yard") != std::string::npos || key.ends_with("y") ||
                       key.ends_with("yd") || key.ends_with("yds"))) {
    return other("yards race: Baton keeps marks in metres");
  }
  if (std::regex_match(key, std::regex(R"(1?mile(run)?)"))) {
    EventKind k;
    k.kind = EventKind::open;
    k.distance_m = kMileM;
    k.hand_timed = hand;
    return k;
  }
  std::smatch m;
  static const std::regex kOpen(
      R"(^(\d+)(m|meters?|metres?|mdash|meterdash|metredash|dash|run|mrun)?$)");
  if (std::regex_match(key, m, kOpen)) {
    const double d = std::stod(m[1]);
    if (d < 50.0) return other("shorter than any relay leg");
    if (d > kLongestLegM) {
      return other(fmt::format("{:g} m: no relay leg is that long", d));
    }
    EventKind k;
    k.kind = EventKind::open;
    k.distance_m = d;
    k.hand_timed = hand;
    return k;
  }
  return {};
}

std::optional<std::string> relay_from_title(std::string_view title) {
  const std::string t = text::lowercase_without_spaces(title);
  if (contains(t, "sprintmedley") || contains(t, "smr")) return "smr";
  if (contains(t, "distancemedley") || contains(t, "dmr")) return "dmr";
  for (const char* leg : {"100", "200", "400", "800"}) {
    for (const char* by : {"4x", "4×"}) {
      const std::string key = std::string(by) + leg;
      const size_t at = t.find(key);
      if (at == std::string::npos) continue;
      const size_t after = at + key.size();
      // "4x1000" or "4x4000" is not a 4x100 / 4x400.
      if (after < t.size() && t[after] >= '0' && t[after] <= '9') continue;
      return std::string("4x") + leg;
    }
  }
  return std::nullopt;
}

std::optional<double> flat_distance_m(std::string_view code_or_title) {
  const std::string t = text::lowercase_without_spaces(code_or_title);
  if (t.empty() || !non_running_kind(code_or_title).empty() || relay_from_title(t)) {
    return std::nullopt;
  }
  if (t == "mile" || t == "1mile" || contains(t, "milerun") || t == "1mi") return kMileM;
  size_t i = 0;
  // Skip a leading word ("girls", "boys") up to the first digit.
  while (i < t.size() && !(t[i] >= '0' && t[i] <= '9')) ++i;
  size_t j = i;
  while (j < t.size() && ((t[j] >= '0' && t[j] <= '9') || t[j] == ',')) ++j;
  if (j == i) return std::nullopt;
  std::string digits;
  for (size_t k = i; k < j; ++k) {
    if (t[k] != ',') digits += t[k];
  }
  if (digits.size() > 6) return std::nullopt;
  int metres = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), metres);
  const std::string_view rest = std::string_view(t).substr(j);
  if (rest.starts_with("mile")) return metres == 1 ? std::optional<double>(kMileM) : std::nullopt;
  if (rest.starts_with("k") && !rest.starts_with("kg"))
    metres *= 1000;
  else if (!(rest.empty() || rest.starts_with("m") || rest.starts_with("dash") ||
             rest.starts_with("run") || rest.starts_with("varsity") || rest.starts_with("jv") ||
             rest.starts_with("open"))) {
    return std::nullopt;
  }
  if (metres < 50 || metres > 10000) return std::nullopt;
  return static_cast<double>(metres);
}

std::optional<Sex> sex_from_title(std::string_view title) {
  const std::string t = text::lowercase(title);
  if (contains(t, "mixed")) return std::nullopt;
  for (const char* w : {"girl", "women", "woman", "female", "ladies"}) {
    if (contains(t, w)) return Sex::female;
  }
  for (const char* w : {"boy", "men", "male"}) {
    if (contains(t, w)) return Sex::male;
  }
  return std::nullopt;
}

std::string unplanned_hytek_relay(std::string_view code) {
  return "relay event code '" + std::string(code) +
         "' is not a relay Baton plans (400, 800, 1600, 3200, 1600S, 3200D)";
}

std::optional<std::string> relay_from_hytek_code(std::string_view code) {
  const std::string c = upper(text::trim(code));
  for (const auto& [hytek, relay] : kHytekRelayCodes) {
    if (c == hytek) return std::string(relay);
  }
  return std::nullopt;
}

std::optional<std::string> hytek_relay_code(std::string_view relay) {
  for (const auto& [hytek, id] : kHytekRelayCodes) {
    if (relay == id) return std::string(hytek);
  }
  return std::nullopt;
}

// ---- marks --------------------------------------------------------------------------------

std::optional<std::string> status_reason(std::string_view cell) {
  if (const StatusWord* s = status_word(cell)) return std::string(s->reason);
  return std::nullopt;
}

Mark read_time(std::string_view cell, bool hand_column, const Location& where) {
  std::string t(text::trim(cell));
  // Qualifier marks after a time ("10.85q", "10.85Q"); a hand time's h stays.
  if (!t.empty() && (t.back() == 'q' || t.back() == 'Q')) t.pop_back();
  if (!t.empty() && t.back() == 'H') t.back() = 'h';
  Mark m;
  try {
    m = parse_time(t, where);
  } catch (const ValidationError& e) {  // "0:00.00": no time a runner can have run
    throw ParseError(e.message(), where);
  }
  if (hand_column) m.hand_timed = true;
  return m;
}

MarkCell read_mark(std::string_view cell, const Location& where) {
  MarkCell out;
  const std::string_view t = text::trim(cell);
  if (t.empty() || t == "0" || t == "0.00") {  // Hy-Tek writes a zero for no seed
    out.no_time = true;
    return out;
  }
  if (const StatusWord* s = status_word(t)) {
    if (s->verdict) {
      out.status = *s->verdict;
    } else {
      out.no_time = true;
    }
    return out;
  }
  out.mark = read_time(t, false, where);
  return out;
}

// ---- people and dates ---------------------------------------------------------------------

std::pair<std::string, std::string> split_name(std::string_view full) {
  const std::string_view t = text::trim(full);
  const size_t comma = t.find(',');
  if (comma != std::string_view::npos) {
    return {std::string(text::trim(t.substr(comma + 1))),
            std::string(text::trim(t.substr(0, comma)))};
  }
  const size_t space = t.find_last_of(" \t");
  if (space == std::string_view::npos) return {"", std::string(t)};
  return {std::string(text::trim(t.substr(0, space))),
          std::string(text::trim(t.substr(space + 1)))};
}

std::optional<Sex> read_sex(std::string_view cell) {
  const std::string k = header_key(cell);
  if (k == "f" || k == "w" || k == "g" || k == "female" || k == "women" || k == "woman" ||
      k == "girls" || k == "girl" || k == "ladies") {
    return Sex::female;
  }
  if (k == "m" || k == "b" || k == "male" || k == "men" || k == "man" || k == "boys" ||
      k == "boy") {
    return Sex::male;
  }
  return std::nullopt;
}

std::optional<Sex> read_sex(std::string_view cell, const Location& where) {
  if (const std::optional<Sex> sex = read_sex(cell)) return sex;
  const std::string k = header_key(cell);
  if (k.empty() || k == "x" || k == "mixed") return std::nullopt;
  throw ParseError("'" + std::string(text::trim(cell)) + "' is not a sex (M, F or X)", where);
}

std::optional<int> read_grade(std::string_view cell, const Location& where) {
  const std::string k = header_key(cell);
  if (k.empty()) return std::nullopt;
  static const std::regex kNumber(R"((\d{1,2})(st|nd|rd|th)?)");
  std::smatch m;
  if (std::regex_match(k, m, kNumber)) {
    const int g = std::stoi(m[1]);
    if (g >= 1 && g <= 12) return g;
  }
  if (k == "fr" || k == "freshman" || k == "fy") return 9;
  if (k == "so" || k == "sophomore") return 10;
  if (k == "jr" || k == "junior") return 11;
  if (k == "sr" || k == "senior") return 12;
  throw ParseError(fmt::format("cannot read grade '{}': write 1 to 12 or FR, SO, JR, SR",
                               std::string(text::trim(cell))),
                   where);
}

std::optional<int> read_school_year(std::string_view cell) {
  try {
    return read_grade(cell, Location{});
  } catch (const ParseError&) {
    return std::nullopt;
  }
}

std::string read_date(std::string_view cell, const Location& where) {
  const std::string t(text::trim(cell));
  if (t.empty()) return "";
  auto bad = [&] {
    return ParseError(fmt::format("cannot read date '{}': write 2023-04-07, 4/7/2023 or "
                                  "Apr 7, 2023",
                                  t),
                      where);
  };
  std::smatch m;
  std::string iso;
  static const std::regex kIso(R"((\d{4})-(\d{1,2})-(\d{1,2}))");
  static const std::regex kUs(R"((\d{1,2})/(\d{1,2})/(\d{2}|\d{4}))");
  static const std::regex kWords(
      R"(([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(\s*-\s*([A-Za-z]{3}[a-z]*\s+)?\d{1,2})?,?\s+(\d{4}))");
  if (std::regex_match(t, m, kIso)) {
    iso = fmt::format("{}-{:02d}-{:02d}", m[1].str(), std::stoi(m[2]), std::stoi(m[3]));
  } else if (std::regex_match(t, m, kUs)) {
    int year = std::stoi(m[3]);
    if (m[3].length() == 2) year += 2000;
    iso = fmt::format("{}-{:02d}-{:02d}", year, std::stoi(m[1]), std::stoi(m[2]));
  } else if (std::regex_match(t, m, kWords)) {
    static const std::array<const char*, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                        "jul", "aug", "sep", "oct", "nov", "dec"};
    const std::string mon = text::lowercase(m[1].str());
    int month = 0;
    for (int i = 0; i < 12; ++i) {
      if (mon == kMonths[static_cast<size_t>(i)]) month = i + 1;
    }
    if (month == 0) throw bad();
    iso = fmt::format("{}-{:02d}-{:02d}", m[5].str(), month, std::stoi(m[2]));
  } else {
    throw bad();
  }
  try {
    return parse_date(iso, where);
  } catch (const ParseError&) {
    throw bad();
  }
}

std::string iso_date(std::string_view cell) {
  try {
    return read_date(cell, Location{});
  } catch (const ParseError&) {
    return "";
  }
}

}  // namespace baton::import_text
