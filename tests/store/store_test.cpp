#include "baton/store.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>

#include "baton/team_file.h"
#include "support/run_cli.h"

namespace baton {
namespace {

using testing::source_path;
using testing::TempDir;

// Runs one SQL statement on a file with SQLite directly and returns the first column of the
// first row as text.
std::string sql(const std::string& path, const std::string& statement) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* s = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, statement.c_str(), -1, &s, nullptr) == SQLITE_OK &&
      sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0)) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

Team example_team() { return load_team(source_path("examples/riverside.toml")); }

TEST(Database, FreshFileIsMigratedToTheLatestSchema) {
  TempDir dir;
  Database db = Database::open(dir.file("b.db"));
  EXPECT_EQ(db.schema_version(), Database::latest_schema_version());
  EXPECT_GE(Database::latest_schema_version(), 2);
  EXPECT_EQ(sql(dir.file("b.db"), "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(sql(dir.file("b.db"), "PRAGMA application_id"), std::to_string(0x4241544E));
}

TEST(Roster, KeepsTheFormSpreadThroughAddAndUpdate) {
  TempDir dir;
  Database db = Database::open(dir.file("f.db"));
  Athlete a;
  a.name = "Ava Brooks";
  a.bests.push_back(Best{100.0, Mark{12.31, false}});
  a.form_sd_percent = 1.6;
  Roster(db).add(a);
  EXPECT_EQ(*Roster(db).find("Ava Brooks")->form_sd_percent, 1.6);
  a.form_sd_percent.reset();
  Roster(db).update("Ava Brooks", a);
  EXPECT_FALSE(Roster(db).find("Ava Brooks")->form_sd_percent.has_value());
  a.form_sd_percent = 11.0;  // out of range: refused, nothing written
  EXPECT_THROW(Roster(db).update("Ava Brooks", a), ValidationError);
  EXPECT_FALSE(Roster(db).find("Ava Brooks")->form_sd_percent.has_value());
}

TEST(Roster, KeepsIndividualEntriesInOrderAndRefusesBadOnes) {
  TempDir dir;
  Database db = Database::open(dir.file("e.db"));
  Athlete a;
  a.name = "Ava Brooks";
  a.entries = {"200m", "100m", "LJ"};
  Roster(db).add(a);
  EXPECT_EQ(Roster(db).find("Ava Brooks")->entries, a.entries);
  EXPECT_EQ(Roster(db).team().athletes[0].entries, a.entries);
  a.entries = {"400m"};
  Roster(db).update("Ava Brooks", a);
  EXPECT_EQ(Roster(db).find("Ava Brooks")->entries, std::vector<std::string>{"400m"});
  a.entries = {"LJ", "lj"};  // twice: refused, nothing written
  EXPECT_THROW(Roster(db).update("Ava Brooks", a), ValidationError);
  EXPECT_EQ(Roster(db).find("Ava Brooks")->entries, std::vector<std::string>{"400m"});
  Roster(db).remove("Ava Brooks");
  EXPECT_EQ(sql(dir.file("e.db"), "SELECT count(*) FROM athlete_entries"), "0");
}

TEST(Database, UpgradesAVersionOneFileKeepingItsData) {
  TempDir dir;
  const std::string path = dir.file("old.db");
  // A database as version 1 left it, written by hand.
  sqlite3* raw = nullptr;
  sqlite3_open(path.c_str(), &raw);
  const char* v1 =
      "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
      "CREATE TABLE athletes (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
      " sex TEXT NOT NULL, foot_length_m REAL, hand TEXT);"
      "CREATE TABLE bests (athlete_id INTEGER NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,"
      " distance_m REAL NOT NULL, time_s REAL NOT NULL, hand_timed INTEGER NOT NULL,"
      " PRIMARY KEY (athlete_id, distance_m));"
      "CREATE TABLE splits (athlete_id INTEGER NOT NULL, distance_m REAL NOT NULL,"
      " time_s REAL NOT NULL, PRIMARY KEY (athlete_id, distance_m));"
      "INSERT INTO athletes VALUES (1, 'Ava Brooks', 'F', 0.26, 'right');"
      "INSERT INTO bests VALUES (1, 100.0, 12.31, 0);"
      "PRAGMA application_id = 1111577678; PRAGMA user_version = 1;";
  ASSERT_EQ(sqlite3_exec(raw, v1, nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);

  Database db = Database::open(path);
  EXPECT_EQ(db.schema_version(), Database::latest_schema_version());
  const auto ava = Roster(db).find("Ava Brooks");
  ASSERT_TRUE(ava.has_value());
  EXPECT_NEAR(ava->best_at(100.0)->fat_s(), 12.31, 1e-12);
  EXPECT_EQ(sql(path, "SELECT updated_at FROM bests"), "1970-01-01T00:00:00Z");
  EXPECT_TRUE(ava->entries.empty());  // the entries table came with the upgrade, empty
  Athlete entered = *ava;
  entered.entries = {"100m"};
  Roster(db).update("Ava Brooks", entered);
  EXPECT_EQ(Roster(db).find("Ava Brooks")->entries, std::vector<std::string>{"100m"});
}

TEST(Database, RefusesNewerForeignAndCorruptFiles) {
  TempDir dir;
  { Database db = Database::open(dir.file("new.db")); }
  sql(dir.file("new.db"), "PRAGMA user_version = 99");
  EXPECT_THROW(Database::open(dir.file("new.db")), StoreError);

  sql(dir.file("other.db"), "CREATE TABLE songs (title TEXT)");
  try {
    Database::open(dir.file("other.db"));
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("not a Baton database"), std::string::npos);
  }
  dir.write("junk.db", std::string(4096, 'x'));
  EXPECT_THROW(Database::open(dir.file("junk.db")), StoreError);
  EXPECT_THROW(Database::open(dir.file("no/such/dir/x.db")), StoreError);
}

TEST(Roster, AddUpdateRemove) {
  TempDir dir;
  Database db = Database::open(dir.file("b.db"));
  Roster roster(db);
  Athlete a{"Ava Brooks", Sex::female};
  a.set_best({100.0, {12.31, false}});
  a.splits = {{10.0, 2.05}};
  roster.add(a);
  EXPECT_THROW(roster.add(a), ValidationError);
  a.name = "Ava Brooks-Lee";
  a.set_best({200.0, {25.4, true}});
  roster.update("Ava Brooks", a);
  const auto got = roster.find("ava brooks-lee");  // names compare case-insensitively
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->bests.size(), 2u);
  EXPECT_TRUE(got->best_at(200.0)->mark.hand_timed);
  EXPECT_EQ(got->splits.size(), 1u);
  EXPECT_THROW(roster.update("Nobody", a), NotFoundError);
  roster.remove("Ava Brooks-Lee");
  EXPECT_TRUE(roster.athletes().empty());
  EXPECT_EQ(sql(dir.file("b.db"), "SELECT count(*) FROM bests"), "0");  // cascaded
  EXPECT_THROW(roster.remove("Ava Brooks-Lee"), NotFoundError);
}

TEST(Roster, ImportThenReimportUpdates) {
  TempDir dir;
  Database db = Database::open(dir.file("b.db"));
  Roster roster(db);
  const Team team = example_team();
  ImportSummary s = roster.import(team);
  EXPECT_EQ(s.added, static_cast<int>(team.athletes.size()));
  EXPECT_EQ(roster.team().name, "Riverside HS");
  EXPECT_EQ(roster.team().rules, RuleSet::nfhs);
  s = roster.import(team);
  EXPECT_EQ(s.added, 0);
  EXPECT_EQ(s.updated, static_cast<int>(team.athletes.size()));

  Team small;
  small.athletes = {team.athletes[0]};
  small.has_team_info = false;
  s = roster.import(small, /*replace_all=*/true);
  EXPECT_EQ(s.removed, static_cast<int>(team.athletes.size()) - 1);
  EXPECT_EQ(roster.athletes().size(), 1u);
  EXPECT_EQ(roster.team().name, "Riverside HS");  // a roster without team info keeps it
}

TEST(Roster, AFailedImportChangesNothing) {
  TempDir dir;
  Database db = Database::open(dir.file("b.db"));
  Roster roster(db);
  Athlete keep{"Coach Kid", Sex::male};
  roster.add(keep);
  const Team team = example_team();
  EXPECT_THROW(roster.import(team, true,
                             [](size_t written) {
                               if (written == 7) throw StoreError("disk full");
                             }),
               StoreError);
  const auto after = roster.athletes();
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].name, "Coach Kid");
  EXPECT_EQ(sql(dir.file("b.db"), "SELECT count(*) FROM bests"), "0");
}

