#include "baton/athlete.h"

#include <gtest/gtest.h>

#include "baton/team.h"

namespace baton {
namespace {

TEST(Athlete, RejectsMarksFasterThanTheWorldRecord) {
  // 9.30 is 2.9 % under Bolt's 9.58; 10.20 is 2.8 % under Flo-Jo's 10.49.
  EXPECT_THROW(check_mark_plausible(100.0, 9.30, Sex::male, {}), ValidationError);
  EXPECT_NO_THROW(check_mark_plausible(100.0, 9.58, Sex::male, {}));
  EXPECT_THROW(check_mark_plausible(100.0, 10.20, Sex::female, {}), ValidationError);
  EXPECT_NO_THROW(check_mark_plausible(100.0, 11.20, Sex::female, {}));
  // 58.2 s typed for an 800 m is impossible; a 10:00 mile is slow but real.
  EXPECT_THROW(check_mark_plausible(800.0, 58.2, Sex::female, {}), ValidationError);
  EXPECT_NO_THROW(check_mark_plausible(kMileM, 600.0, Sex::male, {}));
  // Slower than walking pace: a 100 m in 1:00.
  EXPECT_THROW(check_mark_plausible(100.0, 60.0, Sex::female, {}), ValidationError);
  EXPECT_THROW(check_mark_plausible(100.0, 0.0, Sex::female, {}), ValidationError);
}

TEST(Athlete, RecordMessageQuotesTheRecord) {
  try {
    check_mark_plausible(400.0, 40.0, Sex::male, Location{"team.toml", 12, "bests.400m"});
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(std::string(e.what()),
              "team.toml:12: bests.400m: 40.00 for 400m is impossible: the men's world record "
              "is 43.03");
  }
}

TEST(Athlete, WorldRecordInterpolatesWithRiegel) {
  EXPECT_NEAR(world_record_s(100.0, Sex::male), 9.58, 1e-12);
  // Distances between the tabulated ones against records actually run there: men's 2000 m
  // 4:43.13 (Jakob Ingebrigtsen, Paris 2023) between the mile and the 3000 m, men's 5000 m
  // 12:35.36 (Joshua Cheptegei, Monaco 2020) beyond the 3000 m. Within 1 %: an interpolation
  // exponent of 1.0 (pure speed) would be 2 % fast at the 2000 m and 3 % at the 5000 m, one
  // of 1.17 (the sprint ratio) 1.6 % and 6 % slow.
  EXPECT_NEAR(world_record_s(2000.0, Sex::male), 283.13, 0.01 * 283.13);
  EXPECT_NEAR(world_record_s(5000.0, Sex::male), 755.36, 0.01 * 755.36);
}

TEST(Athlete, ValidatesSplitsAndFootLength) {
  Athlete a{"Ava Brooks", Sex::female};
  a.splits = {{10.0, 2.0}, {20.0, 3.2}};
  EXPECT_NO_THROW(validate_athlete(a));
  a.splits = {{10.0, 2.0}, {20.0, 1.9}};
  EXPECT_THROW(validate_athlete(a), ValidationError);
  a.splits = {{10.0, 0.5}};  // 20 m/s
  EXPECT_THROW(validate_athlete(a), ValidationError);
  a.splits.clear();
  a.foot_length_m = 0.9;
  EXPECT_THROW(validate_athlete(a), ValidationError);
  a.foot_length_m = 0.27;
  a.name = "Ava, Brooks";
  EXPECT_THROW(validate_athlete(a), ValidationError);
}

TEST(Athlete, ValidatesIndividualEntries) {
  Athlete a{"Ava Brooks", Sex::female};
  a.entries = {"100m", "200m", "LJ"};
  EXPECT_NO_THROW(validate_athlete(a));
  struct Case {
    std::vector<std::string> entries;
    const char* field;
  };
  const Case bad[] = {
      {{"100m", "lj", "LJ"}, "entries.2"},             // twice, ignoring case
      {{"100m", ""}, "entries.1"},                     // empty
      {{"100m;200m"}, "entries.0"},                    // a list in one entry
      {{"100m, 200m"}, "entries.0"},                   // a list in one entry
      {{std::string(31, 'x')}, "entries.0"},           // too long
      {std::vector<std::string>(13, "x"), "entries"},  // too many
  };
  for (const Case& c : bad) {
    a.entries = c.entries;
    try {
      validate_athlete(a);
      ADD_FAILURE() << c.field;
    } catch (const ValidationError& e) {
      EXPECT_EQ(e.where().field, c.field) << e.what();
    }
  }
}

TEST(Athlete, SetBestKeepsOnePerDistanceSorted) {
  Athlete a{"Ava Brooks", Sex::female};
  a.set_best({400.0, {58.2, false}});
  a.set_best({100.0, {12.4, false}});
  a.set_best({100.0, {12.31, false}});
  ASSERT_EQ(a.bests.size(), 2u);
  EXPECT_EQ(a.bests[0].distance_m, 100.0);
  EXPECT_NEAR(a.best_at(100.0)->mark.time_s, 12.31, 1e-12);
  EXPECT_EQ(a.best_at(200.0), nullptr);
}

TEST(Team, FindsAthletesAndSuggestsNearMisses) {
  Team t;
  t.name = "Riverside HS";
  t.athletes = {{"Ava Brooks", Sex::female}, {"Maya Johnson", Sex::female}};
  EXPECT_EQ(t.athlete("ava brooks").name, "Ava Brooks");
  try {
    t.athlete("Maya Jonson", Location{"--order", 0, ""});
    FAIL();
  } catch (const NotFoundError& e) {
    EXPECT_EQ(std::string(e.what()),
              "--order: unknown athlete 'Maya Jonson' on Riverside HS; did you mean 'Maya "
              "Johnson'?");
  }
  EXPECT_EQ(split_names(" A , B,C "), (std::vector<std::string>{"A", "B", "C"}));
  EXPECT_THROW(split_names("A,,B"), ParseError);
}

TEST(Sex, ParsesCoachWords) {
  EXPECT_EQ(parse_sex("F"), Sex::female);
  EXPECT_EQ(parse_sex("girls"), Sex::female);
  EXPECT_EQ(parse_sex("M"), Sex::male);
  EXPECT_EQ(parse_sex("Boys"), Sex::male);
  EXPECT_THROW(parse_sex("X"), ParseError);
  EXPECT_EQ(parse_hand("L"), Hand::left);
  EXPECT_THROW(parse_hand("both"), ParseError);
}

}  // namespace
}  // namespace baton
