// The schema's history. Each migration runs in its own transaction together with the bump of
// PRAGMA user_version, so a database is always at exactly one version.
#pragma once

#include <span>

namespace baton {

struct Migration {
  int version;      ///< user_version after this migration
  const char* sql;  ///< statements to run
};

/// Every migration, oldest first; versions are 1, 2, 3, ...
std::span<const Migration> migrations();

}  // namespace baton
