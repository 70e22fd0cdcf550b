// Reading a database file behind the library's back, to prove a refused write changed nothing.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <initializer_list>
#include <string>

namespace baton::testing {

/// Every row of each table, one line a row with its columns separated by '|' (NULL for null),
/// read with SQLite directly. Tables are listed in the order given, rows in rowid order.
inline std::string dump_tables(const std::string& path, std::initializer_list<const char*> tables) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  std::string out;
  for (const char* table : tables) {
    sqlite3_stmt* s = nullptr;
    const std::string query = std::string("SELECT * FROM ") + table + " ORDER BY rowid";
    if (sqlite3_prepare_v2(db, query.c_str(), -1, &s, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << path << ": " << query << ": " << sqlite3_errmsg(db);
    }
    while (sqlite3_step(s) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(s); ++i) {
        const unsigned char* t = sqlite3_column_text(s, i);
        out += t ? reinterpret_cast<const char*>(t) : "NULL";
        out += '|';
      }
      out += '\n';
    }
    sqlite3_finalize(s);
  }
  sqlite3_close(db);
  return out;
}

}  // namespace baton::testing
