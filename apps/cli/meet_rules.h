// The meet's own rules as the command line writes them, shared by `lineup --events` and
// `export entries`: --lock RELAY:LEG=NAME, --exclude [RELAY:]NAME[,NAME...], --conflict A,B,
// --weights RELAY=W,...
#pragma once

#include <string>
#include <vector>

#include "baton/meet_lineup_query.h"

namespace baton::cli {

/// The rules of a meet query, resolved by plan_meet_lineups() (relays and names there).
struct MeetRules {
  std::vector<std::string> exclude;              ///< out of every relay
  std::vector<MeetLock> locks;                   ///< legs fixed in A teams
  std::vector<MeetRelayExclusion> exclude_from;  ///< out of one relay
  std::vector<MeetConflict> conflicts;           ///< relays that share no athlete
  std::vector<MeetRelayWeight> weights;          ///< objective weights per relay
};

/// Reads the options' texts (--weights: RELAY=W[,RELAY=W...]); throws ParseError naming the
/// option and the text it cannot read.
MeetRules parse_meet_rules(const std::vector<std::string>& locks,
                           const std::vector<std::string>& excludes,
                           const std::vector<std::string>& conflicts,
                           const std::vector<std::string>& weights = {});

}  // namespace baton::cli
