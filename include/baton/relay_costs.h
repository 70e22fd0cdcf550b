// A relay's predicted team time split into terms that depend on one runner on one leg and on
// one pair at one exchange, so that lineups can be optimised exactly:
//   team_time(order) = sum over legs l of leg(order[l], l)
//                    + sum over exchanges k of exchange(k, order[k], order[k + 1]).
#pragma once

#include <cstddef>
#include <limits>
#include <span>
#include <vector>

namespace baton {

struct RelayCosts {
  int athletes = 0;  ///< roster size; athlete indices refer to the roster's order
  int legs = 0;      ///< legs of the event
  /// leg_s[a * legs + l]: seconds contributed by athlete a on leg l; +infinity when a cannot
  /// run leg l (no usable marks, excluded, wrong sex).
  std::vector<double> leg_s;
  /// exchange_s[(k * athletes + from) * athletes + to]: seconds contributed by the pair at
  /// exchange k (k = 0 is legs 1 -> 2), usually the time the baton gains or loses through the
  /// zone relative to the runners' own legs; +infinity when the pair cannot exchange.
  std::vector<double> exchange_s;

  static constexpr double kImpossible = std::numeric_limits<double>::infinity();

  /// Sized tables filled with zeros.
  RelayCosts(int athlete_count, int leg_count)
      : athletes(athlete_count),
        legs(leg_count),
        leg_s(static_cast<size_t>(athlete_count) * leg_count, 0.0),
        exchange_s(
            static_cast<size_t>(leg_count > 0 ? leg_count - 1 : 0) * athlete_count * athlete_count,
            0.0) {}
  RelayCosts() = default;

  double& leg(int a, int l) { return leg_s[static_cast<size_t>(a) * legs + l]; }
  double leg(int a, int l) const { return leg_s[static_cast<size_t>(a) * legs + l]; }
  double& exchange(int k, int from, int to) {
    return exchange_s[(static_cast<size_t>(k) * athletes + from) * athletes + to];
  }
  double exchange(int k, int from, int to) const {
    return exchange_s[(static_cast<size_t>(k) * athletes + from) * athletes + to];
  }

  /// The team time of a running order (athlete indices, one per leg), seconds.
  double team_time_s(std::span<const int> order) const {
    double total = 0.0;
    for (int l = 0; l < legs; ++l) total += leg(order[l], l);
    for (int k = 0; k + 1 < legs; ++k) total += exchange(k, order[k], order[k + 1]);
    return total;
  }
};

}  // namespace baton
