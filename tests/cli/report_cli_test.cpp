// baton report: the best lineup when no order is given, odds with --meet.
#include <gtest/gtest.h>

#include "report/html_check.h"
#include "support/run_cli.h"

namespace baton {
namespace {

using testing::read_file;
using testing::run_cli;
using testing::source_path;
using testing::TempDir;

TEST(ReportCli, BestLineupMatchesBatonLineup) {
  TempDir dir;
  const std::string team = source_path("examples/riverside.toml");
  const auto lineup =
      run_cli({"--json", "lineup", "--team", team, "--event", "4x100", "--sex", "F"});
  ASSERT_EQ(lineup.exit_code, 0) << lineup.err;
  const auto r = run_cli({"--json", "report", "--team", team, "--event", "4x100", "--sex", "F",
                          "--html", dir.file("r.html")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["order"], lineup.json()["order"]);
  EXPECT_NEAR(r.json()["team_time_s"].get<double>(), lineup.json()["team_time_s"].get<double>(),
              1e-6);
  const std::string page = read_file(dir.file("r.html"));
  const auto best = lineup.json();
  ASSERT_EQ(best["order"].size(), 4u);
  for (const auto& name : best["order"]) {
    EXPECT_NE(page.find(name.get<std::string>()), std::string::npos) << name;
  }
  EXPECT_NE(page.find("Best predicted lineup"), std::string::npos);
  EXPECT_EQ(page.find("Race odds"), std::string::npos);
}

TEST(ReportCli, MeetAddsTheFinishTimeDistribution) {
  TempDir dir;
  const std::string html = dir.file("r.html");
  const auto r =
      run_cli({"--json", "report", "--team", source_path("examples/riverside.toml"), "--event",
               "4x100", "--order", "Maya Johnson,Ava Brooks,Zoe Carter,Lily Nguyen", "--meet",
               source_path("examples/meet-girls-4x100.toml"), "--runs", "3000", "--html", html});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["simulated_runs"], 3000);
  const std::string page = read_file(html);
  EXPECT_NE(page.find("Race odds"), std::string::npos);
  for (const char* team : {"Riverside HS", "Central HS", "St. Mary&#39;s", "Harbor"}) {
    EXPECT_NE(page.find(team), std::string::npos) << team;
  }
  EXPECT_EQ(testing::check_balanced(page), "");
  EXPECT_EQ(testing::check_self_contained(page), "");
  EXPECT_EQ(page.find("<script"), std::string::npos);
}

// A report on the database roster races a meet's `roster = true` entry in the report's order.
TEST(ReportCli, TheRosterEntryOfAMeetRunsTheReportsOrder) {
  TempDir dir;
  const std::string db = dir.file("team.db");
  ASSERT_EQ(
      run_cli({"--db", db, "roster", "import", source_path("examples/riverside.toml")}).exit_code,
      0);
  const std::string meet = dir.write("meet.toml",
                                     "event = \"4x100\"\n[[team]]\nroster = true\nsex = \"F\"\n"
                                     "[[team]]\nname = \"Central\"\nseed = \"48.90\"\n");
  const auto r = run_cli({"--db", db, "--json", "report", "--event", "4x100", "--order",
                          "Maya Johnson,Ava Brooks,Zoe Carter,Lily Nguyen", "--meet", meet,
                          "--runs", "2000", "--html", dir.file("r.html")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["simulated_runs"], 2000);
  const std::string page = read_file(dir.file("r.html"));
  EXPECT_NE(page.find("our team in the order above"), std::string::npos);
  EXPECT_NE(page.find("Central"), std::string::npos);
}

}  // namespace
}  // namespace baton
