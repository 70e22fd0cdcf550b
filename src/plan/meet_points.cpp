// The meet's lineups by expected points. Each relay's expected points depend on its team time
// only, through a curve the caller derives from the relay's field, so the points of a team are
// a value of that team alone and the meet is a choice of one order per relay under the
// per-athlete limits, as in meet_columns.cpp, with a column's cost its negated points.
//
// Points are not linear in time, so the time solver's bound does not apply. Instead:
// - Upper end: no relay can score more than its curve's best at or after its fastest legal
//   order, so the sum of those bests bounds the meet (the cost bound `lower` below).
// - Good lineups: the time solver with each relay weighted by the points its curve loses per
//   second near the current lineup's time (a linearisation), repeated from the lineups found.
// - Exactness: a relay order can only be in a lineup better than the best found when its cost
//   lies within gap = best - lower of the relay's least cost. Cost grows with time except where
//   the curve falls, so that gives the slowest time worth listing; every set of runners whose
//   fastest order is within it becomes a column (only runners tie relays together, and a set's
//   fastest order is its best), and CBC proves the best choice. When a relay lists too many
//   orders the best lineups found are returned with the points gap to the bound.
// A tie-break of a millionth of a point per second of team time makes lineups with the same
// expected points (a relay out of reach, or won whatever the order) choose the faster teams.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "baton/error.h"
#include "baton/lineup.h"
#include "baton/meet_lineup.h"
#include "plan/meet_model.h"

