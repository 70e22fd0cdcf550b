// Thin RAII wrappers over the SQLite C API, private to src/store.
#pragma once

#include <sqlite3.h>

#include <optional>
#include <string>
#include <string_view>

#include "baton/error.h"
#include "baton/store.h"

namespace baton {

/// An open SQLite connection: all that stands behind a Database.
struct Connection {
  sqlite3* db = nullptr;
  std::string path;
  Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();
  /// Throws StoreError with SQLite's message when `rc` is not OK/ROW/DONE.
  void check(int rc, std::string_view what) const;
  void exec(const char* sql) const;
  /// Like exec, but when SQLite answers "busy" even after the busy timeout (a lock upgrade it
  /// cannot wait for, a recovery in progress) retries a bounded number of times with a short,
  /// growing pause before throwing StoreError.
  void exec_retrying(const char* sql) const;
};

struct Database::Impl : Connection {};

/// The store's way to the connection behind a Database (a friend of the class).
struct DatabaseAccess {
  static Connection& connection(const Database& db) { return *db.impl_; }
};

/// The connection behind `db`.
inline Connection& connection(const Database& db) { return DatabaseAccess::connection(db); }

/// A prepared statement with 1-based binding and 0-based column access.
class Statement {
 public:
  Statement(const Connection& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, double v);
  Statement& bind(int i, long long v);
  Statement& bind(int i, int v) { return bind(i, static_cast<long long>(v)); }
  Statement& bind(int i, std::string_view v);
  Statement& bind(int i, std::nullopt_t);
  template <typename T>
  Statement& bind(int i, const std::optional<T>& v) {
    return v ? bind(i, *v) : bind(i, std::nullopt);
  }

  /// Steps once; true while a row is available.
  bool step();
  /// Steps to completion (for writes).
  void run();
  void reset();

  double column_double(int i) const;
  long long column_int(int i) const;
  std::string column_text(int i) const;
  bool column_null(int i) const;

 private:
  const Connection& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace baton
