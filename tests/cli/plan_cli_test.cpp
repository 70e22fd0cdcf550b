#include <gtest/gtest.h>

#include <string>

#include "support/run_cli.h"

namespace baton {
namespace {

using testing::run_cli;

TEST(PlanCli, MedleyHandsAndTechniques) {
  const auto r = run_cli({"plan", "--event", "medley", "--technique", "upsweep", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  EXPECT_EQ(j["event"], "medley");
  ASSERT_EQ(j["exchanges"].size(), 3u);
  EXPECT_EQ(j["exchanges"][0]["technique"], "upsweep");
  EXPECT_EQ(j["exchanges"][0]["carry_hand_in"], "right");
  EXPECT_EQ(j["exchanges"][0]["receive_hand"], "left");
  EXPECT_EQ(j["exchanges"][2]["visual"], true);  // out of the 300 m leg
  EXPECT_EQ(j["exchanges"][2]["receive_hand"], "left");
  EXPECT_EQ(j["legs"][3]["carry_hand"], "right");
  EXPECT_EQ(j["legs"][3]["switch_hands"], true);
  EXPECT_TRUE(j["warnings"].empty());
}

TEST(PlanCli, FlagsASameHandExchange) {
  const auto r = run_cli({"plan", "--event", "4x100", "--hands", "R,L,R,R", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  EXPECT_EQ(j["exchanges"][2]["same_hand"], true);
  ASSERT_EQ(j["warnings"].size(), 1u);
  const auto text = run_cli({"plan", "--event", "4x100", "--hands", "R,L,R,R"});
  EXPECT_NE(text.out.find("COLLISION RISK"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("1.75 m"), std::string::npos) << text.out;
}

TEST(PlanCli, BadHandPlanNamesTheOption) {
  const auto r = run_cli({"plan", "--event", "4x100", "--hands", "R,L", "--json"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("--hands"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace baton
