// The running order a request is about: the coach's, spelled as the roster spells it, or the
// fastest one; and the relay cards of an order.
#include "baton/relay_order.h"

#include <gtest/gtest.h>

#include "baton/lineup_query.h"
#include "workspace/squad.h"

namespace baton {
namespace {

class RelayOrderTest : public ::testing::Test {
 protected:
  testing::TempDir dir;
  Workspace ws = Workspace::open_team_file(dir.write("squad.toml", testing::kSquadToml));
};

TEST_F(RelayOrderTest, ANamedOrderIsKeptInTheRostersSpelling) {
  OrderRequest r;
  r.event = "4x100";
  r.order = {"dee dunn", "CAT COLE", "Bea Brown", "ann avery"};
  const RelayOrder o = requested_order(ws, r);
  EXPECT_TRUE(o.chosen);
  EXPECT_EQ(o.names, (std::vector<std::string>{"Dee Dunn", "Cat Cole", "Bea Brown", "Ann Avery"}));
  EXPECT_EQ(o.event.rules, RuleSet::nfhs);  // the team's rule set
  r.rules = RuleSet::wa;
  EXPECT_EQ(requested_order(ws, r).event.rules, RuleSet::wa);
}

TEST_F(RelayOrderTest, WithoutAnOrderTheFastestOneOfTheSquadRuns) {
  OrderRequest r;
  r.event = "4x100";
  r.sex = Sex::male;
  const RelayOrder o = requested_order(ws, r);
  EXPECT_FALSE(o.chosen);
  LineupQuery q;
  q.event = "4x100";
  q.sex = Sex::male;
  EXPECT_EQ(o.names, find_lineups(ws, q).order);
  // The four boys are the only boys: every one of them runs.
  std::vector<std::string> sorted = o.names;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, (std::vector<std::string>{"Al Ames", "Bo Baker", "Cy Cruz", "Di Diaz"}));
}

struct BadOrder {
  std::vector<std::string> order;
  const char* field;
};

TEST_F(RelayOrderTest, BadOrdersNameTheField) {
  const BadOrder cases[] = {
      {{"Ann Avery", "Nobody", "Cat Cole", "Dee Dunn"}, "order.1"},
      {{"Ann Avery", "Bea Brown", "Cat Cole"}, "order"},
      {{"Ann Avery", "Bea Brown", "Cat Cole", "Dee Dunn", "Eve Ennis"}, "order"},
      {{"Ann Avery", "Bea Brown", "Cat Cole", "ann avery"}, "order.3"},
  };
  for (const BadOrder& c : cases) {
    OrderRequest r;
    r.event = "4x100";
    r.order = c.order;
    try {
      requested_order(ws, r);
      ADD_FAILURE() << c.field;
    } catch (const Error& e) {
      EXPECT_EQ(e.where().field, c.field) << e.what();
      EXPECT_TRUE(e.where().file.empty()) << e.what();
    }
  }
  OrderRequest unknown;
  unknown.event = "4x150";
  EXPECT_THROW(requested_order(ws, unknown), NotFoundError);
}

TEST_F(RelayOrderTest, CardsCarryEveryRunnerInLegOrder) {
  OrderRequest r;
  r.event = "4x100";
  r.order = {"Dee Dunn", "Cat Cole", "Bea Brown", "Ann Avery"};
  const RelayOrder o = requested_order(ws, r);
  const RelayCards cards = relay_cards(ws, o);
  ASSERT_EQ(cards.cards.size(), 4u);
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(cards.cards[i].leg, static_cast<int>(i + 1));
    EXPECT_EQ(cards.cards[i].athlete, o.names[i]);
  }
  // Four girls of 12.0-12.6 s: a 4x100 between 44 s and the 49.2 s sum of their open bests.
  EXPECT_GT(cards.team_time_s, 44.0);
  EXPECT_LT(cards.team_time_s, 49.2);
}

}  // namespace
}  // namespace baton
