// Hostile and malformed input: deep TOML nesting, text that is not UTF-8, athletes whose marks
// give no usable model, impossible seeds. Each is refused with the file, line and field.
#include <gtest/gtest.h>

#include "baton/meet.h"
#include "baton/results_csv.h"
#include "baton/team_file.h"
#include "io/toml_limits.h"
#include "support/expect_error.h"

namespace baton {
namespace {

using testing::expect_error_at;

const char* kAthlete = R"(
[[athlete]]
name = "Ava Brooks"
sex = "F"
bests = { "100m" = "12.31" }
)";

TEST(TomlNesting, FiftyThousandDottedKeysAreRefusedBeforeParsing) {
  // The reproducer: 'a' + '.a' * 49999 + ' = 1' crashed the TOML parser (stack overflow).
  std::string key = "a";
  for (int i = 0; i < 49999; ++i) key += ".a";
  const std::string text = std::string(kAthlete) + "\n" + key + " = 1\n";
  expect_error_at([&] { parse_team_toml(text, "x.toml"); }, "x.toml", 7, "", "nesting deeper");
  const std::string meet = "event = \"4x100\"\n" + key + " = 1\n";
  expect_error_at([&] { parse_meet_toml(meet, "meet.toml"); }, "meet.toml", 2, "",
                  "nesting deeper");
}

TEST(TomlNesting, DeepInlineTablesListsAndHeadersAreRefused) {
  std::string inline_tables = "x = ";
  for (int i = 0; i < 40000; ++i) inline_tables += "{a=";
  expect_error_at([&] { parse_team_toml(inline_tables, "t.toml"); }, "t.toml", 1, "",
                  "nesting deeper");
  std::string lists = "\n\nx = " + std::string(40000, '[');
  expect_error_at([&] { parse_team_toml(lists, "t.toml"); }, "t.toml", 3, "", "nesting deeper");
  std::string header = "[a";
  for (int i = 0; i < 40; ++i) header += ".b";
  expect_error_at([&] { parse_team_toml(header + "]\n", "t.toml"); }, "t.toml", 1, "",
                  "nesting deeper");
}

TEST(TomlNesting, TheLimitIsExactAndIgnoresStringsAndComments) {
  // kMaxTomlDepth parts of a dotted key pass the scan; one more does not.
  std::string key = "k";
  for (int i = 1; i < kMaxTomlDepth; ++i) key += ".k";
  EXPECT_NO_THROW(check_toml_nesting(key + " = 1\n", "t.toml"));
  expect_error_at([&] { check_toml_nesting(key + ".k = 1\n", "t.toml"); }, "t.toml", 1, "",
                  "32 levels");
  // Dots, brackets and braces inside strings, comments and values are not nesting.
  const std::string quiet = "name = \"" + std::string(100, '.') + std::string(100, '[') + "\"\n# " +
                            std::string(100, '{') + "\nx = '" + std::string(100, '.') +
                            "'\ny = \"\"\"\n" + std::string(100, '[') + "\n\"\"\"\nz = 1.5\n" +
                            "\"a.b.c\" = [1.5, 2.5, {w.v = 3.5}]\n";
  EXPECT_NO_THROW(check_toml_nesting(quiet, "t.toml"));
  // And the real example files pass whole.
  EXPECT_NO_THROW(load_team(std::string(BATON_SOURCE_DIR) + "/examples/riverside.toml"));
  EXPECT_NO_THROW(load_meet(std::string(BATON_SOURCE_DIR) + "/examples/meet-girls-4x100.toml"));
}

TEST(Utf8Input, LatinOneCsvRosterIsRefusedNamingLineAndColumn) {
  const std::string csv = "name,sex,100m\nAva Brooks,F,12.31\nZo\xEB Smith,F,12.80\n";
  expect_error_at([&] { parse_roster_csv(csv, "roster.csv"); }, "roster.csv", 3, "name",
                  "byte 0xEB is not UTF-8");
  // The same file saved as UTF-8 (with or without a byte-order mark) is read.
  const std::string utf8 = "name,sex,100m\nAva Brooks,F,12.31\nZo\xC3\xAB Smith,F,12.80\n";
  EXPECT_EQ(parse_roster_csv(utf8, "roster.csv").athletes.at(1).name, "Zo\xC3\xAB Smith");
  EXPECT_EQ(parse_roster_csv("\xEF\xBB\xBF" + utf8, "roster.csv").athletes.size(), 2u);
  // A quoted cell spanning lines and holding commas still gives the right column.
  const std::string quoted =
      "name,sex,100m,hand\n\"Brooks, Ava\",F,12.31,right\nBea,F,12.5,\"le\nft\xA0\"\n";
  expect_error_at([&] { parse_roster_csv(quoted, "r.csv"); }, "r.csv", 4, "hand", "0xA0");
}

TEST(Utf8Input, LatinOneMeetCellInResultsIsRefused) {
  const std::string csv =
      "event,order,time,meet\n4x100,A;B;C;D,48.10,County\n4x100,A;B;C;D,48.00,M\xFCnster\n";
  expect_error_at([&] { parse_results_csv(csv, "results.csv", "2026-04-01", nullptr); },
                  "results.csv", 3, "meet", "byte 0xFC is not UTF-8");
}

TEST(Utf8Input, TomlTextThatIsNotUtf8IsRefused) {
  const std::string text = "name = \"M\xFCnster HS\"\n" + std::string(kAthlete);
  try {
    parse_team_toml(text, "team.toml");
    ADD_FAILURE() << "Latin-1 TOML accepted";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().file, "team.toml");
    EXPECT_EQ(e.where().line, 1);
  }
}

