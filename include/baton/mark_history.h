// The marks history: every mark an athlete ran that came in from a file, with its date and its
// source (meet or file), kept beside the roster's best per distance.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "baton/store.h"
#include "baton/units.h"

namespace baton {

/// A mark with when and where it was run.
struct DatedMark {
  double distance_m = 0.0;  ///< race distance, metres
  Mark mark;                ///< as written (FAT or hand-timed)
  std::string date;         ///< YYYY-MM-DD; empty when the source did not say
  std::string source;       ///< meet name or file name; may be empty
};

/// The marks history in the database.
class MarkHistory {
 public:
  explicit MarkHistory(Database& db) : db_(db) {}

  /// Adds marks of the athlete called `athlete` (exact roster name) in one transaction (or the
  /// caller's); a mark already in the history (same distance, time, timing, date and source) is
  /// not added again. Returns how many were new. NotFoundError naming "athlete" when there is no
  /// such athlete; ParseError naming "date" for a date that is not a calendar day,
  /// ValidationError naming "mark" for a time or distance <= 0; nothing is added then.
  int add(std::string_view athlete, const std::vector<DatedMark>& marks);
  /// The athlete's marks, by distance then date (undated first); empty for an unknown name.
  std::vector<DatedMark> list(std::string_view athlete) const;

 private:
  Database& db_;
};

}  // namespace baton
