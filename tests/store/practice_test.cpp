#include "baton/practice.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "baton/date.h"
#include "support/run_cli.h"
#include "support/table_dump.h"

namespace baton {
namespace {

using testing::TempDir;

// Every row of the drills table as text, to compare before and after a refused write.
std::string dump_drills(const std::string& path) { return testing::dump_tables(path, {"drills"}); }

class PracticeStore : public ::testing::Test {
 protected:
  void SetUp() override {
    Roster roster(db);
    roster.add(Athlete{"Ava Brooks", Sex::female});
    roster.add(Athlete{"Mia Chen", Sex::female});
    roster.add(Athlete{"Zoe Park", Sex::female});
  }
  Drill drill(double go_mark_m, double exchange_at_m, std::string date = "2024-04-02") {
    Drill d;
    d.from = "Ava Brooks";
    d.to = "Mia Chen";
    d.date = std::move(date);
    d.go_mark_m = go_mark_m;
    d.exchange_at_m = exchange_at_m;
    return d;
  }
  TempDir dir;
  std::string path = dir.file("b.db");
  Database db = Database::open(path);
  Practice practice{db};
};

TEST(Dates, RealCalendarDatesOnly) {
  EXPECT_EQ(parse_date("2024-02-29"), "2024-02-29");  // leap year
  EXPECT_EQ(parse_date("2000-02-29"), "2000-02-29");  // divisible by 400
  for (const char* bad : {"2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01", "2024-00-10",
                          "2024-1-5", "24-01-05", "2024/01/05", "today", "", "2024-01-05x"}) {
    EXPECT_THROW(parse_date(bad, {"--date", 0, ""}), ParseError) << bad;
  }
  EXPECT_EQ(days_since_epoch("1970-01-01"), 0);
  EXPECT_EQ(days_since_epoch("2000-03-01") - days_since_epoch("2000-02-28"), 2);
  EXPECT_EQ(days_since_epoch("2024-01-01") - days_since_epoch("2023-01-01"), 365);
  EXPECT_EQ(days_since_epoch("2025-01-01") - days_since_epoch("2024-01-01"), 366);
}

TEST_F(PracticeStore, LogListRemove) {
  Drill d = drill(8.5, 21.0);
  d.baton_time_s = 2.05;
  d.outcome = DrillOutcome::late;
  d.note = "chased";
  const long long id = practice.log(d);
  practice.log(drill(9.0, 18.0, "2024-04-01"));
  Drill other = drill(7.0, 20.0);
  other.from = "mia chen";  // names match case-insensitively and are stored as on the roster
  other.to = "Zoe Park";
  practice.log(other);

  const auto all = practice.list();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].date, "2024-04-01");  // oldest first
  const auto pair = practice.pair("Ava Brooks", "Mia Chen");
  ASSERT_EQ(pair.size(), 2u);
  EXPECT_EQ(pair[1].id, id);
  EXPECT_DOUBLE_EQ(*pair[1].baton_time_s, 2.05);
  EXPECT_EQ(pair[1].outcome, DrillOutcome::late);
  EXPECT_EQ(pair[1].note, "chased");
  EXPECT_FALSE(pair[0].baton_time_s.has_value());
  EXPECT_EQ(practice.list({"Mia Chen", "", ""})[0].from, "Mia Chen");
  EXPECT_EQ(practice.list({"", "", "2024-04-01"}).size(), 1u);

  practice.remove(id);
  EXPECT_EQ(practice.list().size(), 2u);
  EXPECT_THROW(practice.remove(id), NotFoundError);
}

