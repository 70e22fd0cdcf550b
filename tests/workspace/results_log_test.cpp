// The results log by athlete name and what it teaches.
#include "baton/results_log.h"

#include <gtest/gtest.h>

#include "baton/practice_lookup.h"
#include "baton/race_learning.h"
#include "baton/roster_admin.h"
#include "workspace/riverside_workspace.h"

namespace baton {
namespace {

using testing::error_naming;

class ResultsLog : public testing::RiversideWorkspace {
 protected:
  ResultEntry entry(const std::string& date) const {
    ResultEntry e;
    e.event = "4x100";
    e.order = {"Ava Brooks", "Maya Johnson", "Lily Nguyen", "Zoe Carter"};
    e.time = Mark{48.92, false};
    e.date = date;
    return e;
  }
};

TEST_F(ResultsLog, AddReturnsTheResultAsStored) {
  ResultEntry e = entry("2024-04-27");
  e.meet = "County";
  const RelayResult first = add_result(ws, e);
  EXPECT_EQ(first.id, 1);
  ASSERT_TRUE(first.team_time_s);
  EXPECT_DOUBLE_EQ(*first.team_time_s, 48.92);
  EXPECT_EQ(first.meet, "County");

  // Back-dated, names in any case, a hand time: the result returned is this one, names as on
  // the roster, 48.7 hand-timed over 400 m in all = 48.7 + 0.14 = 48.84 s FAT.
  e = entry("2024-04-20");
  e.order = {"ava brooks", "MAYA JOHNSON", "Lily Nguyen", "zoe carter"};
  e.time = Mark{48.7, true};
  const RelayResult second = add_result(ws, e);
  EXPECT_EQ(second.id, 2);
  EXPECT_EQ(second.date, "2024-04-20");
  EXPECT_EQ(second.order,
            (std::vector<std::string>{"Ava Brooks", "Maya Johnson", "Lily Nguyen", "Zoe Carter"}));
  ASSERT_TRUE(second.team_time_s);
  EXPECT_NEAR(*second.team_time_s, 48.84, 1e-9);

  const std::vector<RelayResult> all = list_results(ws);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, 2);  // oldest first
}

TEST_F(ResultsLog, ADroppedBatonNeedsNoTime) {
  ResultEntry e = entry("2024-04-20");
  e.time.reset();
  e.dropped_leg = 3;
  const RelayResult r = add_result(ws, e);
  EXPECT_FALSE(r.team_time_s);
  EXPECT_EQ(r.dropped_leg, 3);
}

TEST_F(ResultsLog, ADnfIsLoggedWithoutATime) {
  ResultEntry e = entry("2024-04-20");
  e.time.reset();
  e.dnf = true;
  const RelayResult r = add_result(ws, e);
  EXPECT_TRUE(r.dnf);
  EXPECT_FALSE(r.team_time_s);
  EXPECT_FALSE(r.dq);
  EXPECT_FALSE(r.dropped_leg);

  e = entry("2024-04-27");  // 48.92 and DNF
  e.dnf = true;
  error_naming<ValidationError>("time", [&] { add_result(ws, e); });
  e.time.reset();
  e.dq = true;
  error_naming<ValidationError>("dnf", [&] { add_result(ws, e); });
  e.dq = false;
  e.dropped_leg = 2;
  error_naming<ValidationError>("dnf", [&] { add_result(ws, e); });
  EXPECT_EQ(list_results(ws).size(), 1u);
}

// What the CSV says comes back from the log as it was written: the DNF row with no time, the
// drop, the DQ and the finish beside it.
TEST_F(ResultsLog, DnfRowsComeBackFromTheCsv) {
  const std::string csv =
      "date,event,order,time,drop,dq,dnf\n"
      "2024-04-20,4x100,Ava Brooks;Maya Johnson;Lily Nguyen;Zoe Carter,48.92,,,\n"
      "2024-04-27,4x100,Ava Brooks;Maya Johnson;Lily Nguyen;Zoe Carter,,,,DNF\n"
      "2024-05-04,4x100,Ava Brooks;Maya Johnson;Lily Nguyen;Zoe Carter,,3,no,no\n"
      "2024-05-11,4x100,Ava Brooks;Maya Johnson;Lily Nguyen;Zoe Carter,,,yes,\n";
  EXPECT_EQ(import_results(ws, csv, "season.csv", "2024-06-01").size(), 4u);
  const std::vector<RelayResult> all = list_results(ws);
  ASSERT_EQ(all.size(), 4u);
  EXPECT_FALSE(all[0].dnf);
  EXPECT_DOUBLE_EQ(*all[0].team_time_s, 48.92);
  EXPECT_TRUE(all[1].dnf);
  EXPECT_FALSE(all[1].team_time_s);
  EXPECT_FALSE(all[1].dq);
  EXPECT_FALSE(all[1].dropped_leg);
  EXPECT_FALSE(all[2].dnf);
  EXPECT_EQ(all[2].dropped_leg, 3);
  EXPECT_FALSE(all[3].dnf);
  EXPECT_TRUE(all[3].dq);

  // A DNF with a time, or disqualified too: the file, line and field, and nothing written.
  const struct {
    const char* csv;
    int line;
    const char* field;
  } refused[] = {
      {"event,order,time,dnf\n"
       "4x100,Ava Brooks;Maya Johnson;Lily Nguyen;Zoe Carter,,yes\n"
       "4x100,Ava Brooks;Maya Johnson;Lily Nguyen;Zoe Carter,49.10,yes\n",
       3, "time"},
      {"event,order,time,dq,dnf\n"
       "4x100,Ava Brooks;Maya Johnson;Lily Nguyen;Zoe Carter,,dq,dnf\n",
       2, "dnf"},
  };
  for (const auto& c : refused) {
    try {
      import_results(ws, c.csv, "bad.csv", "2024-06-01");
      ADD_FAILURE() << c.field;
    } catch (const ValidationError& e) {
      EXPECT_EQ(e.where().file, "bad.csv");
      EXPECT_EQ(e.where().line, c.line);
      EXPECT_EQ(e.where().field, c.field);
    }
  }
  EXPECT_EQ(list_results(ws).size(), 4u);
}

TEST_F(ResultsLog, RefusedResultsNameTheFieldAndWriteNothing) {
  ResultEntry e = entry("2024-04-20");
  e.event = "4x99";
  error_naming<NotFoundError>("event", [&] { add_result(ws, e); });
  e = entry("2024-04-20");
  e.order.pop_back();
  error_naming<ValidationError>("order", [&] { add_result(ws, e); });
  e = entry("2024-04-20");
  e.splits_s = {12.0, 12.0, 12.0};
  error_naming<ValidationError>("splits", [&] { add_result(ws, e); });
  e = entry("");
  error_naming<ParseError>("date", [&] { add_result(ws, e); });
  EXPECT_TRUE(list_results(ws).empty());
}

TEST_F(ResultsLog, ImportReadsACsvWithAByteOrderMarkAllOrNothing) {
  const std::string csv =
      "\xEF\xBB\xBF"
      "event,order,time,date\r\n"
      "4x100,Ava Brooks;Maya Johnson;Lily Nguyen;Zoe Carter,48.92,2024-04-20\r\n"
      "4x100,Ava Brooks;Maya Johnson;Lily Nguyen;Zoe Carter,49.10,\r\n";
  EXPECT_EQ(import_results(ws, csv, "season.csv", "2024-05-01"), (std::vector<long long>{1, 2}));
  const std::vector<RelayResult> all = list_results(ws);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].date, "2024-05-01");  // the default date fills the empty cell

  const std::string bad =
      "event,order,time\n"
      "4x100,Ava Brooks;Maya Johnson;Lily Nguyen;Zoe Carter,48.92\n"
      "4x100,Ava Brooks;Maya Johnson;Lily Nguyen,48.92\n";
  try {
    import_results(ws, bad, "bad.csv", "2024-05-01");
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().file, "bad.csv");
    EXPECT_EQ(e.where().line, 3);
  }
  EXPECT_EQ(list_results(ws).size(), 2u);
}

