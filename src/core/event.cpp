#include "baton/event.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "baton/units.h"
#include "core/text.h"

namespace baton {
namespace {

using text::lowercase;

// Break lines measured as race distance from the start, for a race that starts on the finish
// line: lanes end at the start of the back straight after the first bend (115.61 m) or after
// the third bend (400 + 115.61 m).
constexpr double kOneBend = 115.61;
constexpr double kThreeBends = 515.61;

// Exchange zones. World Athletics Rule 24.19-24.20 (30 m zones for 4x100, 4x200 and the first two
// medley exchanges, i.e. incoming legs of at most 200 m; 20 m zones centred on the scratch line
// otherwise). NCAA: 30 m zones for 4x100, 4x200 and the first sprint-medley exchange (both legs
// at most 200 m). NFHS 5-3-3/5-3-4: 30 m zones where the incoming leg is 200 m or less.
bool thirty_metre_zone(RuleSet rules, double incoming_m, double outgoing_m) {
  switch (rules) {
    case RuleSet::wa:
    case RuleSet::nfhs:
      return incoming_m <= 200.0 + 1e-9;
    case RuleSet::ncaa:
      return incoming_m <= 200.0 + 1e-9 && outgoing_m <= 200.0 + 1e-9;
  }
  return false;
}

std::string zone_rule_text(RuleSet rules, bool thirty) {
  switch (rules) {
    case RuleSet::wa:
      return thirty ? "WA Rule 24: 30 m zone, scratch line 20 m in"
                    : "WA Rule 24: 20 m zone centred on the scratch line";
    case RuleSet::ncaa:
      return thirty ? "NCAA: 30 m zone (4x100, 4x200, first SMR exchange), scratch line 20 m in"
                    : "NCAA: 20 m zone centred on the scratch line";
    case RuleSet::nfhs:
      return thirty ? "NFHS 5-3-3: 30 m zone for incoming legs of 200 m or less"
                    : "NFHS 5-3-4: 20 m zone centred on the scratch line";
  }
  return {};
}

struct Standard {
  const char* id;
  const char* name;
  std::vector<double> legs;
  SexRule sex_rule;
  double lanes_until_m;  // < 0: the whole race
  const char* lanes_note;
};

std::vector<Standard> standard_table() {
  const double mile = kMileM;
  return {
      {"4x100",
       "4x100 m relay",
       {100, 100, 100, 100},
       SexRule::single_sex,
       -1,
       "in lanes throughout"},
      {"4x200",
       "4x200 m relay",
       {200, 200, 200, 200},
       SexRule::single_sex,
       kThreeBends,
       "in lanes for the first three bends"},
      {"4x400",
       "4x400 m relay",
       {400, 400, 400, 400},
       SexRule::single_sex,
       kThreeBends,
       "leg 1 and leg 2 up to the break line in lanes"},
      {"4x800",
       "4x800 m relay",
       {800, 800, 800, 800},
       SexRule::single_sex,
       kOneBend,
       "first bend in lanes"},
      {"4x1500",
       "4x1500 m relay",
       {1500, 1500, 1500, 1500},
       SexRule::single_sex,
       0,
       "no lanes (waterfall start)"},
      {"4x1600",
       "4x1600 m relay",
       {1600, 1600, 1600, 1600},
       SexRule::single_sex,
       0,
       "no lanes (waterfall start)"},
      {"4xmile",
       "4xMile relay",
       {mile, mile, mile, mile},
       SexRule::single_sex,
       0,
       "no lanes (waterfall start)"},
      {"smr",
       "Sprint medley relay (200-200-400-800)",
       {200, 200, 400, 800},
       SexRule::single_sex,
       kThreeBends,
       "in lanes for the first three bends"},
      {"smr-800",
       "Sprint medley relay (100-100-200-400)",
       {100, 100, 200, 400},
       SexRule::single_sex,
       kThreeBends,
       "in lanes for the first three bends"},
      {"medley",
       "Medley relay (100-200-300-400)",
       {100, 200, 300, 400},
       SexRule::single_sex,
       315.61,
       "legs 1 and 2 and the first bend of leg 3 in lanes"},
      {"dmr",
       "Distance medley relay (1200-400-800-1600)",
       {1200, 400, 800, 1600},
       SexRule::single_sex,
       0,
       "no lanes (waterfall start)"},
      {"mixed-4x400",
       "Mixed 4x400 m relay (2 men, 2 women)",
       {400, 400, 400, 400},
       SexRule::mixed_two_two,
       kThreeBends,
       "leg 1 and leg 2 up to the break line in lanes"},
  };
}

Event from_standard(const Standard& s, RuleSet rules, const std::vector<double>& legs) {
  double total = 0.0;
  for (double d : legs) total += d;
  const double lanes = s.lanes_until_m < 0 ? total : s.lanes_until_m;
  return make_event(s.id, s.name, legs, rules, s.sex_rule, lanes, s.lanes_note);
}

std::vector<double> parse_leg_order(std::string_view text, const Location& where) {
  std::vector<double> legs;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '-' || text[i] == ',') {
      legs.push_back(parse_distance(text.substr(start, i - start), where));
      start = i + 1;
    }
  }
  return legs;
}

}  // namespace

RuleSet parse_rules(std::string_view text, const Location& where) {
  const std::string s = lowercase(text);
  if (s == "wa" || s == "iaaf" || s == "world") return RuleSet::wa;
  if (s == "ncaa") return RuleSet::ncaa;
  if (s == "nfhs" || s == "hs") return RuleSet::nfhs;
  throw ParseError("unknown rule set '" + std::string(text) + "': use wa, ncaa or nfhs", where);
}

