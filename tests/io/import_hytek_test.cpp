#include "baton/import_hytek.h"

#include <gtest/gtest.h>

#include "baton/error.h"
#include "baton/team_file.h"
#include "support/run_cli.h"

namespace baton {
namespace {

ImportedFile sample() {
  const std::string path = testing::source_path("tests/data/import/hytek/entries.txt");
  return read_hytek(read_text_file(path), "entries.txt");
}

const ImportedAthlete* athlete(const ImportedFile& f, const std::string& last) {
  for (const ImportedAthlete& a : f.athletes) {
    if (a.last == last) return &a;
  }
  return nullptr;
}

TEST(ImportHytek, RecognisesEntryRecordsOnly) {
  EXPECT_TRUE(looks_like_hytek("D;Lee;Ann;;F;;WEST;Westfield;;10;100;12.45;M;\r\n"));
  EXPECT_TRUE(looks_like_hytek("\xEF\xBB\xBFQ;WEST;Westfield;A;F;;400;50.12;M;\r\n"));
  EXPECT_FALSE(looks_like_hytek("H;Meet;05/01/2024;05/01/2024;HY-TEK;;\r\n"));
  EXPECT_FALSE(looks_like_hytek("name,sex,100m\nAnn,F,12.4\n"));
  EXPECT_FALSE(looks_like_hytek(""));
}

TEST(ImportHytek, ReadsAthletesAndSeedMarksOfFlatRaces) {
  const ImportedFile f = sample();
  EXPECT_EQ(f.format, "hytek");
  const ImportedAthlete* maren = athlete(f, "Lindqvist");
  ASSERT_NE(maren, nullptr);
  EXPECT_EQ(maren->first, "Maren");
  EXPECT_EQ(maren->sex, Sex::female);
  EXPECT_EQ(maren->school_year, 11);  // JR
  EXPECT_EQ(maren->team_code, "WEST");
  EXPECT_EQ(maren->team_name, "Westfield High");
  EXPECT_EQ(maren->line, 1);           // the I record
  ASSERT_EQ(maren->marks.size(), 1u);  // the 200 m entry says NT
  EXPECT_DOUBLE_EQ(maren->marks[0].distance_m, 100.0);
  EXPECT_DOUBLE_EQ(maren->marks[0].mark.time_s, 12.45);
  EXPECT_EQ(maren->marks[0].line, 2);
  EXPECT_EQ(maren->marks[0].source, "entries.txt");

  const ImportedAthlete* ilse = athlete(f, "Brandt");
  ASSERT_NE(ilse, nullptr);
  ASSERT_EQ(ilse->marks.size(), 2u);
  EXPECT_TRUE(ilse->marks[0].mark.hand_timed);  // 12.8h
  EXPECT_DOUBLE_EQ(ilse->marks[0].mark.time_s, 12.8);
  EXPECT_DOUBLE_EQ(ilse->marks[1].distance_m, 1600.0);  // an E record
  EXPECT_DOUBLE_EQ(ilse->marks[1].mark.time_s, 5 * 60 + 32.10);
}

TEST(ImportHytek, SkipsHurdlesFieldEventsAndRelaysBatonDoesNotPlan) {
  const ImportedFile f = sample();
  ASSERT_EQ(f.skipped.size(), 3u);
  EXPECT_EQ(f.skipped[0].line, 4);
  EXPECT_EQ(f.skipped[0].reason, "hurdles (100H): no relay uses it");
  EXPECT_EQ(f.skipped[1].line, 5);
  EXPECT_EQ(f.skipped[1].reason, "field event (LJ): no relay uses it");
  EXPECT_EQ(f.skipped[2].line, 15);
  EXPECT_NE(f.skipped[2].reason.find("'4800'"), std::string::npos);
  const ImportedAthlete* tessa = athlete(f, "Okafor");
  ASSERT_NE(tessa, nullptr);
  ASSERT_EQ(tessa->marks.size(), 1u);  // only the 400 m
  EXPECT_DOUBLE_EQ(tessa->marks[0].mark.time_s, 61.35);
}

TEST(ImportHytek, ReadsRelayEntriesWithRunnersInOrder) {
  const ImportedFile f = sample();
  ASSERT_EQ(f.relays.size(), 5u);
  const ImportedRelay& girls = f.relays[0];
  EXPECT_EQ(girls.event, "4x100");
  EXPECT_EQ(girls.sex, Sex::female);
  EXPECT_EQ(girls.team_code, "WEST");
  EXPECT_EQ(girls.letter, "A");
  EXPECT_TRUE(girls.is_entry);
  ASSERT_TRUE(girls.time);
  EXPECT_DOUBLE_EQ(girls.time->time_s, 50.12);
  ASSERT_EQ(girls.runners.size(), 4u);
  EXPECT_EQ(girls.runners[0].full_name(), "Maren Lindqvist");
  EXPECT_EQ(girls.runners[1].full_name(), "Tessa Okafor");
  EXPECT_EQ(girls.runners[2].full_name(), "Ilse Brandt");
  EXPECT_EQ(girls.runners[3].full_name(), "Nell Pham");
  EXPECT_EQ(girls.runners[3].school_year, 9);
  EXPECT_EQ(girls.line, 10);

  const ImportedRelay& boys = f.relays[1];  // 4x400 with four alternates: 8 runners
  EXPECT_EQ(boys.event, "4x400");
  ASSERT_EQ(boys.runners.size(), 8u);
  EXPECT_EQ(boys.runners[7].full_name(), "Eric Lund");
  EXPECT_DOUBLE_EQ(boys.time->time_s, 3 * 60 + 35.20);

  EXPECT_EQ(f.relays[2].event, "smr");    // 1600S
  EXPECT_EQ(f.relays[3].event, "4x800");  // an R record: no runners
  EXPECT_TRUE(f.relays[3].runners.empty());
  EXPECT_FALSE(f.relays[3].time);  // NT

  const ImportedRelay& other = f.relays[4];  // a second team in the file
  EXPECT_EQ(other.team_name, "Northgate");
  EXPECT_EQ(other.letter, "B");
  EXPECT_TRUE(other.time->hand_timed);
}

TEST(ImportHytek, RelayRunnersAreAlsoAthletesOnce) {
  const ImportedFile f = sample();
  int marens = 0;
  for (const ImportedAthlete& a : f.athletes) marens += a.last == "Lindqvist";
  EXPECT_EQ(marens, 1);
  EXPECT_NE(athlete(f, "Lund"), nullptr);  // only in a relay
}

TEST(ImportHytek, AcceptsLfAndShortRecords) {
  // Rule 3 of the format: a record whose remaining fields are blank may end early.
  const ImportedFile f =
      read_hytek("D;Lee;Ann;;F;;WEST;Westfield;;10;200;25.90\nR;WEST;Westfield;A;F;;800", "x.txt");
  ASSERT_EQ(f.athletes.size(), 1u);
  EXPECT_DOUBLE_EQ(f.athletes[0].marks.at(0).mark.time_s, 25.90);
  ASSERT_EQ(f.relays.size(), 1u);
  EXPECT_EQ(f.relays[0].event, "4x200");
  EXPECT_FALSE(f.relays[0].time);
}

TEST(ImportHytek, MarksDqScratchAndDnsOnRelays) {
  const ImportedFile f = read_hytek(
      "Q;WEST;W;A;F;;400;SCR;M;\r\nQ;WEST;W;B;F;;400;DQ;M;\r\nQ;WEST;W;C;F;;400;DNS;M;\r\n",
      "x.txt");
  ASSERT_EQ(f.relays.size(), 3u);
  EXPECT_EQ(f.relays[0].status, RelayStatus::scratched);
  EXPECT_EQ(f.relays[1].status, RelayStatus::dq);
  EXPECT_EQ(f.relays[2].status, RelayStatus::dns);
}

void expect_error(const std::string& text, int line, const std::string& field) {
  try {
    read_hytek(text, "bad.txt");
    FAIL() << "no error for " << text;
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().file, "bad.txt");
    EXPECT_EQ(e.where().line, line);
    EXPECT_EQ(e.where().field, field) << e.what();
  }
}

TEST(ImportHytek, WrongCellsNameLineAndField) {
  expect_error("D;Lee;Ann;;F;;W;W;;10;100;12.45\r\nD;Lee;Ann;;F;;W;W;;10;100;fast;M\r\n", 2,
               "field 12 (mark)");
  expect_error("D;Lee;Ann;;Q;;W;W;;10;100;12.45\r\n", 1, "field 5 (gender)");
  expect_error("D;;;;F;;W;W;;10;100;12.45\r\n", 1, "field 2 (last name)");
  expect_error("Q;W;W;A;F;;400;1:xx;M\r\n", 1, "field 8 (entry time)");
  expect_error("Q;;;A;F;;400;50.0;M\r\n", 1, "field 2 (team code)");
  expect_error("Q;W;W;A;F;;400;50.0;M;;;;;;;Lee;Ann;;Z;;;;\r\n", 1, "field 19 (runner gender)");
  std::string nine = "Q;W;W;A;F;;400;50.0;M;;;;;;";
  for (int i = 0; i < 9; ++i) nine += ";L" + std::to_string(i) + ";F;;F;;;;";
  expect_error(nine + "\r\n", 1, "field 80 (runner last name)");
}

TEST(ImportHytek, NeverCrashesOnHostileText) {
  // Truncations of a real record at every length, and bytes no text file holds.
  const std::string rec = "Q;WEST;Westfield High;A;F;;400;50.12;M;;;;;;;Lindqvist;Maren;J;F;";
  for (size_t n = 0; n <= rec.size(); ++n) {
    try {
      read_hytek(rec.substr(0, n), "t.txt");
    } catch (const Error&) {
    }
  }
  EXPECT_THROW(read_hytek(std::string("D;a\0b;", 6), "t.txt"), ParseError);
  EXPECT_THROW(read_hytek(std::string(300, ';').insert(0, "D"), "t.txt"), ParseError);
}

}  // namespace
}  // namespace baton
