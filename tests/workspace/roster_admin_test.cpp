// The roster by athlete name: add, edit, remove, import, team info.
#include "baton/roster_admin.h"

#include <gtest/gtest.h>

#include "workspace/riverside_workspace.h"

namespace baton {
namespace {

using testing::error_naming;

class RosterAdmin : public testing::RiversideWorkspace {};

TEST_F(RosterAdmin, TheImportedRosterIsAsEntered) {
  const Team t = entered_roster(ws);
  EXPECT_EQ(t.name, "Riverside HS");
  EXPECT_EQ(t.rules, RuleSet::nfhs);
  EXPECT_EQ(t.athletes.size(), 24u);
  EXPECT_EQ(t.athletes.front().name, "Andre Wallace");  // sorted by name
  const Athlete& ava = t.athlete("Ava Brooks");
  ASSERT_NE(ava.best_at(200.0), nullptr);
  EXPECT_TRUE(ava.best_at(200.0)->mark.hand_timed);  // 25.4h as written
}

TEST_F(RosterAdmin, ImportAddsUpdatesAndReplaces) {
  Team more;
  more.has_team_info = false;  // as a CSV roster: athletes only
  Athlete a;
  a.name = "Ava Brooks";
  a.sex = Sex::female;
  a.set_best(Best{100.0, Mark{12.20, false}});
  Athlete b;
  b.name = "Iris Moon";
  b.sex = Sex::female;
  b.set_best(Best{100.0, Mark{13.10, false}});
  more.athletes = {a, b};
  ImportSummary s = import_roster(ws, more);
  EXPECT_EQ(s.added, 1);
  EXPECT_EQ(s.updated, 1);
  EXPECT_EQ(s.removed, 0);
  EXPECT_EQ(entered_roster(ws).athletes.size(), 25u);
  s = import_roster(ws, more, /*replace_all=*/true);
  EXPECT_EQ(s.removed, 23);
  EXPECT_EQ(entered_roster(ws).athletes.size(), 2u);
  EXPECT_EQ(entered_roster(ws).name, "Riverside HS");  // a team without team info keeps it
}

TEST_F(RosterAdmin, FindEditAndRemoveMatchNamesIgnoringCase) {
  EXPECT_EQ(find_athlete(ws, "zoe carter").name, "Zoe Carter");
  const Athlete renamed = edit_athlete(ws, "zoe carter", [](Athlete& a) {
    a.name = "Zoe Carter-Lee";
    a.foot_length_m = 0.24;
  });
  EXPECT_EQ(renamed.name, "Zoe Carter-Lee");
  EXPECT_EQ(renamed.foot_length_m, 0.24);
  EXPECT_DOUBLE_EQ(renamed.best_at(100.0)->fat_s(), 12.45);  // other marks kept
  EXPECT_EQ(remove_athlete(ws, "ZOE CARTER-LEE"), "Zoe Carter-Lee");
  EXPECT_EQ(entered_roster(ws).athletes.size(), 23u);
  EXPECT_NE(error_naming<NotFoundError>("name", [&] { find_athlete(ws, "Zoe Carter"); })
                .find("unknown athlete"),
            std::string::npos);
  EXPECT_NE(error_naming<NotFoundError>("name", [&] { remove_athlete(ws, "Ava Brook"); })
                .find("did you mean 'Ava Brooks'?"),
            std::string::npos);
}

TEST_F(RosterAdmin, AFailedEditChangesNothing) {
  EXPECT_THROW(edit_athlete(ws, "Ava Brooks",
                            [](Athlete& a) {
                              a.foot_length_m = 0.5;
                              throw ParseError("bad value", Location{"", 0, "hand"});
                            }),
               ParseError);
  // A change the roster refuses: a name another athlete has.
  EXPECT_THROW(edit_athlete(ws, "Ava Brooks", [](Athlete& a) { a.name = "Maya Johnson"; }),
               ValidationError);
  EXPECT_EQ(find_athlete(ws, "Ava Brooks").foot_length_m, 0.26);
  EXPECT_EQ(entered_roster(ws).athletes.size(), 24u);
}

TEST_F(RosterAdmin, AddReturnsTheAthleteAndRefusesATakenName) {
  Athlete a;
  a.name = "Iris Moon";
  a.sex = Sex::female;
  a.set_best(Best{200.0, Mark{27.3, true}});
  const Athlete added = add_athlete(ws, a);
  EXPECT_EQ(added.name, "Iris Moon");
  EXPECT_NEAR(added.best_at(200.0)->fat_s(), 27.54, 1e-9);  // 27.3 h + 0.24 s
  error_naming<ValidationError>("name", [&] { add_athlete(ws, a); });
}

TEST_F(RosterAdmin, TeamInfoNamesAreShortPlainText) {
  set_team_info(ws, "Riverside Relays", RuleSet::ncaa, Level::college);
  EXPECT_EQ(entered_roster(ws).name, "Riverside Relays");
  EXPECT_EQ(entered_roster(ws).rules, RuleSet::ncaa);
  EXPECT_EQ(entered_roster(ws).level, Level::college);
  error_naming<ValidationError>(
      "name", [&] { set_team_info(ws, std::string(81, 'x'), RuleSet::wa, std::nullopt); });
  error_naming<ValidationError>("name",
                                [&] { set_team_info(ws, "Tab\there", RuleSet::wa, std::nullopt); });
  set_team_info(ws, std::string(80, 'x'), RuleSet::wa, std::nullopt);  // the longest accepted
  EXPECT_EQ(entered_roster(ws).rules, RuleSet::wa);
  EXPECT_FALSE(entered_roster(ws).level);  // no level set: inferred from the marks
}

}  // namespace
}  // namespace baton
