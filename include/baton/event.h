// Relay events and the rule sets that shape them: legs, exchange zones, lanes, sex rules.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "baton/error.h"

namespace baton {

/// World Athletics (Rule 24), NCAA, or NFHS (US high school).
enum class RuleSet { wa, ncaa, nfhs };

/// "wa", "ncaa" or "nfhs" (case-insensitive; "iaaf" and "hs" accepted); throws ParseError.
RuleSet parse_rules(std::string_view text, const Location& where = {});
std::string_view to_string(RuleSet rules);
/// Every rule set, in a fixed order.
std::vector<RuleSet> all_rule_sets();

/// Who may make up a team.
enum class SexRule {
  single_sex,     ///< four runners of one sex
  mixed_two_two,  ///< two men and two women in any order (mixed 4x400)
};
std::string_view to_string(SexRule rule);

/// Standard 400 m track (World Athletics Track and Field Facilities Manual).
struct TrackGeometry {
  double lap_m = 400.0;         ///< lane 1 lap, metres
  double straight_m = 84.39;    ///< each straight, metres
  double bend_radius_m = 36.5;  ///< to the kerb, metres
  double lane_width_m = 1.22;   ///< metres
  /// Length of one bend in lane 1 (run 0.30 m from the kerb), metres: 115.61.
  double bend_m() const { return (lap_m - 2.0 * straight_m) / 2.0; }
};

/// Metres of bend within [from_m, to_m) of a race whose start lies `start_on_lap_m` metres
/// after the finish line (laps begin with a bend after the finish line).
double bend_metres(double start_on_lap_m, double from_m, double to_m,
                   const TrackGeometry& track = {});

struct Leg {
  int number = 0;             ///< 1-based
  double distance_m = 0.0;    ///< nominal leg length, scratch line to scratch line, metres
  double start_race_m = 0.0;  ///< race distance at the leg's scratch line (0 for leg 1), metres
  bool block_start = false;   ///< leg 1 starts from blocks (sprints) or standing; others fly
  double bend_m = 0.0;        ///< metres of the nominal leg run on a bend
};

struct ExchangeZone {
  int number = 0;                           ///< 1 = from leg 1 to leg 2
  double zone_length_m = 30.0;              ///< 30 m or 20 m, metres
  double scratch_from_zone_start_m = 20.0;  ///< scratch line measured from the zone's start
  double zone_start_race_m = 0.0;           ///< race distance at the zone's start, metres
  bool blind = true;     ///< blind (sprint) exchange; false: visual (incoming leg > 200 m)
  bool in_lanes = true;  ///< the exchange happens in lanes
  std::string rule;      ///< the rule that sets this zone, for reports
};

struct Event {
  std::string id;    ///< short id: "4x100", "smr", "dmr", "mixed-4x400", ...
  std::string name;  ///< "4x100 m relay", "Sprint medley relay (200-200-400-800)", ...
  RuleSet rules = RuleSet::wa;
  std::vector<Leg> legs;
  std::vector<ExchangeZone> exchanges;  ///< legs.size() - 1 of them
  SexRule sex_rule = SexRule::single_sex;
  double lanes_until_m = 0.0;   ///< race distance run in lanes (the break line), metres
  std::string lanes_note;       ///< the lane rule in words
  double start_on_lap_m = 0.0;  ///< where the start lies, metres after the finish line

  double total_m() const;
  /// True when every leg is at most 200 m and every exchange blind (a "sprint relay").
  bool sprint() const;
};

/// Every standard event under a rule set, in a fixed order.
std::vector<Event> standard_events(RuleSet rules);

/// Looks up an event by id (case-insensitive; "swedish" and "medley" name the 100-200-300-400
/// medley). An id may carry its own leg order after a colon: "smr:400-200-200-800" keeps the
/// event's name and rules with legs in that order. Throws NotFoundError naming `where` and
/// listing the known ids, or ParseError for a malformed leg order.
Event find_event(std::string_view id, RuleSet rules, const Location& where = {});

/// Builds an event from leg distances under a rule set, deriving zones, exchange kinds and the
/// start position from the rules. Throws ValidationError for fewer than 2 or more than 8 legs or
/// legs outside 50 m - 1609.344 m.
Event make_event(std::string id, std::string name, const std::vector<double>& legs_m, RuleSet rules,
                 SexRule sex_rule = SexRule::single_sex, double lanes_until_m = 0.0,
                 std::string lanes_note = "no lanes (waterfall start)");

}  // namespace baton
