#include "baton/team_file.h"

#include <gtest/gtest.h>

#include "support/expect_error.h"
#include "support/run_cli.h"

namespace baton {
namespace {

using testing::expect_error_at;
using testing::source_path;
using testing::TempDir;

TEST(TeamToml, ReadsTheDesignExample) {
  const Team t = parse_team_toml(R"(
name = "Riverside HS"
rules = "nfhs"            # wa | ncaa | nfhs
[[athlete]]
name = "Ava Brooks"
sex = "F"
bests = { "100m" = "12.31", "200m" = "25.4h", "400m" = "58.20", "mile" = "5:40.1h" }
splits = { "10" = 1.95, "20" = 3.10 }
foot_length_m = 0.27
hand = "right"
form_sd_percent = 1.8
)",
                                 "team.toml");
  EXPECT_EQ(t.name, "Riverside HS");
  EXPECT_EQ(t.rules, RuleSet::nfhs);
  ASSERT_EQ(t.athletes.size(), 1u);
  const Athlete& a = t.athletes[0];
  EXPECT_EQ(a.sex, Sex::female);
  ASSERT_EQ(a.bests.size(), 4u);
  EXPECT_NEAR(a.best_at(200.0)->fat_s(), 25.64, 1e-9);
  EXPECT_NEAR(a.best_at(kMileM)->fat_s(), 340.24, 1e-9);
  ASSERT_EQ(a.splits.size(), 2u);
  EXPECT_EQ(a.splits[1].distance_m, 20.0);
  EXPECT_EQ(*a.foot_length_m, 0.27);
  EXPECT_EQ(*a.hand, Hand::right);
  EXPECT_EQ(*a.form_sd_percent, 1.8);
  EXPECT_THROW(parse_team_toml("[[athlete]]\nname = \"A\"\nsex = \"F\"\n"
                               "bests = { \"100m\" = \"12.3\" }\nform_sd_percent = 12\n",
                               "t.toml"),
               ValidationError);
}

TEST(TeamToml, ErrorsNameFileLineAndField) {
  auto parse = [](const char* text) { return [text] { parse_team_toml(text, "t.toml"); }; };
  expect_error_at(parse("name = \"X\"\n[[athlete]]\nname = \"A\"\nsex = \"F\"\n"
                        "bests = { \"100m\" = \"12.3.1\" }\n"),
                  "t.toml", 5, "bests.100m", "cannot read time");
  expect_error_at(
      parse("[[athlete]]\nname = \"A\"\nsex = \"F\"\nbests = { \"100m\" = \"9.10\" }\n"), "t.toml",
      4, "bests.100m", "impossible");
  expect_error_at(parse("[[athlete]]\nname = \"A\"\nsex = \"Q\"\n"), "t.toml", 3, "sex",
                  "sex must be F or M");
  expect_error_at(parse("[[athlete]]\nname = \"A\"\nsex = \"F\"\nbets = {}\n"), "t.toml", 4, "bets",
                  "unknown field 'bets'");
  expect_error_at(parse("rules = \"fifa\"\n[[athlete]]\nname = \"A\"\nsex = \"F\"\n"), "t.toml", 1,
                  "rules", "unknown rule set");
  expect_error_at(parse("name = \"X\"\n[[athlete]]\nname = 5\nsex = \"F\"\n"), "t.toml", 3, "name",
                  "expected text");
  expect_error_at(parse("[[athlete]]\nname = \"A\"\nsex = \"F\"\n[[athlete]]\nname = \"A\"\n"
                        "sex = \"F\"\n"),
                  "t.toml", 4, "name", "appears twice");
  expect_error_at(parse("name = \"X\"\n[[athlete]\n"), "t.toml", 2, "", "");
  expect_error_at(parse("name = \"X\"\n"), "t.toml", 1, "athlete", "no [[athlete]]");
  expect_error_at(parse("[[athlete]]\nname = \"A\"\nsex = \"F\"\nsplits = { \"10\" = 2.0, "
                        "\"20\" = 1.9 }\n"),
                  "t.toml", 4, "splits.20", "increase");
  expect_error_at(parse("[[athlete]]\nname = \"A\"\nsex = \"F\"\nbests = { \"far\" = \"12.0\" }\n"),
                  "t.toml", 4, "bests.far", "cannot read distance");
}

TEST(TeamToml, ReadsIndividualEntries) {
  const Team t = parse_team_toml(
      "[[athlete]]\nname = \"A\"\nsex = \"F\"\nentries = [\"100m\", \"LJ\"]\n"
      "[[athlete]]\nname = \"B\"\nsex = \"F\"\n",
      "t.toml");
  EXPECT_EQ(t.athletes[0].entries, (std::vector<std::string>{"100m", "LJ"}));
  EXPECT_TRUE(t.athletes[1].entries.empty());
  auto parse = [](const char* text) { return [text] { parse_team_toml(text, "t.toml"); }; };
  expect_error_at(parse("[[athlete]]\nname = \"A\"\nsex = \"F\"\nentries = \"100m\"\n"), "t.toml",
                  4, "entries", "must be a list");
  expect_error_at(parse("[[athlete]]\nname = \"A\"\nsex = \"F\"\nentries = [\"100m\", 2]\n"),
                  "t.toml", 4, "entries.1", "expected text");
  expect_error_at(parse("[[athlete]]\nname = \"A\"\nsex = \"F\"\n\nentries = [\"LJ\", \"lj\"]\n"),
                  "t.toml", 5, "entries.1", "entered twice");
}

TEST(RosterCsv, ReadsTheEntriesColumn) {
  const Team t =
      parse_roster_csv("name,sex,100m,entries\nA,F,12.5, 100m ; 200m\nB,F,12.9,\n", "r.csv");
  EXPECT_EQ(t.athletes[0].entries, (std::vector<std::string>{"100m", "200m"}));
  EXPECT_TRUE(t.athletes[1].entries.empty());
  auto parse = [](std::string text) { return [text] { parse_roster_csv(text, "r.csv"); }; };
  expect_error_at(parse("name,sex,entries\nA,F,100m;;LJ\n"), "r.csv", 2, "entries",
                  "empty individual entry");
  expect_error_at(parse("name,sex,entries\nA,F,\"100m,LJ\"\n"), "r.csv", 2, "entries.0", "commas");
}

TEST(RosterCsv, ReadsQuotedCellsHandTimesAndSplits) {
  const Team t = parse_roster_csv(
      "\xEF\xBB\xBFname,sex,100m,200m,split_10m,foot_length_m,hand,form_sd_percent\r\n"
      "\"Jada O'Neil\",F,12.9,26.1h,2.05,0.26,left,2.5\r\n"
      "\n"
      "Leo Martinez,M,,24.60,,,,\r\n",
      "r.csv");
  ASSERT_EQ(t.athletes.size(), 2u);
  EXPECT_EQ(t.athletes[0].name, "Jada O'Neil");
  EXPECT_NEAR(t.athletes[0].best_at(200.0)->fat_s(), 26.34, 1e-9);
  EXPECT_EQ(t.athletes[0].splits.size(), 1u);
  EXPECT_EQ(*t.athletes[0].hand, Hand::left);
  EXPECT_EQ(t.athletes[1].best_at(100.0), nullptr);
  EXPECT_EQ(*t.athletes[0].form_sd_percent, 2.5);
  EXPECT_FALSE(t.athletes[1].form_sd_percent.has_value());
  EXPECT_FALSE(t.has_team_info);
}

TEST(RosterCsv, ErrorsNameFileLineAndField) {
  auto parse = [](std::string text) { return [text] { parse_roster_csv(text, "r.csv"); }; };
  expect_error_at(parse("name,sex,100m\nA,F,12.x\n"), "r.csv", 2, "100m", "cannot read time");
  expect_error_at(parse("name,sex,100m\nA,F,12.1\nB,F\n"), "r.csv", 3, "", "row has 2 cells");
  expect_error_at(parse("name,sex,speed\nA,F,12\n"), "r.csv", 1, "speed", "unknown column");
  expect_error_at(parse("name,100m\nA,12.1\n"), "r.csv", 1, "", "'name' and 'sex'");
  expect_error_at(parse("name,sex,100m\n\"A,F,12.1\n"), "r.csv", 2, "", "unterminated");
  expect_error_at(parse("name,sex,100m\nA,X,12.1\n"), "r.csv", 2, "sex", "sex must be F or M");
  expect_error_at(parse("name,sex,100m\n"), "r.csv", 1, "", "no athletes");
  expect_error_at(parse("name,sex,400m\nA,M,39.0\n"), "r.csv", 2, "400m", "impossible");
}

TEST(TeamFiles, EmptyBinaryAndMissingFilesAreErrorsNotCrashes) {
  TempDir dir;
  expect_error_at([&] { load_team(dir.write("empty.toml", "  \n\n")); }, dir.file("empty.toml"), 0,
                  "", "empty");
  expect_error_at(
      [&] { load_team(dir.write("bin.toml", std::string("name = \"x\"\n\0\1\2", 14))); },
      dir.file("bin.toml"), 2, "", "binary");
  expect_error_at([&] { load_team(dir.file("missing.toml")); }, dir.file("missing.toml"), 0, "",
                  "cannot open");
  expect_error_at([&] { load_team(dir.write("bad.csv", "name;sex\n")); }, dir.file("bad.csv"), 1,
                  "name;sex", "unknown column");
}

TEST(TeamFiles, TheBundledExamplesLoad) {
  const Team varsity = load_team(source_path("examples/riverside.toml"));
  EXPECT_EQ(varsity.name, "Riverside HS");
  EXPECT_GE(varsity.athletes.size(), 20u);
  int girls = 0;
  int hand_timed = 0;
  int with_splits = 0;
  for (const Athlete& a : varsity.athletes) {
    girls += a.sex == Sex::female;
    with_splits += !a.splits.empty();
    for (const Best& b : a.bests) hand_timed += b.mark.hand_timed;
  }
  EXPECT_GE(girls, 8);
  EXPECT_GE(static_cast<int>(varsity.athletes.size()) - girls, 8);
  EXPECT_GT(hand_timed, 0);
  EXPECT_GT(with_splits, 0);
  EXPECT_EQ(load_team(source_path("examples/jv-roster.csv")).athletes.size(), 8u);
}

}  // namespace
}  // namespace baton
