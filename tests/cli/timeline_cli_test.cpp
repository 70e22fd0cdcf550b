// baton timeline: report and warm-up times relative to the gun, the waiting order.
#include <gtest/gtest.h>

#include "support/run_cli.h"

namespace baton {
namespace {

using testing::run_cli;
using testing::source_path;

TEST(TimelineCli, JsonGivesEveryRunnerTimesBeforeTheirLeg) {
  const auto r =
      run_cli({"--json", "timeline", "--team", source_path("examples/riverside.toml"), "--event",
               "4x400", "--order", "Maya Johnson,Ava Brooks,Chloe Adams,Lily Nguyen"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  ASSERT_EQ(j["runners"].size(), 4u);
  for (const auto& runner : j["runners"]) {
    EXPECT_LT(runner["final_warmup_s"].get<double>(), runner["report_s"].get<double>());
    EXPECT_LT(runner["report_s"].get<double>(), runner["start_after_gun_s"].get<double>());
  }
  EXPECT_NE(j["waiting_order"].get<std::string>().find("200 m"), std::string::npos);
}

TEST(TimelineCli, TableExplainsWaitingOrderOnlyWhereItApplies) {
  const std::string team = source_path("examples/riverside.toml");
  const auto dmr = run_cli({"timeline", "--team", team, "--event", "dmr", "--order",
                            "Ruby Patel,Chloe Adams,Grace Kim,Sofia Romero"});
  ASSERT_EQ(dmr.exit_code, 0) << dmr.err;
  EXPECT_NE(dmr.out.find("Waiting order"), std::string::npos);
  EXPECT_NE(dmr.out.find("before the gun"), std::string::npos);
  const auto sprint =
      run_cli({"timeline", "--team", team, "--event", "4x100", "--order",
               "Maya Johnson,Ava Brooks,Zoe Carter,Lily Nguyen", "--zone-lead", "240"});
  ASSERT_EQ(sprint.exit_code, 0) << sprint.err;
  EXPECT_EQ(sprint.out.find("Waiting order"), std::string::npos);
  EXPECT_NE(sprint.out.find("in your lane"), std::string::npos);
}

}  // namespace
}  // namespace baton
