#include <gtest/gtest.h>

#include "support/run_cli.h"

namespace baton {
namespace {

using testing::run_cli;
using testing::TempDir;

const char* kMeet =
    "event = \"4x100\"\n"
    "[[team]]\nname = \"Fast\"\nseed = \"37.80\"\nsd_s = 0.0\nfail_rate = 0.0\n"
    "[[team]]\nname = \"Slow\"\nseed = \"39.00\"\nsd_s = 0.0\nfail_rate = 0.0\n"
    "[[team]]\nname = \"Modelled\"\nseed = \"38.20\"\nmodel = \"exchanges\"\n";

TEST(SimulateCli, JsonHasTheContractKeys) {
  TempDir dir;
  const auto r =
      run_cli({"simulate", "--meet", dir.write("meet.toml", kMeet), "--runs", "20000", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  EXPECT_EQ(j["runs"], 20000);
  ASSERT_EQ(j["teams"].size(), 3u);
  for (const char* key :
       {"team", "mean_time_s", "p_win", "p_place", "p_dq", "p_drop", "expected_points"}) {
    EXPECT_TRUE(j["teams"][0].contains(key)) << key;
  }
  // Without noise or failures "Fast" always beats "Slow"; "Slow" is never better than 2nd.
  EXPECT_EQ(j["teams"][1]["p_win"], 0.0);
  EXPECT_EQ(j["teams"][1]["p_dq"], 0.0);
  EXPECT_DOUBLE_EQ(j["teams"][1]["mean_time_s"].get<double>(), 39.0);
  EXPECT_GT(j["teams"][2]["p_dq"].get<double>(), 0.0);
  EXPECT_EQ(j["teams"][2]["exchanges"].size(), 3u);
  for (const auto& x : j["teams"][2]["exchanges"]) {
    // A share of races and a mean time lost per legal pass: between 0 and 1, and 0 s or more.
    EXPECT_GE(x["p_late"].get<double>(), 0.0) << x.dump();
    EXPECT_LE(x["p_late"].get<double>(), 1.0) << x.dump();
    EXPECT_GE(x["mean_late_cost_s"].get<double>(), 0.0) << x.dump();
  }
  EXPECT_TRUE(r.err.empty()) << r.err;  // no progress line when stderr is not a terminal
}

TEST(SimulateCli, SameSeedSameOutputForAnyThreadCount) {
  TempDir dir;
  const std::string meet = dir.write("meet.toml", kMeet);
  std::string first;
  for (const char* threads : {"1", "2", "3", "8"}) {
    const auto r = run_cli({"simulate", "--meet", meet, "--runs", "30000", "--seed", "9",
                            "--threads", threads, "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    if (first.empty()) first = r.out;
    EXPECT_EQ(r.out, first) << threads;
  }
}

TEST(SimulateCli, TableAndSvg) {
  TempDir dir;
  const std::string svg = dir.file("h.svg");
  const auto r = run_cli(
      {"simulate", "--meet", dir.write("meet.toml", kMeet), "--runs", "5000", "--svg", svg});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("win %"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("37.80"), std::string::npos) << r.out;
  FILE* f = std::fopen(svg.c_str(), "r");
  ASSERT_NE(f, nullptr);
  std::string text(1 << 16, '\0');
  text.resize(std::fread(text.data(), 1, text.size(), f));
  std::fclose(f);
  EXPECT_EQ(text.rfind("<svg", 0), 0u);
  EXPECT_NE(text.find("finish time (s)"), std::string::npos);
}

TEST(SimulateCli, BadMeetFileNamesFileLineAndField) {
  TempDir dir;
  const std::string meet =
      dir.write("meet.toml", "event = \"4x100\"\n[[team]]\nname = \"A\"\nseed = \"fast\"\n");
  const auto r = run_cli({"simulate", "--meet", meet, "--json"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find(meet + ":4: team[1].seed"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace baton