std::string_view to_string(RuleSet rules) {
  switch (rules) {
    case RuleSet::wa:
      return "wa";
    case RuleSet::ncaa:
      return "ncaa";
    case RuleSet::nfhs:
      return "nfhs";
  }
  return "wa";
}

std::vector<RuleSet> all_rule_sets() { return {RuleSet::wa, RuleSet::ncaa, RuleSet::nfhs}; }

std::string_view to_string(SexRule rule) {
  return rule == SexRule::mixed_two_two ? "mixed-2-2" : "single-sex";
}

double bend_metres(double start_on_lap_m, double from_m, double to_m, const TrackGeometry& track) {
  const double lap = track.lap_m;
  const double bend = track.bend_m();
  const double half = lap / 2.0;
  double total = 0.0;
  // Walk the race in lap coordinates; bends occupy [0, bend) and [half, half + bend) of each lap.
  const double a = start_on_lap_m + from_m;
  const double b = start_on_lap_m + to_m;
  const double first_lap = std::floor(a / lap);
  for (double k = first_lap; k * lap < b; k += 1.0) {
    for (double offset : {0.0, half}) {
      const double lo = k * lap + offset;
      const double hi = lo + bend;
      total += std::max(0.0, std::min(b, hi) - std::max(a, lo));
    }
  }
  return total;
}

double Event::total_m() const {
  double total = 0.0;
  for (const Leg& leg : legs) total += leg.distance_m;
  return total;
}

bool Event::sprint() const {
  return std::all_of(legs.begin(), legs.end(), [](const Leg& l) { return l.distance_m <= 200.0; });
}

Event make_event(std::string id, std::string name, const std::vector<double>& legs_m, RuleSet rules,
                 SexRule sex_rule, double lanes_until_m, std::string lanes_note) {
  if (legs_m.size() < 2 || legs_m.size() > 8) {
    throw ValidationError(fmt::format("a relay has 2 to 8 legs, not {}", legs_m.size()),
                          Location{"", 0, "legs"});
  }
  for (double d : legs_m) {
    if (!(d >= 50.0 && d <= kMileM + 1e-6)) {
      throw ValidationError(fmt::format("leg of {} is outside 50 m to 1 mile", distance_label(d)),
                            Location{"", 0, "legs"});
    }
  }
  Event e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.rules = rules;
  e.sex_rule = sex_rule;
  e.lanes_until_m = lanes_until_m;
  e.lanes_note = std::move(lanes_note);
  double total = 0.0;
  for (double d : legs_m) total += d;
  // The finish is on the finish line, so the start lies (total mod 400) metres before it.
  const TrackGeometry track;
  e.start_on_lap_m = std::fmod(track.lap_m - std::fmod(total, track.lap_m), track.lap_m);
  if (e.start_on_lap_m > track.lap_m - 1e-9) e.start_on_lap_m = 0.0;

  double at = 0.0;
  for (size_t i = 0; i < legs_m.size(); ++i) {
    Leg leg;
    leg.number = static_cast<int>(i) + 1;
    leg.distance_m = legs_m[i];
    leg.start_race_m = at;
    leg.block_start = i == 0 && legs_m[i] <= 400.0;
    leg.bend_m = bend_metres(e.start_on_lap_m, at, at + legs_m[i], track);
    e.legs.push_back(leg);
    at += legs_m[i];
  }
  for (size_t i = 0; i + 1 < legs_m.size(); ++i) {
    ExchangeZone z;
    z.number = static_cast<int>(i) + 1;
    const bool thirty = thirty_metre_zone(rules, legs_m[i], legs_m[i + 1]);
    z.zone_length_m = thirty ? 30.0 : 20.0;
    z.scratch_from_zone_start_m = thirty ? 20.0 : 10.0;
    z.zone_start_race_m = e.legs[i + 1].start_race_m - z.scratch_from_zone_start_m;
    z.blind = legs_m[i] <= 200.0 + 1e-9;
    z.in_lanes = z.zone_start_race_m < e.lanes_until_m;
    z.rule = zone_rule_text(rules, thirty);
    e.exchanges.push_back(z);
  }
  return e;
}

std::vector<Event> standard_events(RuleSet rules) {
  std::vector<Event> out;
  for (const Standard& s : standard_table()) out.push_back(from_standard(s, rules, s.legs));
  return out;
}

Event find_event(std::string_view id_text, RuleSet rules, const Location& where) {
  std::string id = lowercase(id_text);
  std::string order;
  if (const size_t colon = id.find(':'); colon != std::string::npos) {
    order = id.substr(colon + 1);
    id.resize(colon);
  }
  if (id == "swedish") id = "medley";
  if (id == "4x1mile") id = "4xmile";
  if (id == "mixed4x400" || id == "4x400-mixed" || id == "4x400mixed") id = "mixed-4x400";
  std::string known;
  for (const Standard& s : standard_table()) {
    if (s.id == id) {
      if (order.empty()) return from_standard(s, rules, s.legs);
      return from_standard(s, rules, parse_leg_order(order, with_field(where, "leg order")));
    }
    known += known.empty() ? s.id : std::string(", ") + s.id;
  }
  throw NotFoundError("unknown event '" + std::string(id_text) + "'; known events: " + known,
                      where);
}

}  // namespace baton
