#include "store/sqlite.h"

#include "core/text.h"

namespace baton {

Connection::~Connection() {
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

Statement::Statement(const Connection& db, std::string_view sql) : db_(db) {
  db_.check(sqlite3_prepare_v2(db_.db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr),
            "preparing a query");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

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

}  // namespace baton
