#include "baton/sprint_model.h"

#include <gtest/gtest.h>

#include <cmath>

namespace baton {
namespace {

// Hand-derived: MSS 10 m/s, TAU 1 s. At t = 1 s, v = 10 (1 - 1/e) = 6.3212 m/s and
// d = 10 (1 + (1/e - 1)) = 3.6788 m.
TEST(SprintModel, HandDerivedValues) {
  const SprintCurve c{10.0, 1.0};
  EXPECT_NEAR(sprint_speed_mps(c, 1.0), 6.321206, 1e-6);
  EXPECT_NEAR(sprint_distance_m(c, 1.0), 3.678794, 1e-6);
  EXPECT_NEAR(c.mac_mps2(), 10.0, 1e-12);
  EXPECT_NEAR(sprint_pmax_wkg(c), 25.0, 1e-12);
  EXPECT_EQ(sprint_distance_m(c, -1.0), 0.0);
  EXPECT_EQ(sprint_time_s(c, 0.0), 0.0);
}

TEST(SprintModel, TimeAtDistanceInvertsDistanceAtTime) {
  const SprintCurve c{7.553185, 0.706663};
  for (double t = 0.05; t < 12.0; t *= 1.37) {
    EXPECT_NEAR(sprint_time_s(c, sprint_distance_m(c, t)), t, 1e-9) << "t = " << t;
  }
}

// The `shorts` example profile (MSS 7.553185, TAU 0.706663): PMAX 20.1831 W/kg, MAC 10.68852.
TEST(SprintModel, ShortsExampleDerivedQuantities) {
  const SprintCurve c{7.553185, 0.706663};
  EXPECT_NEAR(c.mac_mps2(), 10.68852, 1e-4);
  EXPECT_NEAR(sprint_pmax_wkg(c), 20.1831, 1e-3);
}

TEST(SprintModel, TimeAtSpeed) {
  const SprintCurve c{10.0, 1.0};
  EXPECT_NEAR(sprint_time_at_speed_s(c, 6.321206), 1.0, 1e-6);
  EXPECT_TRUE(std::isinf(sprint_time_at_speed_s(c, 10.0)));
  EXPECT_EQ(sprint_time_at_speed_s(c, 0.0), 0.0);
}

}  // namespace
}  // namespace baton
