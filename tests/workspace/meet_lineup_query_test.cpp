// The best lineups for several relays at once, asked by event id, squad and name.
#include "baton/meet_lineup_query.h"

#include <gtest/gtest.h>

#include <set>

#include "workspace/squad.h"

namespace baton {
namespace {

class MeetLineupQueryTest : public ::testing::Test {
 protected:
  testing::TempDir dir;
  Workspace ws = Workspace::open_team_file(dir.write("squad.toml", testing::kSquadToml));
};

TEST_F(MeetLineupQueryTest, OneRelayPerAthleteSplitsTheSquadByHand) {
  // Open bests, one relay each: girls' 4x100 and boys' 4x100 take each squad's four fastest
  // (12.00 + 12.20 + 12.40 + 12.60 and 11.00 + 11.20 + 11.40 + 11.60).
  MeetLineupQuery q;
  q.relays = {{"4x100", Sex::female}, {"4x100", Sex::male}};
  q.model = CostModel::open;
  q.max_relays_per_athlete = 1;
  const MeetLineupAnswer a = plan_meet_lineups(ws, q);
  ASSERT_EQ(a.result.relays.size(), 2u);
  EXPECT_TRUE(a.result.optimal);
  EXPECT_EQ(a.request.relays[0].event, "4x100/F");
  EXPECT_EQ(a.request.relays[1].event, "4x100/M");
  EXPECT_NEAR(a.result.relays[0].team_time_s, 49.2, 1e-9);
  EXPECT_NEAR(a.result.relays[1].team_time_s, 45.2, 1e-9);
  ASSERT_EQ(a.events.size(), 2u);
  EXPECT_EQ(a.events[1].id, "4x100");
}

TEST_F(MeetLineupQueryTest, TheDefaultSquadAndExclusionsApply) {
  // --sex F for relays that name none; Ann left out: Bea, Cat, Dee and Eve run the 4x200
  // (25.00 + 25.40 + 25.80 + 26.60).
  MeetLineupQuery q;
  q.relays = {{"4x200", std::nullopt}};
  q.sex = Sex::female;
  q.exclude = {"Ann Avery", "ann avery"};
  q.model = CostModel::open;
  const MeetLineupAnswer a = plan_meet_lineups(ws, q);
  EXPECT_EQ(a.request.relays[0].event, "4x200");
  EXPECT_EQ(a.request.relays[0].excluded, std::vector<int>{0});
  EXPECT_NEAR(a.result.relays[0].team_time_s, 102.8, 1e-9);
  const std::set<int> runners(a.result.relays[0].order.begin(), a.result.relays[0].order.end());
  EXPECT_EQ(runners, (std::set<int>{1, 2, 3, 4}));
}

struct BadMeet {
  MeetLineupQuery query;
  const char* field;
};

TEST_F(MeetLineupQueryTest, BadRequestsNameTheField) {
  MeetLineupQuery none;
  MeetLineupQuery twice;
  twice.relays = {{"4x100", Sex::female}, {"4x100", Sex::female}};
  MeetLineupQuery mixed;
  mixed.relays = {{"mixed-4x400", Sex::female}};
  MeetLineupQuery unknown;
  unknown.relays = {{"4x100", Sex::female}, {"4x150", std::nullopt}};
  MeetLineupQuery crowded;
  crowded.relays = {{"4x100", Sex::female}};
  crowded.max_athletes = 8;  // nine on the squad
  MeetLineupQuery stranger;
  stranger.relays = {{"4x100", Sex::female}};
  stranger.exclude = {"Zed"};
  for (const BadMeet& c : {BadMeet{none, "relays"}, BadMeet{twice, "relays.1"},
                           BadMeet{mixed, "relays.0.sex"}, BadMeet{unknown, "relays.1.event"},
                           BadMeet{crowded, "exclude"}, BadMeet{stranger, "exclude"}}) {
    try {
      plan_meet_lineups(ws, c.query);
      ADD_FAILURE() << c.field;
    } catch (const Error& e) {
      EXPECT_EQ(e.where().field, c.field) << e.what();
    }
  }
  // Leaving one out brings the squad within the bound.
  crowded.exclude = {"Eve Ennis"};
  crowded.model = CostModel::open;
  EXPECT_NO_THROW(plan_meet_lineups(ws, crowded));
}

}  // namespace
}  // namespace baton
