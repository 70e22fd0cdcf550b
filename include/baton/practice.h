// The practice log: hand-off drills (include/baton/drill.h) recorded per pair (incoming runner
// -> outgoing runner) in the database.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baton/drill.h"
#include "baton/error.h"
#include "baton/store.h"

namespace baton {

/// Which drills to list; empty names match everyone.
struct DrillFilter {
  std::string from;   ///< incoming runner
  std::string to;     ///< outgoing runner
  std::string until;  ///< YYYY-MM-DD: only drills on or before this date; empty for all
};

/// Drills in the database. Every write is one transaction: refused input writes nothing.
class Practice {
 public:
  explicit Practice(Database& db) : db_(db) {}

  /// Validates and stores a drill; returns its id. Throws NotFoundError (with a suggestion)
  /// for a runner not on the roster, ValidationError for the same runner at both ends or a
  /// value out of range, ParseError for a malformed date.
  long long log(const Drill& drill);
  /// What log_once() did: the drill's id, and whether its key was already stored (then
  /// nothing was written and `id` is the drill first logged under that key).
  struct Logged {
    long long id = 0;
    bool repeat = false;
  };
  /// Like log(), but a drill whose non-empty key is already stored is not stored again.
  Logged log_once(const Drill& drill);
  /// Drill `id`; NotFoundError naming "id" if there is none.
  Drill get(long long id) const;
  /// Drills matching `filter`, oldest first (by date, then id). Unknown names: NotFoundError.
  std::vector<Drill> list(const DrillFilter& filter = {}) const;
  /// One pair's drills, oldest first.
  std::vector<Drill> pair(std::string_view from, std::string_view to) const;
  /// Deletes drill `id`; NotFoundError if there is none.
  void remove(long long id);

 private:
  Database& db_;
};

/// The pair's record from the database (NotFoundError for unknown names).
PairRecord pair_record(const Practice& practice, std::string_view from, std::string_view to);

}  // namespace baton
