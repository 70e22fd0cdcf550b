// A drilled pair's calibration used everywhere: the report's mark is the plan's, the cards' and
// the lineup's; honest clean drills never make a lineup slower.
#include <gtest/gtest.h>

#include <cmath>

#include "baton/lineup_query.h"
#include "baton/pair_report.h"
#include "baton/practice_log.h"
#include "baton/relay_order.h"
#include "baton/relay_plan.h"
#include "workspace/riverside_workspace.h"

namespace baton {
namespace {

class PairCalibrationUse : public testing::RiversideWorkspace {
 protected:
  void log(const std::string& from, const std::string& to, const std::string& date,
           double go_mark_m, double exchange_at_m) {
    Drill d;
    d.from = from;
    d.to = to;
    d.date = date;
    d.go_mark_m = go_mark_m;
    d.exchange_at_m = exchange_at_m;
    d.outcome = DrillOutcome::clean;
    log_drill(ws, d);
  }

  // The coach's drills: a 7.5 m mark passing 14-15.5 m into the zone.
  void log_deep_drills() {
    const double at[] = {14.0, 14.5, 14.75, 15.0, 15.25, 15.5};
    for (int i = 0; i < 6; ++i) {
      log("Ava Brooks", "Maya Johnson", "2026-03-0" + std::to_string(i + 1), 7.5, at[i]);
    }
  }

  PairReportRequest request() const {
    PairReportRequest r;
    r.from = "Ava Brooks";
    r.to = "Maya Johnson";
    r.exchange = 3;
    r.as_of = "2026-03-10";
    return r;
  }

  static const std::vector<std::string>& order() {
    static const std::vector<std::string> o = {"Zoe Carter", "Lily Nguyen", "Ava Brooks",
                                               "Maya Johnson"};
    return o;
  }
};

TEST_F(PairCalibrationUse, TheReportExpectsTheDrilledPassAtTheDrilledMark) {
  log_deep_drills();
  PairReportRequest r = request();
  r.go_mark_m = 7.5;
  const PracticeReport report = pair_report(ws, r);
  ASSERT_TRUE(report.predicted_exchange_at_m);
  EXPECT_NEAR(*report.predicted_exchange_at_m, 14.75, 0.5);
  EXPECT_FALSE(report.calibration.reaction_at_bound);
  EXPECT_FALSE(report.pair.at_bound());
  EXPECT_TRUE(report.pair.unexplained.empty());
  // The models alone pass well before 14 m with that mark: the drills moved the pair.
  EXPECT_LT(model_exchange_at_m(report.nominal, 7.5, report.nominal.reaction_s), 13.5);
}

TEST_F(PairCalibrationUse, ThePlanUsesTheReportsRecommendedMark) {
  const OrderRequest named{"4x100", std::nullopt, order(), std::nullopt};
  const RelayOrder undrilled = requested_order(ws, named);
  const RelayPlan before = build_relay_plan(ws.team(), undrilled.event, undrilled.names,
                                            calibrated_plan_options(undrilled));
  log_deep_drills();
  const PracticeReport report = pair_report(ws, request());
  ASSERT_TRUE(report.calibration.recommended.exchanged);
  const RelayOrder drilled = requested_order(ws, named);
  const RelayPlan plan =
      build_relay_plan(ws.team(), drilled.event, drilled.names, calibrated_plan_options(drilled));
  const ExchangePlan& x = plan.exchanges[2].plan;
  EXPECT_NEAR(x.go_mark_m, report.calibration.recommended.go_mark_m, 1e-9);
  EXPECT_NEAR(x.baton_position_m, report.calibration.recommended.baton_position_m, 1e-9);
  EXPECT_NE(x.go_mark_m, before.exchanges[2].plan.go_mark_m);
  // Only the drilled pair moved.
  EXPECT_DOUBLE_EQ(plan.exchanges[0].plan.go_mark_m, before.exchanges[0].plan.go_mark_m);
  ASSERT_EQ(plan.calibrated.size(), 3u);
  EXPECT_TRUE(plan.calibrated[2].calibrated);
  EXPECT_FALSE(plan.calibrated[0].calibrated);
  EXPECT_NEAR(plan.calibrated[2].time_change_s,
              x.baton_time_s - before.exchanges[2].plan.baton_time_s, 1e-12);
  // The team time is the models' (race speeds) plus the drilled pair's practice record, six
  // clean passes: better than the prior's fumble rate, so it saves time. What the pair's own
  // pass changes is shown beside it, not added.
  ASSERT_EQ(undrilled.practice_s, (std::vector<double>{0.0, 0.0, 0.0}));
  ASSERT_EQ(drilled.practice_s.size(), 3u);
  EXPECT_EQ(drilled.practice_s[0], 0.0);
  EXPECT_EQ(drilled.practice_s[1], 0.0);
  EXPECT_LT(drilled.practice_s[2], -0.001);
  EXPECT_NEAR(plan.team_time_s, before.team_time_s + drilled.practice_s[2], 1e-9);
  // That is the lineup's time and splits for this order.
  LineupQuery q;
  q.event = "4x100";
  for (int leg = 1; leg <= 4; ++leg) q.locks[leg] = order()[static_cast<size_t>(leg - 1)];
  const LineupAnswer lineup = find_lineups(ws, q);
  EXPECT_NEAR(plan.team_time_s, lineup.result.best.team_time_s, 1e-9);
  double splits = 0.0;
  for (const RelayPlanLeg& l : plan.legs) {
    EXPECT_NEAR(l.split_s, lineup.splits_s[static_cast<size_t>(l.leg - 1)], 1e-9);
    splits += l.split_s;
  }
  EXPECT_NEAR(splits, plan.team_time_s, 1e-9);
  // The cards carry the same mark and team time.
  const RelayCards cards = relay_cards(ws, drilled);
  EXPECT_NEAR(cards.team_time_s, plan.team_time_s, 1e-9);
}

TEST_F(PairCalibrationUse, CleanDrillsConsistentWithTheModelNeverSlowTheBestLineup) {
  LineupQuery q;
  q.event = "4x100";
  q.sex = Sex::female;
  const LineupAnswer before = find_lineups(ws, q);
  // Every pair of the best order drills clean passes where the plan puts them, with a small
  // scatter of the position either way.
  const Event relay = before.event;
  const RelayPlan plan = build_relay_plan(ws.team(), relay, before.order);
  for (const RelayPlanExchange& x : plan.exchanges) {
    if (x.plan.hands.visual) continue;
    const double offsets[] = {-0.3, 0.2, 0.0, 0.3, -0.2, 0.1};
    for (int i = 0; i < 6; ++i) {
      log(x.from, x.to, "2026-03-0" + std::to_string(i + 1), x.plan.go_mark_m,
          x.plan.baton_position_m + offsets[i]);
    }
  }
  const LineupAnswer after = find_lineups(ws, q);
  EXPECT_LE(after.result.best.team_time_s, before.result.best.team_time_s + 1e-9);
  EXPECT_GT(after.practice_pair_terms, 0);
}

}  // namespace
}  // namespace baton
