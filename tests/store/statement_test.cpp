// The store's prepared statements: each SQL text is prepared once per connection and lent out
// again, so reuse must never leak a binding, a half-read result or a read lock.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "baton/store.h"
#include "store/sqlite.h"
#include "support/run_cli.h"

namespace baton {
namespace {

using testing::TempDir;

// Statements of the connection still in the middle of a query (holding a read).
int running_statements(const Connection& c) {
  int n = 0;
  for (sqlite3_stmt* s = sqlite3_next_stmt(c.db, nullptr); s; s = sqlite3_next_stmt(c.db, s)) {
    n += sqlite3_stmt_busy(s) != 0;
  }
  return n;
}

class Statements : public ::testing::Test {
 protected:
  void SetUp() override {
    Connection& c = connection(db);
    c.exec("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)");
    c.exec("INSERT INTO t VALUES (1, 'one'), (2, 'two'), (3, 'three')");
  }
  TempDir dir;
  Database db = Database::open(dir.file("s.db"));
};

TEST_F(Statements, TheSameTextTwiceAtOnceGivesTwoIndependentQueries) {
  const Connection& c = connection(db);
  const char* text = "SELECT k, v FROM t WHERE k >= ? ORDER BY k";
  std::vector<std::string> pairs;
  Statement outer(c, text);
  outer.bind(1, 2);
  while (outer.step()) {
    Statement inner(c, text);  // the kept statement is busy: this one is prepared for itself
    inner.bind(1, 1);
    while (inner.step()) pairs.push_back(outer.column_text(1) + "/" + inner.column_text(1));
  }
  EXPECT_EQ(pairs, (std::vector<std::string>{"two/one", "two/two", "two/three", "three/one",
                                             "three/two", "three/three"}));
}

TEST_F(Statements, AReusedStatementStartsWithoutTheLastBindingsOrRows) {
  const Connection& c = connection(db);
  const char* text = "SELECT count(*) FROM t WHERE k = ?";
  {
    Statement s(c, text);
    s.bind(1, 2);
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.column_int(0), 1);
  }
  Statement s(c, text);  // unbound: NULL, which equals no key
  ASSERT_TRUE(s.step());
  EXPECT_EQ(s.column_int(0), 0);
}

TEST_F(Statements, AQueryLeftUnfinishedHoldsNothingOnceGone) {
  const Connection& c = connection(db);
  {
    Statement s(c, "SELECT v FROM t ORDER BY k");
    ASSERT_TRUE(s.step());  // one row of three
    EXPECT_EQ(running_statements(c), 1);
  }
  EXPECT_EQ(running_statements(c), 0);
  // With no read left open, a transaction on this connection is its own and commits: another
  // connection sees it.
  db.transaction([&] { c.exec("DELETE FROM t WHERE k = 1"); });
  Database other = Database::open(dir.file("s.db"));
  Statement n(connection(other), "SELECT count(*) FROM t");
  ASSERT_TRUE(n.step());
  EXPECT_EQ(n.column_int(0), 2);
}

TEST_F(Statements, ManyDifferentTextsAllWork) {
  const Connection& c = connection(db);
  // More texts than a connection keeps: the rest are prepared and finalized each time.
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 300; ++i) {
      Statement s(c, "SELECT " + std::to_string(i) + " + count(*) FROM t");
      ASSERT_TRUE(s.step());
      EXPECT_EQ(s.column_int(0), i + 3);
    }
  }
  EXPECT_EQ(running_statements(c), 0);
}

}  // namespace
}  // namespace baton
