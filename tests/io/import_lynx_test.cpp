#include <gtest/gtest.h>

#include "baton/error.h"
#include "baton/import_lynx_evt.h"
#include "baton/import_lynx_lif.h"
#include "baton/team_file.h"
#include "support/run_cli.h"

namespace baton {
namespace {

std::string data(const std::string& name) {
  return read_text_file(testing::source_path("tests/data/import/lynx/" + name));
}

TEST(ImportLynxEvt, RecognisesStartListsAndPeople) {
  EXPECT_TRUE(looks_like_lynx_evt(data("lynx.evt")));
  EXPECT_TRUE(looks_like_lynx_evt("832,Jones,Payton,Monroe Jefferson\n"));  // lynx.ppl
  EXPECT_FALSE(looks_like_lynx_evt(data("girls_100.lif")));
  EXPECT_FALSE(looks_like_lynx_evt("D;Lee;Ann;;F;;W;W;;10;100;12.45\r\n"));
  EXPECT_FALSE(looks_like_lynx_evt(""));
}

// The real start list (tests/data/import/lynx/README.md): relay teams, a hurdles heat, a
// 100 m heat.
TEST(ImportLynxEvt, ReadsRelayTeamsOfARealStartList) {
  const ImportedFile f = read_lynx_evt(data("lynx.evt"), "lynx.evt");
  EXPECT_EQ(f.format, "lynx-evt");
  ASSERT_EQ(f.relays.size(), 15u);  // 7 teams in the 4x800, 8 in the 4x100
  const ImportedRelay& first = f.relays[0];
  EXPECT_EQ(first.event, "4x800");
  EXPECT_EQ(first.sex, Sex::female);
  EXPECT_EQ(first.team_name, "Riverview");
  EXPECT_EQ(first.team_code, "RICO");
  EXPECT_EQ(first.letter, "A");
  EXPECT_TRUE(first.is_entry);
  EXPECT_FALSE(first.time);
  EXPECT_EQ(first.line, 2);
  EXPECT_EQ(f.relays[7].event, "4x100");
  EXPECT_EQ(f.relays[7].team_name, "Flat Rock");
}

TEST(ImportLynxEvt, SkipsTheHurdlesAndKeepsTheSprintersAsAthletes) {
  const ImportedFile f = read_lynx_evt(data("lynx.evt"), "lynx.evt");
  ASSERT_EQ(f.skipped.size(), 4u);  // the event line and its three competitors
  EXPECT_EQ(f.skipped[0].line, 9);
  EXPECT_EQ(f.skipped[0].reason, "hurdles (Girls 100m Hurdles Varsity): no relay uses it");
  EXPECT_EQ(f.skipped[3].line, 12);
  // The event line is the file's; each competitor's line is their team's.
  EXPECT_TRUE(f.skipped[0].team_name.empty());
  EXPECT_EQ(f.skipped[1].team_name, "Monroe Jefferson");
  ASSERT_EQ(f.athletes.size(), 5u);
  EXPECT_EQ(f.athletes[0].full_name(), "Cami Heath");
  EXPECT_EQ(f.athletes[0].team_name, "Milan");
  EXPECT_EQ(f.athletes[0].sex, Sex::female);
  EXPECT_TRUE(f.athletes[0].marks.empty());  // a start list has no marks
}

TEST(ImportLynxEvt, ReadsPeopleAndSchedules) {
  const ImportedFile ppl = read_lynx_evt(
      "; people\r\n832,Jones,Payton,Monroe Jefferson\r\n908,\"Tannous, Jr.\",Isabella,\r\n",
      "lynx.ppl");
  ASSERT_EQ(ppl.athletes.size(), 2u);
  EXPECT_EQ(ppl.athletes[1].last, "Tannous, Jr.");
  const ImportedFile sch = read_lynx_evt(data("lynx.sch"), "lynx.sch");
  EXPECT_TRUE(sch.athletes.empty());
  EXPECT_EQ(sch.skipped.size(), 6u);  // every schedule line; the comment is not a line to skip
}

TEST(ImportLynxEvt, WrongCellsNameLineAndField) {
  try {
    read_lynx_evt("1,1,1,100 Meters\n,12,two,Lee,Ann,West\n", "bad.evt");
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().line, 2);
    EXPECT_EQ(e.where().field, "field 3 (lane)");
  }
  EXPECT_THROW(read_lynx_evt(",12,1,Lee,Ann,West\n1,1,1,100 Meters\n", "bad.evt"), ParseError);
  EXPECT_THROW(read_lynx_evt("x,1,1,100 Meters\n,12,1,Lee,Ann,West\n", "bad.evt"), ParseError);
  EXPECT_THROW(read_lynx_evt("1,1,1,100 Meters\n,12,1,\"Lee,Ann\n", "bad.evt"), ParseError);
}

TEST(ImportLynxLif, RecognisesResults) {
  EXPECT_TRUE(looks_like_lynx_lif(data("girls_4x100.lif")));
  EXPECT_TRUE(looks_like_lynx_lif(data("girls_100.lif")));
  EXPECT_FALSE(looks_like_lynx_lif(data("lynx.evt")));
  EXPECT_FALSE(looks_like_lynx_lif("{\"competitors\": []}"));
}

TEST(ImportLynxLif, ReadsRelayResultsWithSplitsAndVerdicts) {
  const ImportedFile f = read_lynx_lif(data("girls_4x100.lif"), "girls_4x100.lif");
  EXPECT_EQ(f.format, "lynx-lif");
  ASSERT_EQ(f.relays.size(), 6u);
  const ImportedRelay& win = f.relays[0];
  EXPECT_EQ(win.event, "4x100");
  EXPECT_EQ(win.sex, Sex::female);
  EXPECT_EQ(win.team_name, "Westfield High");
  EXPECT_EQ(win.team_code, "WEST");
  EXPECT_EQ(win.letter, "A");
  EXPECT_FALSE(win.is_entry);
  ASSERT_TRUE(win.time);
  EXPECT_DOUBLE_EQ(win.time->time_s, 49.87);
  // Cumulative 12.95, 25.10, 37.60, 49.87 -> legs 12.95, 12.15, 12.50, 12.27.
  ASSERT_EQ(win.splits_s.size(), 4u);
  EXPECT_NEAR(win.splits_s[0], 12.95, 1e-9);
  EXPECT_NEAR(win.splits_s[1], 12.15, 1e-9);
  EXPECT_NEAR(win.splits_s[2], 12.50, 1e-9);
  EXPECT_NEAR(win.splits_s[3], 12.27, 1e-9);
  EXPECT_TRUE(f.relays[1].splits_s.empty());  // no splits in the file
  EXPECT_EQ(f.relays[2].letter, "B");
  EXPECT_DOUBLE_EQ(f.relays[2].time->time_s, 52.004);
  EXPECT_EQ(f.relays[3].status, RelayStatus::dq);
  EXPECT_FALSE(f.relays[3].time);
  EXPECT_EQ(f.relays[4].status, RelayStatus::dnf);
  EXPECT_EQ(f.relays[5].status, RelayStatus::dns);
}

TEST(ImportLynxLif, ReadsIndividualMarksAtTheRaceDistance) {
  const ImportedFile f = read_lynx_lif(data("girls_100.lif"), "girls_100.lif");
  ASSERT_EQ(f.athletes.size(), 4u);
  EXPECT_EQ(f.athletes[0].full_name(), "Maren Lindqvist");
  ASSERT_EQ(f.athletes[0].marks.size(), 1u);
  EXPECT_DOUBLE_EQ(f.athletes[0].marks[0].distance_m, 100.0);
  EXPECT_DOUBLE_EQ(f.athletes[0].marks[0].mark.time_s, 12.91);
  EXPECT_EQ(f.athletes[2].last, "Brandt, Jr.");  // a quoted cell with a comma
  EXPECT_TRUE(f.athletes[3].marks.empty());      // DQ
  ASSERT_EQ(f.skipped.size(), 1u);
  EXPECT_EQ(f.skipped[0].line, 5);
  EXPECT_EQ(f.skipped[0].reason, "Dora Fell: no time (DQ)");
}

TEST(ImportLynxLif, SkipsHurdles) {
  const ImportedFile f = read_lynx_lif(data("girls_100h.lif"), "girls_100h.lif");
  EXPECT_TRUE(f.athletes.empty());
  ASSERT_EQ(f.skipped.size(), 1u);
  EXPECT_EQ(f.skipped[0].reason, "hurdles (Girls 100m Hurdles Varsity): no relay uses it");
}

TEST(ImportLynxLif, WrongCellsNameLineAndField) {
  try {
    read_lynx_lif("1,1,1,100 Meters\r\n1,5,2,Lee,Ann,West,12.3x,,\r\n", "bad.lif");
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().file, "bad.lif");
    EXPECT_EQ(e.where().line, 2);
    EXPECT_EQ(e.where().field, "field 7 (time)");
  }
  try {
    read_lynx_lif("1,one,1,100 Meters\r\n", "bad.lif");
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().field, "field 2 (round)");
  }
  EXPECT_THROW(read_lynx_lif("1,1,1,100 Meters\r\nfirst,5,2,Lee,Ann,West,12.3\r\n", "bad.lif"),
               ParseError);
  EXPECT_THROW(read_lynx_lif("", "bad.lif"), ParseError);
}

TEST(ImportLynxLif, NeverCrashesOnTruncatedFiles) {
  const std::string text = data("girls_4x100.lif");
  for (size_t n = 0; n <= text.size(); ++n) {
    try {
      read_lynx_lif(text.substr(0, n), "t.lif");
      read_lynx_evt(text.substr(0, n), "t.evt");
    } catch (const Error&) {
    }
  }
  SUCCEED();
}

// Found by fuzzing: a relay row whose team holds bytes that are not UTF-8 (a Latin-1 export)
// came back as text that could not be stored or shown. It is refused at its line.
TEST(ImportLynxLif, TextThatIsNotUtf8IsRefusedAtItsLine) {
  const std::string lif =
      "3,1,1,Girls 4x100 Relay,,,100\n"
      "1,,3,North \xff\xffRidge,,,48.21\n";
  try {
    read_lynx_lif(lif, "latin1.lif");
    FAIL() << "accepted text that is not UTF-8";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().file, "latin1.lif");
    EXPECT_EQ(e.where().line, 2);
    EXPECT_NE(e.message().find("not UTF-8"), std::string::npos) << e.message();
  }
}

}  // namespace
}  // namespace baton
