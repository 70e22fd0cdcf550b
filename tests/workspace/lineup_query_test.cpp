// One relay's lineup asked by name: the event, squad, locks and exclusions resolve once, and
// the answer is the fastest order under them (checked against every order).
#include "baton/lineup_query.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "baton/practice.h"
#include "baton/store.h"
#include "baton/team_file.h"
#include "workspace/squad.h"

namespace baton {
namespace {

using testing::brute_force_best;
using testing::kGirls;

class LineupQueryTest : public ::testing::Test {
 protected:
  testing::TempDir dir;
  Workspace ws = Workspace::open_team_file(dir.write("squad.toml", testing::kSquadToml));
};

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

TEST_F(LineupQueryTest, TheOpenModelSumsTheFourFastestBests) {
  LineupQuery q;
  q.event = "4x100";
  q.sex = Sex::female;
  q.model = CostModel::open;
  const LineupAnswer a = find_lineups(ws, q);
  // 12.00 + 12.20 + 12.40 + 12.60: Eve (13.00) sits out.
  EXPECT_NEAR(a.result.best.team_time_s, 49.20, 1e-9);
  EXPECT_FALSE(contains(a.order, "Eve Ennis"));
  EXPECT_EQ(a.estimated, std::vector<bool>(4, false));
  // Leaving out Ann brings Eve in: 12.20 + 12.40 + 12.60 + 13.00.
  q.exclude = {"ann avery"};
  const LineupAnswer without_ann = find_lineups(ws, q);
  EXPECT_NEAR(without_ann.result.best.team_time_s, 50.20, 1e-9);
  EXPECT_FALSE(contains(without_ann.order, "Ann Avery"));
  EXPECT_TRUE(contains(without_ann.order, "Eve Ennis"));
}

TEST_F(LineupQueryTest, TheBestOrderIsTheFastestOfEveryOrder) {
  LineupQuery q;
  q.event = "4x100";
  q.sex = Sex::female;
  q.top = 3;
  const LineupAnswer a = find_lineups(ws, q);
  EXPECT_EQ(a.event.id, "4x100");
  ASSERT_EQ(a.order.size(), 4u);
  EXPECT_NEAR(a.result.best.team_time_s,
              brute_force_best(a.costs, kGirls, [](const std::vector<int>&) { return true; }),
              1e-9);
  ASSERT_EQ(a.result.alternatives.size(), 3u);
  for (const Lineup& alt : a.result.alternatives) {
    EXPECT_GE(alt.team_time_s, a.result.best.team_time_s);
  }
  // A team file has no logs: nothing is priced for practice.
  EXPECT_EQ(a.practice_pair_terms, 0);
  EXPECT_EQ(a.practice_s(), 0.0);
}

TEST_F(LineupQueryTest, ALockByNamePutsThatAthleteOnThatLeg) {
  LineupQuery q;
  q.event = "4x100";
  q.sex = Sex::female;
  q.locks[2] = "EVE ENNIS";  // the slowest girl, on the back straight
  const LineupAnswer a = find_lineups(ws, q);
  EXPECT_EQ(a.order[1], "Eve Ennis");
  EXPECT_EQ(a.result.best.order[1], 4);
  // The fastest order among those with Eve on leg 2.
  EXPECT_NEAR(a.result.best.team_time_s,
              brute_force_best(a.costs, kGirls,
                               [](const std::vector<int>& order) { return order[1] == 4; }),
              1e-9);
}

TEST_F(LineupQueryTest, UnknownNamesNameTheirFieldAndTheClosestName) {
  LineupQuery q;
  q.event = "4x100";
  q.exclude = {"Bea Brwn"};
  try {
    find_lineups(ws, q);
    FAIL() << "an unknown name was accepted";
  } catch (const NotFoundError& e) {
    EXPECT_EQ(e.where().field, "exclude");
    EXPECT_NE(e.message().find("Bea Brown"), std::string::npos) << e.what();
  }
  q.exclude.clear();
  q.locks[3] = "Nobody";
  try {
    find_lineups(ws, q);
    FAIL();
  } catch (const NotFoundError& e) {
    EXPECT_EQ(e.where().field, "locks.3");
  }
}

struct BadQuery {
  LineupQuery query;
  const char* field;
};

TEST_F(LineupQueryTest, BadRequestsNameTheField) {
  LineupQuery unknown_event;
  unknown_event.event = "4x150";
  LineupQuery leg_five;
  leg_five.event = "4x100";
  leg_five.locks[5] = "Ann Avery";
  LineupQuery leg_zero = leg_five;
  leg_zero.locks = {{0, "Ann Avery"}};
  EXPECT_THROW(find_lineups(ws, unknown_event), NotFoundError);
  for (const BadQuery& c : {BadQuery{unknown_event, "event"}, BadQuery{leg_five, "locks.5"},
                            BadQuery{leg_zero, "locks.0"}}) {
    try {
      find_lineups(ws, c.query);
      ADD_FAILURE() << c.field;
    } catch (const Error& e) {
      EXPECT_EQ(e.where().field, c.field) << e.what();
    }
  }
  EXPECT_THROW(parse_cost_model("sum", {"", 0, "model"}), ValidationError);
  EXPECT_EQ(parse_cost_model("open"), CostModel::open);
}

TEST(LineupQueryDatabase, ADrilledPairIsPricedAtEachOfItsExchangesUnlessAskedNotTo) {
  testing::TempDir dir;
  const std::string db_path = dir.file("team.db");
  {
    Database db = Database::open(db_path);
    Roster(db).import(load_team(dir.write("squad.toml", testing::kSquadToml)));
    Practice practice(db);
    for (int day = 1; day <= 6; ++day) {
      Drill d;
      d.from = "Ann Avery";
      d.to = "Bea Brown";
      d.date = "2026-03-0" + std::to_string(day);
      d.go_mark_m = 11.0;
      d.exchange_at_m = 6.0;
      d.outcome = DrillOutcome::drop;
      practice.log(d);
    }
  }
  const Workspace ws = Workspace::open_database(db_path);
  LineupQuery q;
  q.event = "4x100";
  q.sex = Sex::female;
  const LineupAnswer a = find_lineups(ws, q);
  // Ann -> Bea can meet at any of the three exchanges: three terms, and only theirs change.
  EXPECT_EQ(a.practice_pair_terms, 3);
  const int ann = ws.athlete_index("Ann Avery", "");
  const int bea = ws.athlete_index("Bea Brown", "");
  for (int k = 0; k < 3; ++k) {
    for (int from = 0; from < a.costs.athletes; ++from) {
      for (int to = 0; to < a.costs.athletes; ++to) {
        const double with = a.costs.exchange(k, from, to);
        const double without = a.without_practice.exchange(k, from, to);
        if (!std::isfinite(without)) continue;
        if (from == ann && to == bea) {
          EXPECT_GT(with, without) << "six drops make the pair dearer at exchange " << k + 1;
        } else {
          EXPECT_EQ(with, without) << k << " " << from << " " << to;
        }
      }
    }
  }
  q.practice = false;
  const LineupAnswer plain = find_lineups(ws, q);
  EXPECT_EQ(plain.practice_pair_terms, 0);
  EXPECT_EQ(plain.costs.exchange_s, a.without_practice.exchange_s);
}

}  // namespace
}  // namespace baton
