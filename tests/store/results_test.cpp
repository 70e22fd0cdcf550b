#include "baton/results.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "baton/results_csv.h"
#include "baton/team_file.h"
#include "support/run_cli.h"
#include "support/table_dump.h"

namespace baton {
namespace {

using testing::source_path;
using testing::TempDir;

std::string dump(const std::string& path) {
  return testing::dump_tables(path, {"results", "result_legs"});
}

class ResultsStore : public ::testing::Test {
 protected:
  void SetUp() override { Roster(db).import(load_team(source_path("examples/riverside.toml"))); }
  RelayResult girls_4x100() {
    RelayResult r;
    r.event = "4x100";
    r.date = "2024-04-20";
    r.meet = "County";
    r.order = {"Ava Brooks", "maya johnson", "Lily Nguyen", "Isabel Ortiz"};
    r.team_time_s = 48.92;
    r.splits_s = {12.6, 11.9, 12.2, 12.2};
    return r;
  }
  TempDir dir;
  std::string path = dir.file("b.db");
  Database db = Database::open(path);
  Results results{db};
};

TEST_F(ResultsStore, AddListRemove) {
  const long long id = results.add(girls_4x100());
  RelayResult dnf = girls_4x100();
  dnf.date = "2024-04-27";
  dnf.team_time_s.reset();
  dnf.splits_s.clear();
  dnf.dropped_leg = 2;
  results.add(dnf);
  const auto all = results.list();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, id);
  EXPECT_EQ(all[0].order[1], "Maya Johnson");  // as on the roster
  EXPECT_DOUBLE_EQ(*all[0].team_time_s, 48.92);
  EXPECT_EQ(all[0].splits_s, (std::vector<double>{12.6, 11.9, 12.2, 12.2}));
  EXPECT_FALSE(all[1].team_time_s.has_value());
  EXPECT_EQ(*all[1].dropped_leg, 2);
  EXPECT_TRUE(all[1].splits_s.empty());
  results.remove(id);
  EXPECT_EQ(results.list().size(), 1u);
  EXPECT_THROW(results.remove(id), NotFoundError);
}

TEST_F(ResultsStore, ResultsOutliveRemovedAthletes) {
  results.add(girls_4x100());
  Roster(db).remove("Lily Nguyen");
  const auto all = results.list();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].order[2], "Lily Nguyen");
}

TEST_F(ResultsStore, RefusedResultsWriteNothing) {
  results.add(girls_4x100());
  const std::string before = dump(path);
  const auto refused = [&](const RelayResult& r, const char* field) {
    try {
      results.add(r);
      ADD_FAILURE() << "accepted a bad " << field;
    } catch (const Error& e) {
      EXPECT_EQ(e.where().field, field) << e.what();
    }
    EXPECT_EQ(dump(path), before) << field;
  };
  RelayResult r = girls_4x100();
  r.event = "4x99";
  refused(r, "event");
  r = girls_4x100();
  r.order.pop_back();
  refused(r, "order");
  r = girls_4x100();
  r.order[3] = "Ava Brooks";
  refused(r, "order");
  r = girls_4x100();
  r.order[3] = "Nobody Known";
  refused(r, "order");
  r = girls_4x100();
  r.team_time_s = 39.0;  // faster than the women's world record
  refused(r, "time");
  r = girls_4x100();
  r.team_time_s.reset();  // no time, no drop, no DQ
  refused(r, "time");
  r = girls_4x100();
  r.splits_s = {12.6, 11.9, 12.2};
  refused(r, "splits");
  r = girls_4x100();
  r.splits_s = {12.6, 11.9, 12.2, 16.2};  // adds to 52.9 s
  refused(r, "splits");
  r = girls_4x100();
  r.splits_s = {12.6, 8.0, 12.2, 12.2};
  refused(r, "splits");
  r = girls_4x100();
  r.dropped_leg = 5;
  refused(r, "drop");
  r = girls_4x100();
  r.date = "2024-02-30";
  refused(r, "date");
}

TEST_F(ResultsStore, AnImportIsAllOrNothing) {
  const std::string csv =
      "date,meet,event,order,time,splits,drop,dq\n"
      "2024-04-20,County,4x100,\"Ava Brooks,Maya Johnson,Lily Nguyen,Isabel Ortiz\",48.92,"
      "12.6;11.9;12.2;12.2,,\n"
      "2024-04-27,Relays,4x100,Ava Brooks;Maya Johnson;Lily Nguyen;Isabel Ortiz,,,3,no\n"
      "2024-05-04,League,4x100,Ava Brooks;Maya Johnson;Lily Nguyen;Isabel Ortiz,35.0,,,\n";
  std::vector<int> lines;
  const auto parsed = parse_results_csv(csv, "r.csv", "2024-06-01", &lines);
  ASSERT_EQ(parsed.size(), 3u);
  EXPECT_EQ(lines, (std::vector<int>{2, 3, 4}));
  EXPECT_EQ(parsed[0].order.size(), 4u);
  EXPECT_EQ(*parsed[1].dropped_leg, 3);
  try {
    results.import(parsed, "r.csv", lines);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().line, 4);  // the impossible 35.0
    EXPECT_EQ(e.where().field, "time");
  }
  EXPECT_TRUE(results.list().empty());
  const std::vector<RelayResult> good(parsed.begin(), parsed.begin() + 2);
  EXPECT_EQ(results.import(good).size(), 2u);
  EXPECT_EQ(results.list().size(), 2u);
}

TEST(ResultsCsv, RefusesMalformedFiles) {
  EXPECT_THROW(parse_results_csv("", "r.csv", "2024-01-01"), ParseError);
  EXPECT_THROW(parse_results_csv("event,order\n", "r.csv", "2024-01-01"), ParseError);
  EXPECT_THROW(parse_results_csv("event,order,time,colour\n", "r.csv", "2024-01-01"), ParseError);
  EXPECT_THROW(parse_results_csv("event,order,time\n4x100,\"A,B\n", "r.csv", "2024-01-01"),
               ParseError);
  EXPECT_THROW(parse_results_csv("event,order,time\n4x100,A;B;C;D,4x.2\n", "r.csv", "2024-01-01"),
               ParseError);
  EXPECT_THROW(
      parse_results_csv("event,order,time,dq\n4x100,A;B;C;D,48.2,maybe\n", "r.csv", "2024-01-01"),
      ParseError);
  const auto r =
      parse_results_csv("event,order,time\n4x400,A;B;C;D,4:05.1h\n", "r.csv", "2024-01-01");
  EXPECT_NEAR(*r[0].team_time_s, 245.1 + 0.14, 1e-9);  // hand time to FAT
  EXPECT_EQ(r[0].date, "2024-01-01");
}

}  // namespace
}  // namespace baton
