#include "baton/import_opentrack.h"

#include <gtest/gtest.h>

#include "baton/error.h"
#include "baton/team_file.h"
#include "support/run_cli.h"

namespace baton {
namespace {

ImportedFile sample() {
  return read_opentrack(
      read_text_file(testing::source_path("tests/data/import/opentrack/competition.json")),
      "competition.json");
}

TEST(ImportOpenTrack, Recognises) {
  EXPECT_TRUE(looks_like_opentrack("{\"competitors\": [], \"events\": []}"));
  EXPECT_FALSE(looks_like_opentrack("[1, 2]"));
  EXPECT_FALSE(looks_like_opentrack("D;Lee;Ann;;F;;W;W;;10;100;12.45\r\n"));
}

TEST(ImportOpenTrack, ReadsCompetitorsWithPbsAndDatedResults) {
  const ImportedFile f = sample();
  EXPECT_EQ(f.format, "opentrack");
  ASSERT_EQ(f.athletes.size(), 5u);
  const ImportedAthlete& maren = f.athletes[0];
  EXPECT_EQ(maren.full_name(), "Maren Lindqvist");
  EXPECT_EQ(maren.sex, Sex::female);
  EXPECT_EQ(maren.team_code, "WEST");
  // The 100 m pb from eventsEntered (undated) and the 100 m result (dated); the hurdles pb
  // and the long jump are not kept.
  ASSERT_EQ(maren.marks.size(), 2u);
  EXPECT_DOUBLE_EQ(maren.marks[0].mark.time_s, 12.45);
  EXPECT_EQ(maren.marks[0].date, "");
  EXPECT_EQ(maren.marks[0].source, "Westfield Spring Open (pb)");
  EXPECT_DOUBLE_EQ(maren.marks[1].mark.time_s, 12.38);
  EXPECT_EQ(maren.marks[1].date, "2024-04-20");
  EXPECT_EQ(maren.marks[1].source, "Westfield Spring Open");
  EXPECT_EQ(f.athletes[1].sex, Sex::female);  // from the category U18W
  EXPECT_TRUE(f.athletes[1].marks.empty());   // empty pb, DNS
}

TEST(ImportOpenTrack, SkipsHurdlesAndFieldEvents) {
  const ImportedFile f = sample();
  ASSERT_EQ(f.skipped.size(), 2u);
  EXPECT_EQ(f.skipped[0].line, 2);
  EXPECT_EQ(f.skipped[0].reason, "hurdles (100m Hurdles U18 Women): no relay uses it");
  EXPECT_EQ(f.skipped[1].reason, "field event (Long Jump U18 Women): no relay uses it");
}

TEST(ImportOpenTrack, ReadsRelayResultsWithRunnersAndSplits) {
  const ImportedFile f = sample();
  ASSERT_EQ(f.relays.size(), 2u);
  const ImportedRelay& west = f.relays[0];
  EXPECT_EQ(west.event, "4x100");
  EXPECT_EQ(west.sex, Sex::female);
  EXPECT_EQ(west.team_code, "WEST");
  EXPECT_EQ(west.team_name, "Westfield High");
  EXPECT_EQ(west.letter, "A");
  EXPECT_EQ(west.date, "2024-04-20");
  EXPECT_DOUBLE_EQ(west.time->time_s, 49.87);
  ASSERT_EQ(west.runners.size(), 4u);
  EXPECT_EQ(west.runners[0].full_name(), "Maren Lindqvist");
  EXPECT_EQ(west.runners[3].full_name(), "Nell Pham");
  ASSERT_EQ(west.splits_s.size(), 4u);  // 12.95, 25.10, 37.60 and the finish
  EXPECT_NEAR(west.splits_s[1], 12.15, 1e-9);
  EXPECT_NEAR(west.splits_s[3], 12.27, 1e-9);
  EXPECT_EQ(f.relays[1].status, RelayStatus::dq);
  EXPECT_EQ(f.relays[1].team_name, "Northgate");
}

void expect_error(const std::string& text, int line, const std::string& field) {
  try {
    read_opentrack(text, "bad.json");
    FAIL() << text;
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().file, "bad.json");
    EXPECT_EQ(e.where().line, line) << e.what();
    EXPECT_EQ(e.where().field, field) << e.what();
  }
}

TEST(ImportOpenTrack, BadInputNamesTheLineOrThePath) {
  expect_error("{\n\"competitors\": [\n{\"firstName\": \"A\",}\n]}", 3, "");
  expect_error(R"({"competitors": [{"competitorId": "1", "lastName": "Lee"}],
    "events": [{"eventCode": "100", "units": [{"results": [{"bib": "1", "performance": "fast"}]}]}]})",
               0, "events.0.units.0.results.0.performance");
  expect_error(
      R"({"competitors": [], "events": [{"eventCode": "100", "units": [{"results": [{"bib": "9", "performance": "12.0"}]}]}]})",
      0, "events.0.units.0.results.0.bib");
  expect_error(std::string(100, '[') + std::string(100, ']'), 1, "");
  expect_error("[1]", 1, "");
}

}  // namespace
}  // namespace baton
