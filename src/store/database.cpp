#include <fmt/format.h>

#include "store/migrations.h"
#include "store/sqlite.h"

namespace baton {
namespace {

// PRAGMA application_id marks the file as Baton's ("BATN").
constexpr long long kApplicationId = 0x4241544E;

long long pragma_int(const Connection& impl, const char* name) {
  Statement s(impl, std::string("PRAGMA ") + name);
  return s.step() ? s.column_int(0) : 0;
}

// Brings the schema up to date. Several programs may open a new database at the same moment,
// so the version is read and every pending migration applied inside one write transaction:
// whoever takes the lock second sees the migrated schema and has nothing left to do.
void migrate(Database& db) {
  Connection& impl = connection(db);
  if (pragma_int(impl, "user_version") == Database::latest_schema_version() &&
      pragma_int(impl, "application_id") == kApplicationId) {
    return;  // the common case: up to date, no write lock needed
  }
  db.transaction([&] {
    const long long app = pragma_int(impl, "application_id");
    const long long version = pragma_int(impl, "user_version");
    long long tables = 0;
    {
      Statement s(impl, "SELECT count(*) FROM sqlite_schema");
      if (s.step()) tables = s.column_int(0);
    }
    if (app != kApplicationId && (tables > 0 || version > 0)) {
      throw StoreError("this SQLite file is not a Baton database", Location{impl.path, 0, ""});
    }
    if (version > Database::latest_schema_version()) {
      throw StoreError(fmt::format("database schema version {} is newer than this build "
                                   "understands ({}): upgrade Baton",
                                   version, Database::latest_schema_version()),
                       Location{impl.path, 0, ""});
    }
    for (const Migration& m : migrations()) {
      if (m.version <= version) continue;
      impl.exec(m.sql);
      impl.exec(fmt::format("PRAGMA application_id = {}; PRAGMA user_version = {};", kApplicationId,
                            m.version)
                    .c_str());
    }
  });
}

}  // namespace

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

Database Database::open(const std::string& path, int busy_timeout_ms) {
  // SQLite counts every allocation under one process-wide mutex unless told not to: with
  // several connections busy at once (the server's workers) that mutex is where they queue.
  // The setting takes effect only before SQLite's first use, once per process.
  static const int memory_counting_off = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)memory_counting_off;
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  const int rc =
      sqlite3_open_v2(path.c_str(), &impl->db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = impl->db ? sqlite3_errmsg(impl->db) : sqlite3_errstr(rc);
    throw StoreError("cannot open database: " + message, Location{path, 0, ""});
  }
  sqlite3_extended_result_codes(impl->db, 1);
  impl->check(sqlite3_busy_timeout(impl->db, busy_timeout_ms), "setting the busy timeout");
  try {
    // WAL lets the CLI and the server read while the other writes; NORMAL sync is safe in WAL
    // mode against a killed process (only a power cut can lose the last commit).
    impl->exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
    // Switching a new file to WAL needs a moment of exclusive access, which a second program
    // opening the same new file may hold: retry briefly.
    impl->exec_retrying("PRAGMA journal_mode = WAL");
  } catch (const StoreError& e) {
    throw StoreError("not a usable SQLite database (" + e.message() + ")", Location{path, 0, ""});
  }
  Database db(std::move(impl));
  migrate(db);
  return db;
}

const std::string& Database::path() const { return impl_->path; }

int Database::schema_version() const {
  return static_cast<int>(pragma_int(*impl_, "user_version"));
}

Database::Version Database::version() const {
  return Version{pragma_int(*impl_, "data_version"), sqlite3_total_changes64(impl_->db)};
}

int Database::latest_schema_version() {
  const auto all = migrations();
  return all.empty() ? 0 : all.back().version;
}

void Database::transaction(const std::function<void()>& work) {
  // Inside another transaction the work joins it: whatever it throws reaches the outer one,
  // which rolls everything back, so several writes compose into one all-or-nothing change.
  if (sqlite3_get_autocommit(impl_->db) == 0) {
    work();
    return;
  }
  impl_->exec_retrying("BEGIN IMMEDIATE");
  try {
    work();
    impl_->exec_retrying("COMMIT");
  } catch (...) {
    sqlite3_exec(impl_->db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

}  // namespace baton
