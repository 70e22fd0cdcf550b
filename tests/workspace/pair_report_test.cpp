// A pair's practice report and progress by athlete name.
#include "baton/pair_report.h"

#include <gtest/gtest.h>

#include "baton/practice_log.h"
#include "workspace/riverside_workspace.h"

namespace baton {
namespace {

using testing::error_naming;

// A steady pair given by hand: incoming 9 m/s, outgoing MSS 9 m/s and TAU 1 s, reaction
// 0.15 s, reach 1.5 m, standing at the zone's start, passing at 22.5 m (3/4 of 30 m).
// The outgoing runner is at 22.5 + 0.75 = 23.25 m at the pass:
//   9 (s + e^-s - 1) = 23.25  ->  s = 3.554745 s of running, 3.704745 s after the mark,
// when the incoming runner, 1.5 m behind, has run 9 x 3.704745 = 33.342702 m from the mark:
//   go-mark = 33.342702 - 21.75 = 11.592702 m.
constexpr double kModelMarkM = 11.592702;

PairReportRequest steady_pair(const std::string& as_of) {
  PairReportRequest r;
  r.from = "Ava Brooks";
  r.to = "Maya Johnson";
  r.as_of = as_of;
  r.overrides.incoming_speed_mps = 9.0;
  r.overrides.outgoing_mss_mps = 9.0;
  r.overrides.outgoing_tau_s = 1.0;
  r.overrides.reaction_s = 0.15;
  r.overrides.free_distance_m = 1.5;
  return r;
}

class PairReport : public testing::RiversideWorkspace {
 protected:
  Drill log(const std::string& date, double go_mark_m, double exchange_at_m,
            DrillOutcome outcome = DrillOutcome::clean) {
    Drill d;
    d.from = "Ava Brooks";
    d.to = "Maya Johnson";
    d.date = date;
    d.go_mark_m = go_mark_m;
    d.exchange_at_m = exchange_at_m;
    d.outcome = outcome;
    return log_drill(ws, d);
  }
};

TEST_F(PairReport, WithoutDrillsTheMarkIsTheModels) {
  const PracticeReport r = pair_report(ws, steady_pair("2024-04-10"));
  EXPECT_EQ(r.from, "Ava Brooks");
  EXPECT_EQ(r.to, "Maya Johnson");
  EXPECT_EQ(r.as_of, "2024-04-10");
  EXPECT_EQ(r.record.drills, 0);
  EXPECT_DOUBLE_EQ(r.calibration.target_m, 22.5);
  ASSERT_TRUE(r.calibration.recommended.exchanged);
  EXPECT_NEAR(r.calibration.recommended.go_mark_m, kModelMarkM, 1e-4);
  EXPECT_NEAR(r.calibration.model.go_mark_m, kModelMarkM, 1e-4);
  EXPECT_DOUBLE_EQ(r.foot_length_m, 0.27);  // Maya Johnson's, from the roster
  EXPECT_DOUBLE_EQ(r.half_life_days, 28.0);
}

TEST_F(PairReport, NamesAsTypedComeBackAsOnTheRoster) {
  PairReportRequest r = steady_pair("2024-04-10");
  r.from = "AVA BROOKS";
  r.to = "maya johnson";
  const PracticeReport report = pair_report(ws, r);
  EXPECT_EQ(report.from, "Ava Brooks");
  EXPECT_EQ(report.to, "Maya Johnson");
}

TEST_F(PairReport, DrillsAfterTheDateDoNotCount) {
  log("2024-04-02", kModelMarkM, 22.5);
  log("2024-04-20", 9.0, 15.0, DrillOutcome::early);
  const PracticeReport r = pair_report(ws, steady_pair("2024-04-10"));
  EXPECT_EQ(r.record.drills, 1);
  EXPECT_EQ(r.record.clean, 1);
  // A drill the model reproduces exactly leaves the mark about where it was (the fit gives a
  // single drill next to the furthest reachable point a little room: 0.1 m of mark there is
  // metres of pass).
  EXPECT_NEAR(r.calibration.recommended.go_mark_m, kModelMarkM, 0.1);
  EXPECT_TRUE(r.pair.unexplained.empty());
}

TEST_F(PairReport, EarlyExchangesMoveTheMarkOut) {
  // At the model's mark the pass came at 18 m, not 22.5 m: the outgoing runner left late or
  // accelerated slower, or the incoming runner came faster, so the mark moves out (by little:
  // near the point where the incoming runner only just catches up, metres of pass position are
  // tenths of mark).
  log("2024-04-02", kModelMarkM, 18.0, DrillOutcome::early);
  log("2024-04-03", kModelMarkM, 18.5, DrillOutcome::early);
  const PracticeReport r = pair_report(ws, steady_pair("2024-04-03"));
  EXPECT_GT(r.calibration.recommended.go_mark_m, kModelMarkM + 0.05);
  EXPECT_LT(predicted_exchange_at_m(r.pair, kModelMarkM), 20.5);
}

TEST_F(PairReport, WithoutOverridesThePlanSuppliesTheHandoff) {
  PairReportRequest r;
  r.from = "Ava Brooks";
  r.to = "Maya Johnson";
  r.as_of = "2024-04-10";
  const PracticeReport report = pair_report(ws, r);
  // Riverside's models: a blind 4x100 pass somewhere in the 30 m zone, a mark of 3-14 m
  // (coaching texts: 5-9 m by level for the old 10 m acceleration area, docs/HANDOFFS.md).
  EXPECT_EQ(report.nominal.zone_length_m, 30.0);
  EXPECT_GT(report.calibration.target_m, 0.0);
  EXPECT_LE(report.calibration.target_m, 30.0);
  ASSERT_TRUE(report.calibration.recommended.exchanged);
  EXPECT_GT(report.calibration.recommended.go_mark_m, 3.0);
  EXPECT_LT(report.calibration.recommended.go_mark_m, 14.0);
}

TEST_F(PairReport, ErrorsNameTheRequestField) {
  PairReportRequest r = steady_pair("2024-04-31");
  error_naming<ParseError>("as_of", [&] { pair_report(ws, r); });
  r = steady_pair("2024-04-10");
  r.to = "Maya Jonson";
  error_naming<NotFoundError>("to", [&] { pair_report(ws, r); });
  r = steady_pair("2024-04-10");
  r.overrides.reaction_s = -1.0;
  error_naming<ValidationError>("reaction_s", [&] { pair_report(ws, r); });
  r = steady_pair("2024-04-10");
  r.half_life_days = 0.0;
  error_naming<ValidationError>("half_life_days", [&] { pair_report(ws, r); });

  PairReportRequest planned;
  planned.from = "Ava Brooks";
  planned.to = "Maya Johnson";
  planned.as_of = "2024-04-10";
  planned.event = "4x150";
  error_naming<NotFoundError>("event", [&] { pair_report(ws, planned); });
  planned.event = "4x400";  // exchange 1 is a visual pass
  EXPECT_NE(
      error_naming<ValidationError>("exchange", [&] { pair_report(ws, planned); }).find("visual"),
      std::string::npos);
  planned.event = "4x100";
  planned.exchange = 4;
  error_naming<ValidationError>("exchange", [&] { pair_report(ws, planned); });
}

TEST_F(PairReport, ProgressCountsEachDrillDay) {
  log("2024-04-02", 8.0, 20.0);
  log("2024-04-05", 8.0, 20.0);
  log("2024-04-05", 8.5, 22.0, DrillOutcome::drop);
  const PairProgress p = pair_progress(ws, steady_pair(""));
  EXPECT_EQ(p.from, "Ava Brooks");
  EXPECT_DOUBLE_EQ(p.target_m, 22.5);
  ASSERT_EQ(p.days.size(), 2u);
  EXPECT_EQ(p.days[0].date, "2024-04-02");
  EXPECT_EQ(p.days[0].drills, 1);
  EXPECT_EQ(p.days[0].total_drills, 1);
  EXPECT_DOUBLE_EQ(p.days[0].mean_exchange_at_m, 20.0);
  EXPECT_DOUBLE_EQ(p.days[0].p_clean, 1.0);
  EXPECT_EQ(p.days[1].date, "2024-04-05");
  EXPECT_EQ(p.days[1].drills, 2);
  EXPECT_EQ(p.days[1].total_drills, 3);
  EXPECT_DOUBLE_EQ(p.days[1].mean_exchange_at_m, 21.0);
  EXPECT_DOUBLE_EQ(p.days[1].p_clean, 0.5);
  ASSERT_TRUE(p.days[1].go_mark_m);

  const ProgressChart chart = pair_progress_chart(p);
  EXPECT_EQ(chart.title, "Ava Brooks -> Maya Johnson");
  EXPECT_EQ(chart.dates, (std::vector<std::string>{"2024-04-02", "2024-04-05"}));
  ASSERT_EQ(chart.series.size(), 3u);
  EXPECT_EQ(chart.series[2].values, (std::vector<double>{100.0, 50.0}));
}

TEST_F(PairReport, NoDrillsNoProgressNoChart) {
  const PairProgress p = pair_progress(ws, steady_pair(""));
  EXPECT_TRUE(p.days.empty());
  error_naming<NotFoundError>("svg", [&] { pair_progress_chart(p); });
}

}  // namespace
}  // namespace baton
