#include "cli/meet_rules.h"

#include <charconv>

namespace baton::cli {
namespace {

// "4x100/F:2=Ann Lee" -> relay, leg, runner.
MeetLock meet_lock(const std::string& text) {
  const size_t colon = text.find(':');
  const size_t eq = text.find('=', colon == std::string::npos ? 0 : colon);
  int leg = 0;
  const char* from = text.data() + colon + 1;
  const char* to = text.data() + (eq == std::string::npos ? text.size() : eq);
  if (colon == std::string::npos || colon == 0 || eq == std::string::npos ||
      std::from_chars(from, to, leg).ptr != to || eq + 1 >= text.size()) {
    throw ParseError("expected RELAY:LEG=NAME, e.g. \"4x100/F:2=Ann Lee\"", {"--lock", 0, text});
  }
  return MeetLock{text.substr(0, colon), leg, text.substr(eq + 1)};
}

}  // namespace

MeetRules parse_meet_rules(const std::vector<std::string>& locks,
                           const std::vector<std::string>& excludes,
                           const std::vector<std::string>& conflicts,
                           const std::vector<std::string>& weights) {
  MeetRules rules;
  for (const std::string& lock : locks) rules.locks.push_back(meet_lock(lock));
  for (const std::string& list : excludes) {  // NAME[,NAME...] or RELAY:NAME[,NAME...]
    const size_t colon = list.find(':');
    if (colon == 0) {
      throw ParseError("expected RELAY:NAME, e.g. \"4x800/M:Bob Ray\"", {"--exclude", 0, list});
    }
    const std::string names = colon == std::string::npos ? list : list.substr(colon + 1);
    for (std::string& name : split_names(names, {"--exclude", 0, list})) {
      if (colon == std::string::npos) {
        rules.exclude.push_back(std::move(name));
      } else {
        rules.exclude_from.push_back({list.substr(0, colon), std::move(name)});
      }
    }
  }
  for (const std::string& pair : conflicts) {
    const std::vector<std::string> relays = split_names(pair, {"--conflict", 0, pair});
    if (relays.size() != 2) {
      throw ParseError("expected two relays, e.g. 4x100/F,4x400/F", {"--conflict", 0, pair});
    }
    rules.conflicts.push_back({relays[0], relays[1]});
  }
  for (const std::string& list : weights) {
    for (const std::string& item : split_names(list, {"--weights", 0, list})) {
      const size_t eq = item.find('=');
      double w = 0.0;
      const char* from = item.data() + eq + 1;
      const char* to = item.data() + item.size();
      if (eq == std::string::npos || eq == 0 || from == to ||
          std::from_chars(from, to, w).ptr != to) {
        throw ParseError("expected RELAY=WEIGHT, e.g. \"4x100/F=2,4x800/M=0.5\"",
                         {"--weights", 0, item});
      }
      rules.weights.push_back({item.substr(0, eq), w});
    }
  }
  return rules;
}

}  // namespace baton::cli
