#include <gtest/gtest.h>

#include <cstdlib>

#include "support/cli_database.h"

namespace baton {
namespace {

using testing::run_cli;
using testing::source_path;
using testing::TempDir;

using RosterCli = testing::DatabaseCliTest;

TEST_F(RosterCli, ImportListsAthletesWithFatBests) {
  auto r = baton({"roster", "import", source_path("examples/riverside.toml"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["added"], 24);
  r = baton({"roster", "list", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto athletes = r.json()["athletes"];
  ASSERT_EQ(athletes.size(), 24u);
  for (const auto& a : athletes) {
    if (a["name"] == "Ava Brooks") {
      EXPECT_EQ(a["sex"], "F");
      EXPECT_DOUBLE_EQ(a["bests"]["100m"].get<double>(), 12.31);
      EXPECT_DOUBLE_EQ(a["bests"]["200m"].get<double>(), 25.64);  // 25.4h + 0.24 s
      EXPECT_EQ(a["marks"]["200m"], "25.4h");
    }
  }
  r = baton({"roster", "list"});
  EXPECT_NE(r.out.find("Ava Brooks"), std::string::npos);
  EXPECT_NE(r.out.find("25.4h"), std::string::npos);
}

TEST_F(RosterCli, AddEditRemove) {
  auto r = baton({"roster", "add", "Kim Lee", "--sex", "F", "--best", "100m=12.80", "--best",
                  "400m=1:01.2h", "--split", "10=2.10", "--foot-length", "0.25"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = baton({"roster", "edit", "Kim Lee", "--name", "Kimberly Lee", "--best", "200m=26.40",
             "--remove-best", "400m", "--hand", "left"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = baton({"roster", "list", "--json"});
  const auto a = r.json()["athletes"][0];
  EXPECT_EQ(a["name"], "Kimberly Lee");
  EXPECT_EQ(a["hand"], "left");
  EXPECT_EQ(a["bests"].size(), 2u);
  EXPECT_DOUBLE_EQ(a["splits"]["10"].get<double>(), 2.10);
  r = baton({"roster", "remove", "Kimberly Lee"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(baton({"roster", "list", "--json"}).json()["athletes"].empty());
}

TEST_F(RosterCli, IndividualEntriesAreSetListedAndCleared) {
  ASSERT_EQ(baton({"roster", "add", "Kim Lee", "--sex", "F", "--entries", "100m, LJ"}).exit_code,
            0);
  EXPECT_EQ(baton({"roster", "list", "--json"}).json()["athletes"][0]["entries"],
            nlohmann::json({"100m", "LJ"}));
  EXPECT_NE(baton({"roster", "list"}).out.find("100m, LJ"), std::string::npos);
  const auto r = baton({"roster", "edit", "Kim Lee", "--entries", "LJ,lj"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind("baton: --entries: ", 0), 0u) << r.err;
  EXPECT_EQ(baton({"roster", "list", "--json"}).json()["athletes"][0]["entries"],
            nlohmann::json({"100m", "LJ"}));
  ASSERT_EQ(baton({"roster", "edit", "Kim Lee", "--entries", ""}).exit_code, 0);
  EXPECT_TRUE(baton({"roster", "list", "--json"}).json()["athletes"][0]["entries"].empty());
}

TEST_F(RosterCli, BadInputIsRefusedAndNothingChanges) {
  ASSERT_EQ(baton({"roster", "import", source_path("examples/riverside.toml")}).exit_code, 0);
  const std::string before = baton({"roster", "list", "--json"}).out;

  // A file whose last athlete has an impossible time: nothing of it is imported.
  const std::string bad = dir.write("bad.toml",
                                    "[[athlete]]\nname = \"New Kid\"\nsex = \"M\"\n"
                                    "bests = { \"100m\" = \"11.50\" }\n"
                                    "[[athlete]]\nname = \"Ava Brooks\"\nsex = \"F\"\n"
                                    "bests = { \"100m\" = \"8.31\" }\n");
  auto r = baton({"roster", "import", bad});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.toml:8: bests.100m: 8.31 for 100m is impossible"), std::string::npos)
      << r.err;
  EXPECT_TRUE(r.out.empty());

  r = baton({"roster", "add", "Fast", "--sex", "F", "--best", "100m=9.9"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--best: 100m: 9.90 for 100m is impossible"), std::string::npos) << r.err;

  r = baton({"roster", "edit", "Ava Brooke", "--best", "100m=12.0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("did you mean 'Ava Brooks'?"), std::string::npos) << r.err;

  r = baton({"roster", "import", dir.write("bin.csv", std::string("\x89PNG\r\n\x1a\n\0\0", 10))});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("binary"), std::string::npos) << r.err;

  r = baton({"roster", "add", "Kid", "--sex", "F", "--best", "100m"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("expected DISTANCE=TIME"), std::string::npos) << r.err;

  r = baton({"roster", "add", "Kid", "--sex", "F", "--foot-length", "2"});
  EXPECT_EQ(r.exit_code, 2);  // a malformed command line

  EXPECT_EQ(baton({"roster", "list", "--json"}).out, before);
}

TEST_F(RosterCli, DatabaseComesFromBatonDbWhenNoOptionIsGiven) {
  setenv("BATON_DB", db.c_str(), 1);
  const auto imported = run_cli({"roster", "import", source_path("examples/jv-roster.csv")});
  unsetenv("BATON_DB");
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(baton({"roster", "list", "--json"}).json()["athletes"].size(), 8u);
}

TEST_F(RosterCli, DatabaseFromTheEnvironmentIsNotRequiredToExist) {
  auto r = baton({"roster", "list"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("is empty"), std::string::npos);
  r = baton({"events", "--roster"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("import a team first"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace baton
