// baton users: accounts for the web app. Passwords come from standard input and never appear
// in anything the command prints; the database keeps only an Argon2id hash.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "support/run_cli.h"

namespace baton {
namespace {

using testing::run_cli;
using testing::source_path;
using testing::TempDir;

constexpr const char* kPassword = "correct horse battery";

class UsersCli : public ::testing::Test {
 protected:
  TempDir dir;
  std::string db = dir.file("team.db");
  testing::CliResult baton(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--db", db});
    return run_cli(args, input);
  }
  // Every stored text of the users table, as SQLite sees it.
  std::string stored_users() {
    std::string out;
    sqlite3* h = nullptr;
    sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_exec(
        h, "SELECT name || ' ' || role || ' ' || password_hash FROM users",
        [](void* text, int, char** cols, char**) {
          *static_cast<std::string*>(text) += std::string(cols[0]) + "\n";
          return 0;
        },
        &out, nullptr);
    sqlite3_close(h);
    return out;
  }
};

TEST_F(UsersCli, AddListPasswdRemove) {
  auto r = baton({"users", "add", "Coach Kay", "--role", "coach", "--password-stdin"},
                 std::string(kPassword) + "\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Added Coach Kay (coach)\n");
  r = baton({"--json", "users", "add", "Sam", "--role", "assistant", "--password-stdin"},
            "another secret\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["role"], "assistant");

  r = baton({"--json", "users", "list"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto users = r.json()["users"];
  ASSERT_EQ(users.size(), 2u);
  EXPECT_EQ(users[0]["name"], "Coach Kay");
  EXPECT_EQ(users[0]["role"], "coach");
  EXPECT_TRUE(users[0]["athlete"].is_null());
  EXPECT_EQ(users[1]["name"], "Sam");
  EXPECT_EQ(r.out.find("password"), std::string::npos) << r.out;
  r = baton({"users", "list"});
  EXPECT_NE(r.out.find("Coach Kay"), std::string::npos);
  EXPECT_NE(r.out.find("assistant"), std::string::npos);

  // Only an Argon2id hash is stored, never the password.
  const std::string stored = stored_users();
  EXPECT_NE(stored.find("Coach Kay coach $argon2id$"), std::string::npos) << stored;
  EXPECT_EQ(stored.find(kPassword), std::string::npos);

  r = baton({"users", "passwd", "Sam", "--password-stdin"}, "a third secret\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("a third secret"), std::string::npos);
  EXPECT_EQ(r.err.find("a third secret"), std::string::npos);

  r = baton({"users", "remove", "Sam"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = baton({"--json", "users", "list"});
  EXPECT_EQ(r.json()["users"].size(), 1u);

  // The audit log names each change and the command line as its author.
  r = baton({"--json", "users", "audit"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto audit = r.json()["audit"];
  ASSERT_EQ(audit.size(), 4u);
  EXPECT_EQ(audit[0]["action"], "users remove Sam");
  EXPECT_EQ(audit[1]["action"], "users passwd Sam");
  EXPECT_EQ(audit[3]["action"], "users add Coach Kay (coach)");
  EXPECT_EQ(audit[3]["user"], "cli");
  EXPECT_EQ(r.out.find("secret"), std::string::npos);
}

TEST_F(UsersCli, BadInputIsRefusedAndChangesNothing) {
  // Too short a password: refused, named, and not echoed.
  auto r = baton({"users", "add", "Kay", "--role", "coach", "--password-stdin"}, "short\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("password: must be at least 8 characters"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("short\n"), std::string::npos);
  EXPECT_EQ(baton({"--json", "users", "list"}).json()["users"].size(), 0u);

  // A role that does not exist is a usage error.
  EXPECT_EQ(
      baton({"users", "add", "Kay", "--role", "boss", "--password-stdin"}, "12345678\n").exit_code,
      2);
  // No password on standard input.
  r = baton({"users", "add", "Kay", "--role", "coach", "--password-stdin"}, "");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--password-stdin"), std::string::npos) << r.err;
  // Without --password-stdin and without a terminal the command says what to do.
  r = baton({"users", "add", "Kay", "--role", "coach"}, "12345678\n");
  EXPECT_EQ(r.exit_code, 1);
  // A taken name (ignoring case).
  ASSERT_EQ(
      baton({"users", "add", "Kay", "--role", "coach", "--password-stdin"}, "12345678\n").exit_code,
      0);
  r = baton({"users", "add", "KAY", "--role", "assistant", "--password-stdin"}, "12345678\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("an account called 'KAY' exists"), std::string::npos) << r.err;
  // Unknown accounts.
  r = baton({"users", "remove", "Nobody"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no account called 'Nobody'"), std::string::npos) << r.err;
  EXPECT_EQ(baton({"users", "passwd", "Nobody", "--password-stdin"}, "12345678\n").exit_code, 1);
}

TEST_F(UsersCli, AnAthleteAccountBelongsToARosterAthlete) {
  ASSERT_EQ(baton({"roster", "import", source_path("examples/riverside.toml")}).exit_code, 0);
  auto r = baton({"--json", "users", "add", "ava", "--role", "athlete", "--athlete", "Ava Brooks",
                  "--password-stdin"},
                 "fast legs 123\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["athlete"], "Ava Brooks");
  // The athlete of the account's own name when --athlete is not given; a name not on the
  // roster is refused with the closest one.
  r = baton({"users", "add", "Ava Brook", "--role", "athlete", "--password-stdin"},
            "fast legs 123\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("Ava Brooks"), std::string::npos) << r.err;
  // Leaving the roster removes the athlete's account.
  ASSERT_EQ(baton({"roster", "remove", "Ava Brooks"}).exit_code, 0) << "roster remove";
  EXPECT_EQ(baton({"--json", "users", "list"}).json()["users"].size(), 0u);
}

TEST_F(UsersCli, TheLastCoachStaysWhileOthersNeedManaging) {
  ASSERT_EQ(
      baton({"users", "add", "Kay", "--role", "coach", "--password-stdin"}, "12345678\n").exit_code,
      0);
  ASSERT_EQ(baton({"users", "add", "Sam", "--role", "assistant", "--password-stdin"}, "12345678\n")
                .exit_code,
            0);
  auto r = baton({"users", "remove", "Kay"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("last coach"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace baton
