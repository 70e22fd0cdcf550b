// Importing other programs' files into the database: merges by name, bests and the season's,
// the marks history, relay results, one transaction, dry runs, and a meet's field.
#include "baton/file_import.h"

#include <gtest/gtest.h>

#include "baton/mark_history.h"
#include "baton/results_log.h"
#include "baton/roster_admin.h"
#include "baton/team_file.h"
#include "workspace/riverside_workspace.h"

namespace baton {
namespace {

using testing::error_naming;
using testing::source_path;
using testing::TempDir;

std::string sample(const std::string& name) {
  return read_text_file(source_path("tests/data/import/" + name));
}

class FileImport : public ::testing::Test {
 protected:
  ImportReport run(const std::string& name, FileImportRequest req = {}) {
    return import_file(ws, sample(name), name, req);
  }
  FileImportRequest men() const {
    FileImportRequest r;
    r.sex = Sex::male;
    return r;
  }
  const Best* best(const std::string& athlete, double distance_m) {
    roster = entered_roster(ws);
    return roster.athlete(athlete).best_at(distance_m);
  }
  TempDir dir;
  Workspace ws = Workspace::open_database(dir.file("team.db"));
  Team roster;
};

TEST_F(FileImport, TfrrsHistoryFillsTheRosterAndTheMarksHistory) {
  const ImportReport r = run("tfrrs_lehigh.csv", men());
  EXPECT_EQ(r.format, "tfrrs");
  EXPECT_EQ(r.athletes_new, 7);
  EXPECT_EQ(r.athletes_updated, 0);
  EXPECT_EQ(r.marks, 19);
  EXPECT_EQ(r.skipped.size(), 18u);
  // Bests are the fastest of each distance: Bennett 10.78 (of 11.44, 10.78), 22.32 (of 23.08,
  // 22.32); Ayhan 1:50.18 (of 1:52.16, 1:50.18).
  EXPECT_DOUBLE_EQ(best("Jonathan Bennett", 100)->mark.time_s, 10.78);
  EXPECT_DOUBLE_EQ(best("Jonathan Bennett", 200)->mark.time_s, 22.32);
  EXPECT_DOUBLE_EQ(best("Kerem Ayhan", 800)->mark.time_s, 110.18);
  // Bennett: 60 x2, 100 x2, 200 x2, each with its date and source.
  const std::vector<DatedMark> history = MarkHistory(ws.database()).list("Jonathan Bennett");
  ASSERT_EQ(history.size(), 6u);
  EXPECT_DOUBLE_EQ(history[0].distance_m, 60);
  EXPECT_EQ(history[2].date, "2022-03-19");  // 100 m: 10.78 on Mar 19, before 11.44 on Apr 9
  EXPECT_EQ(history[2].source, "tfrrs_lehigh.csv");

  // The same file again: nobody new, nothing new in the history.
  const ImportReport again = run("tfrrs_lehigh.csv", men());
  EXPECT_EQ(again.athletes_new, 0);
  EXPECT_EQ(again.athletes_updated, 7);
  EXPECT_EQ(again.bests, 0);
  EXPECT_EQ(MarkHistory(ws.database()).list("Jonathan Bennett").size(), 6u);
}

TEST_F(FileImport, NewAthletesNeedASex) {
  const std::string message =
      error_naming<ValidationError>("sex", [&] { run("tfrrs_lehigh.csv"); });
  EXPECT_NE(message.find("Eli Aaronson"), std::string::npos) << message;
  EXPECT_TRUE(entered_roster(ws).athletes.empty());
}

TEST_F(FileImport, SinceKeepsTheSeasonsBest) {
  run("tfrrs_lehigh.csv", men());
  EXPECT_DOUBLE_EQ(best("Jonathan Bennett", 200)->mark.time_s, 22.32);  // Jan 22, 2022
  FileImportRequest season = men();
  season.since = "2022-02-01";
  const ImportReport r = run("tfrrs_lehigh.csv", season);
  // From Feb 1, 2022 Bennett ran the 200 once: 23.08 on Feb 18.
  EXPECT_DOUBLE_EQ(best("Jonathan Bennett", 200)->mark.time_s, 23.08);
  // His 100 m marks are all from Mar/Apr 2022: still 10.78.
  EXPECT_DOUBLE_EQ(best("Jonathan Bennett", 100)->mark.time_s, 10.78);
  // Ayhan's 200 m is from 2020, before the season: his best stays.
  EXPECT_DOUBLE_EQ(best("Kerem Ayhan", 200)->mark.time_s, 23.62);
  EXPECT_GE(r.bests, 1);
  error_naming<ParseError>("since", [&] {
    season.since = "2022-02-30";
    run("tfrrs_lehigh.csv", season);
  });
}

TEST_F(FileImport, NamesMergeAcrossSpellings) {
  run("spreadsheet_lehigh.csv");  // "Bennett, Jonathan", ... stored as "Jonathan Bennett"
  EXPECT_NE(entered_roster(ws).find("Jonathan Bennett"), nullptr);
  // "Jonathan Q. Bennett" (a middle initial) is Jonathan Bennett; Douglas Cooke is new.
  const ImportReport r = run("spreadsheet_tabs.txt");
  EXPECT_EQ(r.athletes_new, 1);
  EXPECT_EQ(r.athletes_updated, 1);
  EXPECT_EQ(r.athletes_merged, 1);
  ASSERT_EQ(r.merges.size(), 1u);
  EXPECT_EQ(r.merges[0].name, "Jonathan Q. Bennett");
  EXPECT_EQ(r.merges[0].into, "Jonathan Bennett");
  EXPECT_EQ(r.merges[0].line, 3);
  // Accents and case: "KÉREM AYHAN" and "ayhan, kerem" are Kerem Ayhan; "Jon Bennett" may be
  // Jonathan Bennett but is kept apart and reported.
  const std::string text =
      "Name,Sex,400m\nKÉREM AYHAN,M,50.70\n\"ayhan, kerem\",M,50.90\nJon Bennett,M,55.00\n";
  const ImportReport m = import_file(ws, text, "mixed.csv", {});
  EXPECT_EQ(m.athletes_updated, 1);
  EXPECT_EQ(m.athletes_new, 1);
  EXPECT_EQ(m.athletes_merged, 2);
  ASSERT_EQ(m.likely_duplicates.size(), 1u);
  EXPECT_EQ(m.likely_duplicates[0].name, "Jon Bennett");
  EXPECT_EQ(m.likely_duplicates[0].roster_name, "Jonathan Bennett");
  EXPECT_DOUBLE_EQ(best("Kerem Ayhan", 400)->mark.time_s, 50.70);
  EXPECT_EQ(entered_roster(ws).athletes.size(), 8u);
}

TEST_F(FileImport, AFailingLineLeavesTheDatabaseUnchanged) {
  run("spreadsheet_lehigh.csv");
  const size_t athletes = entered_roster(ws).athletes.size();
  const size_t history = MarkHistory(ws.database()).list("Kerem Ayhan").size();
  // Good rows first, then a time no human runs (4.0 s for 100 m) on line 4.
  const std::string text =
      "Name,Sex,100m,400m\nKerem Ayhan,M,,49.90\nNew Runner,M,11.20,\nFast Runner,M,4.0,\n";
  try {
    import_file(ws, text, "late.csv", {});
    FAIL() << "no error";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().file, "late.csv");
    EXPECT_EQ(e.where().line, 4);
  }
  EXPECT_EQ(entered_roster(ws).athletes.size(), athletes);
  EXPECT_DOUBLE_EQ(best("Kerem Ayhan", 400)->mark.time_s, 50.76);
  EXPECT_EQ(MarkHistory(ws.database()).list("Kerem Ayhan").size(), history);
}

TEST_F(FileImport, DryRunReportsAndWritesNothing) {
  FileImportRequest dry = men();
  dry.dry_run = true;
  const ImportReport would = run("tfrrs_lehigh.csv", dry);
  EXPECT_TRUE(would.dry_run);
  EXPECT_TRUE(entered_roster(ws).athletes.empty());
  const ImportReport did = run("tfrrs_lehigh.csv", men());
  EXPECT_EQ(would.athletes_new, did.athletes_new);
  EXPECT_EQ(would.marks, did.marks);
  EXPECT_EQ(would.bests, did.bests);
  EXPECT_EQ(would.skipped.size(), did.skipped.size());
}

TEST_F(FileImport, RelayResultsOfOneTeam) {
  // Four teams: the file's team must be named.
  const std::string message =
      error_naming<ValidationError>("team", [&] { run("relay_results.csv"); });
  EXPECT_NE(message.find("North Ridge"), std::string::npos) << message;
  error_naming<NotFoundError>("team", [&] {
    FileImportRequest req;
    req.team = "South Shore";
    run("relay_results.csv", req);
  });
  FileImportRequest req;
  req.team = "lehigh";
  const ImportReport r = run("relay_results.csv", req);
  EXPECT_EQ(r.team, "Lehigh");
  EXPECT_EQ(r.results, 4);  // A 4x100, the 4x400, the disqualified B and the C that did not finish
  EXPECT_EQ(r.athletes_new, 7);
  const std::vector<RelayResult> log = list_results(ws);
  ASSERT_EQ(log.size(), 4u);
  EXPECT_EQ(log[0].event, "4x100");
  EXPECT_EQ(log[0].order, (std::vector<std::string>{"Jonathan Bennett", "Jack Bush",
                                                    "Gideon Coprivnicar", "Douglas Cooke"}));
  ASSERT_TRUE(log[0].team_time_s);
  EXPECT_DOUBLE_EQ(*log[0].team_time_s, 43.27);
  EXPECT_TRUE(log[1].dq);
  EXPECT_FALSE(log[1].dnf);
  // Line 5: Lehigh C, DNF, Blango, Arnold, Ayhan, Bush on 2022-04-09.
  EXPECT_TRUE(log[2].dnf);
  EXPECT_FALSE(log[2].dq);
  EXPECT_FALSE(log[2].team_time_s);
  EXPECT_EQ(log[2].date, "2022-04-09");
  EXPECT_EQ(log[2].order, (std::vector<std::string>{"Jalen Blango", "Thomas Arnold", "Kerem Ayhan",
                                                    "Jack Bush"}));
  EXPECT_EQ(log[3].event, "4x400");
  // Imported again, nothing is logged twice.
  const ImportReport again = run("relay_results.csv", req);
  EXPECT_EQ(again.results, 0);
  EXPECT_EQ(list_results(ws).size(), 4u);
}

// A relay record of a Hy-Tek results export whose mark reads DNF: a result without a time. The
// DNS record after it ran no race and stays a skipped line.
TEST_F(FileImport, HytekRelayThatDidNotFinishIsAResult) {
  const std::string text =
      sample("hytek/results.txt") +
      "R;12;;400;F;;;Varsity;F;DNF;M;;;;2;;;;0;WEST;Westfield High;B;Okafor;Tessa;;F;"
      "Pham;Nell;;F;Brandt;Ilse;;F;Lindqvist;Maren;J;F\r\n"
      "R;12;;400;F;;;Varsity;F;DNS;M;;;;3;;;;0;WEST;Westfield High;C;Pham;Nell;;F;"
      "Okafor;Tessa;;F;Brandt;Ilse;;F;Lindqvist;Maren;J;F\r\n";
  FileImportRequest req;
  req.team = "WEST";
  const ImportReport r = import_file(ws, text, "results.txt", req);
  EXPECT_EQ(r.results, 2);  // the A team's 49.87 and the B team's DNF
  bool dns_skipped = false;
  for (const SkippedLine& s : r.skipped) {
    dns_skipped = dns_skipped || (s.line == 12 && s.reason == "4x100: did not start (DNS)");
  }
  EXPECT_TRUE(dns_skipped);
  const std::vector<RelayResult> log = list_results(ws);
  ASSERT_EQ(log.size(), 2u);
  EXPECT_FALSE(log[0].dnf);
  EXPECT_DOUBLE_EQ(*log[0].team_time_s, 49.87);
  EXPECT_TRUE(log[1].dnf);
  EXPECT_FALSE(log[1].team_time_s);
  EXPECT_EQ(log[1].date, "2024-04-20");
  EXPECT_EQ(log[1].order, (std::vector<std::string>{"Tessa Okafor", "Nell Pham", "Ilse Brandt",
                                                    "Maren Lindqvist"}));
}

TEST_F(FileImport, FieldFromAResultsFile) {
  run("spreadsheet_lehigh.csv");
  FieldRequest req;
  req.event = "4x100/M";
  req.team = "Lehigh";
  const Meet meet = field_from_file(ws, sample("relay_results.csv"), "relay_results.csv", req);
  EXPECT_EQ(meet.event.id, "4x100");
  ASSERT_EQ(meet.teams.size(), 4u);
  EXPECT_TRUE(meet.teams[0].roster);
  EXPECT_EQ(meet.teams[0].sex, Sex::male);
  EXPECT_EQ(meet.teams[1].name, "North Ridge");
  EXPECT_DOUBLE_EQ(meet.teams[1].seed_time_s, 42.95);
  EXPECT_EQ(meet.teams[2].name, "East Valley");
  EXPECT_DOUBLE_EQ(meet.teams[2].seed_time_s, 43.80);
  // 45.1 hand-timed over 400 m: 45.1 + 0.14 = 45.24 s FAT.
  EXPECT_EQ(meet.teams[3].name, "East Valley B");
  EXPECT_NEAR(meet.teams[3].seed_time_s, 45.24, 1e-9);
  // West Lake runs the girls' 4x100 only.
  req.event = "4x400/F";
  error_naming<ValidationError>(
      "event", [&] { field_from_file(ws, sample("relay_results.csv"), "relay_results.csv", req); });
}

}  // namespace
}  // namespace baton
