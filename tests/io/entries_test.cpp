#include "baton/entries.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "baton/error.h"
#include "baton/import_hytek.h"
#include "baton/import_opentrack.h"

namespace baton {
namespace {

TEST(Entries, SplitsNamesAsMeetSoftwareKeepsThem) {
  struct Case {
    const char* name;
    const char* first;
    const char* last;
  };
  for (const Case& c : {Case{"Ann Lee", "Ann", "Lee"}, Case{"Mary Ann Smith", "Mary Ann", "Smith"},
                        Case{"Lee Jones Jr", "Lee", "Jones Jr"}, Case{"Madonna", "", "Madonna"},
                        Case{"  Zoë  Brandt ", "Zoë", "Brandt"}}) {
    const EntryRunner r = split_runner_name(c.name, Sex::female);
    EXPECT_EQ(r.first, c.first) << c.name;
    EXPECT_EQ(r.last, c.last) << c.name;
  }
  EXPECT_EQ(team_code_from_name("Westfield High"), "WEST");
  EXPECT_EQ(team_code_from_name("St. Ann's"), "STAN");
  EXPECT_EQ(team_code_from_name("!!"), "TEAM");
}

EntryList two_relays() {
  EntryList e;
  e.team_name = "Westfield High";
  e.team_code = "WEST";
  RelayEntry girls;
  girls.event = "4x100";
  girls.sex = Sex::female;
  girls.letter = "A";
  for (const char* n : {"Maren Lindqvist", "Tessa Okafor", "Ilse Brandt", "Nell Pham"}) {
    girls.runners.push_back(split_runner_name(n, Sex::female));
  }
  for (const char* n : {"Aiko Sato", "Dora Fell"}) {
    girls.alternates.push_back(split_runner_name(n, Sex::female));
  }
  girls.seed_s = 49.874;
  RelayEntry boys;
  boys.event = "smr";
  boys.sex = Sex::male;
  boys.letter = "B";
  for (const char* n : {"Rory Vasquez", "Kofi Adeyemi", "Dell Marsh", "Abe Quinn"}) {
    boys.runners.push_back(split_runner_name(n, Sex::male));
  }
  e.relays = {girls, boys};
  return e;
}

TEST(Entries, HytekFileHasOneQRecordPerTeamWithCrlf) {
  const std::string text = write_entries_hytek(two_relays());
  const std::string first = text.substr(0, text.find("\r\n"));
  // Fields 1-15, then each runner in 8 fields from field 16.
  EXPECT_EQ(first,
            "Q;WEST;Westfield High;A;F;;400;49.87;M;;;;;;;"
            "Lindqvist;Maren;;F;;;;;Okafor;Tessa;;F;;;;;Brandt;Ilse;;F;;;;;Pham;Nell;;F;;;;;"
            "Sato;Aiko;;F;;;;;Fell;Dora;;F;;;;");
  EXPECT_NE(text.find("\r\nQ;WEST;Westfield High;B;M;;1600S;NT;M;"), std::string::npos);
  EXPECT_EQ(text.substr(text.size() - 2), "\r\n");
}

TEST(Entries, HytekFileReadsBackWithTheSameRunnersInTheSameOrder) {
  const EntryList e = two_relays();
  const ImportedFile f = read_hytek(write_entries_hytek(e), "entries.txt");
  ASSERT_EQ(f.relays.size(), 2u);
  for (size_t r = 0; r < 2; ++r) {
    const RelayEntry& sent = e.relays[r];
    const ImportedRelay& back = f.relays[r];
    EXPECT_EQ(back.event, sent.event);
    EXPECT_EQ(back.sex, sent.sex);
    EXPECT_EQ(back.letter, sent.letter);
    EXPECT_EQ(back.team_code, "WEST");
    ASSERT_EQ(back.runners.size(), sent.runners.size() + sent.alternates.size());
    for (size_t i = 0; i < back.runners.size(); ++i) {
      const EntryRunner& s =
          i < sent.runners.size() ? sent.runners[i] : sent.alternates[i - sent.runners.size()];
      EXPECT_EQ(back.runners[i].full_name(), s.name);
      EXPECT_EQ(back.runners[i].sex, s.sex);
    }
  }
  ASSERT_TRUE(f.relays[0].time);
  EXPECT_DOUBLE_EQ(f.relays[0].time->time_s, 49.87);
  EXPECT_FALSE(f.relays[1].time);
}

TEST(Entries, HytekHasNoCodeForMixedRelays) {
  EntryList e = two_relays();
  e.relays[0].event = "mixed-4x400";
  e.relays[0].sex.reset();
  EXPECT_THROW(write_entries_hytek(e), ValidationError);
}

TEST(Entries, HytekCellsNeverCarrySeparators) {
  EntryList e = two_relays();
  e.team_name = "West;field";
  e.relays[0].runners[0].last = "Lind;qvist";
  const ImportedFile f = read_hytek(write_entries_hytek(e), "entries.txt");
  EXPECT_EQ(f.relays[0].team_name, "West field");
  EXPECT_EQ(f.relays[0].runners[0].last, "Lind qvist");
}

TEST(Entries, CsvHasOneRowPerRunner) {
  EXPECT_EQ(write_entries_csv(two_relays()),
            "event,sex,team_code,team,letter,role,leg,first,last,seed\n"
            "4x100,F,WEST,Westfield High,A,leg,1,Maren,Lindqvist,49.87\n"
            "4x100,F,WEST,Westfield High,A,leg,2,Tessa,Okafor,49.87\n"
            "4x100,F,WEST,Westfield High,A,leg,3,Ilse,Brandt,49.87\n"
            "4x100,F,WEST,Westfield High,A,leg,4,Nell,Pham,49.87\n"
            "4x100,F,WEST,Westfield High,A,alternate,,Aiko,Sato,49.87\n"
            "4x100,F,WEST,Westfield High,A,alternate,,Dora,Fell,49.87\n"
            "smr,M,WEST,Westfield High,B,leg,1,Rory,Vasquez,NT\n"
            "smr,M,WEST,Westfield High,B,leg,2,Kofi,Adeyemi,NT\n"
            "smr,M,WEST,Westfield High,B,leg,3,Dell,Marsh,NT\n"
            "smr,M,WEST,Westfield High,B,leg,4,Abe,Quinn,NT\n");
}

TEST(Entries, OpenTrackJsonReadsBack) {
  const std::string text = write_entries_opentrack(two_relays());
  const nlohmann::json doc = nlohmann::json::parse(text);
  EXPECT_EQ(doc["competitors"].size(), 10u);
  EXPECT_EQ(doc["events"][0]["teams"][0]["alternates"].size(), 2u);
  const ImportedFile f = read_opentrack(text, "entries.json");
  ASSERT_EQ(f.relays.size(), 2u);
  EXPECT_TRUE(f.relays[0].is_entry);
  EXPECT_EQ(f.relays[0].event, "4x100");
  EXPECT_EQ(f.relays[0].letter, "A");
  ASSERT_EQ(f.relays[0].runners.size(), 4u);
  EXPECT_EQ(f.relays[0].runners[2].full_name(), "Ilse Brandt");
  EXPECT_DOUBLE_EQ(f.relays[0].time->time_s, 49.87);
  EXPECT_EQ(f.relays[1].event, "smr");
  EXPECT_EQ(f.relays[1].runners[0].full_name(), "Rory Vasquez");
}

}  // namespace
}  // namespace baton
