// Inputs the fuzz harnesses (fuzz/, docs/RELIABILITY.md) found to break a parser, each kept as
// a test; the input itself is in fuzz/corpus/<harness>/ as well. Memory errors among them show
// as failures in the AddressSanitizer build (the `dev` preset).
#include <gtest/gtest.h>

#include <algorithm>

#include "baton/athlete_model.h"
#include "baton/team_file.h"

namespace baton {
namespace {

// fuzz_team_toml: an athlete whose shortest mark is below 100 m (here 50 m) gets a 100 m
// estimate from it; the note naming that mark was read through a pointer into the marks after
// adding the estimate had moved them (heap-use-after-free in model_athlete).
TEST(FuzzRegression, HundredEstimatedFromAFiftyMetreMarkNamesIt) {
  const Team team = parse_team_toml(
      "[[athlete]]\nname = \"Cara\"\nsex = \"F\"\nbests = { \"50m\" = \"7.10\" }\n", "t.toml");
  ASSERT_EQ(team.athletes.size(), 1u);
  const AthleteModel m = model_athlete(team.athletes[0]);
  EXPECT_NE(std::find(m.notes.begin(), m.notes.end(), "100m estimated from the 50m mark"),
            m.notes.end());
  const auto hundred = std::find_if(m.marks.begin(), m.marks.end(),
                                    [](const ModelMark& x) { return x.distance_m == 100.0; });
  ASSERT_NE(hundred, m.marks.end());
  EXPECT_EQ(hundred->source, "from 50m");
  EXPECT_TRUE(hundred->estimated);
  // The second 50 m is run at speed, faster than the first from the start: the estimate lies
  // between the 50 m time and twice it.
  EXPECT_GT(hundred->time_s, 7.10);
  EXPECT_LT(hundred->time_s, 2 * 7.10);
}

}  // namespace
}  // namespace baton
