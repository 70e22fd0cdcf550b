// The CSV reader behind the roster and results files, and the two files read through it.
#include "io/csv.h"

#include <gtest/gtest.h>

#include "baton/error.h"
#include "baton/results_csv.h"
#include "baton/team_file.h"

namespace baton {
namespace {

using Cells = std::vector<std::string>;

std::vector<Cells> cells(std::string_view text) {
  std::vector<Cells> out;
  for (const csv::Row& r : csv::read_rows(text, "t.csv")) out.push_back(r.cells);
  return out;
}

std::vector<int> lines(std::string_view text) {
  std::vector<int> out;
  for (const csv::Row& r : csv::read_rows(text, "t.csv")) out.push_back(r.line);
  return out;
}

TEST(CsvReader, ReadsRfc4180Cells) {
  EXPECT_EQ(cells("a,b\n1,2\n"), (std::vector<Cells>{{"a", "b"}, {"1", "2"}}));
  // Quoted cells hold commas, doubled quotes and line breaks.
  EXPECT_EQ(cells("\"x, y\",\"say \"\"go\"\"\"\n"), (std::vector<Cells>{{"x, y", "say \"go\""}}));
  EXPECT_EQ(cells("\"two\nlines\",b\nc,d\n"),
            (std::vector<Cells>{{"two\nlines", "b"}, {"c", "d"}}));
  // Empty cells, and spaces around a quoted cell.
  EXPECT_EQ(cells("a,,\n"), (std::vector<Cells>{{"a", "", ""}}));
  EXPECT_EQ(cells("a, \"b\" ,c\n"), (std::vector<Cells>{{"a", "b", "c"}}));
  // Unquoted cells keep their spaces (the file formats trim them).
  EXPECT_EQ(cells(" a ,b"), (std::vector<Cells>{{" a ", "b"}}));
}

TEST(CsvReader, CrlfByteOrderMarkAndBlankLines) {
  EXPECT_EQ(cells("a,b\r\n1,2\r\n"), (std::vector<Cells>{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(cells("\xEF\xBB\xBF"
                  "a,b\n"),
            (std::vector<Cells>{{"a", "b"}}));
  EXPECT_EQ(cells("a\n\n  \n\r\nb"), (std::vector<Cells>{{"a"}, {"b"}}));
  // Lines count from the file's first line, blank ones and quoted line breaks included.
  EXPECT_EQ(lines("a\n\nb\n\"c\nc\"\nd\n"), (std::vector<int>{1, 3, 4, 6}));
  EXPECT_TRUE(cells("").empty());
}

TEST(CsvReader, MalformedQuotesNameTheLine) {
  const auto error_line = [](std::string_view text) {
    try {
      csv::read_rows(text, "t.csv");
    } catch (const ParseError& e) {
      EXPECT_EQ(e.where().file, "t.csv");
      return e.where().line;
    }
    return -1;
  };
  EXPECT_EQ(error_line("a,b\nx\"y,2\n"), 2);      // quote inside a cell
  EXPECT_EQ(error_line("a,b\n\"x\"y,2\n"), 2);    // text after the closing quote
  EXPECT_EQ(error_line("a\nb\n\"open,\n\n"), 3);  // never closed: the row's first line
}

TEST(CsvReader, ARosterAndAResultsFileWithAByteOrderMarkAndCrlfRead) {
  const Team team = parse_roster_csv(
      "\xEF\xBB\xBF"
      "name,sex,100m\r\nAva Brooks,F,12.31\r\n",
      "r.csv");
  ASSERT_EQ(team.athletes.size(), 1u);
  EXPECT_EQ(team.athletes[0].name, "Ava Brooks");

  std::vector<int> at;
  const std::vector<RelayResult> results = parse_results_csv(
      "\xEF\xBB\xBF"
      "Event,Order,Time,Date\r\n"
      "4x100,\"Ava Brooks, Maya Johnson, Lily Nguyen, Zoe Carter\",48.92,2024-04-20\r\n",
      "res.csv", "2024-01-01", &at);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].event, "4x100");
  EXPECT_EQ(results[0].order,
            (std::vector<std::string>{"Ava Brooks", "Maya Johnson", "Lily Nguyen", "Zoe Carter"}));
  ASSERT_TRUE(results[0].team_time_s);
  EXPECT_DOUBLE_EQ(*results[0].team_time_s, 48.92);
  EXPECT_EQ(results[0].date, "2024-04-20");
  EXPECT_EQ(at, std::vector<int>{2});
}

TEST(CsvReader, HandTimedSplitsKeepTheirFlag) {
  const std::vector<RelayResult> results = parse_results_csv(
      "event,order,time,splits\n"
      "4x100,Ava Brooks;Maya Johnson;Lily Nguyen;Zoe Carter,48.92,12.6h;11.9;12.2h;12.2\n"
      "4x100,Ava Brooks;Maya Johnson;Lily Nguyen;Zoe Carter,48.92,12.6;11.9;12.2;12.2\n",
      "res.csv", "2024-01-01");
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].splits_s, (std::vector<double>{12.6, 11.9, 12.2, 12.2}));
  EXPECT_EQ(results[0].splits_hand, (std::vector<bool>{true, false, true, false}));
  EXPECT_TRUE(results[1].splits_hand.empty());  // all FAT
}

TEST(CsvReader, AResultsHeaderAfterBlankLinesIsNamedAtItsLine) {
  try {
    parse_results_csv("\nevent,order,speed\n", "res.csv", "2024-01-01");
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().line, 2);
    EXPECT_EQ(e.where().field, "speed");
  }
}

}  // namespace
}  // namespace baton
