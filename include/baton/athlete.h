// Athletes and their marks: the roster's raw material.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baton/error.h"
#include "baton/units.h"

namespace baton {

enum class Sex { female, male };
enum class Hand { right, left };

/// "F" / "M" (also "W", "girls", "women", "boys", "men"); throws ParseError naming `where`.
Sex parse_sex(std::string_view text, const Location& where = {});
/// "F" or "M".
std::string_view to_string(Sex sex);
/// "right" / "left" (also "R" / "L"); throws ParseError naming `where`.
Hand parse_hand(std::string_view text, const Location& where = {});
/// "right" or "left".
std::string_view to_string(Hand hand);

/// A best mark at one distance.
struct Best {
  double distance_m = 0.0;  ///< race distance, metres (a mile is 1609.344)
  Mark mark;                ///< as written (FAT or hand-timed)
  /// The FAT-equivalent time, seconds.
  double fat_s() const { return to_fat_s(mark, distance_m); }
};

/// A split time of an all-out sprint from a standing or block start, e.g. 10 m in 1.95 s.
struct Split {
  double distance_m = 0.0;  ///< metres from the start line
  double time_s = 0.0;      ///< seconds from the start (signal or first movement, as timed)
};

struct Athlete {
  std::string name;
  Sex sex = Sex::female;
  std::vector<Best> bests;              ///< at most one per distance, sorted by distance
  std::vector<Split> splits;            ///< sorted by distance, times strictly increasing
  std::optional<double> foot_length_m;  ///< shoe length used to pace out go-marks, metres
  std::optional<Hand> hand;             ///< preferred carrying hand, when the athlete has one
  /// Day-to-day spread of the athlete's legs, percent of the leg time (sd; 0-10). None: the
  /// simulation's default (1 %). Raise it for an inconsistent runner, lower it for a metronome.
  std::optional<double> form_sd_percent;
  /// Individual events the athlete is entered in at the coming meet, as the coach writes them
  /// ("100m", "LJ"): each counts against a meet's per-athlete event limit with the relays.
  std::vector<std::string> entries;

  /// The best at exactly this distance (within 1 mm), or nullptr.
  const Best* best_at(double distance_m) const;
  /// Adds or replaces the best at `best.distance_m`, keeping `bests` sorted.
  void set_best(const Best& best);
};

/// Longest athlete name, in characters (Unicode code points, not bytes).
inline constexpr std::size_t kMaxNameCodePoints = 80;

/// Most individual entries one athlete may have (no meet rule allows more than a handful).
inline constexpr std::size_t kMaxEntries = 12;
/// Longest individual entry, in characters.
inline constexpr std::size_t kMaxEntryCodePoints = 30;

/// Default foot length when an athlete has none, metres (an adult training shoe).
inline constexpr double kDefaultFootLengthM = 0.28;

/// Men's or women's world record at a distance, seconds (interpolated with Riegel's exponent
/// between tabulated distances, extrapolated outside 60 m - 10000 m).
double world_record_s(double distance_m, Sex sex);

/// Checks that a FAT time is humanly possible for this athlete: not faster than the world
/// record by more than 2 %, and not slower than a walk (2 m/s). Throws ValidationError naming
/// `where` and quoting the record.
void check_mark_plausible(double distance_m, double fat_s, Sex sex, const Location& where);

/// Validates a whole athlete (name: 1 to kMaxNameCodePoints characters of valid UTF-8 without
/// commas or control characters; marks, splits, foot length; at most kMaxEntries entries, each
/// 1 to kMaxEntryCodePoints characters without commas, semicolons or control characters, none
/// twice ignoring case, field "entries.i"); throws ValidationError with
/// `where` and the offending field.
void validate_athlete(const Athlete& athlete, const Location& where = {});

}  // namespace baton
