#include "io/import_text.h"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <regex>

#include "baton/date.h"
#include "core/text.h"
#include "io/csv_text.h"

namespace baton::import_text {
namespace {

std::string squeeze(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '-' && c != '_' && c != '.') {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

bool contains_any(const std::string& s, std::initializer_list<const char*> words) {
  for (const char* w : words) {
    if (s.find(w) != std::string::npos) return true;
  }
  return false;
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

}  // namespace

char sniff_separator(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  while (!text.empty() && (text.front() == '\n' || text.front() == '\r')) text.remove_prefix(1);
  const std::string_view line = text.substr(0, text.find('\n'));
  std::array<int, 3> counts{};  // tab, semicolon, comma
  bool quoted = false;
  for (char c : line) {
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
  if (key.find("hurdle") != std::string::npos || std::regex_match(key, std::regex(R"(\d+m?h)"))) {
    return other("hurdles: no relay uses them");
  }
  if (key.find("steeple") != std::string::npos || std::regex_match(key, std::regex(R"(\d+m?sc)"))) {
    return other("steeplechase: no relay uses it");
  }
  if (key.find("walk") != std::string::npos || std::regex_match(key, std::regex(R"(\d+m?rw)"))) {
    return other("race walk: no relay uses it");
  }
  static const std::array<const char*, 12> kField = {"jump",   "vault",    "shot",      "put",
                                                     "discus", "javelin",  "hammer",    "weight",
                                                     "throw",  "highjump", "polevault", "ball"};
  static const std::array<const char*, 8> kFieldCodes = {"hj", "lj", "tj", "pv",
                                                         "sp", "dt", "jt", "wt"};
  bool field = false;
  for (const char* w : kField) field = field || key.find(w) != std::string::npos;
  for (const char* c : kFieldCodes) field = field || key == c;
  if (field)
    return other(fmt::format("field event ({}): no relay uses it", std::string(text::trim(lower))));
  if (contains_any(key, {"pentathlon", "heptathlon", "decathlon", "triathlon"})) {
    return other("combined event: no relay uses it");
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

std::optional<std::string> status_reason(std::string_view cell) {
  std::string up;
  for (char c : text::trim(cell)) {
    if (c != '.' && c != ' ') up += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  static const std::array<std::pair<const char*, const char*>, 14> kStatus = {{
      {"NT", "no time (NT)"},
      {"DNS", "did not start (DNS)"},
      {"DNF", "did not finish (DNF)"},
      {"DQ", "disqualified (DQ)"},
      {"DSQ", "disqualified (DQ)"},
      {"SCR", "scratched (SCR)"},
      {"NM", "no mark (NM)"},
      {"FS", "false start (FS)"},
      {"NH", "no height (NH)"},
      {"FOUL", "foul"},
      {"NA", "no mark (N/A)"},
      {"N/A", "no mark (N/A)"},
      {"-", "no mark (-)"},
      {"--", "no mark (--)"},
  }};
  for (const auto& [word, reason] : kStatus) {
    if (up == word) return std::string(reason);
  }
  if (up == "\xE2\x80\x94" || up == "\xE2\x80\x93") return std::string("no mark (dash)");
  return std::nullopt;
}

Mark read_mark(std::string_view cell, bool hand_column, const Location& where) {
  std::string_view t = text::trim(cell);
  Mark m = parse_time(t, where);
  if (hand_column) m.hand_timed = true;
  return m;
}

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

}  // namespace baton::import_text
