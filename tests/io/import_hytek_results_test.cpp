#include "baton/import_hytek_results.h"

#include <gtest/gtest.h>

#include "baton/error.h"
#include "baton/import_hytek.h"
#include "baton/team_file.h"
#include "support/run_cli.h"

namespace baton {
namespace {

ImportedFile sample() {
  return read_hytek_results(
      read_text_file(testing::source_path("tests/data/import/hytek/results.txt")), "results.txt");
}

TEST(ImportHytekResults, RecognisesTheHeader) {
  const std::string text =
      read_text_file(testing::source_path("tests/data/import/hytek/results.txt"));
  EXPECT_TRUE(looks_like_hytek_results(text));
  EXPECT_FALSE(looks_like_hytek(text));
  EXPECT_FALSE(looks_like_hytek_results("D;Lee;Ann;;F;;W;W;;10;100;12.45\r\n"));
}

TEST(ImportHytekResults, ReadsDatedMarksOfFlatRaces) {
  const ImportedFile f = sample();
  EXPECT_EQ(f.format, "hytek-results");
  ASSERT_GE(f.athletes.size(), 4u);
  const ImportedAthlete& maren = f.athletes[0];
  EXPECT_EQ(maren.full_name(), "Maren Lindqvist");
  EXPECT_EQ(maren.team_code, "WEST");
  EXPECT_EQ(maren.school_year, 11);
  ASSERT_EQ(maren.marks.size(), 1u);
  EXPECT_DOUBLE_EQ(maren.marks[0].mark.time_s, 12.38);
  EXPECT_EQ(maren.marks[0].date, "2024-04-20");
  EXPECT_EQ(maren.marks[0].source, "Westfield Spring Open");
  EXPECT_EQ(maren.marks[0].line, 2);
  const ImportedAthlete& tessa = f.athletes[2];
  EXPECT_EQ(tessa.full_name(), "Tessa Okafor");
  ASSERT_EQ(tessa.marks.size(), 1u);  // the 400 m prelim; the long jump and hurdles skipped
  EXPECT_DOUBLE_EQ(tessa.marks[0].mark.time_s, 61.35);
  const ImportedAthlete& ilse = f.athletes[3];
  EXPECT_TRUE(ilse.marks.at(0).mark.hand_timed);
  EXPECT_DOUBLE_EQ(ilse.marks.at(0).distance_m, 1600.0);
}

TEST(ImportHytekResults, SkipsWhatNoRelayUsesAndResultsWithoutATime) {
  const ImportedFile f = sample();
  ASSERT_EQ(f.skipped.size(), 4u);
  EXPECT_EQ(f.skipped[0].line, 3);
  EXPECT_EQ(f.skipped[0].reason, "Dora Fell in the 100: no time (DQ)");
  EXPECT_EQ(f.skipped[1].reason, "field event (LJ): no relay uses it");
  EXPECT_EQ(f.skipped[2].reason, "hurdles (100H): no relay uses it");
  EXPECT_EQ(f.skipped[3].line, 10);
  // Each is its team's: a team import lists its own and only counts the others'.
  EXPECT_EQ(f.skipped[0].team_code, "NORT");
  EXPECT_EQ(f.skipped[1].team_name, "Westfield High");
  EXPECT_EQ(f.skipped[3].team_code, "WEST");  // the 4x1600 relay
}

TEST(ImportHytekResults, ReadsRelayResultsWithRunners) {
  const ImportedFile f = sample();
  ASSERT_EQ(f.relays.size(), 2u);
  const ImportedRelay& west = f.relays[0];
  EXPECT_EQ(west.event, "4x100");
  EXPECT_EQ(west.sex, Sex::female);
  EXPECT_EQ(west.team_code, "WEST");
  EXPECT_EQ(west.team_name, "Westfield High");
  EXPECT_EQ(west.letter, "A");
  EXPECT_FALSE(west.is_entry);
  EXPECT_DOUBLE_EQ(west.time->time_s, 49.87);
  EXPECT_EQ(west.meet, "Westfield Spring Open");
  ASSERT_EQ(west.runners.size(), 4u);
  EXPECT_EQ(west.runners[0].full_name(), "Maren Lindqvist");
  EXPECT_EQ(west.runners[3].full_name(), "Nell Pham");
  EXPECT_EQ(f.relays[1].status, RelayStatus::dq);
  EXPECT_FALSE(f.relays[1].time);
  EXPECT_EQ(f.relays[1].runners.size(), 4u);
}

TEST(ImportHytekResults, WrongCellsNameLineAndField) {
  try {
    read_hytek_results("H;M;04/20/2024\r\nE;T;1;;100;F;;;;F;12.x;M;;;;;;;;0;Lee;Ann;;F\r\n",
                       "bad.txt");
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().line, 2);
    EXPECT_EQ(e.where().field, "field 11 (result mark)");
  }
  EXPECT_THROW(read_hytek_results("H;M\r\nE;T;1;;100;F;;;;F;12.1;M\r\n", "bad.txt"), ParseError);
  EXPECT_THROW(read_hytek_results("H;M\r\nR;1;;400;F;;;;F;50.1;M\r\n", "bad.txt"), ParseError);
  EXPECT_THROW(read_hytek_results("H;M\r\nR;1;;400;Q;;;;F;50.1;M;;;;;;;;;W;W;A\r\n", "bad.txt"),
               ParseError);
}

}  // namespace
}  // namespace baton