TEST_F(ResultsLog, RemoveDeletesOneResultById) {
  const long long id = add_result(ws, entry("2024-04-20")).id;
  remove_result(ws, id);
  EXPECT_TRUE(list_results(ws).empty());
  error_naming<NotFoundError>("id", [&] { remove_result(ws, id); });
}

class RaceLearning : public ResultsLog {
 protected:
  void add_timed(const std::string& date, std::vector<double> splits) {
    ResultEntry e = entry(date);
    double total = 0;
    for (double s : splits) total += s;
    e.time = Mark{total, false};
    e.splits_s = std::move(splits);
    add_result(ws, e);
  }
};

TEST_F(RaceLearning, ModelsKeepOneMarkPerAthleteAndDistance) {
  add_timed("2024-04-20", {12.9, 11.5, 11.9, 11.8});
  add_timed("2024-04-27", {12.8, 11.4, 11.8, 11.7});
  const RaceModels all = race_models(ws);
  EXPECT_EQ(all.legs.size(), 8u);   // four timed legs a race
  EXPECT_EQ(all.marks.size(), 4u);  // four runners, all over 100 m
  const RaceModels ava = race_models(ws, "ava brooks");
  ASSERT_EQ(ava.legs.size(), 2u);
  ASSERT_EQ(ava.marks.size(), 1u);
  const LearnedMark& m = ava.marks[0];
  EXPECT_EQ(m.athlete, "Ava Brooks");
  EXPECT_DOUBLE_EQ(m.distance_m, 100.0);
  ASSERT_TRUE(m.best_s);
  EXPECT_DOUBLE_EQ(*m.best_s, 12.31);
  // The updated mark is the weighted mean of the entered best (1) and each open-equivalent;
  // the first race is 7 days older than the newest: 2^(-7/56) = 0.91700.
  EXPECT_NEAR(ava.legs[0].weight, 0.91700, 1e-5);
  EXPECT_DOUBLE_EQ(ava.legs[1].weight, 1.0);
  EXPECT_NEAR(
      m.updated_s,
      (12.31 + 0.91700 * ava.legs[0].open_equivalent_s + ava.legs[1].open_equivalent_s) / 2.91700,
      1e-5);
  error_naming<NotFoundError>("athlete", [&] { race_models(ws, "Ava Brooke"); });
}

