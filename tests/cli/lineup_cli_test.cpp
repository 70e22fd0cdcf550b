#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/run_cli.h"

namespace baton {
namespace {

using testing::run_cli;
using testing::TempDir;

// Six girls and four boys with FAT 100 m and 400 m bests (hand times convert by +0.24 s).
constexpr const char* kTeam = R"(name = "Riverside HS"
rules = "nfhs"
[[athlete]]
name = "Ava"
sex = "F"
bests = { "100m" = "12.10", "400m" = "58.00" }
[[athlete]]
name = "Bea"
sex = "F"
bests = { "100m" = "12.30", "400m" = "57.00" }
[[athlete]]
name = "Cleo"
sex = "F"
bests = { "100m" = "12.50", "400m" = "59.00" }
[[athlete]]
name = "Dee"
sex = "F"
bests = { "100m" = "12.40" }
[[athlete]]
name = "Eva"
sex = "F"
bests = { "100m" = "12.0h", "400m" = "60.00" }
[[athlete]]
name = "Fay"
sex = "F"
bests = { "100m" = "13.00", "400m" = "61.00" }
[[athlete]]
name = "Gus"
sex = "M"
bests = { "100m" = "11.00", "400m" = "50.00" }
[[athlete]]
name = "Hal"
sex = "M"
bests = { "100m" = "11.20", "400m" = "51.00" }
[[athlete]]
name = "Ike"
sex = "M"
bests = { "100m" = "11.40", "400m" = "52.00" }
[[athlete]]
name = "Jon"
sex = "M"
bests = { "100m" = "11.60", "400m" = "53.00" }
)";

TEST(LineupCli, GirlsFourByHundredIsTheSumOfTheFourFastestOpenTimes) {
  TempDir dir;
  const std::string team = dir.write("team.toml", kTeam);
  const auto r = run_cli({"lineup", "--model", "open", "--team", team, "--event", "4x100", "--sex",
                          "F", "--top", "3", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  EXPECT_EQ(j["event"], "4x100");
  // Ava 12.10, Eva 12.24 (12.0h), Bea 12.30, Dee 12.40: 49.04 s. Every order ties in this
  // model; ties go to roster order.
  EXPECT_NEAR(j["team_time_s"].get<double>(), 49.04, 1e-9);
  EXPECT_EQ(j["order"], nlohmann::json({"Ava", "Bea", "Dee", "Eva"}));
  ASSERT_EQ(j["alternatives"].size(), 3u);
  EXPECT_NEAR(j["alternatives"][0]["gap_s"].get<double>(), 0.0, 1e-9);
  EXPECT_EQ(j["alternatives"][0]["order"], nlohmann::json({"Ava", "Bea", "Eva", "Dee"}));
}

TEST(LineupCli, LocksAndExclusionsAreHonoured) {
  TempDir dir;
  const std::string team = dir.write("team.toml", kTeam);
  const auto r = run_cli({"lineup", "--model", "open", "--team", team, "--event", "4x100", "--sex",
                          "F", "--lock", "4=Fay", "--exclude", "Ava,Bea", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  EXPECT_EQ(j["order"][3], "Fay");
  // Cleo 12.50 + Dee 12.40 + Eva 12.24 + Fay 13.00
  EXPECT_NEAR(j["team_time_s"].get<double>(), 50.14, 1e-9);
}

TEST(LineupCli, MixedRelayTakesTwoOfEach) {
  TempDir dir;
  const std::string team = dir.write("team.toml", kTeam);
  const auto r =
      run_cli({"lineup", "--model", "open", "--team", team, "--event", "mixed-4x400", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Gus 50 + Hal 51 + Bea 57 + Ava 58 = 216 s.
  EXPECT_NEAR(r.json()["team_time_s"].get<double>(), 216.0, 1e-9);
}

TEST(LineupCli, HumanOutputShowsLegsAndGaps) {
  TempDir dir;
  const std::string team = dir.write("team.toml", kTeam);
  const auto r = run_cli({"lineup", "--model", "open", "--team", team, "--event", "4x400", "--sex",
                          "M", "--top", "1", "--exclude", "Jon", "--lock", "1=Gus"});
  EXPECT_NE(r.exit_code, 0);  // only three boys left
  EXPECT_NE(r.err.find("too few men: the relay needs 4 men, only 3 available (1 excluded)"),
            std::string::npos)
      << r.err;
  const auto ok =
      run_cli({"lineup", "--model", "open", "--team", team, "--event", "4x400", "--top", "2"});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("Gus"), std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find("predicted team time: 3:26.00"), std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find("+0.00 s"), std::string::npos) << ok.out;
}

TEST(LineupCli, InfeasibleLockIsExplained) {
  TempDir dir;
  const std::string team = dir.write("team.toml", kTeam);
  const auto r = run_cli({"lineup", "--model", "open", "--team", team, "--event", "4x400", "--sex",
                          "F", "--lock", "2=Dee", "--json"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("Dee is locked on leg 2 but has no predicted time for that leg"),
            std::string::npos)
      << r.err;
}

TEST(LineupCli, MeetFillsEveryRelayWithinTheLimits) {
  TempDir dir;
  const std::string team = dir.write("team.toml", kTeam);
  const auto r =
      run_cli({"lineup", "--model", "open", "--team", team, "--events", "4x100/F,4x400/M,4x400/F",
               "--max-relays-per-athlete", "1", "--exclude", "Fay", "--json"});
  EXPECT_NE(r.exit_code, 0);  // five girls left for eight places, one relay each
  EXPECT_NE(r.err.find("cannot all be filled"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("at most 1 relay per athlete"), std::string::npos) << r.err;

  const auto ok = run_cli({"lineup", "--model", "open", "--team", team, "--events",
                           "4x100/F,4x400/M", "--max-relays-per-athlete", "1", "--json"});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  const auto j = ok.json();
  EXPECT_EQ(j["optimal"], true);
  EXPECT_EQ(j["gap"], 0.0);
  ASSERT_EQ(j["relays"].size(), 2u);
  EXPECT_EQ(j["relays"][0]["event"], "4x100/F");
  EXPECT_EQ(j["relays"][0]["team"], "A");
  EXPECT_NEAR(j["relays"][0]["team_time_s"].get<double>(), 49.04, 1e-9);
  EXPECT_NEAR(j["relays"][1]["team_time_s"].get<double>(), 206.0, 1e-9);  // 50+51+52+53
}

TEST(LineupCli, MeetABTeamsShareNobody) {
  TempDir dir;
  const std::string team = dir.write("team.toml", kTeam);
  const auto r = run_cli({"lineup", "--model", "open", "--team", team, "--events", "4x100",
                          "--teams-per-relay", "2", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  ASSERT_EQ(j["relays"].size(), 2u);
  // Best pair of single-sex teams: boys 45.2 s (A) and girls 49.04 s (B).
  EXPECT_NEAR(j["relays"][0]["team_time_s"].get<double>(), 45.2, 1e-9);
  EXPECT_EQ(j["relays"][1]["team"], "B");
  EXPECT_NEAR(j["relays"][1]["team_time_s"].get<double>(), 49.04, 1e-9);
  const auto human = run_cli(
      {"lineup", "--model", "open", "--team", team, "--events", "4x100", "--teams-per-relay", "2"});
  ASSERT_EQ(human.exit_code, 0) << human.err;
  EXPECT_NE(human.out.find("team B: 49.04 s"), std::string::npos) << human.out;
  EXPECT_NE(human.out.find("proven optimal"), std::string::npos) << human.out;
}

TEST(LineupCli, EventAndEventsAreExclusive) {
  const auto r =
      run_cli({"lineup", "--model", "open", "--event", "4x100", "--events", "4x400", "--json"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("exactly one of --event"), std::string::npos) << r.err;
}

TEST(LineupCli, LegsOnEstimatedMarksAreFlagged) {
  // Zoe Carter has 100 m and 200 m marks only: her 400 m leg is estimated; Maya Johnson has a
  // 400 m mark.
  const std::string team = testing::source_path("examples/riverside.toml");
  auto r = run_cli({"lineup", "--team", team, "--event", "4x400", "--sex", "F", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  bool zoe = false, maya = false;
  const auto doc = r.json();
  for (const auto& leg : doc["legs"]) {
    if (leg["athlete"] == "Zoe Carter") zoe = leg["estimated"].get<bool>();
    if (leg["athlete"] == "Maya Johnson") maya = leg["estimated"].get<bool>();
  }
  EXPECT_TRUE(zoe) << r.out;
  EXPECT_FALSE(maya);
  r = run_cli({"lineup", "--team", team, "--event", "4x400", "--sex", "F"});
  EXPECT_NE(r.out.find("* from a mark estimated"), std::string::npos) << r.out;
  r = run_cli({"lineup", "--team", team, "--event", "4x100", "--sex", "F", "--json"});
  const auto sprint = r.json();
  ASSERT_EQ(sprint["legs"].size(), 4u);
  for (const auto& leg : sprint["legs"]) EXPECT_FALSE(leg["estimated"].get<bool>()) << leg;
}

// Who runs what and an alternate per leg; individual entries from the team file count against
// --max-events.
TEST(LineupCli, MeetJsonCarriesAthletesAndAlternates) {
  TempDir dir;
  std::string text = kTeam;
  text.insert(text.find("sex = \"F\"") + 9, "\nentries = [\"100m\", \"200m\", \"LJ\"]");
  const std::string team = dir.write("team.toml", text);
  const auto r = run_cli({"lineup", "--model", "open", "--team", team, "--events",
                          "4x100/F,4x400/F", "--max-events", "4", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  EXPECT_EQ(j["limits"]["max_events"], 4);
  ASSERT_EQ(j["athletes"].size(), 10u);
  const auto& ava = j["athletes"][0];
  EXPECT_EQ(ava["name"], "Ava");
  EXPECT_EQ(ava["entries"], (nlohmann::json{"100m", "200m", "LJ"}));
  EXPECT_EQ(ava["relay_count"], 1);  // three entries, a four-event limit
  EXPECT_EQ(ava["event_count"], 4);
  ASSERT_EQ(ava["relays"].size(), 1u);
  EXPECT_TRUE(ava["relays"][0].contains("event") && ava["relays"][0].contains("team"));
  for (const auto& relay : j["relays"]) {
    ASSERT_EQ(relay["alternates"].size(), 4u);
    for (size_t l = 0; l < 4; ++l) {
      const auto& alt = relay["alternates"][l];
      EXPECT_EQ(alt["leg"], l + 1);
      if (alt.contains("athlete")) {
        EXPECT_GE(alt["cost_s"].get<double>(), 0.0);  // the lineups are optimal
        for (const auto& runner : relay["order"]) EXPECT_NE(alt["athlete"], runner);
      } else {
        EXPECT_TRUE(alt["reason"].is_string());
      }
    }
  }
  const auto human = run_cli({"lineup", "--model", "open", "--team", team, "--events",
                              "4x100/F,4x400/F", "--max-events", "4"});
  ASSERT_EQ(human.exit_code, 0) << human.err;
  EXPECT_NE(human.out.find("Who runs what"), std::string::npos) << human.out;
  EXPECT_NE(human.out.find("100m, 200m, LJ"), std::string::npos) << human.out;
  EXPECT_NE(human.out.find("4/4"), std::string::npos) << human.out;
}

TEST(LineupCli, MeetLocksExclusionsAndConflictsReachTheSolver) {
  TempDir dir;
  const std::string team = dir.write("team.toml", kTeam);
  const auto r = run_cli({"lineup", "--model", "open", "--team", team, "--events",
                          "4x100/F,4x400/F,4x100/M", "--lock", "4x100/f:1=fay", "--exclude",
                          "4x400/F:Ava", "--conflict", "4x100/M,4x400/F", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  EXPECT_EQ(j["relays"][0]["order"][0], "Fay");
  EXPECT_EQ(j["relays"][0]["legs"][0]["locked"], true);
  EXPECT_FALSE(j["relays"][0]["legs"][1].contains("locked"));
  for (const auto& name : j["relays"][1]["order"]) EXPECT_NE(name, "Ava");
  EXPECT_EQ(j["conflicts"].dump(), R"([["4x400/F","4x100/M"]])");
}

// Eight girls, each 0.2 s slower at 100 m and 1 s slower at 400 m than the one before, one relay
// each. Unweighted, the sum of both open-model team times is least with the four whose 400 m is
// furthest above their 100 m (the slowest four) in the 4x100: 52.4 + 230 = 282.4 s. A second in
// the 4x100 worth ten makes 10 t100 - t400 the price of a 4x100 place (64, 65, ... 71 s), so the
// fastest four run it: 10 x 49.2 + 246 = 738 s.
TEST(LineupCli, MeetWeightsDecideWhereASecondCountsMost) {
  TempDir dir;
  std::string toml = "name = \"Weights HS\"\nrules = \"nfhs\"\n";
  const char* names[] = {"Ann", "Bo", "Cy", "Di", "Ed", "Flo", "Gem", "Hu"};
  for (int i = 0; i < 8; ++i) {
    toml += fmt::format(
        "[[athlete]]\nname = \"{}\"\nsex = \"F\"\nbests = {{ \"100m\" = \"{:.2f}\", \"400m\" = "
        "\"{:.2f}\" }}\n",
        names[i], 12.0 + 0.2 * i, 56.0 + i);
  }
  const std::string team = dir.write("team.toml", toml);
  const std::vector<std::string> base = {"lineup",
                                         "--model",
                                         "open",
                                         "--team",
                                         team,
                                         "--events",
                                         "4x100/F,4x400/F",
                                         "--max-relays-per-athlete",
                                         "1"};
  std::vector<std::string> plain = base;
  plain.push_back("--json");
  const auto r = run_cli(plain);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  EXPECT_EQ(j["objective"], "time");
  EXPECT_NEAR(j["relays"][0]["team_time_s"].get<double>(), 52.4, 1e-9);
  EXPECT_NEAR(j["relays"][1]["team_time_s"].get<double>(), 230.0, 1e-9);
  EXPECT_NEAR(j["objective_s"].get<double>(), 282.4, 1e-9);

  std::vector<std::string> weighted = plain;
  weighted.insert(weighted.end() - 1, {"--weights", "4x100/f=10"});
  const auto w = run_cli(weighted);
  ASSERT_EQ(w.exit_code, 0) << w.err;
  const auto k = w.json();
  EXPECT_EQ(k["objective"], "weighted time");
  EXPECT_EQ(k["weights"]["4x100/F"], 10.0);
  EXPECT_EQ(k["weights"]["4x400/F"], 1.0);
  EXPECT_NEAR(k["relays"][0]["team_time_s"].get<double>(), 49.2, 1e-9);
  EXPECT_NEAR(k["relays"][1]["team_time_s"].get<double>(), 246.0, 1e-9);
  EXPECT_NEAR(k["objective_s"].get<double>(), 738.0, 1e-9);
  EXPECT_EQ(k["relays"][0]["order"].size(), 4u);
  for (const auto& name : k["relays"][0]["order"]) {
    EXPECT_TRUE(name == "Ann" || name == "Bo" || name == "Cy" || name == "Di") << name;
  }

  std::vector<std::string> human = base;
  human.insert(human.end(), {"--weights", "4x100/F=10"});
  const auto h = run_cli(human);
  ASSERT_EQ(h.exit_code, 0) << h.err;
  EXPECT_NE(h.out.find("Objective: the weighted sum of the team times (4x100/F x10; others x1)"),
            std::string::npos)
      << h.out;
}

TEST(LineupCli, MeetUsesEstimatedLegsOnlyWhenAllowed) {
  // Riverside's boys with a real 800 m mark, two of them left out: three for four legs.
  const std::vector<std::string> args = {"lineup",
                                         "--team",
                                         testing::source_path("examples/riverside.toml"),
                                         "--events",
                                         "4x800/M",
                                         "--exclude",
                                         "Dylan Foster,Owen Hughes",
                                         "--json"};
  const auto refused = run_cli(args);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.err.rfind("baton: --allow-estimates: 4x800/M cannot be filled", 0), 0u)
      << refused.err;
  std::vector<std::string> allowed = args;
  allowed.push_back("--allow-estimates");
  const auto r = run_cli(allowed);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json doc = r.json();
  int estimated = 0;
  for (const auto& leg : doc["relays"][0]["legs"]) estimated += leg["estimated"].get<bool>();
  EXPECT_GE(estimated, 1);
}

// Four girls known only by their 800 m and 1600 m marks: the 4x800 runs on those marks (the
// open-model team time is their sum), with no leg estimated, so the meet solver takes them
// without --allow-estimates; their 4x100 legs rest on estimated sprints and are flagged.
TEST(LineupCli, DistanceRunnersRunTheirOwnRelayOnTheirOwnMarks) {
  TempDir dir;
  const std::string team = dir.write("team.toml", R"(name = "Distance HS"
rules = "nfhs"
[[athlete]]
name = "Ana"
sex = "F"
bests = { "800m" = "2:16.10", "1600m" = "5:12.30" }
[[athlete]]
name = "Bea"
sex = "F"
bests = { "800m" = "2:19.80" }
[[athlete]]
name = "Cat"
sex = "F"
bests = { "800m" = "2:21.50", "1600m" = "5:05.80" }
[[athlete]]
name = "Dot"
sex = "F"
bests = { "800m" = "2:24.90", "1600m" = "5:18.40" }
)");
  const auto open = run_cli(
      {"lineup", "--model", "open", "--team", team, "--event", "4x800", "--sex", "F", "--json"});
  ASSERT_EQ(open.exit_code, 0) << open.err;
  EXPECT_NEAR(open.json()["team_time_s"].get<double>(), 136.1 + 139.8 + 141.5 + 144.9, 1e-9);
  const auto meet = run_cli({"lineup", "--team", team, "--events", "4x800/F", "--json"});
  ASSERT_EQ(meet.exit_code, 0) << meet.err;
  int estimated = 0;
  for (const auto& leg : meet.json()["relays"][0]["legs"])
    estimated += leg["estimated"].get<bool>();
  EXPECT_EQ(estimated, 0);
  const auto sprint =
      run_cli({"lineup", "--team", team, "--event", "4x100", "--sex", "F", "--json"});
  ASSERT_EQ(sprint.exit_code, 0) << sprint.err;
  ASSERT_EQ(sprint.json()["legs"].size(), 4u);
  for (const auto& leg : sprint.json()["legs"]) EXPECT_TRUE(leg["estimated"].get<bool>()) << leg;
}

// The library names request fields ("exclude", "locks.5", "relays.1.event", "runs"); the
// command line shows the option that carried the value.
TEST(LineupCli, ErrorsNameTheOptionThatHeldTheValue) {
  TempDir dir;
  const std::string team = dir.write("team.toml", kTeam);
  const struct {
    std::vector<std::string> args;
    const char* starts;
  } cases[] = {
      {{"--event", "4x100", "--exclude", "Bee"}, "baton: --exclude: "},
      {{"--event", "4x100", "--lock", "5=Ava"}, "baton: --lock: "},
      {{"--event", "4x100", "--lock", "2=Nobody"}, "baton: --lock: "},
      {{"--event", "4x150"}, "baton: --event: "},
      {{"--events", "4x100/F,4x150"}, "baton: --events: "},
      {{"--events", "4x100/F", "--lock", "4x400/F:1=Ava"}, "baton: --lock: "},
      {{"--events", "4x100/F", "--lock", "4x100/F:5=Ava"}, "baton: --lock: "},
      {{"--events", "4x100/F", "--lock", "4x100/F:2"}, "baton: --lock: "},
      {{"--events", "4x100/F", "--lock", "4x100/F:1=Nobody"}, "baton: --lock: "},
      {{"--events", "4x100/F", "--exclude", "4x800/F:Ava"}, "baton: --exclude: "},
      {{"--events", "4x100/F,4x400/F", "--conflict", "4x100/F"}, "baton: --conflict: "},
      {{"--events", "4x100/F,4x400/F", "--conflict", "4x100/F,4x800/F"}, "baton: --conflict: "},
      {{"--event", "4x100", "--conflict", "4x100/F,4x400/F"}, "baton: --conflict: "},
      {{"--events", "4x100/F,4x400/F", "--weights", "4x800/F=2"}, "baton: --weights: "},
      {{"--events", "4x100/F,4x400/F", "--weights", "4x100/F=-1"}, "baton: --weights: "},
      {{"--events", "4x100/F,4x400/F", "--weights", "4x100/F"}, "baton: --weights: "},
      {{"--events", "4x100/F,4x400/F", "--weights", "4x100/F=2,4x100/f=3"}, "baton: --weights: "},
      {{"--event", "4x100", "--weights", "4x100/F=2"}, "baton: --weights: "},
      {{"--event", "4x100", "--model", "sum"}, "baton: --model: "},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args = {"lineup", "--team", team};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(r.err.rfind(c.starts, 0), 0u) << r.err;
  }
  // The closest name is suggested.
  const auto r = run_cli({"lineup", "--team", team, "--event", "4x100", "--exclude", "Bee"});
  EXPECT_NE(r.err.find("'Bea'"), std::string::npos) << r.err;
  const auto meet =
      run_cli({"lineup", "--team", team, "--events", "4x100/F", "--exclude", "4x100/F:Bee"});
  EXPECT_EQ(meet.err.rfind("baton: --exclude: ", 0), 0u) << meet.err;
  EXPECT_NE(meet.err.find("'Bea'"), std::string::npos) << meet.err;
}

// Eight girls with 100 m and 400 m bests; 4x100/F and 4x400/F may share nobody, so each runs
// one relay. The fastest meet puts the four whose 100 m is furthest below a quarter of their
// 400 m on the 4x100 (E-H 51.80 s, A-D 230.00 s). Against these fields that is 2nd and 3rd;
// A-D on the 4x100 (48.60 s) wins it by 1.40 s, and the 4x400 stays 3rd (246.00 s).
constexpr const char* kEightGirls = R"(name = "Riverside HS"
rules = "nfhs"
[[athlete]]
name = "A"
sex = "F"
bests = { "100m" = "12.00", "400m" = "56.00" }
[[athlete]]
name = "B"
sex = "F"
bests = { "100m" = "12.10", "400m" = "57.00" }
[[athlete]]
name = "C"
sex = "F"
bests = { "100m" = "12.20", "400m" = "58.00" }
[[athlete]]
name = "D"
sex = "F"
bests = { "100m" = "12.30", "400m" = "59.00" }
[[athlete]]
name = "E"
sex = "F"
bests = { "100m" = "12.80", "400m" = "60.00" }
[[athlete]]
name = "F"
sex = "F"
bests = { "100m" = "12.90", "400m" = "61.00" }
[[athlete]]
name = "G"
sex = "F"
bests = { "100m" = "13.00", "400m" = "62.00" }
[[athlete]]
name = "H"
sex = "F"
bests = { "100m" = "13.10", "400m" = "63.00" }
)";

constexpr const char* kTwoFields = R"(scoring = [10, 8, 6]
[[relay]]
event = "4x100"
sex = "F"
[[relay.team]]
name = "Central"
seed = "50.00"
[[relay.team]]
name = "Westlake"
seed = "53.00"
[[relay]]
event = "4x400"
sex = "F"
[[relay.team]]
name = "Central"
seed = "3:40.00"
[[relay.team]]
name = "Westlake"
seed = "3:45.00"
)";

TEST(LineupCli, MeetByExpectedPointsMovesTheSprintersToWhereTheyScore) {
  TempDir dir;
  const std::string team = dir.write("team.toml", kEightGirls);
  const std::string meet = dir.write("meet.toml", kTwoFields);
  const std::vector<std::string> base = {"lineup",          "--model",    "open",
                                         "--team",          team,         "--events",
                                         "4x100/F,4x400/F", "--conflict", "4x100/F,4x400/F"};
  std::vector<std::string> by_time = base;
  by_time.push_back("--json");
  const auto t = run_cli(by_time);
  ASSERT_EQ(t.exit_code, 0) << t.err;
  EXPECT_NEAR(t.json()["relays"][0]["team_time_s"].get<double>(), 51.8, 1e-9);
  EXPECT_EQ(t.json()["objective"], "time");

  std::vector<std::string> by_points = base;
  by_points.insert(by_points.end(),
                   {"--objective", "points", "--meet", meet, "--runs", "4000", "--json"});
  const auto p = run_cli(by_points);
  ASSERT_EQ(p.exit_code, 0) << p.err;
  const auto j = p.json();
  EXPECT_EQ(j["objective"], "expected points");
  EXPECT_EQ(j["optimal"], true);
  ASSERT_EQ(j["relays"].size(), 2u);
  EXPECT_NEAR(j["relays"][0]["team_time_s"].get<double>(), 48.6, 1e-9);
  EXPECT_NEAR(j["relays"][1]["team_time_s"].get<double>(), 246.0, 1e-9);
  // 4x100: 1st unless our three blind passes fail (1.523 % each): 10 x 0.955 = 9.55 points.
  EXPECT_NEAR(j["relays"][0]["expected_points"].get<double>(), 9.55, 0.07);
  // 4x400: 3rd unless we fail (0.9 %), a little more when an opponent fails: about 6 points.
  EXPECT_NEAR(j["relays"][1]["expected_points"].get<double>(), 6.0, 0.1);
  EXPECT_NEAR(j["expected_points"].get<double>(),
              j["relays"][0]["expected_points"].get<double>() +
                  j["relays"][1]["expected_points"].get<double>(),
              1e-9);
  EXPECT_DOUBLE_EQ(j["points_bound"].get<double>(), j["expected_points"].get<double>());
  EXPECT_TRUE(j["relays"][0].contains("alternates"));  // the time output's keys stay

  std::vector<std::string> human = base;
  human.insert(human.end(), {"--objective", "points", "--meet", meet, "--runs", "4000"});
  const auto h = run_cli(human);
  ASSERT_EQ(h.exit_code, 0) << h.err;
  EXPECT_NE(h.out.find("Objective: the expected points over all relays"), std::string::npos)
      << h.out;
  EXPECT_NE(h.out.find("expected points against the 4x100/F field"), std::string::npos) << h.out;
  EXPECT_NE(h.out.find("proven optimal"), std::string::npos) << h.out;
}

TEST(LineupCli, TheMeetFilesScheduleConflictsAreTheCoachs) {
  // The same two relays too close together, once from the command line and once from the meet
  // file's `conflicts`: the same lineups, and the answer names the conflict either way.
  TempDir dir;
  const std::string team = dir.write("team.toml", kEightGirls);
  const std::string plain = dir.write("meet.toml", kTwoFields);
  const std::string scheduled = dir.write(
      "scheduled.toml", std::string("conflicts = [[\"4x100/f\", \"4x400/F\"]]\n") + kTwoFields);
  const std::vector<std::string> base = {
      "lineup",          "--model",     "open",   "--team", team,   "--events",
      "4x100/F,4x400/F", "--objective", "points", "--runs", "4000", "--json"};
  std::vector<std::string> from_cli = base;
  from_cli.insert(from_cli.end(), {"--meet", plain, "--conflict", "4x100/F,4x400/F"});
  std::vector<std::string> from_file = base;
  from_file.insert(from_file.end(), {"--meet", scheduled});
  const auto a = run_cli(from_cli);
  const auto b = run_cli(from_file);
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_EQ(b.json()["conflicts"].dump(), R"([["4x100/F","4x400/F"]])");
  EXPECT_EQ(a.json()["conflicts"], b.json()["conflicts"]);
  for (size_t r = 0; r < 2; ++r) {
    EXPECT_EQ(a.json()["relays"][r]["order"], b.json()["relays"][r]["order"]);
  }
  // Without the conflict the fastest girls run both relays, so the file's line matters.
  std::vector<std::string> free = base;
  free.insert(free.end(), {"--meet", plain});
  const auto c = run_cli(free);
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_NE(c.json()["relays"][1]["order"], b.json()["relays"][1]["order"]);
}

TEST(LineupCli, MeetByExpectedPointsRefusesWhatItCannotScore) {
  TempDir dir;
  const std::string team = dir.write("team.toml", kEightGirls);
  const std::string meet = dir.write("meet.toml", kTwoFields);
  const std::vector<std::string> base = {"lineup", "--model", "open", "--team", team, "--json"};
  struct Case {
    std::vector<std::string> args;
    const char* error;
  };
  const Case cases[] = {
      {{"--events", "4x100/F,4x200/F", "--objective", "points", "--meet", meet},
       "4x200/F: the meet file"},
      {{"--events", "4x100/F", "--objective", "points"}, "--meet"},
      {{"--events", "4x100/F", "--objective", "win", "--meet", meet}, "with --events use points"},
      {{"--events", "4x100/F", "--objective", "points", "--meet", meet, "--weights", "4x100/F=2"},
       "expected points are not weighted"},
      {{"--events", "4x100/F", "--objective", "points", "--meet", meet, "--teams-per-relay", "2"},
       "one team per relay"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = base;
    args.insert(args.end(), c.args.begin(), c.args.end());
    const auto r = run_cli(args);
    EXPECT_NE(r.exit_code, 0) << c.error;
    EXPECT_NE(r.err.find(c.error), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
  }
}

}  // namespace
}  // namespace baton
