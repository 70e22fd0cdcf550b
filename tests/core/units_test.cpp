#include "baton/units.h"

#include <gtest/gtest.h>

#include "baton/chance.h"

namespace baton {
namespace {

struct TimeCase {
  const char* text;
  double seconds;
  bool hand;
};

TEST(ParseTime, ReadsTimesAsCoachesWriteThem) {
  const TimeCase cases[] = {
      {"10.85", 10.85, false},      {"58", 58.0, false},     {"1:58.32", 118.32, false},
      {"4:05.1h", 245.1, true},     {"25.4h", 25.4, true},   {" 12.31 ", 12.31, false},
      {"1:02:03.4", 3723.4, false}, {"9.58", 9.58, false},   {"2:03.4H", 123.4, true},
      {"59.9", 59.9, false},        {"10:00", 600.0, false},
  };
  for (const TimeCase& c : cases) {
    const Mark m = parse_time(c.text);
    EXPECT_NEAR(m.time_s, c.seconds, 1e-9) << c.text;
    EXPECT_EQ(m.hand_timed, c.hand) << c.text;
  }
}

TEST(ParseTime, RejectsMalformedAndImpossibleTimes) {
  const char* bad[] = {"",      "h",     "abc",     "1:5",   "1:60.00", "-10.5",  "10.5.3", "1e3",
                       "1::05", ":58.3", "1:2:3:4", "12,31", "0x10",    "10.85s", "inf"};
  for (const char* text : bad) {
    EXPECT_THROW(parse_time(text, Location{"team.toml", 7, "bests.100m"}), Error) << text;
  }
  EXPECT_THROW(parse_time("0"), ValidationError);
  EXPECT_THROW(parse_time("0:00.00"), ValidationError);
}

TEST(ParseTime, ErrorNamesFileLineAndField) {
  try {
    parse_time("12.3.1", Location{"team.toml", 7, "bests.100m"});
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().line, 7);
    EXPECT_EQ(std::string(e.what()).rfind("team.toml:7: bests.100m: cannot read time", 0), 0u)
        << e.what();
  }
}

TEST(FormatTime, PrintsTheWayCoachesWrite) {
  EXPECT_EQ(format_time(10.85), "10.85");
  EXPECT_EQ(format_time(9.5), "9.50");
  EXPECT_EQ(format_time(58.2), "58.20");
  EXPECT_EQ(format_time(118.32), "1:58.32");
  EXPECT_EQ(format_time(59.999), "1:00.00");
  EXPECT_EQ(format_time(245.1, 1), "4:05.1");
  EXPECT_EQ(format_time(3723.4), "1:02:03.40");
  EXPECT_EQ(format_time(-1.0), "--");
  EXPECT_EQ(format_mark(Mark{25.4, true}), "25.4h");
  EXPECT_EQ(format_mark(Mark{245.1, true}), "4:05.1h");
  EXPECT_EQ(format_mark(Mark{12.31, false}), "12.31");
  EXPECT_EQ(fmt::format("{}", Mark{25.4, true}), "25.4h");
}

TEST(FormatTime, RoundTripsThroughTheParser) {
  for (double t = 6.0; t < 4000.0; t = t * 1.173 + 0.01) {
    const double hundredths = std::round(t * 100.0) / 100.0;
    EXPECT_NEAR(parse_time(format_time(hundredths)).time_s, hundredths, 1e-9) << t;
  }
}

TEST(HandTiming, ConvertsToFatByDistance) {
  // NFHS/NCAA convention: +0.24 s for 100 m and 200 m, +0.14 s from 400 m.
  EXPECT_NEAR(to_fat_s(Mark{25.4, true}, 200.0), 25.64, 1e-9);
  EXPECT_NEAR(to_fat_s(Mark{11.0, true}, 100.0), 11.24, 1e-9);
  EXPECT_NEAR(to_fat_s(Mark{245.1, true}, 1600.0), 245.24, 1e-9);
  EXPECT_NEAR(to_fat_s(Mark{52.0, true}, 400.0), 52.14, 1e-9);
  EXPECT_NEAR(to_fat_s(Mark{12.31, false}, 100.0), 12.31, 1e-12);
}

TEST(Distance, ParsesLabelsAndTheMile) {
  EXPECT_DOUBLE_EQ(parse_distance("100m"), 100.0);
  EXPECT_DOUBLE_EQ(parse_distance("100 m"), 100.0);
  EXPECT_DOUBLE_EQ(parse_distance("1600"), 1600.0);
  EXPECT_DOUBLE_EQ(parse_distance("Mile"), 1609.344);
  EXPECT_DOUBLE_EQ(parse_distance("1.5km"), 1500.0);
  EXPECT_THROW(parse_distance("fast"), ParseError);
  EXPECT_THROW(parse_distance("-100m"), ParseError);
  EXPECT_THROW(parse_distance("0m"), ParseError);
  EXPECT_EQ(distance_label(100.0), "100m");
  EXPECT_EQ(distance_label(kMileM), "mile");
  EXPECT_EQ(distance_label(1600.0), "1600m");
}

// A chance reads the same in every command and page: one decimal, and a small risk is never
// printed as none.
TEST(ChanceText, OneDecimalAndNoSmallRiskShownAsNone) {
  EXPECT_EQ(chance_text(0.0), "0.0 %");
  EXPECT_EQ(chance_text(1e-8), "under 0.1 %");
  EXPECT_EQ(chance_text(0.0009), "under 0.1 %");
  EXPECT_EQ(chance_text(0.001), "0.1 %");
  EXPECT_EQ(chance_text(0.0484), "4.8 %");
  EXPECT_EQ(chance_text(0.5), "50.0 %");
  EXPECT_EQ(chance_text(1.0), "100.0 %");
}

}  // namespace
}  // namespace baton
