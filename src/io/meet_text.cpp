#include "io/meet_text.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>

#include "core/text.h"

namespace baton::meet_text {
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

}  // namespace

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

MarkCell read_mark(std::string_view cell, const Location& where) {
  const std::string word = upper(text::trim(cell));
  MarkCell out;
  if (word.empty() || word == "NT" || word == "NM" || word == "NH" || word == "0" ||
      word == "0.00" || word == "ND") {
    out.no_time = true;
    return out;
  }
  if (word == "DQ" || word == "FS" || word == "DSQ") {
    out.status = RelayStatus::dq;
    return out;
  }
  if (word == "DNF") {
    out.status = RelayStatus::dnf;
    return out;
  }
  if (word == "DNS") {
    out.status = RelayStatus::dns;
    return out;
  }
  if (word == "SCR" || word == "SCRATCH") {
    out.status = RelayStatus::scratched;
    return out;
  }
  std::string t(text::trim(cell));
  // Qualifier marks after a time ("10.85q", "10.85Q"); a hand time's h stays.
  if (!t.empty() && (t.back() == 'q' || t.back() == 'Q')) t.pop_back();
  if (!t.empty() && t.back() == 'H') t.back() = 'h';
  try {
    out.mark = parse_time(t, where);
  } catch (const ValidationError& e) {  // "0:00.00": no time a runner can have run
    throw ParseError(e.message(), where);
  }
  return out;
}

std::string unplanned_hytek_relay(std::string_view code) {
  return "relay event code '" + std::string(code) +
         "' is not a relay Baton plans (400, 800, 1600, 3200, 1600S, 3200D)";
}

std::optional<std::string> relay_from_hytek_code(std::string_view code) {
  const std::string c = upper(text::trim(code));
  if (c == "400") return "4x100";
  if (c == "800") return "4x200";
  if (c == "1600") return "4x400";
  if (c == "3200") return "4x800";
  if (c == "1600S") return "smr";
  if (c == "3200D") return "dmr";
  return std::nullopt;
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

std::string non_running_kind(std::string_view title) {
  const std::string t = text::lowercase_without_spaces(title);
  const std::string raw = upper(text::trim(title));
  if (contains(t, "hurdle") ||
      (raw.size() > 1 && raw.back() == 'H' && all_digits(raw.substr(0, raw.size() - 1)))) {
    return "hurdles";
  }
  if (contains(t, "steeple") ||
      (raw.size() > 1 && raw.back() == 'S' && all_digits(raw.substr(0, raw.size() - 1)))) {
    return "steeplechase";
  }
  if (contains(t, "walk") ||
      (raw.size() > 1 && raw.back() == 'W' && all_digits(raw.substr(0, raw.size() - 1)))) {
    return "race walk";
  }
  for (const char* f :
       {"jump", "vault", "shot", "discus", "javelin", "hammer", "weight", "throw"}) {
    if (contains(t, f)) return "field event";
  }
  for (const char* code : {"HJ", "PV", "LJ", "TJ", "SP", "DT", "JT", "HT", "WT"}) {
    if (raw == code) return "field event";
  }
  for (const char* m : {"decathlon", "heptathlon", "pentathlon"}) {
    if (contains(t, m)) return "combined event";
  }
  for (const char* code : {"DEC", "HEP", "PEN"}) {
    if (raw == code) return "combined event";
  }
  return "";
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

std::optional<Sex> read_sex(std::string_view cell, const Location& where) {
  const std::string c = upper(text::trim(cell));
  if (c.empty() || c == "X" || c == "MIXED") return std::nullopt;
  if (c == "F" || c == "W" || c == "G" || c == "FEMALE" || c == "WOMEN" || c == "GIRLS") {
    return Sex::female;
  }
  if (c == "M" || c == "B" || c == "MALE" || c == "MEN" || c == "BOYS") return Sex::male;
  throw ParseError("'" + std::string(text::trim(cell)) + "' is not a sex (M, F or X)", where);
}

std::optional<int> read_school_year(std::string_view cell) {
  const std::string c = upper(text::trim(cell));
  if (c == "FR") return 9;
  if (c == "SO") return 10;
  if (c == "JR") return 11;
  if (c == "SR") return 12;
  if (!all_digits(c) || c.size() > 2) return std::nullopt;
  int year = 0;
  std::from_chars(c.data(), c.data() + c.size(), year);
  if (year < 1 || year > 12) return std::nullopt;
  return year;
}

std::string iso_date(std::string_view cell) {
  const std::string_view c = text::trim(cell);
  if (c.size() == 10 && c[4] == '-' && c[7] == '-' && all_digits(c.substr(0, 4)) &&
      all_digits(c.substr(5, 2)) && all_digits(c.substr(8, 2))) {
    return std::string(c);
  }
  const size_t s1 = c.find('/');
  const size_t s2 = s1 == std::string_view::npos ? s1 : c.find('/', s1 + 1);
  if (s2 == std::string_view::npos) return "";
  const std::string_view m = c.substr(0, s1), d = c.substr(s1 + 1, s2 - s1 - 1),
                         y = c.substr(s2 + 1);
  if (!all_digits(m) || !all_digits(d) || !all_digits(y) || m.size() > 2 || d.size() > 2 ||
      y.size() != 4) {
    return "";
  }
  int mm = 0, dd = 0;
  std::from_chars(m.data(), m.data() + m.size(), mm);
  std::from_chars(d.data(), d.data() + d.size(), dd);
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return "";
  char buf[11];
  std::snprintf(buf, sizeof buf, "%.4s-%02d-%02d", std::string(y).c_str(), mm, dd);
  return buf;
}

std::string skip_reason(std::string_view kind, std::string_view title) {
  return std::string(kind) + " (" + std::string(text::trim(title)) + "): no relay uses it";
}

}  // namespace baton::meet_text