TEST(Roster, AProcessKilledMidImportLeavesTheDatabaseAsItWas) {
  TempDir dir;
  const std::string path = dir.file("b.db");
  {
    Database db = Database::open(path);
    Roster(db).add(Athlete{"Coach Kid", Sex::male});
  }
  const Team team = example_team();
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    Database db = Database::open(path);
    Roster(db).import(team, true, [](size_t written) {
      if (written == 10) raise(SIGKILL);  // no clean-up, no rollback: the process just dies
    });
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
  ASSERT_EQ(WTERMSIG(status), SIGKILL);

  EXPECT_EQ(sql(path, "PRAGMA integrity_check"), "ok");
  Database db = Database::open(path);
  const auto after = Roster(db).athletes();
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].name, "Coach Kid");
  // And the database still takes the import afterwards.
  EXPECT_EQ(Roster(db).import(team).added, static_cast<int>(team.athletes.size()));
}

TEST(Roster, TwoConnectionsShareTheFile) {
  TempDir dir;
  Database a = Database::open(dir.file("b.db"));
  Database b = Database::open(dir.file("b.db"));
  Roster(a).add(Athlete{"Ava Brooks", Sex::female});
  EXPECT_TRUE(Roster(b).find("Ava Brooks").has_value());
}

TEST(Roster, ReadsEveryAthleteWithTheirOwnMarksSplitsAndEntries) {
  TempDir dir;
  Database db = Database::open(dir.file("b.db"));
  Roster roster(db);
  Team team = example_team();
  team.athletes[0].entries = {"100m", "LJ"};
  team.athletes[2].entries = {"400m"};
  roster.import(team);
  // The file's athletes sorted by name, their marks and splits by distance, as the roster
  // lists them.
  std::vector<Athlete> expected = team.athletes;
  std::sort(expected.begin(), expected.end(), [](const Athlete& a, const Athlete& b) {
    return sqlite3_stricmp(a.name.c_str(), b.name.c_str()) < 0;
  });
  for (Athlete& a : expected) {
    std::sort(a.bests.begin(), a.bests.end(),
              [](const Best& x, const Best& y) { return x.distance_m < y.distance_m; });
    std::sort(a.splits.begin(), a.splits.end(),
              [](const Split& x, const Split& y) { return x.distance_m < y.distance_m; });
  }
  const std::vector<Athlete> got = roster.athletes();
  ASSERT_EQ(got.size(), expected.size());
  for (size_t i = 0; i < got.size(); ++i) {
    SCOPED_TRACE(expected[i].name);
    EXPECT_EQ(got[i].name, expected[i].name);
    ASSERT_EQ(got[i].bests.size(), expected[i].bests.size());
    for (size_t k = 0; k < got[i].bests.size(); ++k) {  // shortest distance first
      EXPECT_EQ(got[i].bests[k].distance_m, expected[i].bests[k].distance_m);
      EXPECT_EQ(got[i].bests[k].mark.time_s, expected[i].bests[k].mark.time_s);
      EXPECT_EQ(got[i].bests[k].mark.hand_timed, expected[i].bests[k].mark.hand_timed);
    }
    ASSERT_EQ(got[i].splits.size(), expected[i].splits.size());
    for (size_t k = 0; k < got[i].splits.size(); ++k) {
      EXPECT_EQ(got[i].splits[k].distance_m, expected[i].splits[k].distance_m);
      EXPECT_EQ(got[i].splits[k].time_s, expected[i].splits[k].time_s);
    }
    EXPECT_EQ(got[i].entries, expected[i].entries);
    EXPECT_EQ(got[i].foot_length_m, expected[i].foot_length_m);
    EXPECT_EQ(got[i].hand, expected[i].hand);
  }
  // Ava Brooks, as examples/riverside.toml lists her: 12.31, 25.4h, 58.20; gates 10-30 m.
  const auto ava =
      std::find_if(got.begin(), got.end(), [](const Athlete& a) { return a.name == "Ava Brooks"; });
  ASSERT_NE(ava, got.end());
  ASSERT_EQ(ava->bests.size(), 3u);
  EXPECT_EQ(ava->bests[1].distance_m, 200.0);
  EXPECT_EQ(ava->bests[1].mark.time_s, 25.4);
  EXPECT_TRUE(ava->bests[1].mark.hand_timed);
  ASSERT_EQ(ava->splits.size(), 3u);
  EXPECT_EQ(ava->splits[2].time_s, 4.43);
}

