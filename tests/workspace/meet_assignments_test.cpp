// A meet's lineups as a coach asks for them: individual entries counted against the event
// limit, locks and exclusions per relay, schedule conflicts, who runs what and an alternate for
// every leg.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "baton/meet_lineup_query.h"
#include "plan/meet_brute_force.h"
#include "workspace/squad.h"

namespace baton {
namespace {

// The squad with individual entries: `lines` maps an athlete's name line to its entries line.
std::string squad_with(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string toml = testing::kSquadToml;
  for (const auto& [name, list] : entries) {
    const std::string line = "name = \"" + name + "\"\n";
    const size_t at = toml.find(line);
    toml.insert(at + line.size(), "entries = " + list + "\n");
  }
  return toml;
}

class MeetAssignmentsTest : public ::testing::Test {
 protected:
  testing::TempDir dir;
  Workspace open(const std::vector<std::pair<std::string, std::string>>& entries) {
    return Workspace::open_team_file(dir.write("squad.toml", squad_with(entries)));
  }
};

constexpr double kBest100[] = {12.00, 12.20, 12.40, 12.60, 13.00, 11.00, 11.20, 11.40, 11.60};

TEST_F(MeetAssignmentsTest, ThreeEntriesAndAFourEventLimitLeaveOneRelay) {
  MeetLineupQuery q;
  q.relays = {{"4x100", Sex::female}, {"4x200", Sex::female}};
  q.model = CostModel::open;
  q.max_events = 4;
  // Without entries Ann, the fastest girl, runs both relays.
  const MeetLineupAnswer free = plan_meet_lineups(open({}), q);
  EXPECT_EQ(free.athletes[0].relays, 2);
  EXPECT_TRUE(free.request.events_already.empty());

  // Entered in three individual events she has room for one relay: the 4x200, where Eve in
  // her place would cost 26.60 - 24.60 = 2.00 s against 13.00 - 12.00 = 1.00 s in the 4x100.
  // 4x100: 12.20 + 12.40 + 12.60 + 13.00 = 50.20; 4x200: 24.60 + 25.00 + 25.40 + 25.80 = 100.80.
  const MeetLineupAnswer a =
      plan_meet_lineups(open({{"Ann Avery", R"(["100m", "200m", "LJ"])"}}), q);
  EXPECT_EQ(a.request.events_already, (std::vector<int>{3, 0, 0, 0, 0, 0, 0, 0, 0}));
  ASSERT_TRUE(a.result.optimal);
  EXPECT_NEAR(a.result.objective, 151.0, 1e-9);
  const MeetAthleteLoad& ann = a.athletes[0];
  EXPECT_EQ(ann.relays, 1);
  EXPECT_EQ(ann.events, 4);
  ASSERT_EQ(ann.legs.size(), 1u);
  EXPECT_EQ(a.request.relays[static_cast<size_t>(ann.legs[0].event_index)].event, "4x200/F");
  EXPECT_EQ(ann.legs[0].team, "A");
  ASSERT_EQ(a.athletes.size(), 9u);
  for (const MeetAthleteLoad& load : a.athletes) EXPECT_LE(load.events, 4);
}

TEST_F(MeetAssignmentsTest, EveryLegHasTheBestFreeRunnerAndWhatTheSwapCosts) {
  // One girls' 4x100 from open bests: the four fastest run and Eve (13.00) is every leg's
  // alternate, at 13.00 s minus the runner's own 100 m.
  MeetLineupQuery q;
  q.relays = {{"4x100", Sex::female}};
  q.model = CostModel::open;
  const MeetLineupAnswer a = plan_meet_lineups(open({}), q);
  ASSERT_EQ(a.substitutes.size(), 1u);
  const std::vector<int>& order = a.result.relays[0].order;
  ASSERT_EQ(a.substitutes[0].size(), 4u);
  for (size_t leg = 0; leg < 4; ++leg) {
    ASSERT_FALSE(a.substitutes[0][leg].empty()) << leg;
    EXPECT_EQ(a.substitutes[0][leg][0].athlete, 4) << leg;
    EXPECT_NEAR(a.substitutes[0][leg][0].cost_s, 13.00 - kBest100[order[leg]], 1e-9) << leg;
    EXPECT_EQ(a.substitutes[0][leg].size(), 1u) << "boys are no alternates for girls";
  }

  // Eve at the event limit (four entries of four) or kept out of the relay is nobody's
  // alternate.
  q.max_events = 4;
  const MeetLineupAnswer full =
      plan_meet_lineups(open({{"Eve Ennis", R"(["100m", "200m", "LJ", "TJ"])"}}), q);
  for (const auto& leg : full.substitutes[0]) EXPECT_TRUE(leg.empty());
  q.max_events = 0;
  q.exclude_from = {{"4x100/f", "eve ennis"}};
  const MeetLineupAnswer out = plan_meet_lineups(open({}), q);
  EXPECT_EQ(out.request.relays[0].excluded, std::vector<int>{4});
  for (const auto& leg : out.substitutes[0]) EXPECT_TRUE(leg.empty());
}

TEST_F(MeetAssignmentsTest, LocksExclusionsConflictsAndEntriesAreOptimalByBruteForce) {
  MeetLineupQuery q;
  q.relays = {{"4x100", Sex::female}, {"4x200", Sex::female}, {"4x100", Sex::male}};
  q.max_events = 4;
  q.max_relays_per_athlete = 2;
  q.locks = {{"4x200/F", 2, "Cat Cole"}, {"4x100/M", 4, "al ames"}};
  q.exclude_from = {{"4x100/F", "Dee Dunn"}};
  q.conflicts = {{"4x100/M", "4x100/F"}};
  const MeetLineupAnswer a = plan_meet_lineups(
      open({{"Ann Avery", R"(["100m", "200m", "LJ"])"}, {"Bea Brown", R"(["LJ", "HJ"])"}}), q);
  // The request says what the coach said, in roster indices and 0-based legs.
  EXPECT_EQ(a.request.events_already, (std::vector<int>{3, 2, 0, 0, 0, 0, 0, 0, 0}));
  EXPECT_EQ(a.request.relays[1].locked_legs, (std::map<int, int>{{1, 2}}));
  EXPECT_EQ(a.request.relays[2].locked_legs, (std::map<int, int>{{3, 5}}));
  EXPECT_EQ(a.request.relays[0].excluded, std::vector<int>{3});
  EXPECT_EQ(a.request.conflicts, (std::vector<std::pair<int, int>>{{0, 2}}));
  // ... and the lineups are the brute-force optimum on the same cost tables.
  ASSERT_TRUE(a.result.optimal);
  EXPECT_NEAR(a.result.objective, testing::brute_force_objective(a.request), 1e-6);
  EXPECT_EQ(a.result.relays[1].order[1], 2);
  EXPECT_EQ(a.result.relays[2].order[3], 5);
  for (int runner : a.result.relays[0].order) EXPECT_NE(runner, 3);
  for (const MeetAthleteLoad& load : a.athletes) {
    EXPECT_LE(load.events, 4);
    EXPECT_LE(load.relays, 2);
  }
  EXPECT_EQ(a.athletes[0].relays, 1);  // three entries: one relay at most

  // Every alternate is free to run and, the lineups being optimal, no swap is a gain.
  for (size_t r = 0; r < a.result.relays.size(); ++r) {
    const MeetRelayLineup& team = a.result.relays[r];
    for (const auto& leg : a.substitutes[r]) {
      for (const MeetSubstitute& sub : leg) {
        EXPECT_GE(sub.cost_s, -1e-9);
        const MeetAthleteLoad& load = a.athletes[static_cast<size_t>(sub.athlete)];
        EXPECT_LT(load.events, 4);
        EXPECT_LT(load.relays, 2);
        for (const MeetLegAssignment& run : load.legs) EXPECT_NE(run.event_index, team.event_index);
      }
    }
  }
}

struct BadRule {
  MeetLineupQuery query;
  const char* field;
};

TEST_F(MeetAssignmentsTest, BadLocksExclusionsAndConflictsNameTheField) {
  MeetLineupQuery base;
  base.relays = {{"4x100", Sex::female}, {"4x200", Sex::female}};
  base.model = CostModel::open;
  std::vector<BadRule> cases;
  cases.push_back({base, "locks.0.relay"});
  cases.back().query.locks = {{"4x800/F", 1, "Ann Avery"}};
  cases.push_back({base, "locks.0.leg"});
  cases.back().query.locks = {{"4x100/F", 5, "Ann Avery"}};
  cases.push_back({base, "locks.0.name"});
  cases.back().query.locks = {{"4x100/F", 1, "Anne Avry"}};
  cases.push_back({base, "locks.1"});
  cases.back().query.locks = {{"4x100/F", 1, "Ann Avery"}, {"4x100/F", 1, "Bea Brown"}};
  cases.push_back({base, "locks.1"});
  cases.back().query.locks = {{"4x100/F", 1, "Ann Avery"}, {"4x100/F", 2, "Ann Avery"}};
  cases.push_back({base, "locks"});
  cases.back().query.locks = {{"4x100/F", 1, "Ann Avery"}};
  cases.back().query.exclude_from = {{"4x100/F", "Ann Avery"}};
  cases.push_back({base, "exclude_from.0.relay"});
  cases.back().query.exclude_from = {{"4x100/M", "Ann Avery"}};
  cases.push_back({base, "exclude_from.0.name"});
  cases.back().query.exclude_from = {{"4x100/F", "Zed"}};
  cases.push_back({base, "conflicts.0"});
  cases.back().query.conflicts = {{"4x100/F", "4x400/F"}};
  cases.push_back({base, "conflicts.0"});
  cases.back().query.conflicts = {{"4x100/F", "4x100/f"}};
  const Workspace ws = open({});
  for (const BadRule& c : cases) {
    try {
      plan_meet_lineups(ws, c.query);
      ADD_FAILURE() << c.field;
    } catch (const Error& e) {
      EXPECT_EQ(e.where().field, c.field) << e.what();
    }
  }
  // An unknown name comes with the closest one.
  try {
    plan_meet_lineups(ws, cases[2].query);
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("Ann Avery"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace baton

namespace baton {
namespace {

// Four sprinters with marks up to 400 m and four half-milers with real 800 m marks.
constexpr const char* kEightHundredSquad = R"(name = "Hilltop"
rules = "nfhs"
[[athlete]]
name = "Sam Sprint"
sex = "M"
bests = { "100m" = "10.90", "200m" = "21.90", "400m" = "48.20" }
[[athlete]]
name = "Tim Sprint"
sex = "M"
bests = { "100m" = "11.00", "200m" = "22.10", "400m" = "48.60" }
[[athlete]]
name = "Uli Sprint"
sex = "M"
bests = { "100m" = "11.10", "200m" = "22.30", "400m" = "49.00" }
[[athlete]]
name = "Vic Sprint"
sex = "M"
bests = { "100m" = "11.20", "200m" = "22.50", "400m" = "49.40" }
[[athlete]]
name = "Al Miler"
sex = "M"
bests = { "400m" = "52.00", "800m" = "1:58.90" }
[[athlete]]
name = "Bo Miler"
sex = "M"
bests = { "400m" = "52.40", "800m" = "1:59.85" }
[[athlete]]
name = "Cy Miler"
sex = "M"
bests = { "400m" = "52.80", "800m" = "2:00.50" }
[[athlete]]
name = "Di Miler"
sex = "M"
bests = { "400m" = "53.20", "800m" = "2:01.40" }
)";

TEST(MeetEstimates, RealMarksRunUnlessEstimatesAreAllowed) {
  testing::TempDir dir;
  const Workspace ws = Workspace::open_team_file(dir.write("squad.toml", kEightHundredSquad));
  MeetLineupQuery q;
  q.relays = {{"4x800", Sex::male}};
  const MeetLineupAnswer real = plan_meet_lineups(ws, q);
  ASSERT_EQ(real.result.relays.size(), 1u);
  std::vector<int> runners = real.result.relays[0].order;
  std::sort(runners.begin(), runners.end());
  EXPECT_EQ(runners, (std::vector<int>{4, 5, 6, 7}));  // the four with 800 m marks
  EXPECT_EQ(real.estimated[0], std::vector<bool>(4, false));

  // Allowed, the estimated legs are options too: never a slower answer, and any leg that
  // rests on an estimate is flagged.
  q.allow_estimates = true;
  const MeetLineupAnswer any = plan_meet_lineups(ws, q);
  EXPECT_LE(any.result.objective, real.result.objective + 1e-9);
  for (size_t leg = 0; leg < 4; ++leg) {
    EXPECT_EQ(any.estimated[0][leg], any.result.relays[0].order[leg] < 4) << leg;
  }

  // Three real half-milers: the relay cannot be filled without an estimate, and says so.
  q.allow_estimates = false;
  q.exclude = {"Di Miler"};
  try {
    plan_meet_lineups(ws, q);
    ADD_FAILURE() << "filled with an estimated leg";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().field, "allow_estimates");
    EXPECT_NE(std::string(e.what()).find("4x800/M cannot be filled"), std::string::npos)
        << e.what();
  }
  q.allow_estimates = true;
  EXPECT_NO_THROW(plan_meet_lineups(ws, q));

  // A runner the coach locks on a leg runs it, estimate or not.
  q.allow_estimates = false;
  q.exclude.clear();
  q.locks = {{"4x800/M", 3, "Sam Sprint"}};
  const MeetLineupAnswer locked = plan_meet_lineups(ws, q);
  EXPECT_EQ(locked.result.relays[0].order[2], 0);
  EXPECT_TRUE(locked.estimated[0][2]);
}

}  // namespace
}  // namespace baton
