#include "baton/lineup.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "baton/error.h"
#include "plan/lineup_scenarios.h"

namespace baton {
namespace {

using scenarios::alternating_sexes;
using scenarios::random_relay_costs;

struct Ranked {
  double time_s;
  std::vector<int> order;
  bool operator<(const Ranked& o) const {
    return time_s != o.time_s ? time_s < o.time_s : order < o.order;
  }
};

// Every order that obeys the request, fastest first (ties by athlete indices).
std::vector<Ranked> brute_force(const RelayCosts& c, const LineupRequest& req) {
  std::vector<Ranked> all;
  std::vector<int> order(c.legs);
  std::vector<char> used(c.athletes, 0);
  auto excluded = [&](int a) {
    return std::find(req.excluded.begin(), req.excluded.end(), a) != req.excluded.end();
  };
  std::function<void(int)> rec = [&](int l) {
    if (l == c.legs) {
      int women = 0;
      for (int a : order) women += req.sexes.empty() ? 0 : req.sexes[a] == Sex::female;
      if (req.sex_rule == SexRule::mixed_two_two && women != c.legs / 2) return;
      if (req.sex_rule == SexRule::single_sex) {
        if (req.required_sex && women != (*req.required_sex == Sex::female ? c.legs : 0)) return;
        if (!req.sexes.empty() && women != 0 && women != c.legs) return;
      }
      const double t = c.team_time_s(order);
      if (t != RelayCosts::kImpossible) all.push_back({t, order});
      return;
    }
    for (int a = 0; a < c.athletes; ++a) {
      if (used[a] || excluded(a)) continue;
      if (auto it = req.locked_legs.find(l); it != req.locked_legs.end() && it->second != a) {
        continue;
      }
      order[l] = a;
      used[a] = 1;
      rec(l + 1);
      used[a] = 0;
    }
  };
  rec(0);
  std::sort(all.begin(), all.end());
  return all;
}

void expect_matches_brute_force(const RelayCosts& c, const LineupRequest& req,
                                const std::string& what) {
  const std::vector<Ranked> all = brute_force(c, req);
  ASSERT_FALSE(all.empty()) << what;
  const LineupResult r = best_lineups(c, req);
  EXPECT_EQ(r.best.order, all[0].order) << what;
  EXPECT_DOUBLE_EQ(r.best.team_time_s, all[0].time_s) << what;
  EXPECT_EQ(r.best.gap_s, 0.0) << what;
  const size_t expected = std::min(all.size() - 1, static_cast<size_t>(req.top_k));
  ASSERT_EQ(r.alternatives.size(), expected) << what;
  for (size_t i = 0; i < expected; ++i) {
    EXPECT_EQ(r.alternatives[i].order, all[i + 1].order) << what << " alternative " << i;
    EXPECT_DOUBLE_EQ(r.alternatives[i].team_time_s, all[i + 1].time_s) << what;
    EXPECT_NEAR(r.alternatives[i].gap_s, all[i + 1].time_s - all[0].time_s, 1e-12) << what;
  }
}

TEST(Lineup, HelloRelayFastestRunnersOnTheirBestLegs) {
  // Four sprinters, four legs; each is fastest on a different leg, no exchange terms.
  RelayCosts c(4, 4);
  const double legs[4][4] = {{10.5, 11.0, 11.0, 11.0},
                             {11.0, 10.6, 11.0, 11.0},
                             {11.0, 11.0, 10.7, 11.0},
                             {11.0, 11.0, 11.0, 10.8}};
  for (int a = 0; a < 4; ++a) {
    for (int l = 0; l < 4; ++l) c.leg(a, l) = legs[a][l];
  }
  LineupRequest req;
  req.top_k = 2;
  const LineupResult r = best_lineups(c, req);
  EXPECT_EQ(r.best.order, (std::vector<int>{0, 1, 2, 3}));
  EXPECT_NEAR(r.best.team_time_s, 42.6, 1e-12);
  ASSERT_EQ(r.alternatives.size(), 2u);
  // Swapping legs 3 and 4 costs 22.0 - 21.5 = 0.5 s; swapping legs 2 and 4 costs 0.6 s.
  EXPECT_EQ(r.alternatives[0].order, (std::vector<int>{0, 1, 3, 2}));
  EXPECT_NEAR(r.alternatives[0].gap_s, 0.5, 1e-12);
  EXPECT_EQ(r.alternatives[1].order, (std::vector<int>{0, 3, 2, 1}));
  EXPECT_NEAR(r.alternatives[1].gap_s, 0.6, 1e-12);
}

TEST(Lineup, ExchangeTermsCanOutweighLegTimes) {
  // Athlete 2 is faster than 1 on leg 2 alone, but passes badly from athlete 0.
  RelayCosts c(3, 2);
  c.leg(0, 0) = 10.0;
  c.leg(1, 1) = 10.2;
  c.leg(2, 1) = 10.0;
  c.leg(1, 0) = c.leg(2, 0) = c.leg(0, 1) = RelayCosts::kImpossible;
  c.exchange(0, 0, 1) = -0.9;
  c.exchange(0, 0, 2) = -0.5;
  const LineupResult r = best_lineups(c, LineupRequest{.top_k = 5});
  EXPECT_EQ(r.best.order, (std::vector<int>{0, 1}));
  EXPECT_NEAR(r.best.team_time_s, 19.3, 1e-12);
  ASSERT_EQ(r.alternatives.size(), 1u);  // only two possible orders
  EXPECT_NEAR(r.alternatives[0].gap_s, 0.2, 1e-12);
}

TEST(Lineup, EqualsBruteForceOnRandomRelays) {
  for (unsigned seed = 1; seed <= 120; ++seed) {
    const int n = 4 + static_cast<int>(seed % 5);  // 4..8 athletes
    const bool pairs = seed % 3 != 0;
    const RelayCosts c = random_relay_costs(n, 4, seed, pairs, 100.0, seed % 4 == 0 ? 0.2 : 0.0);
    LineupRequest req;
    req.top_k = static_cast<int>(seed % 12);
    try {
      expect_matches_brute_force(c, req, "seed " + std::to_string(seed));
    } catch (const ValidationError&) {
      EXPECT_TRUE(brute_force(c, req).empty()) << "seed " << seed;
    }
  }
}

TEST(Lineup, EqualsBruteForceWithLocksExclusionsAndSexRules) {
  int checked = 0;
  for (unsigned seed = 1; seed <= 300; ++seed) {
    const int n = 6 + static_cast<int>(seed % 3);  // 6..8 athletes
    const RelayCosts c = random_relay_costs(n, 4, seed * 7919, seed % 2 == 0);
    LineupRequest req;
    req.top_k = 1 + static_cast<int>(seed % 9);
    req.sexes = alternating_sexes(n);
    switch (seed % 4) {
      case 0:
        req.sex_rule = SexRule::mixed_two_two;
        break;
      case 1:
        req.required_sex = Sex::female;
        break;
      case 2:
        req.required_sex = Sex::male;
        break;
      default:
        break;  // single sex, either
    }
    if (seed % 3 == 0) req.excluded = {static_cast<int>(seed % n)};
    if (seed % 5 == 0) req.locked_legs[static_cast<int>(seed % 4)] = static_cast<int>(seed / 5 % n);
    const std::string what = "seed " + std::to_string(seed);
    const std::vector<Ranked> all = brute_force(c, req);
    if (all.empty()) {
      EXPECT_THROW(best_lineups(c, req), ValidationError) << what;
      continue;
    }
    expect_matches_brute_force(c, req, what);
    ++checked;
  }
  EXPECT_GT(checked, 150);
}

TEST(Lineup, SevenLegsAndTiedCostsMatchBruteForce) {
  // Every athlete equally fast on every leg: all orders tie; ties go to the smallest indices.
  RelayCosts c(8, 3);
  for (double& v : c.leg_s) v = 12.0;
  LineupRequest req;
  req.top_k = 20;
  expect_matches_brute_force(c, req, "ties");
  const RelayCosts seven = random_relay_costs(8, 7, 99, true);
  req.top_k = 30;
  expect_matches_brute_force(seven, req, "seven legs");
}

TEST(Lineup, TopKIsCappedByTheNumberOfPossibleOrders) {
  const RelayCosts c = random_relay_costs(4, 4, 5, true);
  LineupRequest req;
  req.top_k = 100;
  const LineupResult r = best_lineups(c, req);
  EXPECT_EQ(r.alternatives.size(), 23u);  // 4! orders
  EXPECT_TRUE(std::is_sorted(r.alternatives.begin(), r.alternatives.end(),
                             [](const Lineup& a, const Lineup& b) { return a.gap_s < b.gap_s; }));
}

struct BadRequest {
  const char* name;
  std::function<void(LineupRequest&)> edit;
  const char* message;
};

TEST(Lineup, InfeasibleRequestsNameTheConstraint) {
  const RelayCosts c = random_relay_costs(6, 4, 3, true);
  const std::vector<BadRequest> cases = {
      {"all excluded", [](LineupRequest& r) { r.excluded = {0, 1, 2, 3, 4, 5}; },
       "every athlete on the roster is excluded"},
      {"too few",
       [](LineupRequest& r) {
         r.excluded = {0, 1, 2};
       },
       "too few athletes: the relay needs 4, only 3 available (3 excluded)"},
      {"too few women", [](LineupRequest& r) { r.required_sex = Sex::female; },
       "too few women: the relay needs 4 women, only 3 available"},
      {"mixed short of men",
       [](LineupRequest& r) {
         r.sex_rule = SexRule::mixed_two_two;
         r.excluded = {1, 3};
       },
       "too few men: the relay needs 2 men, only 1 available (2 excluded)"},
      {"neither sex", [](LineupRequest& r) { r.sex_rule = SexRule::single_sex; },
       "too few athletes of one sex: the relay needs 4 women or 4 men, 3 women and 3 men"},
      {"locked twice",
       [](LineupRequest& r) {
         r.locked_legs = {{0, 2}, {3, 2}};
       },
       "Cara is locked on both leg 1 and leg 4"},
      {"locked and excluded",
       [](LineupRequest& r) {
         r.locked_legs = {{1, 4}};
         r.excluded = {4};
       },
       "Eve is locked on leg 2 and also excluded"},
      {"locked wrong sex",
       [](LineupRequest& r) {
         r.required_sex = Sex::male;
         r.locked_legs = {{0, 0}};
       },
       "Ann is locked on leg 1 but the relay is for men only"},
      {"locked three women in a mixed relay",
       [](LineupRequest& r) {
         r.sex_rule = SexRule::mixed_two_two;
         r.locked_legs = {{0, 0}, {1, 2}, {2, 4}};
       },
       "3 women are locked but a mixed relay takes exactly 2 women"},
      {"lock on a missing leg",
       [](LineupRequest& r) {
         r.locked_legs = {{4, 0}};
       },
       "leg 5 is locked but the relay has 4 legs"},
      {"negative top", [](LineupRequest& r) { r.top_k = -1; }, "top_k must be 0 to 1000"},
  };
  for (const BadRequest& bad : cases) {
    LineupRequest req;
    req.names = {"Ann", "Ben", "Cara", "Dan", "Eve", "Fred"};
    req.sexes = alternating_sexes(6);
    bad.edit(req);
    try {
      best_lineups(c, req);
      ADD_FAILURE() << bad.name << ": no error";
    } catch (const ValidationError& e) {
      EXPECT_NE(std::string(e.what()).find(bad.message), std::string::npos)
          << bad.name << ": " << e.what();
    }
  }
}

TEST(Lineup, LegNobodyCanRunIsReported) {
  RelayCosts c = random_relay_costs(6, 4, 11, false);
  for (int a = 0; a < 6; ++a) c.leg(a, 2) = RelayCosts::kImpossible;
  try {
    best_lineups(c, {});
    ADD_FAILURE() << "no error";
  } catch (const ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find("leg 3"), std::string::npos) << e.what();
  }
}

TEST(Lineup, LockedAthleteWithoutATimeForTheLegIsReported) {
  RelayCosts c = random_relay_costs(6, 4, 12, false);
  c.leg(1, 3) = RelayCosts::kImpossible;
  LineupRequest req;
  req.locked_legs = {{3, 1}};
  req.names = {"Ann", "Ben", "Cara", "Dan", "Eve", "Fred"};
  EXPECT_THROW(
      {
        try {
          best_lineups(c, req);
        } catch (const ValidationError& e) {
          EXPECT_NE(std::string(e.what()).find(
                        "Ben is locked on leg 4 but has no predicted time for that leg"),
                    std::string::npos)
              << e.what();
          throw;
        }
      },
      ValidationError);
}

TEST(Lineup, SixtyAthleteRosterStillMatchesAnIndependentCheck) {
  // Too big to enumerate, but fixing the best order's four athletes and enumerating their
  // 24 permutations must not find anything faster, and every alternative must be a real order.
  const RelayCosts c = random_relay_costs(60, 4, 2024, true);
  LineupRequest req;
  req.top_k = 5;
  const LineupResult r = best_lineups(c, req);
  std::vector<int> four = r.best.order;
  std::sort(four.begin(), four.end());
  do {
    EXPECT_GE(c.team_time_s(four), r.best.team_time_s);
  } while (std::next_permutation(four.begin(), four.end()));
  for (const Lineup& alt : r.alternatives) {
    EXPECT_DOUBLE_EQ(c.team_time_s(alt.order), alt.team_time_s);
    EXPECT_GE(alt.gap_s, 0.0);
  }
}

}  // namespace
}  // namespace baton
