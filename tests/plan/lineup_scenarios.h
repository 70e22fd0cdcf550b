// Synthetic relay cost tables and squads shared by the lineup tests and benchmarks: seeded,
// with realistic magnitudes (100 m legs of 10-13 s, exchange terms of -1.0 to +0.3 s).
#pragma once

#include <random>
#include <vector>

#include "baton/athlete.h"
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

}  // namespace baton::scenarios
