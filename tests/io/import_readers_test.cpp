// The readers of other programs' files, on real samples (tests/data/import/README.md names
// their sources): what each reads, what it skips and why, and how a wrong cell is reported.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "baton/import_formats.h"
#include "baton/team_file.h"
#include "io/import_text.h"
#include "support/imported_file.h"
#include "support/run_cli.h"

namespace baton {
namespace {

using testing::source_path;

using testing::person;
std::string sample(const std::string& name) { return testing::import_sample(name); }

std::vector<const ImportedMark*> marks_at(const ImportedAthlete& a, double distance_m) {
  std::vector<const ImportedMark*> out;
  for (const ImportedMark& m : a.marks) {
    if (std::abs(m.distance_m - distance_m) < 1e-6) out.push_back(&m);
  }
  return out;
}

bool skipped_with(const ImportedFile& f, int line, const std::string& words) {
  return std::any_of(f.skipped.begin(), f.skipped.end(), [&](const SkippedLine& s) {
    return s.line == line && s.reason.find(words) != std::string::npos;
  });
}

size_t mark_count(const ImportedFile& f) {
  size_t n = 0;
  for (const ImportedAthlete& a : f.athletes) n += a.marks.size();
  return n;
}

TEST(ImportTfrrs, ReadsAnAthleteHistory) {
  const std::string text = sample("tfrrs_lehigh.csv");
  EXPECT_EQ(detect_import_format(text, "lehigh.csv").name, "tfrrs");
  const ImportedFile f = read_import(text, "lehigh.csv", "auto");
  EXPECT_EQ(f.format, "tfrrs");
  ASSERT_EQ(f.athletes.size(), 7u);
  // Counted by hand from the file: Arnold 800 x2, 1000, 1500, Mile; Ayhan 200, 400 x2, 800 x2;
  // Bennett 60 x2, 100 x2, 200 x2; Coprivnicar 60, 100, 400. The other 18 of 37 rows are
  // hurdles, field events, relays, races longer than a mile and DNS/DNF/NH/NM/FS/FOUL.
  EXPECT_EQ(mark_count(f), 19u);
  EXPECT_EQ(f.skipped.size(), 18u);

  const ImportedAthlete& arnold = person(f, "Thomas Arnold");
  const auto eight = marks_at(arnold, 800.0);
  ASSERT_EQ(eight.size(), 2u);
  EXPECT_DOUBLE_EQ(eight[0]->mark.time_s, 121.08);
  EXPECT_EQ(eight[0]->date, "2023-04-07");  // "Apr  7- 8, 2023": the meet's first day
  EXPECT_EQ(eight[0]->line, 6);
  ASSERT_EQ(marks_at(arnold, kMileM).size(), 1u);
  EXPECT_DOUBLE_EQ(marks_at(arnold, kMileM)[0]->mark.time_s, 265.38);

  const ImportedAthlete& ayhan = person(f, "Kerem Ayhan");
  const auto four = marks_at(ayhan, 400.0);
  ASSERT_EQ(four.size(), 2u);
  EXPECT_EQ(four[1]->date, "2020-02-29");  // "Feb 29-Mar  1, 2020"

  EXPECT_TRUE(skipped_with(f, 2, "hurdles"));  // 60 Hurdles, DNF
  EXPECT_TRUE(skipped_with(f, 4, "field event (high jump)"));
  EXPECT_TRUE(skipped_with(f, 11, "no relay leg is that long"));  // 3000 Meters
  EXPECT_TRUE(skipped_with(f, 12, "running order"));              // 4 x 800 Relay
  EXPECT_TRUE(skipped_with(f, 13, "cross-country"));              // 6k
  EXPECT_TRUE(skipped_with(f, 14, "cross-country"));              // 4.97 Mile
  EXPECT_TRUE(skipped_with(f, 20, "did not start (DNS)"));
}

TEST(ImportSpreadsheet, ReadsACoachsSheet) {
  // Byte-order mark, CRLF, "Last, First" names, grades as classes and numbers, "Boys".
  const std::string text = sample("spreadsheet_lehigh.csv");
  EXPECT_EQ(detect_import_format(text, "team.csv").name, "csv");
  const ImportedFile f = read_import(text, "team.csv", "auto");
  ASSERT_EQ(f.athletes.size(), 6u);
  const ImportedAthlete& bennett = f.athletes[0];
  EXPECT_EQ(bennett.first, "Jonathan");
  EXPECT_EQ(bennett.last, "Bennett");
  EXPECT_EQ(bennett.school_year, 10);  // SO
  EXPECT_EQ(bennett.sex, Sex::male);
  ASSERT_EQ(marks_at(bennett, 100.0).size(), 1u);
  EXPECT_DOUBLE_EQ(marks_at(bennett, 100.0)[0]->mark.time_s, 10.78);
  const ImportedAthlete& ayhan = person(f, "Kerem Ayhan");
  EXPECT_DOUBLE_EQ(marks_at(ayhan, 400.0)[0]->mark.time_s, 50.76);   // header "400"
  EXPECT_DOUBLE_EQ(marks_at(ayhan, 800.0)[0]->mark.time_s, 110.18);  // header "800 M"
  const ImportedAthlete& bush = person(f, "Jack Bush");
  EXPECT_TRUE(marks_at(bush, 100.0)[0]->mark.hand_timed);  // "11.6h"
  EXPECT_EQ(person(f, "Thomas Arnold").school_year, 12);
  EXPECT_DOUBLE_EQ(marks_at(person(f, "Thomas Arnold"), kMileM)[0]->mark.time_s, 265.38);
  EXPECT_EQ(mark_count(f), 12u);
  EXPECT_TRUE(skipped_with(f, 1, "column 'Long Jump': field event"));
  EXPECT_TRUE(skipped_with(f, 1, "column 'Notes'"));
  EXPECT_TRUE(skipped_with(f, 3, "no time (NT)"));
  EXPECT_TRUE(skipped_with(f, 4, "did not start (DNS)"));
}

TEST(ImportSpreadsheet, SemicolonsAndAHandTimedColumn) {
  const ImportedFile f = read_import(sample("spreadsheet_semicolon.csv"), "s.csv", "csv");
  ASSERT_EQ(f.athletes.size(), 3u);
  const auto two = marks_at(f.athletes[0], 200.0);
  ASSERT_EQ(two.size(), 1u);
  EXPECT_TRUE(two[0]->mark.hand_timed);  // "200 Meters (hand)"
  EXPECT_DOUBLE_EQ(two[0]->mark.time_s, 22.1);
  EXPECT_FALSE(marks_at(f.athletes[0], 100.0)[0]->mark.hand_timed);
  EXPECT_TRUE(skipped_with(f, 4, "scratched (SCR)"));
}

TEST(ImportSpreadsheet, BatonsOwnRosterColumnsPointToRosterImport) {
  // The example roster read as a coach's sheet: its names, sexes and marks; the columns only
  // Baton's roster file has are named with the command that reads them.
  const ImportedFile f = read_import(testing::read_file(source_path("examples/jv-roster.csv")),
                                     "jv-roster.csv", "auto");
  ASSERT_EQ(f.athletes.size(), 8u);
  EXPECT_EQ(f.athletes[0].full_name(), "Mia Clarke");
  EXPECT_EQ(marks_at(f.athletes[0], 100.0).size(), 1u);
  for (const char* column : {"split_10m", "split_20m", "foot_length_m", "hand"}) {
    EXPECT_TRUE(skipped_with(f, 1,
                             fmt::format("column '{}': a column of Baton's own roster file, "
                                         "which `baton roster import` reads",
                                         column)))
        << column;
  }
  EXPECT_EQ(f.skipped.size(), 4u);
}

TEST(ImportSpreadsheet, TabsAndAMiddleInitial) {
  const ImportedFile f = read_import(sample("spreadsheet_tabs.txt"), "t.txt", "auto");
  ASSERT_EQ(f.athletes.size(), 2u);
  EXPECT_EQ(f.athletes[1].first, "Jonathan Q.");
  EXPECT_EQ(f.athletes[1].last, "Bennett");
  EXPECT_EQ(f.athletes[1].sex, Sex::male);  // "Male"
  EXPECT_TRUE(skipped_with(f, 3, "disqualified (DQ)"));
}

TEST(ImportSpreadsheet, AWrongCellNamesFileLineAndColumn) {
  const std::string text = "Name,Sex,100m\nAva Brooks,F,12.31\nBea Chen,F,12.x4\n";
  try {
    read_import(text, "bad.csv", "auto");
    FAIL() << "no error";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().file, "bad.csv");
    EXPECT_EQ(e.where().line, 3);
    EXPECT_EQ(e.where().field, "100m");
  }
  // An impossible time is refused the same way: 8.0 s for a girl's 100 m.
  try {
    read_import("Name,Sex,100 Meters\nAva Brooks,F,8.0\n", "fast.csv", "auto");
    FAIL() << "no error";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().line, 2);
    EXPECT_EQ(e.where().field, "100 Meters");
  }
}