namespace baton {

double PointsByTime::at(double team_time_s) const {
  if (points.empty()) return 0.0;
  const double x = (team_time_s - start_s) / step_s;
  const size_t last = points.size() - 1;
  if (!(x > 0.0)) return points.front();
  if (x >= static_cast<double>(last)) return points.back();
  const size_t i = static_cast<size_t>(x);
  const double f = x - static_cast<double>(i);
  return points[i] + f * (points[i + 1] - points[i]);
}

namespace plan {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
/// Points a second of team time is worth in the tie-break.
constexpr double kTieBreakPerS = 1e-6;
/// Orders listed per relay before the exact step gives up (and reports the gap).
constexpr size_t kMostOrders = 50000;

Location field(const char* name) { return Location{"meet lineup request", 0, name}; }

std::string relay_label(const MeetLineupRequest& req, int r) {
  const std::string& e = req.relays[static_cast<size_t>(r)].event;
  return e.empty() ? fmt::format("relay {}", r + 1) : e;
}

double cost(const PointsByTime& f, double t) { return -f.at(t) + kTieBreakPerS * t; }

double sample_s(const PointsByTime& f, size_t i) {
  return f.start_s + static_cast<double>(i) * f.step_s;
}

// The least cost and the most points of a team no faster than `fastest`: at `fastest` or at a
// sample after it (both are linear between samples and the points flat beyond the last).
double least_cost_from(const PointsByTime& f, double fastest) {
  double best = cost(f, fastest);
  for (size_t i = 0; i < f.points.size(); ++i) {
    if (sample_s(f, i) > fastest) best = std::min(best, cost(f, sample_s(f, i)));
  }
  return best;
}

double most_points_from(const PointsByTime& f, double fastest) {
  double best = f.at(fastest);
  for (size_t i = 0; i < f.points.size(); ++i) {
    if (sample_s(f, i) > fastest) best = std::max(best, f.points[i]);
  }
  return best;
}

// The slowest team time, not below `fastest`, whose cost can be at most `limit`.
double slowest_within(const PointsByTime& f, double fastest, double limit) {
  // Beyond the last sample the cost grows by kTieBreakPerS a second.
  const double end = std::max(fastest, sample_s(f, f.points.size() - 1));
  const double beyond = (limit + f.points.back()) / kTieBreakPerS;
  if (beyond >= end) return beyond;
  std::vector<double> knots = {fastest};
  for (size_t i = 0; i < f.points.size(); ++i) {
    if (sample_s(f, i) > fastest) knots.push_back(sample_s(f, i));
  }
  double slowest = fastest;
  for (size_t k = 0; k + 1 < knots.size(); ++k) {
    const double a = knots[k], b = knots[k + 1];
    const double ca = cost(f, a), cb = cost(f, b);
    if (cb <= limit) {
      slowest = std::max(slowest, b);
    } else if (ca <= limit) {
      slowest = std::max(slowest, a + (limit - ca) / (cb - ca) * (b - a));
    }
  }
  return slowest;
}

// Points the curve loses per second around `t` (over +-2 samples), the time solver's weight.
double slope(const PointsByTime& f, double t) {
  const double h = 2.0 * f.step_s;
  return std::max(kTieBreakPerS, (f.at(t - h) - f.at(t + h)) / (2.0 * h));
}

void check_points_request(const MeetLineupRequest& req) {
  for (size_t r = 0; r < req.relays.size(); ++r) {
    const MeetRelay& relay = req.relays[r];
    const std::string who = relay_label(req, static_cast<int>(r));
    if (relay.teams != 1) {
      throw ValidationError(
          fmt::format("{}: expected points are for one team per relay, not {}", who, relay.teams),
          field("teams"));
    }
    if (relay.weight != 1.0) {
      throw ValidationError(
          fmt::format("{}: weights count seconds of team time; expected points are not "
                      "weighted",
                      who),
          field("weight"));
    }
    const PointsByTime& f = relay.points;
    const bool finite = std::all_of(f.points.begin(), f.points.end(),
                                    [](double p) { return std::isfinite(p) && p >= 0.0; });
    if (f.points.empty() || !finite || !(f.step_s > 0.0) || !std::isfinite(f.step_s) ||
        !std::isfinite(f.start_s)) {
      throw ValidationError(
          fmt::format("{}: no expected points by team time (finite points >= 0, step > 0)", who),
          field("points"));
    }
  }
}

}  // namespace

MeetLineupResult best_meet_points(const MeetLineupRequest& req) {
  check_points_request(req);
  const MeetModel m = build_meet_model(req);
  SearchMeter meter(req.budget);
  const size_t slots = m.slots.size();
  auto curve = [&](size_t s) -> const PointsByTime& {
    return req.relays[static_cast<size_t>(m.slots[s].relay)].points;
  };
  auto costs = [&](size_t s) -> const RelayCosts& {
    return req.relays[static_cast<size_t>(m.slots[s].relay)].costs;
  };
  std::vector<double> fastest(slots), least(slots);
  double lower = 0.0, points_bound = 0.0;
  for (size_t s = 0; s < slots; ++s) {
    try {
      fastest[s] = best_lineups(costs(s), m.slots[s].request).best.team_time_s;
    } catch (const ValidationError& e) {
      throw ValidationError(relay_label(req, m.slots[s].relay) + ": " + e.message(), e.where());
    }
    least[s] = least_cost_from(curve(s), fastest[s]);
    lower += least[s];
    points_bound += most_points_from(curve(s), fastest[s]);
  }
  auto total = [&](const std::vector<std::vector<int>>& orders) {
    double sum = 0.0;
    for (size_t s = 0; s < slots; ++s) sum += cost(curve(s), costs(s).team_time_s(orders[s]));
    return sum;
  };

  // Good lineups from the time solver, each relay weighted by its points per second near the
  // time it runs; the first round weighs every second alike.
  std::vector<std::vector<int>> best;
  double upper = kInf;
  MeetLineupRequest timed = req;
  timed.objective = MeetObjective::time;
  std::vector<double> at;
  for (int round = 0; round < 5; ++round) {
    if (round > 0 && (meter.left() == 0 || meter.caller_says_stop())) {
      meter.run_out();
      break;
    }
    for (size_t r = 0; r < timed.relays.size(); ++r) {
      timed.relays[r].weight = round == 0 ? 1.0 : slope(req.relays[r].points, at[r]);
    }
    timed.budget.max_steps = meter.left();
    MeetLineupResult found;
    try {
      found = best_meet_lineups(timed);
    } catch (const ValidationError& e) {
      if (e.where().field != "budget") throw;
      meter.run_out();
      break;
    }
    meter.spend(found.steps);
    if (found.stopped_on_budget) meter.run_out();
    std::vector<std::vector<int>> orders;
    std::vector<double> times(req.relays.size());
    for (const MeetRelayLineup& l : found.relays) {
      orders.push_back(l.order);
      times[static_cast<size_t>(l.event_index)] = l.team_time_s;
    }
    const double value = total(orders);
    if (value < upper) {
      upper = value;
      best = std::move(orders);
    }
    if (times == at || meter.ran_out()) break;
    at = std::move(times);
  }
  if (best.empty()) {
    throw ValidationError(fmt::format("no meet lineup found before the search budget ran out "
                                      "(after {} steps): allow more",
                                      meter.used()),
                          field("budget"));
  }

  bool optimal = upper <= lower + 1e-9 * std::max(1.0, std::abs(upper));
  if (!optimal && !meter.ran_out()) {
    std::vector<double> limit_s(slots);
    for (size_t s = 0; s < slots; ++s) {
      limit_s[s] = slowest_within(curve(s), fastest[s], least[s] + (upper - lower));
    }
    const MeetColumns columns = fastest_orders_within(m, limit_s, kMostOrders);
    if (!columns.empty()) {
      std::vector<std::vector<double>> column_costs(slots);
      for (size_t s = 0; s < slots; ++s) {
        for (const std::vector<int>& o : columns[s]) {
          column_costs[s].push_back(cost(curve(s), costs(s).team_time_s(o)));
        }
      }
      const double cutoff = upper + 1e-9 * std::max(1.0, std::abs(upper));
      const MeetSolution sol =
          solve_meet_columns(m, columns, best, meter, cutoff, -1, &column_costs);
      if (!sol.orders.empty() && total(sol.orders) < upper) {
        best = sol.orders;
        upper = total(best);
      }
      // Nothing under the cutoff proves the best lineups found optimal.
      optimal = sol.optimal || sol.infeasible;
    }
  }

  MeetLineupResult result;
  for (size_t s = 0; s < slots; ++s) {
    MeetRelayLineup lineup;
    lineup.event_index = m.slots[s].relay;
    lineup.team = "A";
    lineup.order = best[s];
    lineup.team_time_s = costs(s).team_time_s(lineup.order);
    lineup.expected_points = curve(s).at(lineup.team_time_s);
    result.objective += lineup.team_time_s;
    result.expected_points += lineup.expected_points;
    result.relays.push_back(std::move(lineup));
  }
  result.optimal = optimal;
  result.stopped_on_budget = meter.ran_out() && !optimal;
  result.steps = meter.used();
  result.points_bound =
      optimal ? result.expected_points : std::max(points_bound, result.expected_points);
  result.gap = optimal || result.points_bound <= 0.0
                   ? 0.0
                   : (result.points_bound - result.expected_points) / result.points_bound;
  return result;
}

}  // namespace plan
}  // namespace baton
