// What the practice and results logs change downstream: lineups, predictions and race odds.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "support/example_roster.h"

namespace baton {
namespace {

using testing::run_cli;
using testing::source_path;
using testing::TempDir;

class LearningCli : public testing::ExampleRosterTest {
 protected:
  const std::string order = "Ava Brooks,Maya Johnson,Lily Nguyen,Isabel Ortiz";
};

TEST_F(LearningCli, SlowRaceSplitsSlowThePredictionUntilIgnored) {
  const auto predict = [&](std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--json", "predict", "--event", "4x100", "--order", order};
    args.insert(args.begin(), extra.begin(), extra.end());
    const auto r = baton(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.json()["team_time_s"].get<double>();
  };
  const double before = predict();
  // Every leg well slower than predicted (49.8 s against about 47 s).
  ASSERT_EQ(baton({"results", "add", "--event", "4x100", "--order", order, "--time", "49.80",
                   "--splits", "13.1,12.2,12.3,12.2", "--date", "2026-04-20"})
                .exit_code,
            0);
  const double after = predict();
  EXPECT_GT(after, before + 0.3);
  EXPECT_DOUBLE_EQ(predict({"--ignore-results"}), before);
}

TEST_F(LearningCli, PracticeRecordsArePricedIntoTheRosterLineup) {
  auto r = baton({"--json", "lineup", "--event", "4x100", "--sex", "F"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto plain = r.json();
  EXPECT_EQ(plain["practice_pair_terms"], 0);
  const std::string from = plain["order"][0], to = plain["order"][1];
  for (int i = 0; i < 8; ++i) {
    ASSERT_EQ(baton({"practice", "log", "--from", from, "--to", to, "--go-mark", "11",
                     "--exchange-at", "6", "--outcome", i < 6 ? "drop" : "clean", "--date",
                     "2026-03-0" + std::to_string(i + 1)})
                  .exit_code,
              0);
  }
  r = baton({"--json", "lineup", "--event", "4x100", "--sex", "F"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto drilled = r.json();
  EXPECT_EQ(drilled["practice_pair_terms"], 3);  // the pair at each exchange
  // The pair still runs together only if it is worth it; either way the time is no better.
  EXPECT_GE(drilled["team_time_s"].get<double>(), plain["team_time_s"].get<double>());
  r = baton({"--json", "lineup", "--event", "4x100", "--sex", "F", "--no-practice"});
  EXPECT_EQ(r.json()["team_time_s"], plain["team_time_s"]);
  // A team file has no practice log.
  r = baton({"--json", "lineup", "--event", "4x100", "--sex", "F", "--team",
             source_path("examples/riverside.toml")});
  EXPECT_EQ(r.json()["practice_pair_terms"], 0);
}

TEST_F(LearningCli, RosterTeamsInAMeetCarryTheirPractice) {
  const std::string meet = dir.write("meet.toml",
                                     "event = \"4x100\"\nrules = \"nfhs\"\n"
                                     "[[team]]\nroster = true\nsex = \"F\"\n"
                                     "[[team]]\nname = \"Central\"\nseed = \"47.10\"\n");
  auto r = baton({"--json", "simulate", "--meet", meet, "--runs", "20000"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["teams"][0]["team"], "Riverside HS");
  const double clean_drop = r.json()["teams"][0]["p_drop"];
  auto plan = baton({"--json", "lineup", "--event", "4x100", "--sex", "F"}).json();
  const std::string from = plan["order"][1], to = plan["order"][2];
  for (int i = 0; i < 9; ++i) {
    ASSERT_EQ(baton({"practice", "log", "--from", from, "--to", to, "--go-mark", "11",
                     "--exchange-at", "6", "--outcome", i < 6 ? "drop" : "clean", "--date",
                     "2026-03-0" + std::to_string(i + 1)})
                  .exit_code,
              0);
  }
  r = baton({"--json", "simulate", "--meet", meet, "--runs", "20000", "--no-practice"});
  EXPECT_EQ(r.json()["teams"][0]["p_drop"], clean_drop);
  r = baton({"--json", "simulate", "--meet", meet, "--runs", "20000"});
  EXPECT_GT(r.json()["teams"][0]["p_drop"].get<double>(), clean_drop);
  // Without a roster the entry has no team.
  const auto empty = run_cli({"--db", dir.file("empty.db"), "simulate", "--meet", meet});
  EXPECT_NE(empty.exit_code, 0);
  EXPECT_NE(empty.err.find("roster"), std::string::npos) << empty.err;
}

TEST_F(LearningCli, ObjectiveWinComparesTheFastestOrdersAgainstTheField) {
  const std::string meet = source_path("examples/meet-girls-4x100.toml");
  auto r = baton({"--json", "lineup", "--objective", "win", "--meet", meet, "--candidates", "4",
                  "--runs", "5000"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  EXPECT_EQ(j["event"], "4x100");
  EXPECT_EQ(j["objective"], "win");
  ASSERT_EQ(j["candidates"].size(), 4u);
  EXPECT_EQ(j["order"], j["chosen"]["order"]);
  EXPECT_EQ(j["fastest"]["order"], j["candidates"][0]["order"]);
  EXPECT_GE(j["chosen"]["p_win"].get<double>(), j["fastest"]["p_win"].get<double>());
  for (const auto& c : j["candidates"]) {
    EXPECT_LE(c["p_win"].get<double>(), j["chosen"]["p_win"].get<double>());
  }
  // The same as `lineup --event 4x100 --sex F --top 3` orders, fastest first.
  const auto top = baton({"--json", "lineup", "--event", "4x100", "--sex", "F", "--top", "3",
                          "--team", source_path("examples/riverside.toml")})
                       .json();
  EXPECT_EQ(j["candidates"][0]["order"], top["order"]);
  // Human output names the choice and the fastest order's numbers.
  r = baton(
      {"lineup", "--objective", "points", "--meet", meet, "--candidates", "3", "--runs", "3000"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("expected points"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("* best"), std::string::npos) << r.out;
}

TEST_F(LearningCli, ObjectiveErrorsNameTheOption) {
  struct Case {
    std::vector<std::string> args;
    const char* option;
  };
  const std::string meet = source_path("examples/meet-girls-4x100.toml");
  const Case cases[] = {
      {{"lineup", "--objective", "win", "--event", "4x100"}, "--meet"},
      {{"lineup", "--objective", "fastest", "--meet", meet}, "--objective"},
      {{"lineup", "--objective", "win", "--meet", meet, "--candidates", "0"}, "--candidates"},
      {{"lineup", "--objective", "win", "--meet", meet, "--event", "4x400"}, "--event"},
      {{"lineup", "--event", "4x100", "--meet", meet}, "--meet"},
      {{"lineup", "--objective", "win", "--meet", meet, "--runs", "0"}, "--runs"},
      {{"simulate", "--meet", meet, "--threads", "999"}, "--threads"},
  };
  for (const Case& c : cases) {
    const auto r = baton(c.args);
    EXPECT_NE(r.exit_code, 0) << c.args[2];
    EXPECT_NE(r.err.find(c.option), std::string::npos) << r.err;
  }
}

TEST_F(LearningCli, AthleteProgressFollowsTheirSplitsRaceByRace) {
  auto r = baton({"--json", "results", "progress", "--athlete", "maya johnson"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.json()["dates"].empty());
  // Maya runs leg 2 (a flying 100 m): slow on the first date, fast on the second.
  ASSERT_EQ(baton({"results", "add", "--event", "4x100", "--order", order, "--time", "49.50",
                   "--splits", "12.9,12.0,12.3,12.3", "--date", "2026-04-10"})
                .exit_code,
            0);
  ASSERT_EQ(baton({"results", "add", "--event", "4x100", "--order", order, "--time", "47.40",
                   "--splits", "12.5,10.6,12.1,12.2", "--date", "2026-05-01"})
                .exit_code,
            0);
  r = baton({"--json", "results", "progress", "--athlete", "Maya Johnson", "--svg",
             dir.file("maya.svg")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  EXPECT_EQ(j["athlete"], "Maya Johnson");
  EXPECT_EQ(j["distance_m"], 100.0);
  EXPECT_DOUBLE_EQ(j["entered_best_s"].get<double>(), 12.08);
  ASSERT_EQ(j["dates"].size(), 2u);
  const auto& first = j["dates"][0];
  const auto& second = j["dates"][1];
  // A slow day reads slower than her best and pulls the mark used up; a fast day pulls it down.
  // The mark is the weighted mean of the entered best (1) and every open-equivalent so far; by
  // the second date the first race is 21 days older than the newest: 2^(-21/56) = 0.7711.
  EXPECT_GT(first["open_equivalent_s"].get<double>(), 12.08);
  EXPECT_NEAR(first["learned_best_s"].get<double>(),
              (12.08 + first["open_equivalent_s"].get<double>()) / 2, 2e-3);
  EXPECT_LT(second["open_equivalent_s"].get<double>(), first["open_equivalent_s"].get<double>());
  EXPECT_NEAR(second["learned_best_s"].get<double>(),
              (12.08 + 0.7711 * first["open_equivalent_s"].get<double>() +
               second["open_equivalent_s"].get<double>()) /
                  2.7711,
              2e-3);
  std::ifstream svg(dir.file("maya.svg"));
  const std::string chart((std::istreambuf_iterator<char>(svg)), {});
  EXPECT_NE(chart.find("<svg"), std::string::npos);
  EXPECT_NE(chart.find("2026-05-01"), std::string::npos);
  r = baton({"results", "progress", "--athlete", "Maya Johnson"});
  EXPECT_NE(r.out.find("12.08"), std::string::npos) << r.out;
  r = baton({"results", "progress", "--athlete", "Nobody"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("--athlete"), std::string::npos) << r.err;
}

TEST_F(LearningCli, AFormSpreadSetOnTheRosterWidensThatRunnersLeg) {
  ASSERT_EQ(baton({"roster", "edit", "Ava Brooks", "--form-sd", "4"}).exit_code, 0);
  const auto list = baton({"--json", "roster", "list"}).json();
  bool found = false;
  for (const auto& a : list["athletes"]) {
    if (a["name"] == "Ava Brooks") found = a["form_sd_percent"] == 4.0;
  }
  EXPECT_TRUE(found) << list;
  const auto r = baton({"roster", "edit", "Ava Brooks", "--form-sd", "40"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("--form-sd"), std::string::npos) << r.err;
}

TEST_F(LearningCli, RacePassesCountInThePairsRecord) {
  const auto terms = [&] {
    const auto r = baton({"--json", "lineup", "--event", "4x100", "--sex", "F"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.json()["practice_pair_terms"].get<int>();
  };
  // A disqualification without a drop says nothing about any pass.
  ASSERT_EQ(baton({"results", "add", "--event", "4x100", "--order", order, "--dq", "--date",
                   "2026-04-01"})
                .exit_code,
            0);
  EXPECT_EQ(terms(), 0);
  // A race with a drop at the second exchange: three pairs raced, one of them fumbled. Each
  // pair's term is priced at every exchange it could run.
  ASSERT_EQ(baton({"results", "add", "--event", "4x100", "--order", order, "--drop", "3", "--date",
                   "2026-04-08"})
                .exit_code,
            0);
  EXPECT_EQ(terms(), 9);
  // The fumbling pair (Maya Johnson -> Lily Nguyen) now costs time; a clean one earns a little.
  const std::string meet = dir.write("meet.toml",
                                     "event = \"4x100\"\nrules = \"nfhs\"\n"
                                     "[[team]]\nroster = true\nsex = \"F\"\norder = [\"Ava "
                                     "Brooks\", \"Maya Johnson\", \"Lily Nguyen\", \"Isabel "
                                     "Ortiz\"]\n");
  const auto with = baton({"--json", "simulate", "--meet", meet, "--runs", "50000"}).json();
  const auto without =
      baton({"--json", "simulate", "--meet", meet, "--runs", "50000", "--no-practice"}).json();
  // One fumble in one pass against a prior of 10 % over 20: (2 + 1) / 21, 1.43 x the drop chance
  // at exchange 2; exchanges 1 and 3 drop a little less ((2 + 0) / 21).
  EXPECT_GT(with["teams"][0]["exchanges"][1]["p_drop"].get<double>(),
            without["teams"][0]["exchanges"][1]["p_drop"].get<double>());
  EXPECT_LT(with["teams"][0]["exchanges"][0]["p_drop"].get<double>(),
            without["teams"][0]["exchanges"][0]["p_drop"].get<double>());
}

}  // namespace
}  // namespace baton
