// Times and distances the way coaches write them: "10.85", "1:58.32", "4:05.1h", "100m", "mile".
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>

#include "baton/error.h"

namespace baton {

/// One mile in metres (an event that says "mile" means this, not 1600 m).
inline constexpr double kMileM = 1609.344;

/// A time as written: seconds plus whether it was hand-timed (a trailing "h").
struct Mark {
  double time_s = 0.0;      ///< as written, seconds (not yet converted to FAT)
  bool hand_timed = false;  ///< written with a trailing "h"
};

/// Parses "10.85", "58", "1:58.32", "1:02:03.4" and hand times "25.4h" / "4:05.1h".
/// Throws ParseError (naming `where`) on anything else, and ValidationError on a time <= 0.
Mark parse_time(std::string_view text, const Location& where = {});

/// Hand-to-FAT offset for a distance, seconds: +0.24 s below 400 m, +0.14 s from 400 m
/// (NFHS/NCAA conversion convention).
double hand_to_fat_offset_s(double distance_m);

/// The fully-automatic equivalent of a mark at a distance, seconds.
double to_fat_s(const Mark& mark, double distance_m);

/// Prints seconds as coaches write them: "10.85", "58.20", "1:58.32", "1:02:03.40".
/// `decimals` is 1 or 2 (hundredths by default). Negative or non-finite input prints "--".
std::string format_time(double seconds, int decimals = 2);

/// Prints a duration with its unit: "12.39 s" below a minute, "3:25.32" (minutes:seconds, the
/// colon shows the unit) from a minute on. `decimals` as for format_time.
std::string format_duration(double seconds, int decimals = 2);

/// A count with its noun: "1 athlete", "3 athletes", "0 athletes". The plural is the singular
/// with an "s" unless `plural` is given ("1 relay", "2 relays"; "1 pass", "2 passes").
std::string counted(long long n, std::string_view singular, std::string_view plural = {});

/// Prints a mark as written, with one decimal and a trailing "h" for hand times.
std::string format_mark(const Mark& mark);

/// Parses a distance: "100m", "100 m", "100", "1600m", "mile" (1609.344 m), "1.5km".
/// Throws ParseError naming `where` when it is not a positive distance.
double parse_distance(std::string_view text, const Location& where = {});

/// The short label used as a key in files and JSON: "100m", "1600m", "mile".
std::string distance_label(double distance_m);

}  // namespace baton

template <>
struct fmt::formatter<baton::Mark> : fmt::formatter<std::string_view> {
  auto format(const baton::Mark& m, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(baton::format_mark(m), ctx);
  }
};