TEST_F(PracticeStore, PairRecordCountsAndSpreads) {
  EXPECT_EQ(pair_record(practice, "Ava Brooks", "Mia Chen").drills, 0);
  EXPECT_FALSE(pair_record(practice, "Ava Brooks", "Mia Chen").p_clean().has_value());
  EXPECT_DOUBLE_EQ(pair_record(practice, "Ava Brooks", "Mia Chen").p_clean_smoothed(), 0.5);
  const double at[] = {18.0, 20.0, 22.0, 24.0};
  const DrillOutcome how[] = {DrillOutcome::clean, DrillOutcome::clean, DrillOutcome::drop,
                              DrillOutcome::clean};
  for (int i = 0; i < 4; ++i) {
    Drill d = drill(8.0, at[i], "2024-04-0" + std::to_string(i + 1));
    d.outcome = how[i];
    practice.log(d);
  }
  const PairRecord r = pair_record(practice, "Ava Brooks", "Mia Chen");
  EXPECT_EQ(r.drills, 4);
  EXPECT_EQ(r.clean, 3);
  EXPECT_EQ(r.drops, 1);
  EXPECT_DOUBLE_EQ(*r.p_clean(), 0.75);
  EXPECT_DOUBLE_EQ(r.p_clean_smoothed(), 4.0 / 6.0);
  EXPECT_DOUBLE_EQ(r.mean_exchange_at_m, 21.0);
  EXPECT_NEAR(r.sd_exchange_at_m, std::sqrt(20.0 / 3.0), 1e-12);  // sample SD of 18,20,22,24
  EXPECT_EQ(r.first_date, "2024-04-01");
  EXPECT_EQ(r.last_date, "2024-04-04");
  // The other direction is another pair.
  EXPECT_EQ(pair_record(practice, "Mia Chen", "Ava Brooks").drills, 0);
}

