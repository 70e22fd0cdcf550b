#include "baton/account.h"

#include <fmt/format.h>

namespace baton {

std::string_view to_string(Role role) {
  switch (role) {
    case Role::kCoach:
      return "coach";
    case Role::kAssistant:
      return "assistant";
    case Role::kAthlete:
      return "athlete";
  }
  return "coach";
}

Role parse_role(std::string_view text, const Location& where) {
  for (const Role r : {Role::kCoach, Role::kAssistant, Role::kAthlete}) {
    if (text == to_string(r)) return r;
  }
  throw ParseError(fmt::format("unknown role '{}' (coach, assistant or athlete)", text), where);
}

}  // namespace baton
