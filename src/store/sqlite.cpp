#include "store/sqlite.h"

#include "core/text.h"

namespace baton {

Connection::~Connection() {
  for (auto& [sql, p] : prepared_) sqlite3_finalize(p.stmt);
  if (db) sqlite3_close_v2(db);
}

void Connection::check(int rc, std::string_view what) const {
  if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE) return;
  std::string message = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
    message += " (another program holds the database; try again)";
  }
  throw StoreError(message, Location{path, 0, ""});
}

void Connection::exec(const char* sql) const {
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    throw StoreError(message, Location{path, 0, ""});
  }
}

void Connection::exec_retrying(const char* sql) const {
  constexpr int kPausesMs[] = {20, 50, 100, 200, 400};
  for (int pause_ms : kPausesMs) {
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return;
    if ((rc & 0xFF) != SQLITE_BUSY && (rc & 0xFF) != SQLITE_LOCKED) break;
    sqlite3_sleep(pause_ms);
  }
  exec(sql);  // the last attempt reports the error
}

Connection::Lease Connection::acquire(std::string_view sql) const {
  const auto it = prepared_.find(sql);
  if (it != prepared_.end() && !it->second.in_use) {
    it->second.in_use = true;
    return Lease{it->second.stmt, &it->second.in_use};
  }
  const bool keep = it == prepared_.end() && prepared_.size() < kMaxPrepared;
  sqlite3_stmt* stmt = nullptr;
  check(sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                           keep ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, nullptr),
        "preparing a query");
  if (!keep) return Lease{stmt, nullptr};
  // Map nodes stay where they are when the map grows, so the flag's address is stable.
  Prepared& p = prepared_.emplace(std::string(sql), Prepared{stmt, true}).first->second;
  return Lease{stmt, &p.in_use};
}

void Connection::release(const Lease& lease) {
  if (!lease.in_use) {
    sqlite3_finalize(lease.stmt);
    return;
  }
  sqlite3_reset(lease.stmt);
  sqlite3_clear_bindings(lease.stmt);
  *lease.in_use = false;
}

Statement::Statement(const Connection& db, std::string_view sql)
    : db_(db), lease_(db.acquire(sql)), stmt_(lease_.stmt) {}

Statement::~Statement() { Connection::release(lease_); }

Statement& Statement::bind(int i, double v) {
  db_.check(sqlite3_bind_double(stmt_, i, v), "binding a value");
  return *this;
}
Statement& Statement::bind(int i, long long v) {
  db_.check(sqlite3_bind_int64(stmt_, i, v), "binding a value");
  return *this;
}
Statement& Statement::bind(int i, std::string_view v) {
  // The last guard: every text the database holds is valid UTF-8 without NUL characters
  // (readers and the JSON writers rely on it). The callers validate first and name the field.
  if (v.find('\0') != std::string_view::npos ||
      text::invalid_utf8_at(v) != std::string_view::npos) {
    throw StoreError("refusing to store text that is not valid UTF-8 (or holds a NUL character)",
                     Location{db_.path, 0, ""});
  }
  db_.check(sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT),
            "binding a value");
  return *this;
}
Statement& Statement::bind(int i, std::nullopt_t) {
  db_.check(sqlite3_bind_null(stmt_, i), "binding a value");
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  db_.check(rc, "running a query");
  return rc == SQLITE_ROW;
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

double Statement::column_double(int i) const { return sqlite3_column_double(stmt_, i); }
long long Statement::column_int(int i) const { return sqlite3_column_int64(stmt_, i); }
std::string Statement::column_text(int i) const {
  const unsigned char* text = sqlite3_column_text(stmt_, i);
  return text ? std::string(reinterpret_cast<const char*>(text)) : std::string();
}
bool Statement::column_null(int i) const { return sqlite3_column_type(stmt_, i) == SQLITE_NULL; }

ReadTransaction::ReadTransaction(const Connection& db) : db_(db) {
  if (sqlite3_get_autocommit(db_.db) == 0) return;
  Statement(db_, "BEGIN").run();
  began_ = true;
}

ReadTransaction::~ReadTransaction() {
  // A transaction that only read has nothing to lose; it must end all the same, or the next
  // write would join it and never commit.
  if (!began_) return;
  try {
    Statement(db_, "COMMIT").run();
  } catch (const StoreError&) {
    sqlite3_exec(db_.db, "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

}  // namespace baton
