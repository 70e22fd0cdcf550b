// An athlete's profile by name.
#include "baton/athlete_profile.h"

#include <gtest/gtest.h>

#include "workspace/riverside_workspace.h"

namespace baton {
namespace {

using testing::error_naming;

class AthleteProfileTest : public testing::RiversideWorkspace {};

TEST_F(AthleteProfileTest, TheModelRunsTheAthletes100mMark) {
  const AthleteProfile p = athlete_profile(ws, "maya johnson");
  EXPECT_EQ(p.model.name, "Maya Johnson");
  ASSERT_EQ(p.splits.size(), 10u);
  EXPECT_DOUBLE_EQ(p.splits.front().distance_m, 10.0);
  EXPECT_DOUBLE_EQ(p.splits.back().distance_m, 100.0);
  // Her 100 m best is 12.08 FAT, from the gun: the model fitted to it runs it.
  EXPECT_NEAR(p.splits.back().time_s, 12.08, 0.02);
  for (size_t i = 1; i < p.splits.size(); ++i) {
    EXPECT_GT(p.splits[i].time_s, p.splits[i - 1].time_s);
  }
  EXPECT_NE(error_naming<NotFoundError>("name", [&] { athlete_profile(ws, "Maya Jonson"); })
                .find("did you mean 'Maya Johnson'?"),
            std::string::npos);
}

}  // namespace
}  // namespace baton
