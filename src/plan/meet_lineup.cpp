// The meet-wide lineup: checks the request, finds a first legal meet lineup greedily, raises a
// Lagrangian lower bound on the per-athlete limits (meet_lagrangian.cpp) whose repaired
// solutions improve that lineup, and stops there when bound and lineup meet. Otherwise the bound
// prunes athlete-leg and exchange-pair candidates that cannot be in a lineup as good as the best
// one found (meet_prune.cpp), and CBC closes the gap on what is left (meet_ip.cpp), starting
// from the best lineup and ignoring anything worse.
#include "baton/meet_lineup.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "baton/error.h"
#include "baton/lineup.h"
#include "plan/meet_model.h"

namespace baton {
namespace {

using plan::MeetModel;
using plan::TeamSlot;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int kNoLimit = 1 << 20;
/// Branch-and-bound nodes for the first lineup (or the proof there is none) of the runners'
/// assignment alone: its LP is usually integral or nearly so.
constexpr long long kFillNodes = 2000;
const char* const kTeamLetters[] = {"A", "B", "C"};

Location field(const char* name) { return Location{"meet lineup request", 0, name}; }

std::string relay_label(const MeetLineupRequest& req, int r) {
  const std::string& e = req.relays[r].event;
  return e.empty() ? fmt::format("relay {}", r + 1) : e;
}

LineupRequest single_request(const MeetLineupRequest& req, int r, int team) {
  const MeetRelay& relay = req.relays[r];
  LineupRequest one;
  if (team == 0) one.locked_legs = relay.locked_legs;
  one.excluded = relay.excluded;
  one.sexes = req.sexes;
  one.sex_rule = relay.sex_rule;
  one.required_sex = relay.required_sex;
  one.names = req.names;
  return one;
}

void check_request(const MeetLineupRequest& req) {
  if (req.relays.empty()) throw ValidationError("no relays to fill", field("relays"));
  const int n = req.relays[0].costs.athletes;
  for (size_t r = 0; r < req.relays.size(); ++r) {
    const MeetRelay& relay = req.relays[r];
    const std::string who = relay_label(req, static_cast<int>(r));
    if (relay.costs.athletes != n) {
      throw ValidationError(fmt::format("{}: cost tables cover {} athletes, the first relay's {}",
                                        who, relay.costs.athletes, n),
                            field("relays"));
    }
    if (relay.teams < 1 || relay.teams > 3) {
      throw ValidationError(
          fmt::format("{}: teams per relay must be 1 to 3, not {}", who, relay.teams),
          field("teams"));
    }
    if (!(relay.weight >= 0.0) || !std::isfinite(relay.weight)) {
      throw ValidationError(fmt::format("{}: weight must be a finite number >= 0", who),
                            field("weight"));
    }
  }
  for (double w : req.team_weights) {
    if (!(w >= 0.0) || !std::isfinite(w)) {
      throw ValidationError("team weights must be finite numbers >= 0", field("team_weights"));
    }
  }
  if (req.max_relays_per_athlete < 0 || req.max_events < 0) {
    throw ValidationError("per-athlete limits must be >= 0 (0 = no limit)",
                          field("max_relays_per_athlete"));
  }
  if (!req.events_already.empty() && req.events_already.size() != static_cast<size_t>(n)) {
    throw ValidationError(
        fmt::format("{} event counts given for {} athletes", req.events_already.size(), n),
        field("events_already"));
  }
  for (const auto& [r1, r2] : req.conflicts) {
    const int count = static_cast<int>(req.relays.size());
    if (r1 < 0 || r2 < 0 || r1 >= count || r2 >= count || r1 == r2) {
      throw ValidationError(fmt::format("conflict ({}, {}) must name two different relays of "
                                        "0 to {}",
                                        r1, r2, count - 1),
                            field("conflicts"));
    }
  }
  if (req.budget.max_steps < -1) {
    throw ValidationError("the step budget must be >= 0, or -1 for no limit", field("budget"));
  }
}

double team_weight(const MeetLineupRequest& req, int r, int t) {
  const double tw = t < static_cast<int>(req.team_weights.size()) ? req.team_weights[t] : 1.0;
  return req.relays[r].weight * tw;
}

}  // namespace

namespace plan {

MeetModel build_meet_model(const MeetLineupRequest& req) {
  MeetModel m;
  m.request = &req;
  m.athletes = req.relays[0].costs.athletes;
  const int n = m.athletes;
  m.capacity.assign(n, kNoLimit);
  for (int a = 0; a < n; ++a) {
    if (req.max_relays_per_athlete > 0) m.capacity[a] = req.max_relays_per_athlete;
    if (req.max_events > 0) {
      const int already = req.events_already.empty() ? 0 : req.events_already[a];
      m.capacity[a] = std::min(m.capacity[a], std::max(0, req.max_events - already));
    }
  }
  for (int r = 0; r < static_cast<int>(req.relays.size()); ++r) {
    const MeetRelay& relay = req.relays[r];
    // Athletes with no room left in their limits cannot run at all.
    LineupRequest one = single_request(req, r, 0);
    for (int a = 0; a < n; ++a) {
      if (m.capacity[a] == 0) {
        for (const auto& [leg, who] : one.locked_legs) {
          if (who == a) {
            throw ValidationError(
                fmt::format("{}: {} is locked on leg {} but has already reached the limit of "
                            "{} events",
                            relay_label(req, r), plan::athlete_label(one, a), leg + 1,
                            req.max_events),
                field("max_events"));
          }
        }
        one.excluded.push_back(a);
      }
    }
    for (int t = 0; t < relay.teams; ++t) {
      TeamSlot slot;
      slot.relay = r;
      slot.team = t;
      slot.weight = team_weight(req, r, t);
      LineupRequest team_req = one;
      if (t > 0) team_req.locked_legs.clear();
      try {
        slot.rules = plan::check_lineup_request(relay.costs, team_req);
        slot.request = team_req;
      } catch (const ValidationError& e) {
        throw ValidationError(relay_label(req, r) + ": " + e.message(), e.where());
      }
      slot.pairs = std::any_of(relay.costs.exchange_s.begin(), relay.costs.exchange_s.end(),
                               [](double v) { return v != 0.0; });
      m.slots.push_back(std::move(slot));
    }
    // Enough distinct runners for all the relay's teams?
    if (relay.teams > 1) {
      const plan::RelayRules& rules = m.slots.back().rules;
      const int legs = relay.costs.legs;
      std::vector<char> can(n, 0);
      for (const auto& leg : rules.candidates) {
        for (int a : leg) can[a] = 1;
      }
      int women = 0, men = 0;
      for (int a = 0; a < n; ++a) {
        if (can[a]) (rules.woman[a] ? women : men)++;
      }
      const int need = legs * relay.teams;
      std::string problem;
      if (women + men < need) {
        problem = fmt::format("{} teams need {} runners, only {} are available", relay.teams, need,
                              women + men);
      } else if (relay.sex_rule == SexRule::mixed_two_two && (women < need / 2 || men < need / 2)) {
        problem = fmt::format("{} mixed teams need {} women and {} men, {} and {} are available",
                              relay.teams, need / 2, need / 2, women, men);
      }
      if (!problem.empty()) {
        throw ValidationError(relay_label(req, r) + ": " + problem, field("teams"));
      }
    }
  }
  for (const auto& c : req.conflicts) m.conflicts.push_back(c);
  // Teams of one relay with equal weights and no locks are interchangeable.
  for (size_t s = 0; s + 1 < m.slots.size(); ++s) {
    const TeamSlot& a = m.slots[s];
    const TeamSlot& b = m.slots[s + 1];
    if (a.relay == b.relay && a.weight == b.weight && a.weight > 0 &&
        (a.team > 0 || req.relays[a.relay].locked_legs.empty())) {
      m.faster_first.push_back({static_cast<int>(s), static_cast<int>(s + 1)});
    }
  }
  return m;
}

}  // namespace plan

namespace {

// Fills slots one at a time with the best order from whoever is still free. Returns an empty
// vector when it paints itself into a corner (the integer program may still succeed).
std::vector<std::vector<int>> greedy_start(const MeetModel& m) {
  const MeetLineupRequest& req = *m.request;
  std::vector<int> left = m.capacity;
  std::vector<std::vector<char>> in_relay(req.relays.size(), std::vector<char>(m.athletes, 0));
  std::vector<std::vector<int>> orders;
  for (const TeamSlot& slot : m.slots) {
    LineupRequest one = single_request(req, slot.relay, slot.team);
    for (int a = 0; a < m.athletes; ++a) {
      bool blocked = left[a] == 0 || in_relay[slot.relay][a];
      for (const auto& [r1, r2] : m.conflicts) {
        if (r1 == slot.relay && in_relay[r2][a]) blocked = true;
        if (r2 == slot.relay && in_relay[r1][a]) blocked = true;
      }
      if (blocked) one.excluded.push_back(a);
    }
    try {
      std::vector<int> order = best_lineups(req.relays[slot.relay].costs, one).best.order;
      for (int a : order) {
        left[a]--;
        in_relay[slot.relay][a] = 1;
      }
      orders.push_back(std::move(order));
    } catch (const ValidationError&) {
      return {};
    }
  }
  return orders;
}

// Puts interchangeable teams in order, the faster one first (their times may simply swap).
void faster_first(const MeetModel& m, std::vector<std::vector<int>>& orders) {
  if (orders.empty()) return;
  for (size_t pass = 0; pass < m.faster_first.size() + 1; ++pass) {
    bool swapped = false;
    for (const auto& [fast, slow] : m.faster_first) {
      const RelayCosts& c = m.request->relays[m.slots[fast].relay].costs;
      if (c.team_time_s(orders[fast]) > c.team_time_s(orders[slow])) {
        std::swap(orders[fast], orders[slow]);
        swapped = true;
      }
    }
    if (!swapped) break;
  }
}

}  // namespace

MeetLineupResult best_meet_lineups(const MeetLineupRequest& req) {
  check_request(req);
  if (req.objective == MeetObjective::points) return plan::best_meet_points(req);
  MeetModel m = plan::build_meet_model(req);
  plan::SearchMeter meter(req.budget);
  // Every team's own best, weighted, is the Lagrangian bound at zero multipliers: a bound even
  // when the budget allows no search at all.
  double own_best = 0.0;
  for (const TeamSlot& slot : m.slots) {
    // A team that cannot be filled even on its own is reported with the single-relay message.
    try {
      own_best +=
          slot.weight * best_lineups(req.relays[slot.relay].costs, slot.request).best.team_time_s;
    } catch (const ValidationError& e) {
      throw ValidationError(relay_label(req, slot.relay) + ": " + e.message(), e.where());
    }
  }

  const plan::MeetRelaxation relax = plan::relax_meet(m, greedy_start(m), meter, 500);
  const double bound = std::max(relax.bound, own_best);
  std::vector<std::vector<int>> start = relax.orders;
  faster_first(m, start);
  double upper = relax.upper;
  // The penalties come with the first bound iteration; without them there is nothing to prune.
  const bool search = !meter.ran_out() && !relax.penalty.empty();
  plan::MeetColumns columns = search && upper < kInf
                                  ? plan::enumerate_columns(m, relax, upper - relax.bound)
                                  : plan::MeetColumns();
  // Too many orders within the gap: the incumbent may be poor. Solve the program over the
  // orders within a smaller gap (a heuristic: it may miss the optimum) to improve it, and retry;
  // it may take a quarter of the steps left.
  for (double slack = (upper - relax.bound) / 2;
       search && upper < kInf && columns.empty() && slack > 1e-6; slack /= 2) {
    const plan::MeetColumns few = plan::enumerate_columns(m, relax, slack);
    if (few.empty()) continue;
    const long long quarter = meter.left() < 0 ? -1 : meter.left() / 4;
    const plan::MeetSolution better = plan::solve_meet_columns(m, few, {}, meter, upper, quarter);
    if (!better.orders.empty() && plan::meet_objective(m, better.orders) < upper) {
      start = better.orders;
      upper = plan::meet_objective(m, start);
      columns = plan::enumerate_columns(m, relax, upper - relax.bound);
    }
    break;
  }
  const bool closed = upper < kInf && bound >= upper - 1e-9 * std::max(1.0, std::abs(upper));

  plan::MeetSolution sol;
  if (closed) {
    sol.orders = start;
    sol.optimal = true;
    sol.bound = bound;
  } else if (search && !meter.ran_out()) {
    if (upper == kInf) {
      // No lineup found yet, perhaps because there is none. The runners' assignment alone (no
      // exchange-pair variables, no team order: a relaxation, and a far smaller program) shows
      // that quickly: without a solution there, the meet has none either. With one, its lineup
      // starts the full program when its exchanges are allowed.
      plan::MeetModel bare = m;
      for (TeamSlot& slot : bare.slots) {
        slot.legs = slot.rules.candidates;
        slot.pairs = false;
      }
      bare.faster_first.clear();
      const plan::MeetSolution fill = plan::solve_meet_ip(bare, {}, meter, kInf, kFillNodes);
      if (fill.infeasible) {
        sol.infeasible = true;
      } else if (plan::meet_feasible(m, fill.orders) &&
                 plan::meet_objective(m, fill.orders) < kInf) {
        start = fill.orders;
        faster_first(m, start);
        upper = plan::meet_objective(m, start);
        columns = plan::enumerate_columns(m, relax, upper - relax.bound);
      }
    }
  }
  if (!closed && !sol.infeasible && search && !meter.ran_out()) {
    const double cutoff = upper < kInf ? upper + 1e-6 * (1.0 + std::abs(upper)) : kInf;
    if (!columns.empty()) {
      sol = plan::solve_meet_columns(m, columns, start, meter, cutoff);
    } else {
      for (size_t s = 0; s < m.slots.size(); ++s) {
        TeamSlot& slot = m.slots[s];
        const RelayCosts pen =
            plan::penalised_costs(req.relays[slot.relay].costs, slot.weight, relax.penalty[s]);
        plan::prune_slot(slot, pen, upper - (relax.bound - relax.value[s]));
      }
      sol = plan::solve_meet_ip(m, start, meter, cutoff);
    }
  }
  if (!closed) {
    if (sol.orders.empty() && !start.empty()) {
      // CBC found nothing below the cutoff: either it proved there is nothing better than the
      // start (infeasible under the cutoff), or the budget ran out (also before CBC could run).
      sol.orders = start;
      sol.optimal = sol.infeasible;
      sol.infeasible = false;
    }
    sol.bound = std::max(sol.bound, bound);
  }
  if (sol.orders.empty()) {
    if (sol.infeasible) {
      std::string limits;
      if (req.max_relays_per_athlete > 0) {
        limits += fmt::format(", at most {} relay{} per athlete", req.max_relays_per_athlete,
                              req.max_relays_per_athlete == 1 ? "" : "s");
      }
      if (req.max_events > 0) limits += fmt::format(", at most {} events", req.max_events);
      if (!req.conflicts.empty()) limits += ", relays that may not share athletes";
      throw ValidationError(
          "the relays cannot all be filled at once: too few athletes for every team under the "
          "sex rules" +
              limits,
          field("relays"));
    }
    throw ValidationError(fmt::format("no meet lineup found before the search budget ran out "
                                      "(after {} steps): allow more",
                                      meter.used()),
                          field("budget"));
  }
  MeetLineupResult result;
  for (size_t s = 0; s < m.slots.size(); ++s) {
    const TeamSlot& slot = m.slots[s];
    MeetRelayLineup lineup;
    lineup.event_index = slot.relay;
    lineup.team = kTeamLetters[slot.team];
    lineup.order = sol.orders[s];
    lineup.team_time_s = req.relays[slot.relay].costs.team_time_s(lineup.order);
    result.objective += slot.weight * lineup.team_time_s;
    result.relays.push_back(std::move(lineup));
  }
  result.optimal = sol.optimal;
  result.stopped_on_budget = meter.ran_out() && !sol.optimal;
  result.steps = meter.used();
  result.lagrangian_bound_s = std::min(bound, result.objective);
  result.bound_s = sol.optimal ? result.objective : std::min(sol.bound, result.objective);
  result.gap = sol.optimal ? 0.0
                           : (result.objective - result.bound_s) /
                                 std::max(1e-9, std::abs(result.objective));
  return result;
}

MeetLineupRequest meet_lineup_request(const Team& team) {
  MeetLineupRequest req;
  for (const Athlete& a : team.athletes) {
    req.sexes.push_back(a.sex);
    req.names.push_back(a.name);
  }
  return req;
}

}  // namespace baton
