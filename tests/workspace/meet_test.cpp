// The meet file: fields, defaults and errors naming file, line and field.
#include "baton/meet.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "baton/meet_field.h"
#include "support/run_cli.h"

namespace baton {
namespace {

TEST(MeetFile, ReadsSeedsScoringAndRules) {
  const Meet m = parse_meet_toml(
      "event = \"4x400\"\nrules = \"nfhs\"\nscoring = [6, 4, 2]\n"
      "[[team]]\nname = \"A\"\nseed = \"3:25.40\"\n"
      "[[team]]\nname = \"B\"\nseed = 206.1\nsd_s = 1.5\nfail_rate = 0.02\n",
      "meet.toml");
  EXPECT_EQ(m.event.id, "4x400");
  EXPECT_EQ(m.rules, RuleSet::nfhs);
  EXPECT_EQ(m.scoring, (std::vector<double>{6, 4, 2}));
  ASSERT_EQ(m.teams.size(), 2u);
  EXPECT_DOUBLE_EQ(m.teams[0].seed_time_s, 205.4);
  EXPECT_EQ(m.teams[1].line, 7);
  const std::vector<SimTeam> field = meet_field(m, SimulationOptions{});
  // Default spread 0.6 % of the seed; default failure from 3 visual passes at 0.3 % each.
  EXPECT_NEAR(field[0].seed_sd_s, 0.006 * 205.4, 1e-12);
  EXPECT_NEAR(field[0].fail_rate, 1.0 - std::pow(0.997, 3), 1e-12);
  EXPECT_DOUBLE_EQ(field[1].seed_sd_s, 1.5);
  EXPECT_DOUBLE_EQ(field[1].fail_rate, 0.02);
}

TEST(MeetFile, HandTimedSeedsAreTakenToFatLikeMarks) {
  // 400 m of relay: +0.14 s (the NFHS/NCAA conversion for 400 m and longer), as the web app does.
  const Meet m = parse_meet_toml(
      "event = \"4x100\"\n[[team]]\nname = \"A\"\nseed = \"46.5h\"\n"
      "[[team]]\nname = \"B\"\nseed = \"46.50\"\n",
      "meet.toml");
  EXPECT_NEAR(m.teams[0].seed_time_s, 46.64, 1e-9);
  EXPECT_DOUBLE_EQ(m.teams[1].seed_time_s, 46.5);
}

struct BadMeet {
  std::string text;
  int line;
  const char* field;
  const char* message;
};

// Each case refused by parse_meet_relays_toml() at its line and field, the message in what().
void expect_relays_refused(const std::vector<BadMeet>& cases) {
  for (const BadMeet& c : cases) {
    try {
      parse_meet_relays_toml(c.text, "meet.toml");
      ADD_FAILURE() << "accepted:\n" << c.text;
    } catch (const Error& e) {
      EXPECT_EQ(e.where().line, c.line) << c.text << e.what();
      EXPECT_EQ(e.where().field, c.field) << c.text << e.what();
      EXPECT_NE(std::string(e.what()).find(c.message), std::string::npos) << e.what();
    }
  }
}

TEST(MeetFile, ErrorsNameFileLineAndField) {
  const BadMeet cases[] = {
      {"event = \"4x100\"\n[[team]]\nname = \"A\"\nseed = \"abc\"\n", 4, "team[1].seed", ""},
      {"event = \"4x100\"\n[[team]]\nname = \"A\"\nseed = \"38.1\"\nfail_rate = 2\n", 5,
       "team[1].fail_rate", "between 0 and 1"},
      {"event = \"4x100\"\n[[team]]\nname = \"A\"\n", 2, "team[1]", "file"},
      {"event = \"4x1000\"\n[[team]]\nname = \"A\"\nseed = 38\n", 1, "event", ""},
      {"event = \"4x100\"\nscoring = [10, -1]\n[[team]]\nname = \"A\"\nseed = 38\n", 2, "scoring",
       ""},
      {"event = \"4x100\"\n[[team]]\nname = \"A\"\nseed = 38\nspeed = 3\n", 5, "team[1].speed",
       "unknown field"},
      {"event = \"4x100\"\n[[team]]\nfile = \"t.toml\"\nseed = 38\n", 4, "team[1].seed",
       "not both"},
      {"event = \"4x100\"\n[[team]]\nname = \"A\"\nseed = 38\nmodel = \"magic\"\n", 5,
       "team[1].model", ""},
      {"[[team]]\nname = \"A\"\nseed = 38\n", 1, "event", "no event"},
  };
  for (const BadMeet& c : cases) {
    try {
      parse_meet_toml(c.text, "meet.toml");
      ADD_FAILURE() << "accepted:\n" << c.text;
    } catch (const Error& e) {
      EXPECT_EQ(e.where().file, "meet.toml") << c.text;
      EXPECT_EQ(e.where().line, c.line) << c.text << e.what();
      EXPECT_EQ(e.where().field, c.field) << c.text << e.what();
      EXPECT_NE(std::string(e.what()).find(c.message), std::string::npos) << e.what();
    }
  }
}

TEST(MeetFile, OwnTeamFilesAreResolvedAndChecked) {
  testing::TempDir dir;
  dir.write("team.toml",
            "name = \"Riverside\"\n[[athlete]]\nname = \"Ava\"\nsex = \"F\"\n"
            "bests = { \"100m\" = \"12.31\" }\n");
  const std::string meet_path = dir.write(
      "meet.toml",
      "event = \"4x100\"\n[[team]]\nfile = \"team.toml\"\norder = [\"Ava\", \"Bea\", \"C\", "
      "\"D\"]\n[[team]]\nfile = \"missing.toml\"\n");
  const Meet m = load_meet(meet_path);
  EXPECT_EQ(m.teams[0].file, dir.file("team.toml"));
  try {
    meet_field(m, SimulationOptions{});
    FAIL();
  } catch (const NotFoundError& e) {  // 'Bea' is not in the team file
    EXPECT_EQ(e.where().file, meet_path);
    EXPECT_EQ(e.where().line, 2);
    EXPECT_EQ(e.where().field, "order");
  }
  Meet missing = m;
  missing.teams.erase(missing.teams.begin());
  try {
    meet_field(missing, SimulationOptions{});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.where().line, 5) << e.what();
    EXPECT_NE(std::string(e.what()).find("missing.toml"), std::string::npos) << e.what();
  }
}

TEST(MeetFile, SeveralRelaysEachWithItsFieldAndScoring) {
  const MeetRelays m = parse_meet_relays_toml(
      "rules = \"nfhs\"\nscoring = [10, 8, 6]\n"
      "[[relay]]\nevent = \"4x100\"\nsex = \"F\"\n"
      "[[relay.team]]\nname = \"A\"\nseed = \"47.60\"\n"
      "[[relay]]\nevent = \"4x400\"\nscoring = [5, 3]\n"
      "[[relay.team]]\nname = \"A\"\nseed = \"3:50.5\"\nsd_s = 1.5\n"
      "[[relay.team]]\nname = \"B\"\nseed = 232\n",
      "meet.toml");
  EXPECT_EQ(m.rules, RuleSet::nfhs);
  ASSERT_EQ(m.relays.size(), 2u);
  EXPECT_EQ(m.relays[0].label(), "4x100/F");
  EXPECT_EQ(m.relays[0].line, 3);
  EXPECT_EQ(m.relays[0].scoring, (std::vector<double>{10, 8, 6}));  // the meet's
  ASSERT_EQ(m.relays[0].teams.size(), 1u);
  EXPECT_DOUBLE_EQ(m.relays[0].teams[0].seed_time_s, 47.6);
  EXPECT_EQ(m.relays[1].label(), "4x400");
  EXPECT_EQ(m.relays[1].scoring, (std::vector<double>{5, 3}));  // its own
  EXPECT_DOUBLE_EQ(m.relays[1].teams[0].seed_time_s, 230.5);
  EXPECT_DOUBLE_EQ(m.relays[1].teams[0].sd_s, 1.5);
  // A relay without a sex stands for either squad when it is the only one of its event.
  EXPECT_EQ(m.find("4x100", Sex::female), &m.relays[0]);
  EXPECT_EQ(m.find("4x100", Sex::male), nullptr);
  EXPECT_EQ(m.find("4x400", Sex::male), &m.relays[1]);
  EXPECT_EQ(m.find("4x800", Sex::male), nullptr);
}

TEST(MeetFile, ScheduleConflictsNameTwoRelaysOfTheFile) {
  const std::string relays =
      "[[relay]]\nevent = \"4x100\"\nsex = \"F\"\n[[relay.team]]\nname = \"A\"\nseed = 48\n"
      "[[relay]]\nevent = \"4x400\"\n[[relay.team]]\nname = \"A\"\nseed = 230\n";
  const MeetRelays m =
      parse_meet_relays_toml("conflicts = [[\"4X100/f\", \"4x400\"]]\n" + relays, "meet.toml");
  ASSERT_EQ(m.conflicts.size(), 1u);
  EXPECT_EQ(m.conflicts[0].first, "4x100/F");  // as the file's relay is labelled
  EXPECT_EQ(m.conflicts[0].second, "4x400");
  EXPECT_EQ(m.conflicts[0].line, 1);
  EXPECT_TRUE(parse_meet_relays_toml(relays, "meet.toml").conflicts.empty());
  expect_relays_refused({
      {"conflicts = [[\"4x100/F\", \"4x200/F\"]]\n" + relays, 1, "conflicts[1]",
       "4x200/F is not a relay of this file (4x100/F, 4x400)"},
      {"conflicts = [[\"4x400\", \"4x400\"]]\n" + relays, 1, "conflicts[1]",
       "cannot conflict with itself"},
      {"conflicts = [\"4x100/F\", \"4x400\"]\n" + relays, 1, "conflicts[1]", "two relays"},
      {"conflicts = \"4x100/F\"\n" + relays, 1, "conflicts", "a list of pairs"},
  });
}

TEST(MeetFile, AOneRelayFileIsOneRelayWithoutTheOwnTeam) {
  const MeetRelays m = parse_meet_relays_toml(
      "event = \"4x100\"\nscoring = [6, 4]\n"
      "[[team]]\nfile = \"team.toml\"\nsex = \"F\"\n"
      "[[team]]\nname = \"A\"\nseed = \"47.60\"\n",
      "meet.toml");
  ASSERT_EQ(m.relays.size(), 1u);
  EXPECT_EQ(m.relays[0].label(), "4x100/F");
  EXPECT_EQ(m.relays[0].scoring, (std::vector<double>{6, 4}));
  ASSERT_EQ(m.relays[0].teams.size(), 1u);
  EXPECT_EQ(m.relays[0].teams[0].name, "A");
}

TEST(MeetFile, TheShippedRelaysExampleReads) {
  const MeetRelays m =
      load_meet_relays(std::string(BATON_SOURCE_DIR) + "/examples/meet-county-relays.toml");
  ASSERT_EQ(m.relays.size(), 5u);
  EXPECT_EQ(m.relays[4].label(), "4x400/M");
  EXPECT_EQ(m.relays[4].scoring.size(), 6u);
}

TEST(MeetFile, RelayErrorsNameLineAndField) {
  expect_relays_refused({
      {"event = \"4x100\"\n[[relay]]\nevent = \"4x400\"\n[[relay.team]]\nname = \"A\"\n"
       "seed = 230\n",
       1, "event", "known with [[relay]] tables"},
      {"[[relay]]\nevent = \"4x100\"\n", 1, "relay[1].team", "no [[relay[1].team]]"},
      {"[[relay]]\nevent = \"4x100\"\n[[relay.team]]\nfile = \"t.toml\"\n", 3, "relay[1].team",
       "opponents"},
      {"[[relay]]\nevent = \"4x100\"\nsex = \"F\"\n[[relay.team]]\nname = \"A\"\nseed = 48\n"
       "[[relay]]\nevent = \"4x100\"\nsex = \"F\"\n[[relay.team]]\nname = \"A\"\nseed = 48\n",
       7, "relay[2]", "4x100/F is given twice"},
      {"[[relay]]\nevent = \"mixed-4x400\"\nsex = \"F\"\n", 3, "relay[1].sex", "men and women"},
      {"[[relay]]\nevent = \"4x100\"\n[[relay.team]]\nname = \"A\"\nseed = \"4.0\"\n", 5,
       "relay[1].team[1].seed", "impossible"},
  });
  // The one-relay readers (simulate, lineup --event) say which form they need.
  try {
    parse_meet_toml("[[relay]]\nevent = \"4x100\"\n", "meet.toml");
    ADD_FAILURE();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().field, "relay");
    EXPECT_NE(std::string(e.what()).find("event = and [[team]]"), std::string::npos);
  }
}

}  // namespace
}  // namespace baton
