// Expected points by team time against a relay's field.
#include "baton/points_by_time.h"

#include <gtest/gtest.h>

#include <cmath>

namespace baton {
namespace {

MeetEntry seeded(const std::string& name, double seed_s, double sd_s, double fail_rate) {
  MeetEntry e;
  e.name = name;
  e.seed_time_s = seed_s;
  e.sd_s = sd_s;
  e.fail_rate = fail_rate;
  return e;
}

// No spread and no failures anywhere: our team is 1st below the opponent's 50.00 s and 2nd
// above it, exactly.
TEST(PointsByTime, CertainRacesScoreThePlaceOfTheTime) {
  MeetRelayField relay;
  relay.event = find_event("4x100", RuleSet::wa);
  relay.scoring = {10, 8};
  relay.teams = {seeded("Central", 50.0, 0.0, 0.0)};
  SimulationOptions options;
  options.runs = 500;
  options.threads = 1;
  options.seed_sd_fraction = 0.0;
  options.seed_fail_per_blind_exchange = 0.0;
  options.seed_fail_per_visual_exchange = 0.0;
  const PointsByTime f = expected_points_by_time(relay, RuleSet::wa, "Us", options);
  ASSERT_EQ(f.points.size(), static_cast<size_t>(kPointsSamples));
  EXPECT_DOUBLE_EQ(f.start_s, 47.5);                                     // 95 % of 50.00 s
  EXPECT_NEAR(f.start_s + f.step_s * (kPointsSamples - 1), 52.5, 1e-9);  // 105 %
  for (size_t i = 0; i < f.points.size(); ++i) {
    const double t = f.start_s + static_cast<double>(i) * f.step_s;
    if (std::abs(t - 50.0) < 1e-6) continue;  // a dead heat
    EXPECT_DOUBLE_EQ(f.points[i], t < 50.0 ? 10.0 : 8.0) << t;
  }
}

// With the default spreads and failures the same races run at every time: slower never scores
// more, and the curve spans the places of an eight-team final.
TEST(PointsByTime, SlowerNeverScoresMore) {
  MeetRelayField relay;
  relay.event = find_event("4x400", RuleSet::nfhs);
  for (int i = 0; i < 7; ++i) {
    relay.teams.push_back(seeded("T" + std::to_string(i), 228.0 + 3.0 * i, -1.0, -1.0));
  }
  SimulationOptions options;
  options.runs = 2000;
  const PointsByTime f = expected_points_by_time(relay, RuleSet::nfhs, "Us", options);
  for (size_t i = 1; i < f.points.size(); ++i) EXPECT_LE(f.points[i], f.points[i - 1]);
  // Far ahead: first unless our team fails (three visual passes at 0.3 %: 0.9 %).
  EXPECT_NEAR(f.points.front(), 10.0 * std::pow(0.997, 3), 0.05);
  // Far behind: last of eight (1 point) unless opponents fail, and only if we finish.
  EXPECT_GT(f.points.back(), 0.95);
  EXPECT_LT(f.points.back(), 1.3);
}

}  // namespace
}  // namespace baton
