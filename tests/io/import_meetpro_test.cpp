#include "baton/import_meetpro.h"

#include <gtest/gtest.h>

#include "baton/error.h"
#include "baton/import_formats.h"
#include "baton/import_hytek_results.h"
#include "baton/team_file.h"
#include "support/imported_file.h"
#include "support/run_cli.h"

namespace baton {
namespace {

// Real lines of a MeetPro export (tests/data/import/README.md): a grade 5-8 meet of 26 April
// 2025, the athletes' names replaced by invented ones.
std::string sample_text() { return testing::import_sample("meetpro/results.csv"); }

ImportedFile sample() { return read_meetpro(sample_text(), "results.csv"); }

using testing::person;

TEST(ImportMeetPro, RecognisesTheHeaderAndIsDetected) {
  const std::string text = sample_text();
  EXPECT_TRUE(looks_like_meetpro(text));
  EXPECT_FALSE(looks_like_hytek_results(text));
  EXPECT_EQ(detect_import_format(text, "results.csv").name, "meetpro");
  // A spreadsheet whose first column is headed H, and a header with nothing after it.
  EXPECT_FALSE(looks_like_meetpro("H,Name,100m\nx,Ann Lee,12.45\n"));
  EXPECT_FALSE(looks_like_meetpro("H,Meet,4/26/2025\n\n"));
  EXPECT_TRUE(looks_like_meetpro("H,Meet,4/26/2025\r\n\r\nR,Team,1,,400,F\r\n"));
}

TEST(ImportMeetPro, ReadsDatedMarksOfFlatRacesWithTheDivisionsGrade) {
  const ImportedFile f = sample();
  EXPECT_EQ(f.format, "meetpro");
  const ImportedAthlete& owen = person(f, "Owen Castillo");
  EXPECT_EQ(owen.team_code, "HT21");
  EXPECT_EQ(owen.team_name, "Holy Trinity CYOKS");
  EXPECT_EQ(owen.sex, Sex::male);
  EXPECT_EQ(owen.school_year, 7);  // the division "7th grade"
  ASSERT_EQ(owen.marks.size(), 2u);
  EXPECT_DOUBLE_EQ(owen.marks[0].distance_m, 60.0);
  EXPECT_DOUBLE_EQ(owen.marks[0].mark.time_s, 8.12);
  EXPECT_EQ(owen.marks[0].line, 4);
  EXPECT_DOUBLE_EQ(owen.marks[1].distance_m, 100.0);
  EXPECT_DOUBLE_EQ(owen.marks[1].mark.time_s, 12.98);
  EXPECT_EQ(owen.marks[1].date, "2025-04-26");
  EXPECT_EQ(owen.marks[1].source, "CYO #3 2025 Morning Track");
  EXPECT_FALSE(owen.marks[1].mark.hand_timed);
  const ImportedAthlete& ryan = person(f, "Ryan Lindahl");
  ASSERT_EQ(ryan.marks.size(), 2u);
  EXPECT_DOUBLE_EQ(ryan.marks[1].distance_m, 400.0);
  EXPECT_DOUBLE_EQ(ryan.marks[1].mark.time_s, 63.37);  // 1:03.37
}

TEST(ImportMeetPro, SkipsFieldEventsMedleysAndResultsWithoutATime) {
  const ImportedFile f = sample();
  ASSERT_EQ(f.skipped.size(), 7u);
  EXPECT_EQ(f.skipped[0].line, 10);
  EXPECT_EQ(f.skipped[0].reason, "Aaron Iverson in the 60: no time (DNS)");
  EXPECT_EQ(f.skipped[3].line, 41);
  EXPECT_EQ(f.skipped[3].reason, "field event (JT): no relay uses it");
  EXPECT_EQ(f.skipped[5].line, 48);
  EXPECT_NE(f.skipped[5].reason.find("'400S' is not a relay Baton plans"), std::string::npos);
  EXPECT_NE(f.skipped[6].reason.find("'800S'"), std::string::npos);
  // Each skipped record is its team's: Aaron Iverson's result (line 10) is Prince of Peace's,
  // line 41's throw and line 49's medley Holy Trinity's.
  EXPECT_EQ(f.skipped[0].team_code, "POP1");
  EXPECT_EQ(f.skipped[3].team_code, "HT21");
  EXPECT_EQ(f.skipped[6].team_name, "Holy Trinity CYOKS");
}

TEST(ImportMeetPro, ReadsRelayResultsWithTheRunnersInOrder) {
  const ImportedFile f = sample();
  ASSERT_EQ(f.relays.size(), 5u);
  const ImportedRelay& ht = f.relays[0];
  EXPECT_EQ(ht.event, "4x100");
  EXPECT_EQ(ht.sex, Sex::male);
  EXPECT_EQ(ht.team_code, "HT21");
  EXPECT_EQ(ht.team_name, "Holy Trinity CYOKS");
  EXPECT_FALSE(ht.is_entry);
  EXPECT_DOUBLE_EQ(ht.time->time_s, 51.60);
  EXPECT_EQ(ht.status, RelayStatus::finished);
  EXPECT_EQ(ht.date, "2025-04-26");
  EXPECT_EQ(ht.meet, "CYO #3 2025 Morning Track");
  EXPECT_EQ(ht.line, 43);
  ASSERT_EQ(ht.runners.size(), 4u);
  EXPECT_EQ(ht.runners[0].full_name(), "Cole Ellery");
  EXPECT_EQ(ht.runners[1].full_name(), "Ryan Lindahl");
  EXPECT_EQ(ht.runners[2].full_name(), "Owen Castillo");
  EXPECT_EQ(ht.runners[3].full_name(), "Dylan Jarrett");
  EXPECT_DOUBLE_EQ(f.relays[4].time->time_s, 66.02);  // 1:06.02
  // A fifth-grader in a seventh-grade relay keeps her own grade from the runner's block.
  EXPECT_EQ(f.relays[4].runners[2].full_name(), "Wes Quillan");
  EXPECT_EQ(f.relays[4].runners[2].school_year, 5);
  // Runners are athletes of the file too, merged with their individual results.
  EXPECT_EQ(person(f, "Cole Ellery").marks.size(), 3u);
}

TEST(ImportMeetPro, VerdictsAndGapsInTheRunners) {
  const std::string head = "H,Meet,4/26/2025,4/26/2025,MeetPro by DirectAthletics,x\n";
  const std::string dq =
      "R,West,270,,1600,F,,,,F,DQ,M,WE,,,,,,Lee,Ann,f,,9,,,Kim,Bo,f,,9,,,Ray,Cy,f,,10,,,Ito,Di,f,,"
      "11,,\n";
  const ImportedFile a = read_meetpro(head + dq, "dq.csv");
  ASSERT_EQ(a.relays.size(), 1u);
  EXPECT_EQ(a.relays[0].event, "4x400");
  EXPECT_EQ(a.relays[0].status, RelayStatus::dq);
  EXPECT_FALSE(a.relays[0].time);
  EXPECT_EQ(a.relays[0].runners.size(), 4u);
  EXPECT_EQ(a.relays[0].runners[3].school_year, 11);
  // Leg 2's block is empty: who ran what is unknown, so the time stays without the runners.
  const std::string gap =
      "R,West,270,,400,F,,,,F,50.12,M,WE,1,1,,,,Lee,Ann,f,,9,,,,,,,,,,Ray,Cy,f,,10,,,Ito,Di,f,,11,,"
      "\n";
  const ImportedFile b = read_meetpro(head + gap, "gap.csv");
  ASSERT_EQ(b.relays.size(), 1u);
  EXPECT_DOUBLE_EQ(b.relays[0].time->time_s, 50.12);
  EXPECT_TRUE(b.relays[0].runners.empty());
  ASSERT_EQ(b.skipped.size(), 1u);
  EXPECT_NE(b.skipped[0].reason.find("running order is unknown"), std::string::npos);
}

TEST(ImportMeetPro, WrongCellsNameLineAndField) {
  const std::string head = "H,Meet,4/26/2025,4/26/2025,MeetPro by DirectAthletics,x\n";
  const auto message = [&](const std::string& record) {
    try {
      read_meetpro(head + record, "bad.csv");
    } catch (const ParseError& e) {
      return e.where().file + ":" + std::to_string(e.where().line) + ": " + e.where().field + ": " +
             e.message();
    }
    return std::string("no error");
  };
  EXPECT_NE(message("E,T,214,,100,M,,3,7th grade,F,12.x8,M,,1,1,5,,,,,,,Lee,Ann,,F,,WE,West,,,"
                    "1,\n")
                .find("bad.csv:2: field 11 (result mark): cannot read time '12.x8'"),
            std::string::npos);
  EXPECT_NE(message("E,T,214,,100,M,,3,7th grade,F,12.58,M,,1,1,5,,,,,,,,,,F,,WE,West,,,1,\n")
                .find("bad.csv:2: field 23 (last name): the result names no athlete"),
            std::string::npos);
  EXPECT_NE(message("E,T,214,,100,M,,3,7th grade,F,12.58,M,,1,1,5,,,,,,,Lee,Ann,,Q,,WE,West,,,"
                    "1,\n")
                .find("bad.csv:2: field 26 (gender)"),
            std::string::npos);
  EXPECT_NE(message("R,,270,,400,F,,,,F,50.12,M,,1,1,,,,Lee,Ann,f,,9,,\n")
                .find("field 2 (team name): the relay has no team"),
            std::string::npos);
  std::string nine = "R,West,270,,400,F,,,,F,50.12,M,WE,1,1,,,";
  for (int i = 0; i < 9; ++i) nine += ",R" + std::to_string(i) + ",Ann,f,,9,,";
  EXPECT_NE(message(nine + "\n").find("more than 8 runners"), std::string::npos);
}

TEST(ImportMeetPro, ATeamsReportCountsTheOtherTeamsLinesWithoutListingThem) {
  testing::TempDir tmp;
  const std::string file = testing::source_path("tests/data/import/meetpro/results.csv");
  const auto r = testing::run_cli(
      {"--db", tmp.file("team.db"), "import", file, "--team", "HT21", "--dry-run"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("; 2 lines skipped\nLeft out 5 lines of the file's other teams (not "
                       "listed)\n  skipped: line 41: field event (JT): no relay uses it\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("line 10"), std::string::npos) << r.out;  // another school's DNS
}

TEST(ImportMeetPro, ImportsOneTeamThroughTheCommandLine) {
  testing::TempDir tmp;
  const std::string db = tmp.file("team.db");
  const std::string file = testing::source_path("tests/data/import/meetpro/results.csv");
  auto r = testing::run_cli({"--db", db, "import", file, "--team", "HT21", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto report = r.json();
  EXPECT_EQ(report["format"], "meetpro");
  EXPECT_EQ(report["team"], "Holy Trinity CYOKS");
  // Of the seven lines left out, two are Holy Trinity's (listed); the other teams' five are
  // only counted.
  ASSERT_EQ(report["skipped"].size(), 2u) << report.dump();
  EXPECT_EQ(report["skipped"][0]["line"], 41);
  EXPECT_EQ(report["skipped"][1]["line"], 49);
  EXPECT_EQ(report["other_teams_lines"], 5);
  r = testing::run_cli({"--db", db, "results", "list", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto results = r.json()["results"];
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0]["event"], "4x100");
  EXPECT_DOUBLE_EQ(results[0]["team_time_s"].get<double>(), 51.60);
  ASSERT_EQ(results[0]["legs"].size(), 4u);
  EXPECT_EQ(results[0]["legs"][0]["athlete"], "Cole Ellery");
  EXPECT_EQ(results[0]["legs"][3]["athlete"], "Dylan Jarrett");
  // The other four teams' times make the field of a meet file for the team's 4x100.
  const std::string meet = tmp.file("meet.toml");
  r = testing::run_cli(
      {"--db", db, "import", file, "--as-field", "--event", "4x100/M", "--out", meet});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string toml = testing::read_file(meet);
  EXPECT_NE(toml.find("name = 'Prince Of Peace CYOKS'\nseed = '55.72'"), std::string::npos) << toml;
  EXPECT_NE(toml.find("seed = '1:06.02'"), std::string::npos) << toml;
  EXPECT_EQ(toml.find("seed = '51.60'"), std::string::npos) << toml;  // the team itself
}

}  // namespace
}  // namespace baton
