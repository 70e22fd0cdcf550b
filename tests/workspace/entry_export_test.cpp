// The relay entries sent to a meet host: the solver's lineups or the coach's orders, with
// alternates.
#include "baton/entry_export.h"

#include <gtest/gtest.h>

#include <set>

#include "workspace/squad.h"

namespace baton {
namespace {

class EntryExportTest : public ::testing::Test {
 protected:
  testing::TempDir dir;
  Workspace ws = Workspace::open_team_file(dir.write("squad.toml", testing::kSquadToml));
};

std::set<std::string> names(const std::vector<EntryRunner>& runners) {
  std::set<std::string> out;
  for (const EntryRunner& r : runners) out.insert(r.name);
  return out;
}

TEST_F(EntryExportTest, TheSolversLineupsWithTheRemainingRunnersAsAlternates) {
  // Open bests, one relay each: each squad's four fastest run (12.00 + 12.20 + 12.40 + 12.60
  // and 11.00 + 11.20 + 11.40 + 11.60); Eve is the one girl left, no boy is.
  EntryQuery q;
  q.relays = {{"4x100", Sex::female}, {"4x100", Sex::male}};
  q.model = CostModel::open;
  q.max_relays_per_athlete = 1;
  const EntryList e = plan_entries(ws, q);
  EXPECT_EQ(e.team_name, "Hilltop");
  EXPECT_EQ(e.team_code, "HILL");
  ASSERT_EQ(e.relays.size(), 2u);
  EXPECT_EQ(e.relays[0].event, "4x100");
  EXPECT_EQ(e.relays[0].sex, Sex::female);
  EXPECT_EQ(e.relays[0].letter, "A");
  EXPECT_EQ(names(e.relays[0].runners),
            (std::set<std::string>{"Ann Avery", "Bea Brown", "Cat Cole", "Dee Dunn"}));
  ASSERT_TRUE(e.relays[0].seed_s);
  EXPECT_NEAR(*e.relays[0].seed_s, 49.2, 1e-9);
  ASSERT_EQ(e.relays[0].alternates.size(), 1u);
  EXPECT_EQ(e.relays[0].alternates[0].name, "Eve Ennis");
  EXPECT_EQ(e.relays[0].alternates[0].first, "Eve");
  EXPECT_EQ(e.relays[0].alternates[0].last, "Ennis");
  EXPECT_NEAR(*e.relays[1].seed_s, 45.2, 1e-9);
  EXPECT_TRUE(e.relays[1].alternates.empty());
}

TEST_F(EntryExportTest, ACoachsOrderIsKeptAsGiven) {
  // 13.00 + 12.60 + 12.40 + 12.20 = 50.20; Ann, the fastest girl left, is the alternate.
  EntryQuery q;
  q.relays = {{"4x100", Sex::female}};
  q.model = CostModel::open;
  q.orders = {{"4x100/f", {"eve ennis", "Dee Dunn", "Cat Cole", "Bea Brown"}}};
  q.team_code = "HT";
  const EntryList e = plan_entries(ws, q);
  EXPECT_EQ(e.team_code, "HT");
  ASSERT_EQ(e.relays.size(), 1u);
  ASSERT_EQ(e.relays[0].runners.size(), 4u);
  EXPECT_EQ(e.relays[0].runners[0].name, "Eve Ennis");
  EXPECT_EQ(e.relays[0].runners[3].name, "Bea Brown");
  EXPECT_NEAR(*e.relays[0].seed_s, 50.2, 1e-9);
  ASSERT_EQ(e.relays[0].alternates.size(), 1u);
  EXPECT_EQ(e.relays[0].alternates[0].name, "Ann Avery");
}

TEST(EntryExport, AnAthleteAtTheEventLimitIsNoAlternate) {
  // Eve, the one girl left out of the 4x100, is entered in four individual events: under a
  // four-event limit she could not step in, so the team has no alternate.
  std::string toml = testing::kSquadToml;
  const std::string eve = "name = \"Eve Ennis\"\n";
  toml.insert(toml.find(eve) + eve.size(), "entries = [\"100m\", \"200m\", \"LJ\", \"TJ\"]\n");
  testing::TempDir dir;
  const Workspace ws = Workspace::open_team_file(dir.write("squad.toml", toml));
  EntryQuery q;
  q.relays = {{"4x100", Sex::female}};
  q.model = CostModel::open;
  EXPECT_EQ(plan_entries(ws, q).relays[0].alternates.size(), 1u);  // no limit: Eve
  q.max_events = 4;
  EXPECT_TRUE(plan_entries(ws, q).relays[0].alternates.empty());
}

TEST(EntryExport, AlternatesAreTheFastestLeftBestFirstAtMostFour) {
  // Seven girls; the coach runs the four slowest, so the three fastest are the alternates,
  // fastest first. Solved, the four fastest run and --alternates 2 keeps the next two.
  std::string toml = "name = \"Dale\"\nrules = \"nfhs\"\n";
  const char* bests[] = {"12.00", "12.10", "12.20", "12.30", "12.40", "12.50", "12.60"};
  for (int i = 0; i < 7; ++i) {
    toml += "[[athlete]]\nname = \"Girl " + std::string(1, static_cast<char>('A' + i)) +
            "\"\nsex = \"F\"\nbests = { \"100m\" = \"" + bests[i] + "\" }\n";
  }
  testing::TempDir dir;
  const Workspace ws = Workspace::open_team_file(dir.write("dale.toml", toml));
  EntryQuery q;
  q.relays = {{"4x100", Sex::female}};
  q.model = CostModel::open;
  q.orders = {{"4x100/F", {"Girl D", "Girl E", "Girl F", "Girl G"}}};
  const EntryList e = plan_entries(ws, q);
  ASSERT_EQ(e.relays[0].alternates.size(), 3u);
  EXPECT_EQ(e.relays[0].alternates[0].name, "Girl A");
  EXPECT_EQ(e.relays[0].alternates[1].name, "Girl B");
  EXPECT_EQ(e.relays[0].alternates[2].name, "Girl C");

  EntryQuery two;
  two.relays = {{"4x100", Sex::female}};
  two.model = CostModel::open;
  two.alternates = 2;
  const EntryList solved = plan_entries(ws, two);
  ASSERT_EQ(solved.relays[0].alternates.size(), 2u);  // Girls E and F; G left out
  EXPECT_EQ(solved.relays[0].alternates[0].name, "Girl E");
  EXPECT_EQ(solved.relays[0].alternates[1].name, "Girl F");
}

TEST_F(EntryExportTest, BadRequestsNameTheField) {
  struct Bad {
    EntryQuery query;
    const char* field;
  };
  auto base = [] {
    EntryQuery q;
    q.relays = {{"4x100", Sex::female}};
    q.model = CostModel::open;
    return q;
  };
  std::vector<Bad> cases;
  cases.push_back({base(), "orders.0"});
  cases.back().query.orders = {{"4x400/F", {"Ann Avery", "Bea Brown", "Cat Cole", "Dee Dunn"}}};
  cases.push_back({base(), "orders.0"});
  cases.back().query.orders = {{"4x100/F", {"Ann Avery", "Bea Brown", "Cat Cole"}}};
  cases.push_back({base(), "orders.0.names.2"});
  cases.back().query.orders = {{"4x100/F", {"Ann Avery", "Bea Brown", "Zed", "Dee Dunn"}}};
  cases.push_back({base(), "orders.0.names.0"});
  cases.back().query.orders = {{"4x100/F", {"Al Ames", "Bea Brown", "Cat Cole", "Dee Dunn"}}};
  cases.push_back({base(), "orders.0.names.3"});
  cases.back().query.orders = {{"4x100/F", {"Ann Avery", "Bea Brown", "Cat Cole", "ann avery"}}};
  cases.push_back({base(), "team_code"});
  cases.back().query.team_code = "HILLTOP";
  cases.push_back({base(), "alternates"});
  cases.back().query.alternates = 5;
  for (const Bad& c : cases) {
    try {
      plan_entries(ws, c.query);
      ADD_FAILURE() << "no error for " << c.field;
    } catch (const Error& e) {
      EXPECT_EQ(e.where().field, c.field) << e.what();
    }
  }
}

}  // namespace
}  // namespace baton
