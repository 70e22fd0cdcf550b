// The results log: relays the team has raced (include/baton/relay_result.h), kept in the
// database.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baton/error.h"
#include "baton/relay_result.h"
#include "baton/store.h"

namespace baton {

/// Relay results in the database. Every write is one transaction: refused input writes
/// nothing.
class Results {
 public:
  explicit Results(Database& db) : db_(db) {}

  /// Validates and stores a result; returns its id.
  long long add(const RelayResult& result);
  /// Validates every result first, then stores them all in one transaction (all or nothing).
  /// Errors name `source` and the 1-based position in `results` as the line (a CSV import
  /// passes the file's line numbers through `lines`, when given).
  std::vector<long long> import(const std::vector<RelayResult>& results,
                                const std::string& source = "", const std::vector<int>& lines = {});
  /// Every result, oldest first (by date, then id).
  std::vector<RelayResult> list() const;
  /// Deletes result `id`; NotFoundError if there is none.
  void remove(long long id);

 private:
  Database& db_;
};

}  // namespace baton
