#include <gtest/gtest.h>

#include "support/example_roster.h"

namespace baton {
namespace {

using testing::run_cli;
using testing::source_path;
using testing::TempDir;

class ResultsCli : public testing::ExampleRosterTest {
 protected:
  const std::string order = "Ava Brooks,Maya Johnson,Lily Nguyen,Isabel Ortiz";
};

TEST_F(ResultsCli, AddAndList) {
  auto r =
      baton({"results", "add", "--event", "4x100", "--order", order, "--time", "48.92", "--splits",
             "12.6,11.9,12.2,12.2", "--date", "2024-04-20", "--meet", "County", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_DOUBLE_EQ(r.json()["added"]["team_time_s"].get<double>(), 48.92);
  r = baton({"results", "add", "--event", "4x100", "--order", order, "--drop", "2", "--dq",
             "--date", "2024-04-27"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = baton({"results", "list", "--json"});
  const auto all = r.json()["results"];
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0]["meet"], "County");
  EXPECT_EQ(all[0]["legs"][1]["athlete"], "Maya Johnson");
  EXPECT_DOUBLE_EQ(all[0]["legs"][3]["split_s"].get<double>(), 12.2);
  EXPECT_TRUE(all[1]["team_time_s"].is_null());
  EXPECT_EQ(all[1]["dropped_leg"], 2);
  EXPECT_EQ(all[1]["dq"], true);
  r = baton({"results", "list"});
  EXPECT_NE(r.out.find("48.92"), std::string::npos);
  EXPECT_NE(r.out.find("drop on leg 2, DQ"), std::string::npos) << r.out;
}

TEST_F(ResultsCli, ADnfIsAddedAndListed) {
  auto r = baton({"results", "add", "--event", "4x100", "--order", order, "--dnf", "--date",
                  "2024-04-27", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["added"]["dnf"], true);
  EXPECT_TRUE(r.json()["added"]["team_time_s"].is_null());
  r = baton({"results", "list", "--json"});
  const auto all = r.json()["results"];
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0]["dnf"], true);
  EXPECT_EQ(all[0]["dq"], false);
  EXPECT_TRUE(all[0]["dropped_leg"].is_null());
  r = baton({"results", "list"});
  EXPECT_NE(r.out.find("DNF, cause not recorded"), std::string::npos) << r.out;

  const std::string before = baton({"results", "list", "--json"}).out;
  const struct {
    std::vector<std::string> args;
    std::string message;
  } cases[] = {
      {{"--time", "48.92"}, "--time: a relay that did not finish (DNF) has no team time"},
      {{"--dq"}, "--dnf: a relay is either disqualified (DQ) or did not finish (DNF)"},
      {{"--drop", "2"}, "--dnf: a dropped baton already records"},
      {{"--splits", "12.6,11.9,12.2,12.2"}, "--splits: a relay that did not finish"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args = {"results", "add",   "--event", "4x100",     "--order",
                                     order,     "--dnf", "--date",  "2024-05-04"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    r = baton(args);
    EXPECT_EQ(r.exit_code, 1) << c.message;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    EXPECT_EQ(baton({"results", "list", "--json"}).out, before) << c.message;
  }
}

TEST_F(ResultsCli, RefusedInputWritesNothing) {
  ASSERT_EQ(baton({"results", "add", "--event", "4x100", "--order", order, "--time", "48.92",
                   "--date", "2024-04-20"})
                .exit_code,
            0);
  const std::string before = baton({"results", "list", "--json"}).out;
  const struct {
    std::vector<std::string> args;
    std::string message;
  } cases[] = {
      {{"--time", "fast"}, "--time:"},
      {{"--time", "39.0"}, "--time: 39.00 s is impossible for 4x100"},
      {{"--splits", "12.6,11.9,12.2"}, "--splits: 3 splits for 4 legs"},
      {{"--splits", "12.6,11.9,12.2,x"}, "--splits:"},
      {{"--drop", "5"}, "--drop: leg 5 does not exist"},
      {{"--drop", "two"}, "--drop: 'two' is not a number"},
      {{"--date", "2024-13-01"}, "--date: '2024-13-01' is not a date"},
      {{"--event", "4x99"}, "--event:"},
      {{"--order", "Ava Brooks,Maya Johnson,Lily Nguyen"}, "--order: 4x100 has 4 legs"},
      {{"--order", "Ava Brooks,Maya Johnson,Lily Nguyen,Ava Brooks"},
       "--order: Ava Brooks is named for two legs"},
      {{"--order", "Ava Brooks,Maya Johnson,Lily Nguyen,Isabel Ortis"},
       "did you mean 'Isabel Ortiz'?"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args = {"results", "add",    "--event", "4x100",  "--order",
                                     order,     "--time", "48.5",    "--date", "2024-04-21"};
    for (size_t i = 0; i + 1 < c.args.size(); i += 2) {
      const auto it = std::find(args.begin(), args.end(), c.args[i]);
      if (it == args.end()) {
        args.insert(args.end(), {c.args[i], c.args[i + 1]});
      } else {
        *(it + 1) = c.args[i + 1];
      }
    }
    const auto r = baton(args);
    EXPECT_EQ(r.exit_code, 1) << c.message;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    EXPECT_EQ(baton({"results", "list", "--json"}).out, before) << c.message;
  }
}

TEST_F(ResultsCli, ImportIsAllOrNothing) {
  const std::string bad = dir.write(
      "bad.csv",
      "date,meet,event,order,time,splits\n"
      "2024-04-20,County,4x100,\"Ava Brooks,Maya Johnson,Lily Nguyen,Isabel Ortiz\",48.92,\n"
      "2024-04-27,Relays,4x100,Ava Brooks;Maya Johnson;Lily Nguyen;Isabel Ortiz,48.7,"
      "12.6;11.9;12.2\n");
  auto r = baton({"results", "import", bad});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.csv:3: splits: 3 splits for 4 legs"), std::string::npos) << r.err;
  EXPECT_TRUE(baton({"results", "list", "--json"}).json()["results"].empty());
  const std::string good = dir.write(
      "good.csv",
      "date,meet,event,order,time\n"
      "2024-04-20,County,4x100,\"Ava Brooks,Maya Johnson,Lily Nguyen,Isabel Ortiz\",48.92\n"
      "2024-04-27,Relays,4x100,Ava Brooks;Maya Johnson;Lily Nguyen;Isabel Ortiz,48.7\n");
  r = baton({"results", "import", good, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["added"], 2);
  EXPECT_EQ(baton({"results", "list", "--json"}).json()["results"].size(), 2u);
}

TEST_F(ResultsCli, ModelsLearnFromLegSplits) {
  auto r = baton({"results", "models", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.json()["legs"].empty());
  // Maya Johnson (12.08 open) runs a 10.6 flying second leg: quick for her model.
  ASSERT_EQ(baton({"results", "add", "--event", "4x100", "--order", order, "--time", "47.9",
                   "--splits", "12.6,10.6,12.3,12.4", "--date", "2024-04-20"})
                .exit_code,
            0);
  r = baton({"results", "models", "--athlete", "Maya Johnson", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  ASSERT_EQ(j["legs"].size(), 1u);
  const auto leg = j["legs"][0];
  EXPECT_EQ(leg["leg"], 2);
  EXPECT_LT(leg["split_s"].get<double>(), leg["predicted_split_s"].get<double>());
  EXPECT_LT(leg["open_equivalent_s"].get<double>(), 12.08);
  EXPECT_GT(leg["open_equivalent_s"].get<double>(), 10.6);  // not the flying split itself
  ASSERT_EQ(j["athletes"].size(), 1u);
  EXPECT_DOUBLE_EQ(j["athletes"][0]["best_s"].get<double>(), 12.08);
  EXPECT_LT(j["athletes"][0]["updated_s"].get<double>(), 12.08);
}

TEST_F(ResultsCli, ModelsShowHandSplitsAndWhatTheTeamTimesTaught) {
  ASSERT_EQ(baton({"results", "add", "--event", "4x100", "--order", order, "--time", "47.9",
                   "--splits", "12.6h,10.6h,12.3,12.4", "--date", "2024-04-20"})
                .exit_code,
            0);
  auto r = baton({"results", "list", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["results"][0]["legs"][1]["split_hand_timed"], true);
  EXPECT_EQ(r.json()["results"][0]["legs"][2]["split_hand_timed"], false);
  r = baton({"results", "models", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  ASSERT_EQ(j["legs"].size(), 4u);
  EXPECT_EQ(j["legs"][0]["hand_timed"], true);
  EXPECT_DOUBLE_EQ(j["legs"][0]["fat_split_s"].get<double>(), 12.84);  // 12.6 + 0.24 from the gun
  EXPECT_DOUBLE_EQ(j["legs"][1]["fat_split_s"].get<double>(), 10.6);   // flying: as timed
  EXPECT_DOUBLE_EQ(j["legs"][1]["weight"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(j["legs"][2]["weight"].get<double>(), 1.0);
  const auto team = j["team"];
  EXPECT_DOUBLE_EQ(team["prior_weight"].get<double>(), 1.5);
  EXPECT_DOUBLE_EQ(team["weight"].get<double>(), 1.0);
  ASSERT_EQ(team["races"].size(), 1u);
  EXPECT_DOUBLE_EQ(team["races"][0]["actual_s"].get<double>(), 47.9);
  EXPECT_EQ(team["races"][0]["blind_exchanges"], 3);
  // One race: a third of the per-exchange residual over 1 + 1.5 races, three exchanges.
  EXPECT_NEAR(team["races"][0]["next_change_s"].get<double>(),
              team["races"][0]["residual_s"].get<double>() / 2.5, 0.002);
  EXPECT_TRUE(team.contains("blind_learned_s") && team.contains("level_blind_exchange_s"));
  r = baton({"results", "models"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("hand, 12.84 FAT"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("per blind exchange"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace baton