TEST(Roster, ReadingLeavesNoTransactionOpen) {
  TempDir dir;
  Database a = Database::open(dir.file("b.db"));
  Database b = Database::open(dir.file("b.db"));
  Roster(a).import(example_team());
  const Team before = Roster(a).team();  // reads several tables in one snapshot
  // Were that snapshot still open, this write would join it and never commit.
  Roster(a).remove("Ava Brooks");
  EXPECT_FALSE(Roster(b).find("Ava Brooks").has_value());
  EXPECT_EQ(Roster(b).athletes().size(), before.athletes.size() - 1);
}

TEST(Database, VersionChangesWithEveryWriteFromAnyConnectionAndNotWithReads) {
  TempDir dir;
  Database a = Database::open(dir.file("b.db"));
  Database b = Database::open(dir.file("b.db"));
  Roster(a).import(example_team());
  const Database::Version v0 = a.version();
  Roster(a).team();
  Roster(b).team();
  EXPECT_EQ(a.version(), v0);      // reads, here and elsewhere, change nothing
  Roster(a).remove("Ava Brooks");  // a write through this connection
  const Database::Version v1 = a.version();
  EXPECT_NE(v1, v0);
  EXPECT_EQ(a.version(), v1);
  Roster(b).remove("Zoe Carter");  // a write through another
  const Database::Version v2 = a.version();
  EXPECT_NE(v2, v1);
  Roster(b).set_team_info("Riverside", RuleSet::nfhs, std::nullopt);
  EXPECT_NE(a.version(), v2);
}

}  // namespace
}  // namespace baton