TEST(ImportSpreadsheet, RelayTable) {
  const ImportedFile f = read_import(sample("relay_results.csv"), "r.csv", "auto");
  EXPECT_EQ(f.format, "csv");
  ASSERT_EQ(f.relays.size(), 9u);  // the shuttle hurdle relay is skipped
  EXPECT_TRUE(skipped_with(f, 11, "shuttle hurdle"));
  const ImportedRelay& first = f.relays[0];
  EXPECT_EQ(first.event, "4x100");
  EXPECT_EQ(first.team_name, "Lehigh");
  EXPECT_EQ(first.sex, Sex::male);
  ASSERT_TRUE(first.time);
  EXPECT_DOUBLE_EQ(first.time->time_s, 43.27);
  ASSERT_EQ(first.runners.size(), 4u);
  EXPECT_EQ(first.runners[0].full_name(), "Jonathan Bennett");
  EXPECT_EQ(first.runners[3].full_name(), "Douglas Cooke");  // "Cooke, Douglas"
  EXPECT_EQ(first.date, "2022-04-09");
  EXPECT_EQ(f.relays[1].event, "4x400");
  EXPECT_DOUBLE_EQ(f.relays[1].time->time_s, 198.62);
  EXPECT_EQ(f.relays[2].status, RelayStatus::dq);
  EXPECT_EQ(f.relays[3].status, RelayStatus::dnf);
  EXPECT_TRUE(f.relays[6].time->hand_timed);  // East Valley B, 45.1h
  EXPECT_EQ(f.relays[6].letter, "B");
}

