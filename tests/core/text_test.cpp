// UTF-8 checks, character counts, bounded suggestions and counted nouns.
#include "core/text.h"

#include <gtest/gtest.h>

#include "baton/athlete.h"
#include "baton/team.h"
#include "baton/units.h"

namespace baton {
namespace {

using text::code_points;
using text::invalid_utf8_at;

constexpr size_t npos = std::string_view::npos;

TEST(Utf8, AcceptsWellFormedText) {
  EXPECT_EQ(invalid_utf8_at(""), npos);
  EXPECT_EQ(invalid_utf8_at("Ava Brooks"), npos);
  EXPECT_EQ(invalid_utf8_at("Zo\xC3\xAB M\xC3\xBCller"), npos);  // Zoë Müller
  EXPECT_EQ(invalid_utf8_at("\xE5\xB1\xB1\xE7\x94\xB0"), npos);  // 山田
  EXPECT_EQ(invalid_utf8_at("\xF0\x9F\x8F\x83"), npos);          // U+1F3C3 runner
  EXPECT_EQ(invalid_utf8_at("\xF4\x8F\xBF\xBF"), npos);          // U+10FFFF, the last
  EXPECT_EQ(invalid_utf8_at("\xED\x9F\xBF"), npos);              // U+D7FF, below surrogates
}

TEST(Utf8, FindsTheFirstBadByte) {
  EXPECT_EQ(invalid_utf8_at("Zo\xEB"), 2u);                    // Latin-1 ë
  EXPECT_EQ(invalid_utf8_at("caf\xE9 au lait"), 3u);           // Latin-1 é before a space
  EXPECT_EQ(invalid_utf8_at("\x80"), 0u);                      // a lone continuation byte
  EXPECT_EQ(invalid_utf8_at("ab\xC3"), 2u);                    // truncated at the end
  EXPECT_EQ(invalid_utf8_at("\xC0\xAF"), 0u);                  // overlong '/'
  EXPECT_EQ(invalid_utf8_at("\xE0\x80\xAF"), 0u);              // overlong '/', three bytes
  EXPECT_EQ(invalid_utf8_at("\xED\xA0\x80"), 0u);              // UTF-16 surrogate U+D800
  EXPECT_EQ(invalid_utf8_at("\xF4\x90\x80\x80"), 0u);          // U+110000, beyond Unicode
  EXPECT_EQ(invalid_utf8_at("\xF5\x80\x80\x80"), 0u);          // no such lead byte
  EXPECT_EQ(invalid_utf8_at("ok \xE2\x82\xAC \xE2\x82"), 7u);  // € then a cut-off €
}

TEST(Utf8, RequireNamesTheFieldAndRefusesNul) {
  const Location where{"", 0, "note"};
  EXPECT_NO_THROW(text::require_utf8("clean pass", where));
  try {
    text::require_utf8(std::string("late\0pass", 9), where);
    ADD_FAILURE() << "NUL accepted";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().field, "note");
    EXPECT_NE(e.message().find("NUL"), std::string::npos) << e.what();
  }
  try {
    text::require_utf8("caf\xE9", where);
    ADD_FAILURE() << "Latin-1 accepted";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().field, "note");
    EXPECT_NE(e.message().find("0xE9 at byte 4"), std::string::npos) << e.what();
  }
}

TEST(Utf8, CountsCodePoints) {
  EXPECT_EQ(code_points(""), 0u);
  EXPECT_EQ(code_points("Ava"), 3u);
  EXPECT_EQ(code_points("Zo\xC3\xAB"), 3u);
  EXPECT_EQ(code_points("\xE5\xB1\xB1\xE7\x94\xB0"), 2u);
  EXPECT_EQ(code_points("\xF0\x9F\x8F\x83!"), 2u);
}

Athlete sprinter(std::string name) {
  Athlete a;
  a.name = std::move(name);
  a.sex = Sex::female;
  a.set_best({100.0, {12.31, false}});
  return a;
}

TEST(AthleteName, LimitCountsCharactersNotBytes) {
  std::string eighty;
  for (int i = 0; i < 80; ++i) eighty += "\xC3\xA9";  // é: 80 characters, 160 bytes
  EXPECT_NO_THROW(validate_athlete(sprinter(eighty)));
  try {
    validate_athlete(sprinter(eighty + "e"));
    ADD_FAILURE() << "81 characters accepted";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().field, "name");
  }
}

TEST(AthleteName, NotUtf8IsRefused) {
  try {
    validate_athlete(sprinter("Zo\xEB Smith"), Location{"roster.csv", 3, ""});
    ADD_FAILURE() << "Latin-1 name accepted";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().file, "roster.csv");
    EXPECT_EQ(e.where().line, 3);
    EXPECT_EQ(e.where().field, "name");
  }
}

TEST(Suggestions, StillFindNearMisses) {
  Team team;
  team.athletes = {sprinter("Ava Brooks"), sprinter("Bea Chen")};
  try {
    team.athlete("Ava Brooke", {});
    ADD_FAILURE();
  } catch (const NotFoundError& e) {
    EXPECT_NE(e.message().find("did you mean 'Ava Brooks'"), std::string::npos) << e.what();
  }
}

TEST(Suggestions, AHugeNameIsAnsweredWithoutComparingIt) {
  // 2,000 athletes and a 1 MB name: comparing every pair would take minutes (name length x
  // roster size); the answer must come at once and quote only the name's start.
  Team team;
  for (int i = 0; i < 2000; ++i) team.athletes.push_back(sprinter("Runner " + std::to_string(i)));
  const std::string huge(1 << 20, 'x');
  try {
    team.athlete(huge, {"--order", 0, ""});
    ADD_FAILURE();
  } catch (const NotFoundError& e) {
    EXPECT_LT(e.message().size(), 200u);
    EXPECT_EQ(e.message().find("did you mean"), std::string::npos);
    EXPECT_NE(e.message().find("xxx..."), std::string::npos) << e.message().substr(0, 200);
  }
  // A name a little too long for the limit is still compared with names of similar length.
  Team two;
  two.athletes = {sprinter(std::string(80, 'a'))};
  try {
    two.athlete(std::string(81, 'a'), {});
    ADD_FAILURE();
  } catch (const NotFoundError& e) {
    EXPECT_NE(e.message().find("did you mean"), std::string::npos);
  }
}

TEST(Counted, SingularAndPlural) {
  EXPECT_EQ(counted(1, "athlete"), "1 athlete");
  EXPECT_EQ(counted(0, "athlete"), "0 athletes");
  EXPECT_EQ(counted(12, "drill"), "12 drills");
  EXPECT_EQ(counted(2, "pass", "passes"), "2 passes");
  EXPECT_EQ(counted(1, "pass", "passes"), "1 pass");
}

TEST(FormatDuration, UnitOnlyBelowAMinute) {
  EXPECT_EQ(format_duration(12.39), "12.39 s");
  EXPECT_EQ(format_duration(59.994), "59.99 s");
  EXPECT_EQ(format_duration(205.32), "3:25.32");
  EXPECT_EQ(format_duration(60.0), "1:00.00");
  EXPECT_EQ(format_duration(-1.0), "--");
}

}  // namespace
}  // namespace baton
