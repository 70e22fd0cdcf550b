#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/run_cli.h"

namespace baton {
namespace {

using testing::run_cli;
using testing::TempDir;

const char* kShorts = "5:1.21,10:1.99,20:3.38,30:4.71,35:5.30";

// shorts::model_timing_gates on its example splits: MSS 7.553185, TAU 0.706663, MAC 10.68852,
// PMAX 20.1831.
TEST(ProfileCli, FitJsonMatchesShorts) {
  const auto r = run_cli({"profile", "fit", "--splits", kShorts, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  EXPECT_EQ(j["model"], "plain");
  EXPECT_NEAR(j["mss_mps"].get<double>(), 7.553185, 1e-3);
  EXPECT_NEAR(j["tau_s"].get<double>(), 0.706663, 1e-3);
  EXPECT_NEAR(j["mac_mps2"].get<double>(), 10.68852, 1e-3);
  EXPECT_NEAR(j["pmax_wkg"].get<double>(), 20.1831, 1e-3);
  EXPECT_TRUE(j.contains("rmse_s"));
  EXPECT_FALSE(j.contains("time_correction_s"));
}

TEST(ProfileCli, TcAndFdAddTheirParameter) {
  const auto tc = run_cli({"profile", "fit", "--splits", kShorts, "--model", "tc", "--json"});
  ASSERT_EQ(tc.exit_code, 0) << tc.err;
  EXPECT_TRUE(tc.json().contains("time_correction_s"));
  const auto fd = run_cli({"profile", "fit", "--splits", kShorts, "--model", "fd", "--json"});
  ASSERT_EQ(fd.exit_code, 0) << fd.err;
  EXPECT_EQ(fd.json()["model"], "fd");
  EXPECT_GE(fd.json()["flying_distance_m"].get<double>(), 0.0);
}

TEST(ProfileCli, HumanOutputHasUnits) {
  const auto r = run_cli({"profile", "fit", "--splits", kShorts});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("7.553"), std::string::npos);
  EXPECT_NE(r.out.find("m/s"), std::string::npos);
  EXPECT_NE(r.out.find("W/kg"), std::string::npos);
}

TEST(ProfileCli, BadSplitsAreErrors) {
  const auto r = run_cli({"profile", "fit", "--splits", "10:1.9", "--json"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("splits"), std::string::npos) << r.err;
  EXPECT_NE(run_cli({"profile", "fit", "--splits", "10-1.9"}).exit_code, 0);
}

TEST(ProfileCli, ShowWritesSplitsAndSvg) {
  TempDir dir;
  const std::string team = dir.write("t.toml", R"(name = "Test"
rules = "wa"
[[athlete]]
name = "Usain Bolt"
sex = "M"
bests = { "100m" = "9.58", "200m" = "19.19" }
)");
  const std::string svg = dir.file("bolt.svg");
  const auto r = run_cli({"profile", "show", "usain bolt", "--team", team, "--svg", svg, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  EXPECT_NEAR(j["splits"][9]["time_s"].get<double>(), 9.58, 1e-6);  // 0.15 s reaction + model
  EXPECT_GT(j["mss_mps"].get<double>(), 12.0);
  std::ifstream in(svg);
  std::stringstream s;
  s << in.rdbuf();
  EXPECT_NE(s.str().find("<svg"), std::string::npos);
  EXPECT_NE(s.str().find("speed (m/s)"), std::string::npos);
  const auto missing = run_cli({"profile", "show", "Usain Blot", "--team", team});
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.err.find("Usain Bolt"), std::string::npos) << missing.err;  // suggestion
}

}  // namespace
}  // namespace baton
