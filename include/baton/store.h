// The embedded database: one SQLite file with a versioned schema (WAL mode, busy timeout).
// Every write is a transaction: an error or a killed process leaves the previous state.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baton/team.h"

namespace baton {

/// Default database path when neither --db nor BATON_DB is given.
inline constexpr const char* kDefaultDatabasePath = "baton.db";

class Database {
 public:
  /// Opens (creating when missing) the database at `path` and applies pending migrations.
  /// Throws StoreError naming the path when it is not a Baton database, is locked beyond the
  /// busy timeout, or was written by a newer Baton.
  static Database open(const std::string& path, int busy_timeout_ms = 5000);

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

  const std::string& path() const;
  /// Schema version now in the file.
  int schema_version() const;
  /// The newest schema version this build knows.
  static int latest_schema_version();

  /// Runs `work` inside BEGIN IMMEDIATE ... COMMIT; rolls back and rethrows if it throws.
  /// Called inside another transaction, `work` joins it (all of it commits or rolls back
  /// together), so the store's writes compose into one transaction.
  void transaction(const std::function<void()>& work);

  /// Where the file's contents stand: two equal versions, read through this connection,
  /// mean nothing was written in between, by this connection or by any other (another
  /// server worker, the command line). A write that was rolled back may change it too.
  /// For caches of what was read: read the version first, then the data.
  struct Version {
    long long others = -1;  ///< commits seen from other connections (PRAGMA data_version)
    long long own = -1;     ///< rows this connection changed since it opened
    bool operator==(const Version&) const = default;
  };
  Version version() const;

 private:
  /// Opaque: the SQLite connection lives in src/store, which alone reaches it.
  struct Impl;
  friend struct DatabaseAccess;
  explicit Database(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// Longest team name, in characters (Unicode code points).
inline constexpr size_t kMaxTeamNameCodePoints = 120;

/// What an import did.
struct ImportSummary {
  int added = 0;    ///< athletes new to the roster
  int updated = 0;  ///< athletes whose record was replaced by the file's
  int removed = 0;  ///< athletes dropped because the import replaced the roster
};

/// Athletes, their marks and the team's name and rule set.
class Roster {
 public:
  explicit Roster(Database& db) : db_(db) {}

  /// The whole roster as a team, athletes sorted by name.
  Team team() const;
  /// The team's name, rule set and level, without its athletes.
  Team team_info() const;
  std::vector<Athlete> athletes() const;
  std::optional<Athlete> find(std::string_view name) const;

  /// Adds a new athlete; ValidationError if the name is taken or the athlete is invalid.
  void add(const Athlete& athlete);
  /// Replaces the athlete called `name` (which may be renamed); NotFoundError if absent.
  void update(std::string_view name, const Athlete& athlete);
  /// Removes the athlete; NotFoundError if absent.
  void remove(std::string_view name);
  /// Sets the team's name (at most kMaxTeamNameCodePoints characters of UTF-8 text, may be
  /// empty) and rule set; ValidationError (field "team_name") for a bad name.
  void set_team_info(const std::string& name, RuleSet rules, std::optional<Level> level);

  /// Imports a team in one transaction: athletes in `team` are added or replace same-named
  /// ones; with `replace_all` every other athlete is removed. `after_each` (may be empty) is
  /// called after each athlete is written, inside the transaction.
  ImportSummary import(const Team& team, bool replace_all = false,
                       const std::function<void(size_t written)>& after_each = {});

 private:
  Database& db_;
};

}  // namespace baton
