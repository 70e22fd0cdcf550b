// Synthetic relay cost tables and squads shared by the lineup tests and benchmarks: seeded,
// with realistic magnitudes (100 m legs of 10-13 s, exchange terms of -1.0 to +0.3 s).
#pragma once

#include <random>
#include <vector>

#include "baton/athlete.h"
#include "baton/meet_lineup.h"
#include "baton/relay_costs.h"

namespace baton::scenarios {

/// Leg costs: each athlete has a base time for `leg_m` (scaled from a 10-13 s 100 m) plus a
/// per-leg skill term of +-0.15 s; exchange terms uniform in [-1.0, +0.3] s (zero when
/// `with_exchanges` is false). `impossible_fraction` of leg terms are +infinity.
inline RelayCosts random_relay_costs(int athletes, int legs, unsigned seed,
                                     bool with_exchanges = true, double leg_m = 100.0,
                                     double impossible_fraction = 0.0) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> base(10.0, 13.0);
  std::uniform_real_distribution<double> skill(-0.15, 0.15);
  std::uniform_real_distribution<double> exch(-1.0, 0.3);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const double scale = leg_m <= 100.0 ? 1.0 : leg_m / 100.0 * 1.1;
  RelayCosts c(athletes, legs);
  for (int a = 0; a < athletes; ++a) {
    const double b = base(rng) * scale;
    for (int l = 0; l < legs; ++l) {
      c.leg(a, l) = unit(rng) < impossible_fraction ? RelayCosts::kImpossible : b + skill(rng);
    }
  }
  if (with_exchanges) {
    for (double& e : c.exchange_s) e = exch(rng);
  }
  return c;
}

/// Alternating sexes: even indices women, odd indices men.
inline std::vector<Sex> alternating_sexes(int athletes) {
  std::vector<Sex> s(athletes);
  for (int a = 0; a < athletes; ++a) s[a] = a % 2 == 0 ? Sex::female : Sex::male;
  return s;
}

/// A standard meet: a roster of `athletes` (half women, alternating) with correlated abilities,
/// six relays (girls' and boys' 4x100, 4x200 and 4x400), `teams` teams each, at most
/// `max_relays` relays per athlete, at most 4 events with 0-2 individual events already entered,
/// and the 4x200 and 4x400 too close together to share athletes. With `open_sex` the relays
/// have no sex rule (every athlete eligible everywhere: the largest programs).
inline MeetLineupRequest standard_meet(int athletes, unsigned seed, int teams = 2,
                                       int max_relays = 2, bool open_sex = false) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_real_distribution<double> sprint_exch(-1.0, 0.3);
  std::uniform_real_distribution<double> visual_exch(-0.6, 0.1);
  std::uniform_int_distribution<int> already(0, 2);
  MeetLineupRequest req;
  req.sexes = alternating_sexes(athletes);
  std::vector<double> base(athletes);  // 100 m time, seconds
  for (int a = 0; a < athletes; ++a) {
    base[a] = 10.4 + 2.2 * unit(rng) + (req.sexes[a] == Sex::female ? 0.9 : 0.0);
    req.events_already.push_back(already(rng));
  }
  const struct {
    const char* id;
    double leg_m;
    double ratio;  // leg time / 100 m time, before individual spread
  } events[] = {{"4x100", 100, 0.93}, {"4x200", 200, 1.95}, {"4x400", 400, 4.35}};
  for (int sex = 0; sex < 2; ++sex) {
    for (const auto& e : events) {
      MeetRelay r;
      r.event = e.id;
      if (!open_sex) r.required_sex = sex == 0 ? Sex::female : Sex::male;
      r.teams = teams;
      r.costs = RelayCosts(athletes, 4);
      for (int a = 0; a < athletes; ++a) {
        const double endurance = 1.0 + 0.06 * (unit(rng) - 0.5) * e.leg_m / 100.0;
        for (int l = 0; l < 4; ++l) {
          r.costs.leg(a, l) = base[a] * e.ratio * endurance + 0.1 * (unit(rng) - 0.5);
        }
      }
      for (double& x : r.costs.exchange_s) {
        x = e.leg_m <= 200 ? sprint_exch(rng) : visual_exch(rng);
      }
      req.relays.push_back(std::move(r));
    }
  }
  req.max_relays_per_athlete = max_relays;
  req.max_events = 4;
  req.conflicts = {{1, 2}, {4, 5}};
  return req;
}

}  // namespace baton::scenarios