TEST(ImportAthleticNet, RosterUpload) {
  const std::string text = sample("athletic_net_roster.txt");
  EXPECT_EQ(detect_import_format(text, "roster.txt").name, "athletic-net");
  const ImportedFile f = read_import(text, "roster.txt", "athletic-net");
  ASSERT_EQ(f.athletes.size(), 2u);
  EXPECT_EQ(f.athletes[0].full_name(), "Test Athlete");
  EXPECT_EQ(f.athletes[0].sex, Sex::male);
  EXPECT_EQ(f.athletes[0].school_year, 12);
  EXPECT_EQ(f.athletes[1].sex, Sex::female);
  EXPECT_EQ(f.athletes[1].school_year, 12);  // SR
}

TEST(ImportAthleticNet, DelimitedResults) {
  const ImportedFile f = read_import(sample("athletic_net_results.csv"), "r.csv", "auto");
  EXPECT_EQ(f.format, "athletic-net");
  ASSERT_EQ(f.athletes.size(), 5u);
  EXPECT_EQ(f.athletes[0].team_name, "Lehigh");
  ASSERT_EQ(f.athletes[0].marks.size(), 1u);
  EXPECT_DOUBLE_EQ(f.athletes[0].marks[0].mark.time_s, 50.76);
  EXPECT_EQ(f.athletes[0].marks[0].date, "2023-02-03");
  EXPECT_TRUE(skipped_with(f, 4, "did not finish (DNF)"));
  EXPECT_TRUE(skipped_with(f, 6, "field event (long jump)"));
}

