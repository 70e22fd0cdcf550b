#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "support/run_cli.h"

namespace baton {
namespace {

using testing::run_cli;

// The example high-school team's best plans: no exchange fails more than one time in twenty,
// every 4x100 pass has the outgoing runner at 85 % of the incoming speed or more, and the
// 4x200 and sprint medley relays, raced 20,000 times, are disqualified at most one time in ten.
TEST(PlanCli, BestPlansKeepEveryExchangeUnderFivePercent) {
  const std::string team = testing::source_path("examples/riverside.toml");
  testing::TempDir dir;
  for (const char* event : {"4x100", "4x200", "smr"}) {
    for (const char* sex : {"F", "M"}) {
      const auto r =
          run_cli({"plan", "--team", team, "--event", event, "--best", "--sex", sex, "--json"});
      ASSERT_EQ(r.exit_code, 0) << r.err;
      const nlohmann::json plan = r.json();
      for (const auto& x : plan["exchanges"]) {
        if (x["visual"].get<bool>()) continue;
        EXPECT_LE(x["p_illegal"].get<double>(), 0.05) << event << sex << x.dump();
        if (std::string(event) == "4x100") {
          EXPECT_GE(x["outgoing_speed_mps"].get<double>(),
                    0.85 * x["incoming_speed_mps"].get<double>() - 1e-9)
              << sex << x.dump();
        }
      }
      if (std::string(event) == "4x100") continue;
      const std::string meet = dir.write(std::string("meet-") + event + sex + ".toml",
                                         std::string("event = \"") + event +
                                             "\"\nrules = \"nfhs\"\n[[team]]\nfile = \"" + team +
                                             "\"\nsex = \"" + sex + "\"\n");
      const auto sim =
          run_cli({"simulate", "--meet", meet, "--runs", "20000", "--seed", "1", "--json"});
      ASSERT_EQ(sim.exit_code, 0) << sim.err;
      const nlohmann::json odds = sim.json();
      EXPECT_LE(odds["teams"][0]["p_dq"].get<double>(), 0.10) << event << sex;
    }
  }
}

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
  EXPECT_NE(text.out.find("1.50 m"), std::string::npos) << text.out;  // the downsweep reach
}

TEST(PlanCli, BadHandPlanNamesTheOption) {
  const auto r = run_cli({"plan", "--event", "4x100", "--hands", "R,L", "--json"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("--hands"), std::string::npos) << r.err;
}

TEST(PlanCli, WholeRelayWithContractKeysAndDiagrams) {
  testing::TempDir dir;
  const auto r =
      run_cli({"plan", "--team", testing::source_path("examples/riverside.toml"), "--event", "smr",
               "--order", "Ava Brooks,Maya Johnson,Lily Nguyen,Harper Diaz", "--svg-dir",
               dir.file("zones"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  EXPECT_EQ(j["event"], "smr");
  EXPECT_TRUE(j["team_time_s"].is_number());
  ASSERT_EQ(j["legs"].size(), 4u);
  for (const auto& leg : j["legs"]) {
    for (const char* key : {"leg", "athlete", "distance_m", "split_s", "carry_hand"}) {
      EXPECT_TRUE(leg.contains(key)) << key;
    }
  }
  ASSERT_EQ(j["exchanges"].size(), 3u);
  for (const auto& x : j["exchanges"]) {
    for (const char* key : {"from", "to", "visual", "technique", "carry_hand_in", "receive_hand",
                            "go_mark_m", "go_mark_foot_lengths", "baton_position_m", "p_illegal"}) {
      EXPECT_TRUE(x.contains(key)) << key;
    }
    EXPECT_NE(x["carry_hand_in"], x["receive_hand"]);
  }
  EXPECT_EQ(j["exchanges"][0]["visual"], false);
  EXPECT_EQ(j["exchanges"][2]["visual"], true);  // out of the 400 m leg
  EXPECT_EQ(j["legs"][3]["carry_hand"], "right");
  for (int k = 1; k <= 3; ++k) {
    const std::string path = dir.file("zones/exchange-" + std::to_string(k) + ".svg");
    std::ifstream in(path);
    ASSERT_TRUE(in.good()) << path;
    const std::string svg((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(svg.find("class=\"go-mark\""), std::string::npos);
  }
}

TEST(HandoffCliTeam, PairFromTheAthleteModels) {
  const auto r =
      run_cli({"handoff", "--team", testing::source_path("examples/riverside.toml"), "--event",
               "4x100", "--from", "Ava Brooks", "--to", "Maya Johnson", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  EXPECT_EQ(j["from"], "Ava Brooks");
  EXPECT_EQ(j["to"], "Maya Johnson");
  for (const char* key : {"go_mark_m", "exchange_time_s", "baton_position_m", "incoming_speed_mps",
                          "outgoing_speed_mps", "legal", "p_illegal"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_NEAR(j["go_mark_foot_lengths"].get<double>(), j["go_mark_m"].get<double>() / 0.27, 1e-9);
  const auto bad =
      run_cli({"handoff", "--team", testing::source_path("examples/riverside.toml"), "--event",
               "4x100", "--from", "Ava Brooks", "--to", "Maya Johnson", "--exchange", "4"});
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("--exchange"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace baton
