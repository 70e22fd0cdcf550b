// The practice log by athlete name: log, list, remove.
#include "baton/practice_log.h"

#include <gtest/gtest.h>

#include "workspace/riverside_workspace.h"

namespace baton {
namespace {

using testing::error_naming;

class PracticeLog : public testing::RiversideWorkspace {};

Drill drill(const std::string& date, double go_mark_m, double exchange_at_m) {
  Drill d;
  d.from = "Ava Brooks";
  d.to = "Maya Johnson";
  d.date = date;
  d.go_mark_m = go_mark_m;
  d.exchange_at_m = exchange_at_m;
  return d;
}

TEST_F(PracticeLog, ABackDatedDrillComesBackAsLogged) {
  const Drill first = log_drill(ws, drill("2024-04-10", 8.0, 20.0));
  EXPECT_EQ(first.id, 1);
  // Logged second but dated earlier: it sorts first in the pair's list, yet the drill returned
  // is this one, not the pair's latest.
  Drill earlier = drill("2024-04-02", 7.5, 18.5);
  earlier.from = "ava brooks";  // names as typed; the roster's spelling comes back
  earlier.note = "windy";
  const Drill logged = log_drill(ws, earlier);
  EXPECT_EQ(logged.id, 2);
  EXPECT_EQ(logged.date, "2024-04-02");
  EXPECT_EQ(logged.from, "Ava Brooks");
  EXPECT_EQ(logged.to, "Maya Johnson");
  EXPECT_DOUBLE_EQ(logged.go_mark_m, 7.5);
  EXPECT_DOUBLE_EQ(logged.exchange_at_m, 18.5);
  EXPECT_EQ(logged.note, "windy");

  const std::vector<Drill> all = list_drills(ws);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, 2);  // oldest first
  EXPECT_EQ(all[1].id, 1);
}

TEST_F(PracticeLog, ListFiltersByRunnerAndDate) {
  log_drill(ws, drill("2024-04-02", 8.0, 20.0));
  Drill other = drill("2024-04-03", 6.0, 19.0);
  other.from = "Maya Johnson";
  other.to = "Lily Nguyen";
  log_drill(ws, other);
  log_drill(ws, drill("2024-04-09", 8.5, 21.0));
  EXPECT_EQ(list_drills(ws, {.from = "Ava Brooks", .to = "", .until = ""}).size(), 2u);
  EXPECT_EQ(list_drills(ws, {.from = "", .to = "Lily Nguyen", .until = ""}).size(), 1u);
  EXPECT_EQ(list_drills(ws, {.from = "", .to = "", .until = "2024-04-03"}).size(), 2u);
  error_naming<NotFoundError>("from",
                              [&] { list_drills(ws, {.from = "Nobody", .to = "", .until = ""}); });
}

TEST_F(PracticeLog, RefusedDrillsNameTheFieldAndWriteNothing) {
  Drill d = drill("2024-04-02", 8.0, 20.0);
  d.to = "Maya Jonson";
  EXPECT_NE(error_naming<NotFoundError>("to", [&] { log_drill(ws, d); })
                .find("did you mean 'Maya Johnson'?"),
            std::string::npos);
  d = drill("2024-04-02", 61.0, 20.0);
  error_naming<ValidationError>("go_mark_m", [&] { log_drill(ws, d); });
  d = drill("", 8.0, 20.0);  // the caller supplies today
  error_naming<ParseError>("date", [&] { log_drill(ws, d); });
  EXPECT_TRUE(list_drills(ws).empty());
}

TEST_F(PracticeLog, RemoveDeletesOneDrillById) {
  const long long id = log_drill(ws, drill("2024-04-02", 8.0, 20.0)).id;
  log_drill(ws, drill("2024-04-03", 8.0, 20.5));
  remove_drill(ws, id);
  const std::vector<Drill> left = list_drills(ws);
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].date, "2024-04-03");
  error_naming<NotFoundError>("id", [&] { remove_drill(ws, id); });
}

TEST_F(PracticeLog, ADrillSentTwiceUnderOneKeyIsLoggedOnce) {
  Drill first = drill("2024-04-10", 8.0, 20.0);
  first.key = "phone-7f3a:1";
  const LoggedDrill a = log_drill_once(ws, first);
  EXPECT_FALSE(a.repeat);
  EXPECT_EQ(a.drill.key, "phone-7f3a:1");
  // The same key again, even with other values (a resend after an edit): nothing is written
  // and the answer is the drill first logged.
  Drill again = drill("2024-04-11", 9.5, 22.0);
  again.key = "phone-7f3a:1";
  const LoggedDrill b = log_drill_once(ws, again);
  EXPECT_TRUE(b.repeat);
  EXPECT_EQ(b.drill.id, a.drill.id);
  EXPECT_EQ(b.drill.date, "2024-04-10");
  EXPECT_DOUBLE_EQ(b.drill.go_mark_m, 8.0);
  // Another key, or none at all, logs a new drill.
  again.key = "phone-7f3a:2";
  EXPECT_FALSE(log_drill_once(ws, again).repeat);
  EXPECT_FALSE(log_drill_once(ws, drill("2024-04-12", 8.0, 20.0)).repeat);
  EXPECT_FALSE(log_drill_once(ws, drill("2024-04-12", 8.0, 20.0)).repeat);
  EXPECT_EQ(list_drills(ws).size(), 4u);
}

TEST_F(PracticeLog, AKeyOfForeignCharactersOrTooLongIsRefused) {
  Drill d = drill("2024-04-10", 8.0, 20.0);
  d.key = "a key";
  error_naming<ValidationError>("key", [&] { log_drill_once(ws, d); });
  d.key = std::string(kMaxDrillKeyChars + 1, 'k');
  error_naming<ValidationError>("key", [&] { log_drill_once(ws, d); });
  d.key = std::string(kMaxDrillKeyChars, 'k');
  EXPECT_FALSE(log_drill_once(ws, d).repeat);
  EXPECT_EQ(list_drills(ws).size(), 1u);
}

TEST(PracticeLogOnATeamFile, HasNoLog) {
  const Workspace file = Workspace::open_team_file(testing::source_path("examples/riverside.toml"));
  EXPECT_THROW(list_drills(file), StoreError);
}

}  // namespace
}  // namespace baton