TEST_F(PracticeStore, RefusedDrillsWriteNothing) {
  practice.log(drill(8.0, 20.0));
  const std::string before = dump_drills(path);
  const auto refused = [&](Drill d, const char* field) {
    try {
      practice.log(d);
      ADD_FAILURE() << "accepted a drill with a bad " << field;
    } catch (const Error& e) {
      EXPECT_EQ(e.where().field, field) << e.what();
    }
    EXPECT_EQ(dump_drills(path), before) << field;
  };
  Drill d = drill(8.0, 20.0);
  d.to = "Ava Brooks";
  refused(d, "to");  // the same runner at both ends
  d = drill(8.0, 20.0);
  d.to = "ava brooks";
  refused(d, "to");
  d = drill(8.0, 20.0);
  d.from = "Ava Broks";
  refused(d, "from");  // unknown (with a suggestion)
  refused(drill(-0.5, 20.0), "go_mark_m");
  refused(drill(60.5, 20.0), "go_mark_m");
  refused(drill(8.0, -30.5), "exchange_at_m");  // more than a zone's length before the zone
  refused(drill(8.0, 60.5), "exchange_at_m");   // more than a zone's length beyond it
  refused(drill(8.0, NAN), "exchange_at_m");
  refused(drill(8.0, 20.0, "2023-02-29"), "date");
  refused(drill(8.0, 20.0, "yesterday"), "date");
  d = drill(8.0, 20.0);
  d.baton_time_s = 0.0;
  refused(d, "baton_time_s");
  d = drill(8.0, 20.0);
  d.zone_length_m = 0.0;
  refused(d, "zone_length_m");
  try {
    Drill x = drill(8.0, 20.0);
    x.from = "Ava Broks";
    practice.log(x);
  } catch (const NotFoundError& e) {
    EXPECT_NE(std::string(e.what()).find("did you mean 'Ava Brooks'"), std::string::npos);
  }
  // The limits hold in the table too, for any other writer.
  sqlite3* raw = nullptr;
  sqlite3_open(path.c_str(), &raw);
  EXPECT_NE(sqlite3_exec(raw,
                         "INSERT INTO drills (from_id, to_id, date, go_mark_m, zone_length_m, "
                         "exchange_at_m, outcome) VALUES (1, 1, '2024-04-01', 8, 30, 20, 'clean')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  EXPECT_NE(sqlite3_exec(raw,
                         "INSERT INTO drills (from_id, to_id, date, go_mark_m, zone_length_m, "
                         "exchange_at_m, outcome) VALUES (1, 2, '2024-04-01', 8, 30, 61, 'clean')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  EXPECT_EQ(dump_drills(path), before);
}

TEST_F(PracticeStore, RemovingAnAthleteRemovesTheirDrills) {
  practice.log(drill(8.0, 20.0));
  Roster(db).remove("Mia Chen");
  EXPECT_TRUE(practice.list().empty());
}

TEST(PracticeMigration, AVersionTwoDatabaseGainsTheDrillsTable) {
  TempDir dir;
  const std::string path = dir.file("v2.db");
  sqlite3* raw = nullptr;
  sqlite3_open(path.c_str(), &raw);
  // What migrations 1 and 2 leave, with one athlete.
  const char* v2 =
      "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
      "CREATE TABLE athletes (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
      " sex TEXT NOT NULL, foot_length_m REAL, hand TEXT,"
      " updated_at TEXT NOT NULL DEFAULT '1970-01-01T00:00:00Z');"
      "CREATE TABLE bests (athlete_id INTEGER NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,"
      " distance_m REAL NOT NULL, time_s REAL NOT NULL, hand_timed INTEGER NOT NULL,"
      " updated_at TEXT NOT NULL DEFAULT '1970-01-01T00:00:00Z', PRIMARY KEY (athlete_id, "
      "distance_m));"
      "CREATE TABLE splits (athlete_id INTEGER NOT NULL, distance_m REAL NOT NULL,"
      " time_s REAL NOT NULL, PRIMARY KEY (athlete_id, distance_m));"
      "INSERT INTO athletes (id, name, sex) VALUES (1, 'Ava Brooks', 'F'), (2, 'Mia Chen', 'F');"
      "PRAGMA application_id = 1111577678; PRAGMA user_version = 2;";
  ASSERT_EQ(sqlite3_exec(raw, v2, nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);
  Database db = Database::open(path);
  EXPECT_GE(db.schema_version(), 3);
  Drill d;
  d.from = "Ava Brooks";
  d.to = "Mia Chen";
  d.date = "2024-04-01";
  d.go_mark_m = 8;
  d.exchange_at_m = 20;
  Practice(db).log(d);
  EXPECT_EQ(Practice(db).list().size(), 1u);
}

TEST(PracticeKill, AProcessKilledWhileLoggingLeavesTheLogConsistent) {
  TempDir dir;
  const std::string path = dir.file("b.db");
  {
    Database db = Database::open(path);
    Roster(db).add(Athlete{"Ava Brooks", Sex::female});
    Roster(db).add(Athlete{"Mia Chen", Sex::female});
  }
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    Database db = Database::open(path);
    Practice p(db);
    Drill d;
    d.from = "Ava Brooks";
    d.to = "Mia Chen";
    d.date = "2024-04-01";
    d.go_mark_m = 8;
    d.exchange_at_m = 20;
    for (int i = 0; i < 100000; ++i) p.log(d);  // killed part-way
    _exit(0);
  }
  usleep(200 * 1000);
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  Database db = Database::open(path);
  const auto drills = Practice(db).list();
  // Every drill that was committed is whole; the file is sound and still takes writes.
  for (const Drill& d : drills) EXPECT_DOUBLE_EQ(d.exchange_at_m, 20.0);
  EXPECT_EQ(dump_drills(path).size() > 0, !drills.empty());
  Drill d = drills.empty() ? Drill{} : drills.front();
  d.from = "Ava Brooks";
  d.to = "Mia Chen";
  d.date = "2024-04-02";
  d.go_mark_m = 8;
  d.exchange_at_m = 21;
  Practice(db).log(d);
  EXPECT_EQ(Practice(db).list().size(), drills.size() + 1);
}

}  // namespace
}  // namespace baton
