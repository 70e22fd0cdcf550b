// Real files of meet programs, written for real meets (tests/data/import/README.md says where each
// comes from and what was changed: children's names are replaced by invented ones). Each is read
// as the format it is detected as, and what a coach would import from it is checked.
#include <gtest/gtest.h>

#include <algorithm>

#include "baton/error.h"
#include "baton/import_formats.h"
#include "baton/team_file.h"
#include "support/imported_file.h"
#include "support/run_cli.h"

namespace baton {
namespace {

struct Sample {
  std::string text;
  ImportedFile file;
};

Sample read_sample(const std::string& relative) {
  Sample s;
  s.text = testing::import_sample(relative);
  s.file = read_import(s.text, relative, "auto");
  return s;
}

using testing::person;

bool skipped(const ImportedFile& f, const std::string& reason) {
  return std::any_of(f.skipped.begin(), f.skipped.end(),
                     [&](const SkippedLine& s) { return s.reason == reason; });
}

// Hy-Tek semicolon entries of a 2018 middle-school league meet in California: I (athlete), D
// (individual entry with its seed mark) and Q (relay entry with its runners) records, CRLF.
TEST(RealFiles, HytekEntriesOfAMiddleSchoolMeet) {
  const Sample s = read_sample("hytek/entries_middle_school.txt");
  EXPECT_EQ(s.file.format, "hytek");
  EXPECT_EQ(s.file.athletes.size(), 33u);
  const ImportedAthlete& leo = person(s.file, "Leo Medina");
  EXPECT_EQ(leo.team_code, "ALIS");
  EXPECT_EQ(leo.school_year, 8);
  ASSERT_EQ(leo.marks.size(), 1u);
  EXPECT_DOUBLE_EQ(leo.marks[0].distance_m, 100.0);
  EXPECT_DOUBLE_EQ(leo.marks[0].mark.time_s, 11.79);
  EXPECT_TRUE(skipped(s.file, "hurdles (65H): no relay uses it"));
  EXPECT_TRUE(skipped(s.file, "field event (PV): no relay uses it"));
  ASSERT_EQ(s.file.relays.size(), 10u);
  const ImportedRelay& a = s.file.relays[0];
  EXPECT_TRUE(a.is_entry);
  EXPECT_EQ(a.event, "4x100");
  EXPECT_EQ(a.team_code, "ALIS");
  EXPECT_EQ(a.letter, "A");
  EXPECT_DOUBLE_EQ(a.time->time_s, 44.93);
  ASSERT_EQ(a.runners.size(), 4u);
  EXPECT_EQ(a.runners[0].full_name(), "Carlos Cordero");
  EXPECT_EQ(a.runners[3].full_name(), "Ramon Robles");
  // Five 4x400 entries (code 1600), two of them without a seed time.
  EXPECT_EQ(std::count_if(s.file.relays.begin(), s.file.relays.end(),
                          [](const ImportedRelay& r) { return r.event == "4x400"; }),
            5);
  EXPECT_FALSE(s.file.relays[4].time);
  EXPECT_DOUBLE_EQ(s.file.relays[6].time->time_s, 222.0);  // 3:42.00
}

// OpenTrack's competition JSON of a youth meet in Tromsø, 2025 (four clubs): results in the
// events' units, Norwegian event names, a field event to skip.
TEST(RealFiles, OpenTrackCompetitionOfAYouthMeet) {
  const Sample s = read_sample("opentrack/seriestevne_4_2025.json");
  EXPECT_EQ(s.file.format, "opentrack");
  EXPECT_EQ(s.file.athletes.size(), 8u);
  const ImportedAthlete& bjorn = person(s.file, "Bjorn Aasen");
  EXPECT_EQ(bjorn.team_code, "TRL");
  EXPECT_EQ(bjorn.team_name, "Tromsø Løpeklubb");
  ASSERT_EQ(bjorn.marks.size(), 1u);
  EXPECT_DOUBLE_EQ(bjorn.marks[0].distance_m, 3000.0);
  EXPECT_DOUBLE_EQ(bjorn.marks[0].mark.time_s, 576.79);  // 9:36.79
  const ImportedAthlete& jon = person(s.file, "Jon Fjeld");
  ASSERT_EQ(jon.marks.size(), 1u);
  EXPECT_DOUBLE_EQ(jon.marks[0].distance_m, 60.0);
  EXPECT_DOUBLE_EQ(jon.marks[0].mark.time_s, 10.84);
  EXPECT_TRUE(skipped(s.file, "field event (G10 Høyde): no relay uses it"));
}

// A FinishLynx start list of an Italian open meet: events 100 m to 400 m, heats, lanes, clubs.
TEST(RealFiles, LynxStartListOfAnItalianMeet) {
  const Sample s = read_sample("lynx/tfstream/lynx.evt");
  EXPECT_EQ(s.file.format, "lynx-evt");
  const ImportedAthlete& lorenzo = person(s.file, "LORENZO DONATI");
  EXPECT_EQ(lorenzo.team_name, "ATL. O.S.A. SARONNO LIB.");
  EXPECT_EQ(lorenzo.sex, Sex::male);
  EXPECT_TRUE(lorenzo.marks.empty());  // a start list has no times
}

// A FinishLynx .lif of a short-track speed-skating heat: an event number with a letter ("18B"),
// CRLF, thousandths, split times quoted with commas. Not a running event, so it is skipped.
TEST(RealFiles, LynxResultsOfASkatingHeatAreReadAndSkipped) {
  const Sample s = read_sample("lynx/18B-1-01.lif");
  EXPECT_EQ(s.file.format, "lynx-lif");
  EXPECT_TRUE(s.file.athletes.empty());
  ASSERT_EQ(s.file.skipped.size(), 1u);
  EXPECT_EQ(s.file.skipped[0].reason, "event (Open Women B (1000 111M) Final): no relay uses it");
}

// The same files through `baton import`: one team of each into a database.
TEST(RealFiles, ImportOneTeamOfEach) {
  testing::TempDir tmp;
  const std::string db = tmp.file("real.db");
  const auto import = [&](const std::string& relative, const std::string& team) {
    return testing::run_cli({"--db", db, "import",
                             testing::source_path("tests/data/import/" + relative), "--team", team,
                             "--json"});
  };
  auto r = import("hytek/entries_middle_school.txt", "ALIS");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["athletes"]["new"], 19);
  r = import("opentrack/seriestevne_4_2025.json", "TRL");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["athletes"]["new"], 3);
  r = import("lynx/tfstream/lynx.evt", "CUS PRO PATRIA MILANO");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["athletes"]["new"], 3);
}

}  // namespace
}  // namespace baton