TEST(AthleteModel, SplitsNoSprinterCanRunAreRefusedAtImport) {
  // The reproducer: this athlete imported, then every lineup failed naming nobody.
  const std::string text = R"(name = "T"
[[athlete]]
name = "Ava Brooks"
sex = "F"
bests = { "100m" = "12.31" }

[[athlete]]
name = "Cara Diaz"
sex = "F"
bests = { "100m" = "12.39" }
splits = { "10" = 2.29, "20" = 3.39 }
)";
  expect_error_at([&] { parse_team_toml(text, "team.toml"); }, "team.toml", 11, "splits",
                  "athlete 'Cara Diaz'");
  expect_error_at([&] { parse_team_toml(text, "team.toml"); }, "team.toml", 11, "splits",
                  "top speed of 16.4 m/s");
  const std::string csv =
      "name,sex,100m,split_10m,split_20m\nAva,F,12.31,,\nCara,F,12.39,2.29,3.39\n";
  expect_error_at([&] { parse_roster_csv(csv, "r.csv"); }, "r.csv", 3, "splits", "athlete 'Cara'");
}

TEST(AthleteModel, DistanceRunnersAndTheExamplesPass) {
  // No mark at 400 m or below and no splits: no sprint model is needed or built.
  const std::string text = R"([[athlete]]
name = "Miler"
sex = "M"
bests = { "800m" = "1:58.3", "mile" = "4:25.0" }
)";
  EXPECT_EQ(parse_team_toml(text, "t.toml").athletes.size(), 1u);
  const Team example = load_team(std::string(BATON_SOURCE_DIR) + "/examples/riverside.toml");
  for (const Athlete& a : example.athletes) EXPECT_NO_THROW(check_athlete_model(a)) << a.name;
}

std::string meet_with_seed(const std::string& seed) {
  return "event = \"4x100\"\n\n[[team]]\nname = \"Central\"\nseed = " + seed + "\n";
}

TEST(MeetSeeds, ImpossibleSeedsAreRefusedWithFileLineAndField) {
  expect_error_at([&] { parse_meet_toml(meet_with_seed("0.001"), "meet.toml"); }, "meet.toml", 5,
                  "team[1].seed", "between 36.40 s");
  expect_error_at([&] { parse_meet_toml(meet_with_seed("1e5"), "meet.toml"); }, "meet.toml", 5,
                  "team[1].seed", "and 3:20.00");
  expect_error_at([&] { parse_meet_toml(meet_with_seed("\"30.0\""), "meet.toml"); }, "meet.toml", 5,
                  "team[1].seed", "impossible for 4x100");
  // The limits themselves: 95 % of 4 x 9.58 s = 36.404 s; a 2 m/s walk over 400 m = 200 s.
  EXPECT_NO_THROW(parse_meet_toml(meet_with_seed("36.41"), "meet.toml"));
  EXPECT_NO_THROW(parse_meet_toml(meet_with_seed("200"), "meet.toml"));
  EXPECT_THROW(parse_meet_toml(meet_with_seed("36.40"), "meet.toml"), ValidationError);
  EXPECT_THROW(parse_meet_toml(meet_with_seed("200.01"), "meet.toml"), ValidationError);
  EXPECT_DOUBLE_EQ(parse_meet_toml(meet_with_seed("\"47.90\""), "m.toml").teams.at(0).seed_time_s,
                   47.90);
}

}  // namespace
}  // namespace baton
