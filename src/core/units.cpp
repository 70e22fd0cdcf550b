#include "baton/units.h"

#include <charconv>
#include <cmath>
#include <vector>

#include "core/text.h"

namespace baton {
namespace {

using text::trim;

// Parses an unsigned decimal number with no sign, exponent or spaces ("58", "05.1", "1.").
bool parse_plain_number(std::string_view s, double& out) {
  if (s.empty() || s.size() > 24) return false;
  int dots = 0;
  for (char c : s) {
    if (c == '.') {
      ++dots;
    } else if (c < '0' || c > '9') {
      return false;
    }
  }
  if (dots > 1 || s == ".") return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size() && std::isfinite(out);
}

}  // namespace

Mark parse_time(std::string_view text, const Location& where) {
  const std::string_view original = text;
  text = trim(text);
  Mark mark;
  if (!text.empty() && (text.back() == 'h' || text.back() == 'H')) {
    mark.hand_timed = true;
    text.remove_suffix(1);
  }
  auto bad = [&]() {
    return ParseError("cannot read time '" + std::string(original) +
                          "': write seconds (10.85), minutes:seconds (1:58.32) or a hand time "
                          "(25.4h)",
                      where);
  };
  if (text.empty()) throw bad();

  // Split on ':' into at most three parts: [h:]m:ss.xx; every part but the last is whole.
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ':') {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  if (parts.size() > 3) throw bad();
  double total = 0.0;
  for (size_t i = 0; i < parts.size(); ++i) {
    double value = 0.0;
    if (!parse_plain_number(parts[i], value)) throw bad();
    const bool last = i + 1 == parts.size();
    if (!last && parts[i].find('.') != std::string_view::npos) throw bad();
    // Seconds and minutes after a colon are written with two digits and stay below 60.
    if (i > 0) {
      const size_t whole =
          parts[i].find('.') == std::string_view::npos ? parts[i].size() : parts[i].find('.');
      if (whole != 2 || value >= 60.0) throw bad();
    }
    total = total * 60.0 + value;
  }
  if (!(total > 0.0)) throw ValidationError("time must be greater than zero", where);
  mark.time_s = total;
  return mark;
}

double hand_to_fat_offset_s(double distance_m) { return distance_m < 400.0 ? 0.24 : 0.14; }

double to_fat_s(const Mark& mark, double distance_m) {
  return mark.hand_timed ? mark.time_s + hand_to_fat_offset_s(distance_m) : mark.time_s;
}

std::string format_time(double seconds, int decimals) {
  if (!std::isfinite(seconds) || seconds < 0.0) return "--";
  decimals = decimals <= 1 ? 1 : 2;
  const double scale = decimals == 1 ? 10.0 : 100.0;
  const long long units = std::llround(seconds * scale);
  const long long whole = units / static_cast<long long>(scale);
  const long long frac = units % static_cast<long long>(scale);
  const long long h = whole / 3600;
  const long long m = (whole / 60) % 60;
  const long long s = whole % 60;
  const std::string fraction = fmt::format("{:0{}d}", frac, decimals);
  if (h > 0) return fmt::format("{}:{:02d}:{:02d}.{}", h, m, s, fraction);
  if (m > 0) return fmt::format("{}:{:02d}.{}", m, s, fraction);
  return fmt::format("{}.{}", s, fraction);
}

std::string counted(long long n, std::string_view singular, std::string_view plural) {
  if (n == 1) return fmt::format("1 {}", singular);
  if (plural.empty()) return fmt::format("{} {}s", n, singular);
  return fmt::format("{} {}", n, plural);
}

std::string format_duration(double seconds, int decimals) {
  const std::string t = format_time(seconds, decimals);
  return t.find(':') == std::string::npos && t != "--" ? t + " s" : t;
}

std::string format_mark(const Mark& mark) {
  return mark.hand_timed ? format_time(mark.time_s, 1) + "h" : format_time(mark.time_s, 2);
}

double parse_distance(std::string_view text, const Location& where) {
  const std::string_view original = text;
  text = trim(text);
  std::string lower;
  for (char c : text) {
    if (c != ' ') lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  auto bad = [&]() {
    return ParseError("cannot read distance '" + std::string(original) +
                          "': write metres (100m, 1600m) or 'mile'",
                      where);
  };
  if (lower == "mile" || lower == "1mile") return kMileM;
  double scale = 1.0;
  std::string_view number = lower;
  if (number.ends_with("km")) {
    scale = 1000.0;
    number.remove_suffix(2);
  } else if (number.ends_with("m")) {
    number.remove_suffix(1);
  }
  double value = 0.0;
  if (!parse_plain_number(number, value) || !(value > 0.0)) throw bad();
  return value * scale;
}

std::string distance_label(double distance_m) {
  if (std::abs(distance_m - kMileM) < 1e-6) return "mile";
  if (std::abs(distance_m - std::round(distance_m)) < 1e-9) {
    return fmt::format("{}m", static_cast<long long>(std::llround(distance_m)));
  }
  return fmt::format("{:g}m", distance_m);
}

}  // namespace baton
