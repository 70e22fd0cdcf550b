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
  // Adding `r` fails naming `field`, and the tables are as they were.
  void refused(const RelayResult& r, const char* field) {
    const std::string before = dump(path);
    try {
      results.add(r);
      ADD_FAILURE() << "accepted a bad " << field;
    } catch (const Error& e) {
      EXPECT_EQ(e.where().field, field) << e.what();
    }
    EXPECT_EQ(dump(path), before) << field;
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

// A DNF is "did not finish, cause not recorded": nothing else may say how the race ended.
TEST_F(ResultsStore, ADnfStandsAlone) {
  results.add(girls_4x100());
  RelayResult dnf = girls_4x100();
  dnf.date = "2024-04-27";
  dnf.dnf = true;
  dnf.splits_s.clear();
  RelayResult r = dnf;  // 48.92 s and DNF
  refused(r, "time");
  r = dnf;
  r.team_time_s.reset();
  r.dq = true;
  refused(r, "dnf");
  r = dnf;
  r.team_time_s.reset();
  r.dropped_leg = 3;  // the drop is the cause: it is logged as a drop, not a DNF
  refused(r, "dnf");
  r = dnf;
  r.team_time_s.reset();
  r.splits_s = {12.6, 11.9, 12.2, 12.2};
  refused(r, "splits");

  dnf.team_time_s.reset();
  const long long id = results.add(dnf);
  const auto all = results.list();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_FALSE(all[0].dnf);
  EXPECT_EQ(all[1].id, id);
  EXPECT_TRUE(all[1].dnf);
  EXPECT_FALSE(all[1].dq);
  EXPECT_FALSE(all[1].team_time_s);
  EXPECT_FALSE(all[1].dropped_leg);
  EXPECT_EQ(all[1].order[1], "Maya Johnson");
}

// The schema refuses what validate_result refuses, for a writer that skips it.
TEST_F(ResultsStore, TheSchemaRefusesADnfWithATime) {
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  for (const char* bad : {
           "INSERT INTO results (event, date, team_time_s, dq, dnf) "
           "VALUES ('4x100', '2024-04-27', 48.9, 0, 1)",
           "INSERT INTO results (event, date, dq, dnf) VALUES ('4x100', '2024-04-27', 1, 1)",
           "INSERT INTO results (event, date, dropped_leg, dq, dnf) "
           "VALUES ('4x100', '2024-04-27', 2, 0, 1)",
           "INSERT INTO results (event, date, dq, dnf) VALUES ('4x100', '2024-04-27', 0, 0)",
       }) {
    EXPECT_EQ(sqlite3_exec(raw, bad, nullptr, nullptr, nullptr), SQLITE_CONSTRAINT) << bad;
  }
  EXPECT_EQ(sqlite3_exec(raw,
                         "INSERT INTO results (event, date, dq, dnf) "
                         "VALUES ('4x100', '2024-04-27', 0, 1)",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
}

// Results logged before DNFs could be kept come through the rebuild of the results tables
// whole: ids, legs, splits, hand flags, the link to the roster, and the cascade on removal.
TEST(ResultsMigration, KeepsEarlierResults) {
  TempDir dir;
  const std::string path = dir.file("v10.db");
  {
    Database db = Database::open(path);
    Roster(db).import(load_team(source_path("examples/riverside.toml")));
  }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  // The two tables as schema version 10 had them, with a dropped-baton result and its legs.
  const char* v10 =
      "DROP TABLE result_legs; DROP TABLE results;"
      "CREATE TABLE results (id INTEGER PRIMARY KEY, event TEXT NOT NULL, date TEXT NOT NULL,"
      " meet TEXT NOT NULL DEFAULT '', team_time_s REAL, dropped_leg INTEGER,"
      " dq INTEGER NOT NULL, created_at TEXT NOT NULL DEFAULT '2024-01-01T00:00:00Z',"
      " CHECK (team_time_s IS NOT NULL OR dropped_leg IS NOT NULL OR dq = 1));"
      "CREATE TABLE result_legs (result_id INTEGER NOT NULL REFERENCES results (id)"
      " ON DELETE CASCADE, leg INTEGER NOT NULL, athlete_id INTEGER REFERENCES athletes (id)"
      " ON DELETE SET NULL, athlete TEXT NOT NULL, split_s REAL,"
      " split_hand INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (result_id, leg));"
      "CREATE INDEX result_legs_by_athlete ON result_legs (athlete_id);"
      "INSERT INTO results (id, event, date, meet, team_time_s, dropped_leg, dq)"
      " VALUES (7, '4x100', '2024-04-20', 'County', 48.92, NULL, 0),"
      " (9, '4x100', '2024-04-27', '', NULL, 2, 0);"
      "INSERT INTO result_legs SELECT 7, 1, id, name, 12.6, 1 FROM athletes"
      " WHERE name = 'Ava Brooks';"
      "INSERT INTO result_legs SELECT 7, 2, id, name, 11.9, 0 FROM athletes"
      " WHERE name = 'Maya Johnson';"
      "INSERT INTO result_legs SELECT 7, 3, id, name, 12.2, 0 FROM athletes"
      " WHERE name = 'Lily Nguyen';"
      "INSERT INTO result_legs SELECT 7, 4, id, name, 12.2, 0 FROM athletes"
      " WHERE name = 'Isabel Ortiz';"
      "INSERT INTO result_legs SELECT 9, leg, athlete_id, athlete, NULL, 0 FROM result_legs"
      " WHERE result_id = 7;"
      "PRAGMA user_version = 10;";
  ASSERT_EQ(sqlite3_exec(raw, v10, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(raw);
  sqlite3_close(raw);

  Database db = Database::open(path);
  EXPECT_EQ(db.schema_version(), Database::latest_schema_version());
  Results results(db);
  auto all = results.list();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, 7);
  EXPECT_EQ(all[0].meet, "County");
  EXPECT_DOUBLE_EQ(*all[0].team_time_s, 48.92);
  EXPECT_EQ(all[0].splits_s, (std::vector<double>{12.6, 11.9, 12.2, 12.2}));
  EXPECT_EQ(all[0].splits_hand, (std::vector<bool>{true, false, false, false}));
  EXPECT_FALSE(all[0].dnf);
  EXPECT_EQ(all[1].id, 9);
  EXPECT_EQ(*all[1].dropped_leg, 2);
  EXPECT_FALSE(all[1].dnf);
  EXPECT_EQ(all[1].order[3], "Isabel Ortiz");
  // The legs still point at the roster (a removed athlete's link becomes NULL, the name stays)
  // and at their result (removing it removes them).
  Roster(db).remove("Lily Nguyen");
  results.remove(7);
  all = results.list();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].order[2], "Lily Nguyen");
  sqlite3* check = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &check), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(check,
                               "SELECT (SELECT count(*) FROM result_legs), (SELECT count(*) FROM "
                               "result_legs WHERE athlete_id IS NULL)",
                               -1, &s, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(s, 0), 4);  // result 9's legs only
  EXPECT_EQ(sqlite3_column_int(s, 1), 1);  // Lily Nguyen's
  sqlite3_finalize(s);
  sqlite3_close(check);
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
  try {
    parse_results_csv("event,order,time,dnf\n4x100,A;B;C;D,,perhaps\n", "r.csv", "2024-01-01");
    ADD_FAILURE() << "read 'perhaps' as a DNF flag";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().field, "dnf");
    EXPECT_EQ(e.where().line, 2);
  }
  const auto r =
      parse_results_csv("event,order,time\n4x400,A;B;C;D,4:05.1h\n", "r.csv", "2024-01-01");
  EXPECT_NEAR(*r[0].team_time_s, 245.1 + 0.14, 1e-9);  // hand time to FAT
  EXPECT_EQ(r[0].date, "2024-01-01");
}

}  // namespace
}  // namespace baton
