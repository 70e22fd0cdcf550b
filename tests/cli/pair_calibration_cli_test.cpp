// The coach's drilled pair on the command line: the report expects the drilled pass and the
// plan prints the report's mark.
#include <gtest/gtest.h>

#include "support/example_roster.h"

namespace baton {
namespace {

class PairCalibrationCli : public testing::ExampleRosterTest {
 protected:
  void SetUp() override {
    testing::ExampleRosterTest::SetUp();
    const char* at[] = {"14.0", "14.5", "14.75", "15.0", "15.25", "15.5"};
    for (int i = 0; i < 6; ++i) {
      const auto r =
          baton({"practice", "log", "--from", "Ava Brooks", "--to", "Maya Johnson", "--go-mark",
                 "7.5", "--exchange-at", at[i], "--date", "2026-03-0" + std::to_string(i + 1)});
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
  }
  std::vector<std::string> report_args() const {
    return {"practice", "report", "--from",     "Ava Brooks", "--to",    "Maya Johnson",
            "--event",  "4x100",  "--exchange", "3",          "--as-of", "2026-03-10"};
  }
};

TEST_F(PairCalibrationCli, TheReportExpectsTheDrilledPassWithoutABoundWarning) {
  std::vector<std::string> args = report_args();
  args.insert(args.end(), {"--go-mark", "7.5", "--json"});
  const auto r = baton(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  EXPECT_NEAR(j["predicted_exchange_at_m"].get<double>(), 14.75, 0.5);
  EXPECT_DOUBLE_EQ(j["go_mark_m"].get<double>(), 7.5);
  EXPECT_FALSE(j["reaction_at_bound"].get<bool>());
  EXPECT_TRUE(j["unexplained_drills"].empty());
  for (const char* name : {"reaction_s", "outgoing_tau_s", "incoming_speed_mps"}) {
    const auto& p = j["parameters"][name];
    EXPECT_GT(p["sd"].get<double>(), 0.0) << name;
    EXPECT_LT(p["sd"].get<double>(), p["prior_sd"].get<double>()) << name;
    EXPECT_FALSE(p["at_bound"].get<bool>()) << name;
  }
  // Old keys stay.
  for (const char* key : {"recommended_go_mark_m", "model_go_mark_m", "effective_reaction_s",
                          "rms_residual_m", "target_m", "physics"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  args.pop_back();  // text
  const auto text = baton(args);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.out.find("Warning"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("With a 7.50 m mark the pair should pass"), std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find(" m/s (+/- 0."), std::string::npos) << text.out;
  EXPECT_NE(text.out.find(" m/s; model 8.50 m/s)"), std::string::npos) << text.out;
}

TEST_F(PairCalibrationCli, ThePlanPrintsTheReportsMark) {
  std::vector<std::string> args = report_args();
  args.push_back("--json");
  const auto report = baton(args);
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const double mark = report.json()["recommended_go_mark_m"].get<double>();
  const auto plan = baton({"plan", "--event", "4x100", "--order",
                           "Zoe Carter,Lily Nguyen,Ava Brooks,Maya Johnson", "--json"});
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  const auto doc = plan.json();
  const auto& x = doc["exchanges"][2];
  EXPECT_NEAR(x["go_mark_m"].get<double>(), mark, 1e-3);
  EXPECT_TRUE(x["calibrated"].get<bool>());
  EXPECT_FALSE(doc["exchanges"][0]["calibrated"].get<bool>());
  // Its mark is shorter than the 7.5 m that sent the baton 14-15.5 m in, as the planned pass
  // is deeper in the zone than 14 m only if the mark were longer.
  const double pass_at = x["baton_position_m"].get<double>();
  if (pass_at < 14.0) EXPECT_LT(x["go_mark_m"].get<double>(), 7.5);
}

}  // namespace
}  // namespace baton
