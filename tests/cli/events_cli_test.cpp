#include <gtest/gtest.h>

#include "support/run_cli.h"

namespace baton {
namespace {

using testing::run_cli;

TEST(EventsCli, JsonListsEveryEventWithZones) {
  const auto r = run_cli({"events", "--rules", "ncaa", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  EXPECT_EQ(j["rules"], "ncaa");
  ASSERT_EQ(j["events"].size(), 12u);
  const auto& smr = j["events"][7];
  EXPECT_EQ(smr["id"], "smr");
  ASSERT_EQ(smr["legs"].size(), 4u);
  EXPECT_EQ(smr["legs"][3]["distance_m"], 800.0);
  // NCAA: only the first sprint-medley exchange (200 -> 200) has a 30 m zone.
  EXPECT_EQ(smr["exchanges"][0]["zone_length_m"], 30.0);
  EXPECT_EQ(smr["exchanges"][1]["zone_length_m"], 20.0);
}

TEST(EventsCli, UnknownRuleSetIsAnErrorOnStderr) {
  const auto r = run_cli({"events", "--rules", "fifa", "--json"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("unknown rule set 'fifa'"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace baton
