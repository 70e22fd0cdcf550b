// The marks history and transactions that nest.
#include "baton/mark_history.h"

#include <gtest/gtest.h>

#include "support/run_cli.h"

namespace baton {
namespace {

using testing::TempDir;

class MarkHistoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Athlete a;
    a.name = "Ava Brooks";
    a.sex = Sex::female;
    Roster(db).add(a);
  }
  TempDir dir;
  Database db = Database::open(dir.file("team.db"));
};

TEST_F(MarkHistoryTest, KeepsEachMarkOnceWithItsDateAndSource) {
  MarkHistory h(db);
  const std::vector<DatedMark> marks = {{100, {12.31, false}, "2024-04-20", "County"},
                                        {100, {12.1, true}, "", "team.csv"},
                                        {200, {25.40, false}, "2024-05-01", "League"}};
  EXPECT_EQ(h.add("Ava Brooks", marks), 3);
  EXPECT_EQ(h.add("Ava Brooks", marks), 0);  // the same marks again
  const std::vector<DatedMark> all = h.list("Ava Brooks");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].date, "");  // undated first
  EXPECT_TRUE(all[0].mark.hand_timed);
  EXPECT_EQ(all[1].source, "County");
  EXPECT_DOUBLE_EQ(all[2].distance_m, 200);
  EXPECT_THROW(h.add("Nobody", marks), NotFoundError);
  EXPECT_THROW(h.add("Ava Brooks", {{100, {12.0, false}, "2024-02-30", ""}}), ParseError);
  EXPECT_THROW(h.add("Ava Brooks", {{100, {0.0, false}, "2024-02-20", ""}}), ValidationError);
  EXPECT_EQ(h.list("Ava Brooks").size(), 3u);
  // Removing the athlete removes their history.
  Roster(db).remove("Ava Brooks");
  EXPECT_TRUE(h.list("Ava Brooks").empty());
}

TEST_F(MarkHistoryTest, NestedTransactionsCommitOrRollBackTogether) {
  MarkHistory h(db);
  EXPECT_THROW(db.transaction([&] {
    h.add("Ava Brooks", {{100, {12.31, false}, "2024-04-20", "County"}});  // its own transaction
    throw ValidationError("a later line is wrong");
  }),
               ValidationError);
  EXPECT_TRUE(h.list("Ava Brooks").empty());
  db.transaction([&] { h.add("Ava Brooks", {{100, {12.31, false}, "2024-04-20", "County"}}); });
  EXPECT_EQ(h.list("Ava Brooks").size(), 1u);
}

}  // namespace
}  // namespace baton
