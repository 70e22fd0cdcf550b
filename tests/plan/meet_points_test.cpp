// The meet solver by expected points: checked against every combination of orders on tiny
// meets, with the documented objective (points minus a millionth of a point per second).
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "baton/error.h"
#include "baton/lineup.h"
#include "baton/meet_lineup.h"
#include "plan/lineup_scenarios.h"
#include "plan/meet_brute_force.h"

namespace baton {
namespace {

using scenarios::random_relay_costs;
using testing::meet_allows;
using testing::Slot;
using testing::slots_of;
using testing::team_orders;

constexpr double kTieBreakPerS = 1e-6;

// A falling curve as a field gives it: `top` points well ahead of `at_s`, `top / 2` there, none
// well behind, over `width_s`.
PointsByTime falling(double top, double at_s, double width_s) {
  PointsByTime f;
  f.step_s = width_s / 20.0;
  f.start_s = at_s - 2.0 * width_s;
  for (int i = 0; i <= 80; ++i) {
    const double t = f.start_s + i * f.step_s;
    f.points.push_back(top / (1.0 + std::exp((t - at_s) / (width_s / 4.0))));
  }
  return f;
}

struct Best {
  double score = -RelayCosts::kImpossible;  // points - tie-break
  double points = 0;
};

Best brute_force_points(const MeetLineupRequest& req) {
  const std::vector<Slot> slots = slots_of(req);
  std::vector<std::vector<std::vector<int>>> options;
  for (const Slot& s : slots) options.push_back(team_orders(req, s));
  Best best;
  std::vector<const std::vector<int>*> pick(slots.size());
  std::function<void(size_t, double, double)> rec = [&](size_t s, double score, double points) {
    if (s == slots.size()) {
      if (score > best.score && meet_allows(req, slots, pick)) best = {score, points};
      return;
    }
    const MeetRelay& relay = req.relays[static_cast<size_t>(slots[s].relay)];
    for (const std::vector<int>& o : options[s]) {
      pick[s] = &o;
      const double t = relay.costs.team_time_s(o);
      const double p = relay.points.at(t);
      rec(s + 1, score + p - kTieBreakPerS * t, points + p);
    }
  };
  rec(0, 0.0, 0.0);
  return best;
}

std::vector<Sex> girls(int n) { return std::vector<Sex>(static_cast<size_t>(n), Sex::female); }

MeetRelay relay(const std::string& event, int n, unsigned seed, int legs = 4) {
  MeetRelay r;
  r.event = event;
  r.costs = random_relay_costs(n, legs, seed, seed % 2 == 0);
  return r;
}

// Where the relay's fastest order would run.
double fastest_s(const MeetRelay& r) {
  LineupRequest one;
  return best_lineups(r.costs, one).best.team_time_s;
}

TEST(MeetPoints, CurveIsLinearBetweenSamplesAndFlatBeyond) {
  const PointsByTime f{40.0, 1.0, {10.0, 6.0, 0.0}};
  EXPECT_DOUBLE_EQ(f.at(30.0), 10.0);
  EXPECT_DOUBLE_EQ(f.at(40.0), 10.0);
  EXPECT_DOUBLE_EQ(f.at(40.5), 8.0);
  EXPECT_DOUBLE_EQ(f.at(41.25), 4.5);
  EXPECT_DOUBLE_EQ(f.at(42.0), 0.0);
  EXPECT_DOUBLE_EQ(f.at(50.0), 0.0);
}

// Tiny meets of eight girls whose relays compete for runners: one relay per athlete, or a
// schedule conflict,
// each relay's points falling steeply somewhere between its fastest order and a second slower.
TEST(MeetPoints, ExpectedPointsMatchBruteForce) {
  int differs_from_time = 0;
  for (unsigned seed = 1; seed <= 16; ++seed) {
    const int n = 8;
    MeetLineupRequest req;
    req.sexes = girls(n);
    req.objective = MeetObjective::points;
    if (seed % 2 == 0) {
      req.relays = {relay("4x100", n, seed * 7), relay("3x400", n, seed * 7 + 2, 3)};
      req.max_relays_per_athlete = 1;
    } else {
      req.relays = {relay("4x100", n, seed * 7), relay("4x200", n, seed * 7 + 1)};
      req.conflicts = {{0, 1}};
    }
    for (size_t r = 0; r < req.relays.size(); ++r) {
      const double from = fastest_s(req.relays[r]);
      req.relays[r].points = falling(10.0 - 2.0 * r, from + 0.1 * ((seed + r) % 8), 0.4 + 0.2 * r);
    }
    const std::string what = "seed " + std::to_string(seed);
    const Best expected = brute_force_points(req);
    const MeetLineupResult got = best_meet_lineups(req);
    EXPECT_TRUE(got.optimal) << what;
    EXPECT_EQ(got.gap, 0.0) << what;
    EXPECT_NEAR(got.expected_points, expected.points, 1e-6) << what;
    EXPECT_DOUBLE_EQ(got.points_bound, got.expected_points) << what;
    double score = 0, points = 0;
    std::vector<const std::vector<int>*> orders;
    for (const MeetRelayLineup& l : got.relays) {
      const MeetRelay& r = req.relays[static_cast<size_t>(l.event_index)];
      EXPECT_DOUBLE_EQ(l.expected_points, r.points.at(l.team_time_s)) << what;
      score += l.expected_points - kTieBreakPerS * l.team_time_s;
      points += l.expected_points;
      orders.push_back(&l.order);
    }
    EXPECT_TRUE(meet_allows(req, slots_of(req), orders)) << what;
    EXPECT_NEAR(score, expected.score, 1e-9) << what;
    EXPECT_NEAR(points, got.expected_points, 1e-9) << what;
    // The fastest meet lineup is not always the one that scores most.
    MeetLineupRequest by_time = req;
    by_time.objective = MeetObjective::time;
    double time_points = 0;
    for (const MeetRelayLineup& l : best_meet_lineups(by_time).relays) {
      time_points += req.relays[static_cast<size_t>(l.event_index)].points.at(l.team_time_s);
    }
    EXPECT_LE(time_points, got.expected_points + 1e-9) << what;
    differs_from_time += time_points < got.expected_points - 0.01;
  }
  EXPECT_GE(differs_from_time, 3);
}

// Relays the team cannot score in (flat curves) fall to the tie-break: the fastest lineups.
TEST(MeetPoints, RelaysOutOfReachGetTheFastestLineups) {
  const int n = 8;
  MeetLineupRequest req;
  req.sexes = girls(n);
  req.relays = {relay("4x100", n, 3), relay("4x200", n, 4)};
  req.max_relays_per_athlete = 1;
  const double fastest = best_meet_lineups(req).objective;
  req.objective = MeetObjective::points;
  for (MeetRelay& r : req.relays) r.points = PointsByTime{30.0, 1.0, {0.0, 0.0}};
  const MeetLineupResult got = best_meet_lineups(req);
  EXPECT_TRUE(got.optimal);
  EXPECT_EQ(got.expected_points, 0.0);
  EXPECT_NEAR(got.objective, fastest, 1e-9);
}

TEST(MeetPoints, NoSearchBudgetReportsTheGapToTheBound) {
  const int n = 8;
  MeetLineupRequest req;
  req.sexes = girls(n);
  req.objective = MeetObjective::points;
  req.relays = {relay("4x100", n, 11), relay("4x200", n, 12)};
  req.max_relays_per_athlete = 1;
  for (MeetRelay& r : req.relays) r.points = falling(10.0, fastest_s(r) + 0.2, 0.4);
  req.budget.max_steps = 0;
  const MeetLineupResult got = best_meet_lineups(req);
  ASSERT_EQ(got.relays.size(), 2u);
  // Each relay alone at its fastest scores nearly 10 points; sharing no runner, they cannot
  // both run their fastest, so the bound is above the lineups found.
  EXPECT_FALSE(got.optimal);
  EXPECT_TRUE(got.stopped_on_budget);
  EXPECT_GT(got.points_bound, got.expected_points);
  EXPECT_NEAR(got.gap, (got.points_bound - got.expected_points) / got.points_bound, 1e-12);
}

TEST(MeetPoints, RequestsThePointsObjectiveCannotScoreAreRefusedByField) {
  const int n = 8;
  MeetLineupRequest base;
  base.sexes = girls(n);
  base.objective = MeetObjective::points;
  base.relays = {relay("4x100", n, 1)};
  base.relays[0].points = falling(10.0, 45.0, 0.5);
  const auto field_of = [](const MeetLineupRequest& req) {
    try {
      best_meet_lineups(req);
    } catch (const ValidationError& e) {
      EXPECT_NE(e.message().find("4x100"), std::string::npos) << e.message();
      return e.where().field;
    }
    return std::string("no error");
  };
  MeetLineupRequest b_team = base;
  b_team.relays[0].teams = 2;
  EXPECT_EQ(field_of(b_team), "teams");
  MeetLineupRequest weighted = base;
  weighted.relays[0].weight = 2.0;
  EXPECT_EQ(field_of(weighted), "weight");
  MeetLineupRequest no_curve = base;
  no_curve.relays[0].points = {};
  EXPECT_EQ(field_of(no_curve), "points");
}

}  // namespace
}  // namespace baton
