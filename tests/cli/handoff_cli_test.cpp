#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "support/run_cli.h"

namespace baton {
namespace {

using testing::run_cli;

std::vector<std::string> steady(std::vector<std::string> extra) {
  std::vector<std::string> args = {
      "handoff", "--incoming-speed", "10", "--outgoing-mss", "10", "--outgoing-tau",
      "1",       "--reaction",       "0",  "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

TEST(HandoffCli, HandDerivedPassFromAGoMark) {
  // gap(t) = 6.5 + 10 (e^-t - 1) = 1.5 at t = ln 2; x_out = 10 (ln 2 - 0.5); baton 0.75 m back.
  const auto r = run_cli(steady({"--go-mark", "6.5"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  EXPECT_NEAR(j["go_mark_m"].get<double>(), 6.5, 1e-12);
  EXPECT_NEAR(j["exchange_time_s"].get<double>(), std::log(2.0), 1e-6);
  EXPECT_NEAR(j["baton_position_m"].get<double>(), 10.0 * (std::log(2.0) - 0.5) - 0.75, 1e-3);
  EXPECT_NEAR(j["incoming_speed_mps"].get<double>(), 10.0, 1e-9);
  EXPECT_NEAR(j["outgoing_speed_mps"].get<double>(), 5.0, 1e-6);
  EXPECT_EQ(j["legal"], true);
  EXPECT_FALSE(j.contains("reason"));
  EXPECT_NEAR(j["go_mark_foot_lengths"].get<double>(), 6.5 / 0.28, 1e-9);
  // The baton enters after 5.75 m (0.575 s) and leaves when the outgoing has run 30.75 m.
  EXPECT_NEAR(j["baton_time_s"].get<double>(), 4.057711 - 0.575, 1e-5);
}

TEST(HandoffCli, HandDerivedWithDecelerationReactionAndStart) {
  // a_in = 1, reaction 0.2, start 3 m: the pass at t = 1.2 s puts the outgoing 10/e m past the
  // start, the incoming having run 11.28 m from the mark.
  const double mark = 1.5 - 10.0 / std::exp(1.0) + 11.28;
  const auto r =
      run_cli({"handoff", "--incoming-speed", "10", "--outgoing-mss", "10", "--outgoing-tau", "1",
               "--reaction", "0.2", "--incoming-decel", "1", "--start", "3", "--go-mark",
               std::to_string(mark), "--json", "--foot-length", "0.25"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  EXPECT_NEAR(j["exchange_time_s"].get<double>(), 1.2, 1e-6);
  EXPECT_NEAR(j["baton_position_m"].get<double>(), 3.0 + 10.0 / std::exp(1.0) - 0.75, 1e-3);
  EXPECT_NEAR(j["incoming_speed_mps"].get<double>(), 8.8, 1e-6);
  EXPECT_NEAR(j["go_mark_foot_lengths"].get<double>(), mark / 0.25, 1e-4);
}

std::string exact(double v) { return fmt::format("{:.17g}", v); }

TEST(HandoffCli, TargetRoundTripsThroughTheGoMark) {
  for (double target : {2.0, 8.0, 12.0, 20.0}) {
    const auto t = run_cli(steady({"--target", exact(target)}));
    ASSERT_EQ(t.exit_code, 0) << t.err;
    EXPECT_NEAR(t.json()["baton_position_m"].get<double>(), target, 1e-6);
    const auto g = run_cli(steady({"--go-mark", exact(t.json()["go_mark_m"].get<double>())}));
    ASSERT_EQ(g.exit_code, 0) << g.err;
    EXPECT_NEAR(g.json()["baton_position_m"].get<double>(), target, 1e-6);
  }
}

// Monotonicity through the CLI: a faster incoming runner, or an outgoing runner who accelerates
// more slowly, needs a longer mark for the same baton position.
TEST(HandoffCli, MarksLengthenWithIncomingSpeedAndSlowerAcceleration) {
  auto mark_for = [](const std::string& u, const std::string& tau) {
    const auto r = run_cli({"handoff", "--incoming-speed", u, "--outgoing-mss", "10.5",
                            "--outgoing-tau", tau, "--target", "10", "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.json()["go_mark_m"].get<double>();
  };
  EXPECT_LT(mark_for("9.5", "1.0"), mark_for("10.0", "1.0"));
  EXPECT_LT(mark_for("10.0", "1.0"), mark_for("10.5", "1.0"));
  EXPECT_LT(mark_for("10.0", "0.9"), mark_for("10.0", "1.2"));
}

TEST(HandoffCli, NoExchangeIsAResultWithAReason) {
  const auto r = run_cli(steady({"--go-mark", "12"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  EXPECT_EQ(j["legal"], false);
  EXPECT_EQ(j["exchanged"], false);
  EXPECT_NE(j["reason"].get<std::string>().find("no exchange"), std::string::npos);
  EXPECT_NEAR(j["closest_gap_m"].get<double>(), 2.0, 1e-6);
  for (const char* key : {"go_mark_m", "exchange_time_s", "baton_position_m", "incoming_speed_mps",
                          "outgoing_speed_mps"}) {
    EXPECT_TRUE(j[key].is_number()) << key;
  }
  // An unreachable target: the outgoing runner matches 10 m/s only as t -> infinity, but with
  // MSS 11 the speeds match early and 25 m is out of reach.
  const auto t = run_cli({"handoff", "--incoming-speed", "10", "--outgoing-mss", "11",
                          "--outgoing-tau", "1", "--target", "25", "--json"});
  ASSERT_EQ(t.exit_code, 0) << t.err;
  EXPECT_EQ(t.json()["legal"], false);
  EXPECT_NE(t.json()["reason"].get<std::string>().find("no go-mark"), std::string::npos);
}

TEST(HandoffCli, BeyondTheZoneIsIllegal) {
  const auto r = run_cli(steady({"--start", "25", "--go-mark", "11"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["legal"], false);
  EXPECT_LT(r.json()["zone_end_margin_m"].get<double>(), 0.0);
}

TEST(HandoffCli, BestMarkReportsRiskAndSensitivity) {
  const auto r = run_cli({"handoff", "--incoming-speed", "10.6", "--outgoing-mss", "10.9",
                          "--outgoing-tau", "1.1", "--best", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  EXPECT_EQ(j["legal"], true);
  const auto& o = j["optimal"];
  EXPECT_GT(o["p_illegal"].get<double>(), 0.0);
  EXPECT_LT(o["p_illegal"].get<double>(), 0.05);
  EXPECT_GT(o["cost_long_0_5m_s"].get<double>(), 0.0);
  EXPECT_GT(o["cost_short_0_5m_s"].get<double>(), 0.0);
  EXPECT_GT(o["mark_margin_m"].get<double>(), 0.0);
  EXPECT_DOUBLE_EQ(o["reaction_sd_s"].get<double>(), 0.05);
  EXPECT_DOUBLE_EQ(o["mark_sd_m"].get<double>(), 0.3);
  // A less certain runner gets a shorter mark.
  const auto shaky = run_cli({"handoff", "--incoming-speed", "10.6", "--outgoing-mss", "10.9",
                              "--outgoing-tau", "1.1", "--best", "--reaction-sd", "0.1", "--json"});
  ASSERT_EQ(shaky.exit_code, 0) << shaky.err;
  EXPECT_LT(shaky.json()["go_mark_m"].get<double>(), j["go_mark_m"].get<double>());
}

TEST(HandoffCli, HumanOutputCarriesUnits) {
  const auto r = run_cli({"handoff", "--incoming-speed", "10", "--outgoing-mss", "10",
                          "--outgoing-tau", "1", "--go-mark", "8"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("8.00 m behind"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("28.6 foot lengths"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" s through the zone"), std::string::npos) << r.out;
}

TEST(HandoffCli, OutOfRangeValuesNameTheOption) {
  struct Case {
    std::vector<std::string> args;
    const char* option;
  };
  const std::vector<Case> cases = {
      {steady({"--go-mark", "8", "--zone-length", "-5"}), "--zone-length"},
      {steady({"--go-mark", "8", "--start", "40"}), "--start"},
      {steady({"--go-mark", "8", "--free-distance", "9"}), "--free-distance"},
      {steady({"--go-mark", "-1"}), "--go-mark"},
      {steady({"--best", "--mark-sd", "-1"}), "--mark-sd"},
      {steady({"--go-mark", "8", "--target", "3"}), "--target"},
      {steady({}), "--target"},
      {{"handoff", "--outgoing-mss", "10", "--outgoing-tau", "1", "--go-mark", "8"},
       "--incoming-speed"},
      {steady({"--go-mark", "8", "--technique", "overhand"}), "--technique"},
      // The pair's options without a pair would be ignored: refused.
      {steady({"--go-mark", "8", "--event", "4x200"}), "--event"},
      {steady({"--go-mark", "8", "--exchange", "2"}), "--exchange"},
  };
  for (const Case& c : cases) {
    const auto r = run_cli(c.args);
    EXPECT_NE(r.exit_code, 0) << c.option;
    EXPECT_TRUE(r.out.empty()) << c.option;
    EXPECT_NE(r.err.find(c.option), std::string::npos) << c.option << ": " << r.err;
  }
}

}  // namespace
}  // namespace baton
