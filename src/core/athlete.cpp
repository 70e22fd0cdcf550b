#include "baton/athlete.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/text.h"

namespace baton {
namespace {

using text::lowercase_without_spaces;

struct Record {
  double distance_m;
  double men_s;
  double women_s;
};

// World records (World Athletics, ratified as of 2025; 300 m and 600 m are world bests).
// 60 m is indoor. Used only to reject impossible marks, so the table need not be the newest.
constexpr std::array<Record, 12> kRecords = {{
    {60.0, 6.34, 6.92},
    {100.0, 9.58, 10.49},
    {200.0, 19.19, 21.34},
    {300.0, 30.81, 34.1},
    {400.0, 43.03, 47.60},
    {600.0, 72.81, 81.44},
    {800.0, 100.91, 113.28},
    {1000.0, 131.96, 148.98},
    {1500.0, 206.00, 229.04},
    {kMileM, 223.13, 247.95},
    {3000.0, 440.67, 486.11},
    {10000.0, 1571.00, 1734.0},
}};

}  // namespace

Sex parse_sex(std::string_view text, const Location& where) {
  const std::string s = lowercase_without_spaces(text);
  if (s == "f" || s == "w" || s == "female" || s == "women" || s == "woman" || s == "girls" ||
      s == "girl") {
    return Sex::female;
  }
  if (s == "m" || s == "male" || s == "men" || s == "man" || s == "boys" || s == "boy") {
    return Sex::male;
  }
  throw ParseError("sex must be F or M, not '" + std::string(text) + "'", where);
}

std::string_view to_string(Sex sex) { return sex == Sex::female ? "F" : "M"; }

Hand parse_hand(std::string_view text, const Location& where) {
  const std::string s = lowercase_without_spaces(text);
  if (s == "right" || s == "r") return Hand::right;
  if (s == "left" || s == "l") return Hand::left;
  throw ParseError("hand must be right or left, not '" + std::string(text) + "'", where);
}

std::string_view to_string(Hand hand) { return hand == Hand::right ? "right" : "left"; }

const Best* Athlete::best_at(double distance_m) const {
  for (const Best& b : bests) {
    if (std::abs(b.distance_m - distance_m) < 1e-3) return &b;
  }
  return nullptr;
}

void Athlete::set_best(const Best& best) {
  auto it = std::find_if(bests.begin(), bests.end(), [&](const Best& b) {
    return std::abs(b.distance_m - best.distance_m) < 1e-3;
  });
  if (it != bests.end()) {
    *it = best;
  } else {
    bests.push_back(best);
  }
  std::sort(bests.begin(), bests.end(),
            [](const Best& a, const Best& b) { return a.distance_m < b.distance_m; });
}

double world_record_s(double distance_m, Sex sex) {
  auto time_of = [sex](const Record& r) { return sex == Sex::male ? r.men_s : r.women_s; };
  // Riegel (1981): T2 = T1 (D2/D1)^1.06, anchored at the nearest tabulated record below.
  const Record* anchor = &kRecords.front();
  for (const Record& r : kRecords) {
    if (r.distance_m <= distance_m + 1e-9) anchor = &r;
  }
  return time_of(*anchor) * std::pow(distance_m / anchor->distance_m, 1.06);
}

void check_mark_plausible(double distance_m, double fat_s, Sex sex, const Location& where) {
  if (!(distance_m > 0.0) || !std::isfinite(distance_m)) {
    throw ValidationError("distance must be a positive number of metres", where);
  }
  if (!(fat_s > 0.0) || !std::isfinite(fat_s)) {
    throw ValidationError("time must be greater than zero", where);
  }
  const double record = world_record_s(distance_m, sex);
  if (fat_s < record * 0.98) {
    throw ValidationError(fmt::format("{} for {} is impossible: the {} world record is {}",
                                      format_time(fat_s), distance_label(distance_m),
                                      sex == Sex::male ? "men's" : "women's", format_time(record)),
                          where);
  }
  constexpr double kWalkMps = 2.0;
  if (distance_m / fat_s < kWalkMps) {
    throw ValidationError(fmt::format("{} for {} is slower than walking pace (2 m/s): check the "
                                      "time and the distance",
                                      format_time(fat_s), distance_label(distance_m)),
                          where);
  }
}

void validate_athlete(const Athlete& a, const Location& where) {
  text::require_utf8(a.name, with_field(where, "name"));
  if (a.name.empty() || text::code_points(a.name) > kMaxNameCodePoints) {
    throw ValidationError(fmt::format("name must be 1 to {} characters", kMaxNameCodePoints),
                          with_field(where, "name"));
  }
  for (char c : a.name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == ',') {
      throw ValidationError("name must not contain commas or control characters",
                            with_field(where, "name"));
    }
  }
  for (const Best& b : a.bests) {
    check_mark_plausible(b.distance_m, b.fat_s(), a.sex,
                         with_field(where, "bests." + distance_label(b.distance_m)));
  }
  double last_d = 0.0;
  double last_t = 0.0;
  for (const Split& s : a.splits) {
    const Location at = with_field(where, fmt::format("splits.{:g}", s.distance_m));
    if (!(s.distance_m > 0.0) || s.distance_m > 150.0) {
      throw ValidationError("split distance must be between 0 and 150 m", at);
    }
    if (!(s.time_s > 0.0) || s.time_s > 30.0) {
      throw ValidationError("split time must be between 0 and 30 s", at);
    }
    if (s.distance_m <= last_d || s.time_s <= last_t) {
      throw ValidationError("split times must increase with distance", at);
    }
    if ((s.distance_m - last_d) / (s.time_s - last_t) > 13.0) {
      throw ValidationError("split implies faster than 13 m/s: check the times", at);
    }
    last_d = s.distance_m;
    last_t = s.time_s;
  }
  if (a.foot_length_m && !(*a.foot_length_m >= 0.15 && *a.foot_length_m <= 0.40)) {
    throw ValidationError("foot length must be between 0.15 and 0.40 m",
                          with_field(where, "foot_length_m"));
  }
  if (a.form_sd_percent && !(*a.form_sd_percent >= 0.0 && *a.form_sd_percent <= 10.0)) {
    throw ValidationError("form spread must be between 0 and 10 % of the leg",
                          with_field(where, "form_sd_percent"));
  }
  if (a.entries.size() > kMaxEntries) {
    throw ValidationError(fmt::format("at most {} individual entries", kMaxEntries),
                          with_field(where, "entries"));
  }
  for (size_t i = 0; i < a.entries.size(); ++i) {
    const std::string& e = a.entries[i];
    const Location at = with_field(where, fmt::format("entries.{}", i));
    text::require_utf8(e, at);
    if (e.empty() || text::code_points(e) > kMaxEntryCodePoints) {
      throw ValidationError(
          fmt::format("an individual entry is 1 to {} characters, e.g. 100m", kMaxEntryCodePoints),
          at);
    }
    for (char c : e) {
      if (static_cast<unsigned char>(c) < 0x20 || c == ',' || c == ';') {
        throw ValidationError(
            "an individual entry must not contain commas, semicolons or "
            "control characters",
            at);
      }
    }
    for (size_t j = 0; j < i; ++j) {
      if (text::lowercase(a.entries[j]) == text::lowercase(e)) {
        throw ValidationError(e + " is entered twice", at);
      }
    }
  }
}

}  // namespace baton
