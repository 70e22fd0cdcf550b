#include "baton/level.h"

#include <string>

#include "core/text.h"

namespace baton {

Level parse_level(std::string_view text, const Location& where) {
  const std::string s = text::lowercase(text::trim(text));
  if (s == "elite" || s == "international" || s == "pro") return Level::elite;
  if (s == "college" || s == "university" || s == "ncaa") return Level::college;
  if (s == "high-school" || s == "high_school" || s == "highschool" || s == "hs" ||
      s == "high school") {
    return Level::high_school;
  }
  if (s == "youth" || s == "middle-school" || s == "middle school" || s == "u14" || s == "u15") {
    return Level::youth;
  }
  throw ParseError(
      "unknown level '" + std::string(text) + "': use elite, college, high-school or youth", where);
}

std::string_view to_string(Level level) {
  switch (level) {
    case Level::elite:
      return "elite";
    case Level::college:
      return "college";
    case Level::high_school:
      return "high-school";
    case Level::youth:
      return "youth";
  }
  return "high-school";
}

}  // namespace baton
