// Thin RAII wrappers over the SQLite C API, private to src/store.
#pragma once

#include <sqlite3.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "baton/error.h"
#include "baton/store.h"

namespace baton {

/// An open SQLite connection: all that stands behind a Database. Used by one thread at a time
/// (the server gives each worker its own).
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

  /// A prepared statement lent to a Statement; `in_use` is null when the statement is not kept
  /// (the borrower finalizes it).
  struct Lease {
    sqlite3_stmt* stmt = nullptr;
    bool* in_use = nullptr;
  };
  /// A prepared statement for `sql`, ready to bind: the one this connection prepared for the
  /// same text before when it is free, else a new one. Preparing (parsing and planning) costs
  /// more than running the store's small queries, so each text is prepared once per
  /// connection. Hand it back with release().
  Lease acquire(std::string_view sql) const;
  /// Resets the statement (its read lock is released) and clears its bindings for the next
  /// acquire(), or finalizes it when it is not kept.
  static void release(const Lease& lease);

 private:
  // Transparent hashing: a lookup by string_view does not build a string.
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Prepared {
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;  ///< held by a Statement now (a second one gets its own)
  };
  /// At most this many texts are kept (the store has a few dozen, all constant).
  static constexpr size_t kMaxPrepared = 128;
  mutable std::unordered_map<std::string, Prepared, TextHash, std::equal_to<>> prepared_;
};

struct Database::Impl : Connection {};

/// The store's way to the connection behind a Database (a friend of the class).
struct DatabaseAccess {
  static Connection& connection(const Database& db) { return *db.impl_; }
};

/// The connection behind `db`.
inline Connection& connection(const Database& db) { return DatabaseAccess::connection(db); }

/// A prepared statement with 1-based binding and 0-based column access, taken from the
/// connection's prepared statements and given back (reset) when it goes out of scope.
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
  Connection::Lease lease_;
  sqlite3_stmt* stmt_ = nullptr;
};

/// One read transaction around several queries, so that together they see one state of the
/// file (a write committed between them cannot tear a roster in two). Inside another
/// transaction it does nothing: the reads join that one.
class ReadTransaction {
 public:
  explicit ReadTransaction(const Connection& db);
  ~ReadTransaction();
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  const Connection& db_;
  bool began_ = false;
};

}  // namespace baton
