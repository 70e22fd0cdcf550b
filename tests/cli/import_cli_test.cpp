// baton import: the command line over the import use case (tests/workspace/file_import_test.cpp
// pins the behaviour; these check the translation, the JSON keys and the meet file round trip).
#include <gtest/gtest.h>

#include "support/run_cli.h"

namespace baton {
namespace {

using testing::run_cli;
using testing::source_path;
using testing::TempDir;

class ImportCli : public ::testing::Test {
 protected:
  testing::CliResult baton(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db});
    return run_cli(args);
  }
  static std::string sample(const std::string& name) {
    return source_path("tests/data/import/" + name);
  }
  TempDir dir;
  std::string db = dir.file("team.db");
};

TEST_F(ImportCli, JsonSummary) {
  auto r = baton({"import", sample("spreadsheet_lehigh.csv"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = r.json();
  EXPECT_EQ(doc["format"], "csv");
  EXPECT_EQ(doc["athletes"]["new"], 6);
  EXPECT_EQ(doc["athletes"]["updated"], 0);
  EXPECT_EQ(doc["athletes"]["merged"], 0);
  EXPECT_EQ(doc["marks"], 12);
  EXPECT_EQ(doc["results"], 0);
  ASSERT_TRUE(doc["skipped"].is_array());
  EXPECT_EQ(doc["skipped"][0]["line"], 1);
  EXPECT_TRUE(doc["likely_duplicates"].is_array());
  EXPECT_TRUE(doc.contains("team"));
  r = baton({"roster", "list", "--json"});
  EXPECT_EQ(r.json()["athletes"].size(), 6u);
}

TEST_F(ImportCli, DryRunChangesNothing) {
  auto r = baton({"import", sample("tfrrs_lehigh.csv"), "--sex", "M", "--dry-run"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Would import"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("7 athletes (7 new"), std::string::npos) << r.out;
  r = baton({"roster", "list", "--json"});
  EXPECT_TRUE(r.json()["athletes"].empty());
}

TEST_F(ImportCli, ErrorsNameTheFileAndTheOption) {
  auto r = baton({"import", sample("relay_results.csv")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("4 teams"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("East Valley"), std::string::npos) << r.err;
  r = baton({"import", sample("tfrrs_lehigh.csv"), "--format", "csv"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("looks like tfrrs"), std::string::npos) << r.err;
  r = baton({"import", sample("tfrrs_lehigh.csv"), "--format", "opentrack"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("not a opentrack file: it looks like tfrrs"), std::string::npos) << r.err;
  r = baton({"import", sample("tfrrs_lehigh.csv"), "--format", "meetpro"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("not a meetpro file: it looks like tfrrs"), std::string::npos) << r.err;
  TempDir tmp;
  const std::string bad = tmp.write("bad.csv", "Name,Sex,100m\nAva Brooks,F,12.x4\n");
  r = baton({"import", bad});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.csv:2: 100m"), std::string::npos) << r.err;
}

TEST_F(ImportCli, FieldRoundTripThroughSimulate) {
  ASSERT_EQ(baton({"import", sample("spreadsheet_lehigh.csv")}).exit_code, 0);
  const std::string meet = dir.file("meet.toml");
  auto r = baton({"import", sample("relay_results.csv"), "--as-field", "--event", "4x100/M",
                  "--team", "Lehigh", "--out", meet, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["teams"].size(), 4u);
  r = baton({"simulate", "--meet", meet, "--runs", "2000", "--seed", "7", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto teams = r.json()["teams"];
  ASSERT_EQ(teams.size(), 4u);
  double p_win = 0.0;
  bool north_ridge = false;
  for (const auto& t : teams) {
    p_win += t["p_win"].get<double>();
    north_ridge = north_ridge || t["team"] == "North Ridge";
  }
  EXPECT_TRUE(north_ridge);
  EXPECT_NEAR(p_win, 1.0, 0.01);  // all four failing in one race is rare
}

}  // namespace
}  // namespace baton