// A DNF with no cause recorded cannot be charged to an exchange and carries no time: the pair
// records and the race models are what they were without it.
TEST_F(RaceLearning, ADnfTeachesNothing) {
  add_timed("2024-04-20", {12.9, 11.5, 11.9, 11.8});
  add_timed("2024-04-27", {12.8, 11.4, 11.8, 11.7});
  const Team team = Roster(ws.database()).team();
  const Event event = find_event("4x100", team.rules);
  const auto passes = [&](int k, const char* from, const char* to) {
    return practice_lookup(ws.database(), team, event)(k, from, to);
  };
  const RaceModels before = race_models(ws);
  ResultEntry dnf = entry("2024-04-27");
  dnf.time.reset();
  dnf.dnf = true;
  add_result(ws, dnf);

  // Two finished races: two clean passes Ava to Maya (exchange 1), none charged to the DNF.
  PairRecord first = passes(0, "Ava Brooks", "Maya Johnson");
  EXPECT_EQ(first.race_passes, 2);
  EXPECT_EQ(first.clean, 2);
  const RaceModels after = race_models(ws);
  EXPECT_EQ(after.legs.size(), before.legs.size());
  EXPECT_EQ(after.team.races.size(), before.team.races.size());
  ASSERT_EQ(after.marks.size(), before.marks.size());
  for (size_t i = 0; i < after.marks.size(); ++i) {
    EXPECT_DOUBLE_EQ(after.marks[i].updated_s, before.marks[i].updated_s);
  }
  EXPECT_DOUBLE_EQ(after.team.blind_learned_s, before.team.blind_learned_s);

  // A drop at the first exchange (leg 2 dropped) is charged to that pair alone.
  ResultEntry drop = entry("2024-04-27");
  drop.time.reset();
  drop.dropped_leg = 2;
  add_result(ws, drop);
  first = passes(0, "Ava Brooks", "Maya Johnson");
  EXPECT_EQ(first.race_passes, 3);
  EXPECT_EQ(first.clean, 2);
  const PairRecord second = passes(1, "Maya Johnson", "Lily Nguyen");
  EXPECT_EQ(second.race_passes, 3);
  EXPECT_EQ(second.clean, 3);
}

TEST_F(RaceLearning, ProgressFollowsTheDistanceRunMost) {
  add_timed("2024-04-20", {12.9, 11.5, 11.9, 11.8});
  add_timed("2024-04-27", {12.8, 11.4, 11.8, 11.7});
  const RaceProgress p = race_progress(ws, "maya johnson");
  EXPECT_EQ(p.athlete, "Maya Johnson");
  EXPECT_DOUBLE_EQ(p.distance_m, 100.0);
  ASSERT_TRUE(p.entered_best_s);
  EXPECT_DOUBLE_EQ(*p.entered_best_s, 12.08);
  ASSERT_EQ(p.points.size(), 2u);
  EXPECT_EQ(p.points[0].date, "2024-04-20");
  EXPECT_EQ(p.points[1].date, "2024-04-27");
  EXPECT_EQ(p.points[0].splits, 1);
  const ProgressChart chart = race_progress_chart(p);
  EXPECT_EQ(chart.title, "Maya Johnson: 100 m");
  EXPECT_EQ(chart.dates.size(), 2u);

  // No splits at 400 m: nothing to chart.
  const RaceProgress none = race_progress(ws, "Maya Johnson", 400.0);
  EXPECT_TRUE(none.points.empty());
  EXPECT_DOUBLE_EQ(*none.entered_best_s, 56.90);
  error_naming<NotFoundError>("svg", [&] { race_progress_chart(none); });
  error_naming<NotFoundError>("athlete", [&] { race_progress(ws, "Nobody"); });
}

}  // namespace
}  // namespace baton