TEST(ImportFormats, RefusesWhatTheFileIsNot) {
  const std::string tfrrs = sample("tfrrs_lehigh.csv");
  try {
    read_import(tfrrs, "lehigh.csv", "csv");
    FAIL() << "no error";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().field, "format");
    EXPECT_NE(e.message().find("looks like tfrrs"), std::string::npos) << e.what();
  }
  try {
    detect_import_format("hello\nworld\n", "notes.txt");
    FAIL() << "no error";
  } catch (const ParseError& e) {
    EXPECT_NE(e.message().find("not a format Baton reads"), std::string::npos);
  }
  try {
    read_import(tfrrs, "lehigh.csv", "swimming");
    FAIL() << "no error";
  } catch (const ParseError& e) {
    EXPECT_NE(e.message().find("unknown format 'swimming'"), std::string::npos);
  }
  // Every name the contract lists has a reader.
  for (std::string_view name : import_format_names()) {
    EXPECT_TRUE(std::any_of(import_formats().begin(), import_formats().end(),
                            [&](const ImportFormat& f) { return f.name == name; }))
        << name;
  }
}

TEST(ImportText, EventNames) {
  using import_text::classify_event;
  using import_text::EventKind;
  struct Case {
    const char* name;
    EventKind::Kind kind;
    double distance_m;
    const char* relay;
  };
  const Case cases[] = {
      {"100 Meters", EventKind::open, 100, ""},
      {"100m", EventKind::open, 100, ""},
      {"100", EventKind::open, 100, ""},
      {"100 M", EventKind::open, 100, ""},
      {"1600m Run", EventKind::open, 1600, ""},
      {"Mile", EventKind::open, kMileM, ""},
      {"55 Meter Dash", EventKind::open, 55, ""},
      {"4 x 400 Relay", EventKind::relay, 0, "4x400"},
      {"4x100", EventKind::relay, 0, "4x100"},
      {"4x800m Relay", EventKind::relay, 0, "4x800"},
      {"Distance Medley Relay", EventKind::relay, 0, "dmr"},
      {"SMR", EventKind::relay, 0, "smr"},
      {"100mH", EventKind::other, 0, ""},
      {"300 Hurdles", EventKind::other, 0, ""},
      {"3000 Steeplechase", EventKind::other, 0, ""},
      {"Shot Put", EventKind::other, 0, ""},
      {"8k", EventKind::other, 0, ""},
      {"3200 Meters", EventKind::other, 0, ""},
  };
  for (const Case& c : cases) {
    const EventKind k = classify_event(c.name);
    EXPECT_EQ(k.kind, c.kind) << c.name;
    if (c.kind == EventKind::open) EXPECT_DOUBLE_EQ(k.distance_m, c.distance_m) << c.name;
    if (c.kind == EventKind::relay) EXPECT_EQ(k.relay_id, c.relay) << c.name;
    if (c.kind == EventKind::other) EXPECT_FALSE(k.reason.empty()) << c.name;
  }
  EXPECT_TRUE(classify_event("100m (hand)").hand_timed);
  EXPECT_EQ(classify_event("Grade").kind, EventKind::other);
  EXPECT_TRUE(classify_event("Grade").reason.empty());
}

