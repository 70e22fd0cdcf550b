// The store under hostile text and concurrent programs: only valid UTF-8 is stored, a new
// database survives being created by several programs at once, and writers wait for each other.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>
#include <vector>

#include "baton/practice.h"
#include "baton/results.h"
#include "baton/store.h"
#include "support/run_cli.h"

namespace baton {
namespace {

using testing::TempDir;

Athlete sprinter(std::string name) {
  Athlete a{std::move(name), Sex::female};
  a.set_best({100.0, {12.31, false}});
  return a;
}

template <typename F>
void expect_field(F f, const std::string& field, const std::string& fragment) {
  try {
    f();
    ADD_FAILURE() << "accepted; expected an error on " << field;
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().field, field) << e.what();
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
  }
}

class HostileText : public ::testing::Test {
 protected:
  void SetUp() override {
    Roster roster(db);
    for (const char* n : {"Ava Brooks", "Mia Chen", "Zoe Park", "Lia Ford"})
      roster.add(sprinter(n));
  }
  Drill drill() {
    Drill d;
    d.from = "Ava Brooks";
    d.to = "Mia Chen";
    d.date = "2026-04-02";
    d.go_mark_m = 6.5;
    d.exchange_at_m = 18.0;
    return d;
  }
  TempDir dir;
  std::string path = dir.file("b.db");
  Database db = Database::open(path);
};

TEST_F(HostileText, NotesMustBeUtf8WithoutNul) {
  Practice practice(db);
  Drill latin = drill();
  latin.note = "tr\xE8s bien";
  expect_field([&] { practice.log(latin); }, "note", "not valid UTF-8");
  Drill nul = drill();
  nul.note = std::string("good\0 then cut", 14);
  expect_field([&] { practice.log(nul); }, "note", "NUL");
  EXPECT_TRUE(practice.list().empty());
  Drill fine = drill();
  fine.note = "tr\xC3\xA8s bien";
  practice.log(fine);
  EXPECT_EQ(practice.list().at(0).note, "tr\xC3\xA8s bien");
}

TEST_F(HostileText, ResultMeetMustBeUtf8) {
  RelayResult r;
  r.event = "4x100";
  r.date = "2026-04-02";
  r.meet = "M\xFCnster";
  r.order = {"Ava Brooks", "Mia Chen", "Zoe Park", "Lia Ford"};
  r.team_time_s = 50.1;
  Results results(db);
  expect_field([&] { results.add(r); }, "meet", "0xFC");
  EXPECT_TRUE(results.list().empty());
}

TEST_F(HostileText, NamesAndTeamNameMustBeUtf8) {
  Roster roster(db);
  expect_field([&] { roster.add(sprinter("Zo\xEB")); }, "name", "not valid UTF-8");
  expect_field([&] { roster.update("Ava Brooks", sprinter("Av\xE1")); }, "name", "0xE1");
  Team team;
  team.athletes = {sprinter("Ren\xE9")};
  expect_field([&] { roster.import(team); }, "name", "0xE9");
  expect_field([&] { roster.set_team_info("M\xFCnster", RuleSet::wa, std::nullopt); }, "team_name",
               "0xFC");
  Team named;
  named.name = "Riverside\x01";
  named.has_team_info = true;
  expect_field([&] { roster.import(named); }, "team_name", "control characters");
  EXPECT_EQ(roster.athletes().size(), 4u);
  roster.set_team_info("M\xC3\xBCnster HS", RuleSet::wa, std::nullopt);
  EXPECT_EQ(roster.team().name, "M\xC3\xBCnster HS");
}

TEST(NewDatabase, EightProgramsCreatingItAtOnceAllSucceed) {
  // Separate processes, each opening (and so creating and migrating) the same new file at the
  // same moment, as eight commands started together do. Repeated to give the race a chance.
  for (int round = 0; round < 10; ++round) {
    TempDir dir;
    const std::string path = dir.file("new.db");
    std::vector<pid_t> children;
    int pipe_fds[2];
    ASSERT_EQ(pipe(pipe_fds), 0);
    for (int i = 0; i < 8; ++i) {
      const pid_t pid = fork();
      ASSERT_GE(pid, 0);
      if (pid == 0) {
        close(pipe_fds[1]);
        char go = 0;
        if (read(pipe_fds[0], &go, 1) != 1) _exit(3);  // start together
        try {
          Database db = Database::open(path);
          Roster(db).team();
          _exit(db.schema_version() == Database::latest_schema_version() ? 0 : 2);
        } catch (...) {
          _exit(1);
        }
      }
      children.push_back(pid);
    }
    close(pipe_fds[0]);
    ASSERT_EQ(write(pipe_fds[1], "gggggggg", 8), 8);
    close(pipe_fds[1]);
    for (pid_t pid : children) {
      int status = 0;
      waitpid(pid, &status, 0);
      ASSERT_TRUE(WIFEXITED(status));
      EXPECT_EQ(WEXITSTATUS(status), 0) << "round " << round;
    }
  }
}

TEST(Writers, ConcurrentWritersAllSucceed) {
  // Eight connections adding 25 athletes each, interleaved: every write waits its turn.
  TempDir dir;
  const std::string path = dir.file("busy.db");
  { Database::open(path); }
  std::vector<std::thread> threads;
  std::vector<int> failures(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      Database db = Database::open(path);
      for (int i = 0; i < 25; ++i) {
        try {
          Roster(db).add(sprinter("Runner " + std::to_string(t) + "-" + std::to_string(i)));
        } catch (const Error&) {
          ++failures[t];
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int t = 0; t < 8; ++t) EXPECT_EQ(failures[t], 0) << "writer " << t;
  Database db = Database::open(path);
  EXPECT_EQ(Roster(db).athletes().size(), 200u);
}

}  // namespace
}  // namespace baton