// One reading of each cell kind serves the spreadsheets and the meet programs alike.
TEST(ImportText, CellsReadOneWayForEveryReader) {
  using import_text::MarkCell;
  const Location at{"f.txt", 3, "mark"};
  EXPECT_EQ(import_text::read_mark("DNF", at).status, RelayStatus::dnf);
  EXPECT_EQ(import_text::read_mark("FS", at).status, RelayStatus::dq);  // a false start is a DQ
  EXPECT_EQ(import_text::read_mark("dsq", at).status, RelayStatus::dq);
  EXPECT_EQ(import_text::read_mark("SCRATCH", at).status, RelayStatus::scratched);
  EXPECT_TRUE(import_text::read_mark("NT", at).no_time);
  EXPECT_TRUE(import_text::read_mark("0.00", at).no_time);  // Hy-Tek's "no seed"
  EXPECT_TRUE(import_text::read_mark("--", at).no_time);
  const MarkCell q = import_text::read_mark("10.85q", at);
  ASSERT_TRUE(q.mark);
  EXPECT_DOUBLE_EQ(q.mark->time_s, 10.85);
  EXPECT_FALSE(q.mark->hand_timed);
  EXPECT_THROW(import_text::read_mark("fast", at), ParseError);
  EXPECT_TRUE(import_text::read_time("12.4H", false, at).hand_timed);
  EXPECT_TRUE(import_text::read_time("12.41", true, at).hand_timed);  // a hand-timed column
  EXPECT_EQ(import_text::status_reason("D.N.F."), "did not finish (DNF)");
  EXPECT_EQ(import_text::status_reason("12.41"), std::nullopt);

  EXPECT_EQ(import_text::read_sex("Girls"), Sex::female);
  EXPECT_EQ(import_text::read_sex("B", at), Sex::male);
  EXPECT_EQ(import_text::read_sex("X", at), std::nullopt);
  EXPECT_EQ(import_text::read_sex("Q"), std::nullopt);
  EXPECT_THROW(import_text::read_sex("Q", at), ParseError);

  EXPECT_EQ(import_text::read_school_year("Senior"), 12);
  EXPECT_EQ(import_text::read_school_year("JR"), 11);
  EXPECT_EQ(import_text::read_school_year("grad"), std::nullopt);
  EXPECT_THROW(import_text::read_grade("grad", at), ParseError);
  EXPECT_EQ(import_text::iso_date("04/20/2024"), "2024-04-20");
  EXPECT_EQ(import_text::iso_date("4/7/23"), "2023-04-07");
  EXPECT_EQ(import_text::iso_date("02/30/2024"), "");  // no such day
  EXPECT_EQ(import_text::iso_date("soon"), "");

  for (const char* hurdles : {"100H", "100MH", "100mH", "300 Hurdles", "Girls 100m Hurdles"}) {
    EXPECT_EQ(import_text::non_running_kind(hurdles), "hurdles") << hurdles;
  }
  EXPECT_EQ(import_text::non_running_kind("3000SC"), "steeplechase");
  EXPECT_EQ(import_text::non_running_kind("LJ"), "field event");
  EXPECT_EQ(import_text::non_running_kind("HEP"), "combined event");
  EXPECT_EQ(import_text::non_running_kind("100 Meters"), "");
  EXPECT_EQ(import_text::classify_event("60 Hurdles").reason,
            "hurdles (60 hurdles): no relay uses it");
  for (const char* relay : {"4x100", "4x200", "4x400", "4x800", "smr", "dmr"}) {
    const std::optional<std::string> code = import_text::hytek_relay_code(relay);
    ASSERT_TRUE(code) << relay;
    EXPECT_EQ(import_text::relay_from_hytek_code(*code), relay);
  }
  EXPECT_EQ(import_text::hytek_relay_code("4xmile"), std::nullopt);
}

TEST(ImportText, Dates) {
  using import_text::read_date;
  EXPECT_EQ(read_date("Apr  7- 8, 2023", {}), "2023-04-07");
  EXPECT_EQ(read_date("Feb 29-Mar  1, 2020", {}), "2020-02-29");
  EXPECT_EQ(read_date("Apr 30-May  1, 2021", {}), "2021-04-30");
  EXPECT_EQ(read_date("4/7/2023", {}), "2023-04-07");
  EXPECT_EQ(read_date("2023-04-07", {}), "2023-04-07");
  EXPECT_EQ(read_date("", {}), "");
  EXPECT_THROW(read_date("Feb 30, 2023", {}), ParseError);
  EXPECT_THROW(read_date("someday", {}), ParseError);
}

TEST(ImportFormats, EverySampleIsDetectedAsItsOwnFormat) {
  const std::pair<const char*, const char*> cases[] = {
      {"tfrrs_lehigh.csv", "tfrrs"},
      {"athletic_net_roster.txt", "athletic-net"},
      {"athletic_net_results.csv", "athletic-net"},
      {"spreadsheet_lehigh.csv", "csv"},
      {"spreadsheet_semicolon.csv", "csv"},
      {"spreadsheet_tabs.txt", "csv"},
      {"relay_results.csv", "csv"},
      {"hytek/entries.txt", "hytek"},
      {"hytek/results.txt", "hytek-results"},
      {"lynx/lynx.evt", "lynx-evt"},
      {"lynx/girls_100.lif", "lynx-lif"},
      {"lynx/girls_4x100.lif", "lynx-lif"},
      {"opentrack/competition.json", "opentrack"},
  };
  for (const auto& [file, format] : cases) {
    SCOPED_TRACE(file);
    EXPECT_EQ(detect_import_format(sample(file), file).name, format);
  }
}

}  // namespace
}  // namespace baton
