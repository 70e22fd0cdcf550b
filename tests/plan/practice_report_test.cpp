#include "baton/practice_report.h"

#include <gtest/gtest.h>

#include "baton/error.h"
#include "baton/practice_json.h"
#include "support/handoff_pairs.h"

namespace baton {
namespace {

using testing::high_school_pair;

Drill drill(const std::string& date, double mark, double at,
            DrillOutcome outcome = DrillOutcome::clean) {
  Drill d;
  d.from = "Ava Brooks";
  d.to = "Maya Johnson";
  d.date = date;
  d.go_mark_m = mark;
  d.exchange_at_m = at;
  d.outcome = outcome;
  return d;
}

TEST(PracticeReport, DrillsAreAgedFromTheReportDateAndLaterOnesLeftOut) {
  const auto obs =
      drill_observations({drill("2024-04-01", 12.0, 20.0), drill("2024-04-13", 13.0, 21.0),
                          drill("2024-04-14", 14.0, 22.0)},
                         "2024-04-13");
  ASSERT_EQ(obs.size(), 2U);
  EXPECT_DOUBLE_EQ(obs[0].age_days, 12.0);
  EXPECT_DOUBLE_EQ(obs[0].go_mark_m, 12.0);
  EXPECT_DOUBLE_EQ(obs[1].age_days, 0.0);
  EXPECT_DOUBLE_EQ(obs[1].exchange_at_m, 21.0);
  EXPECT_THROW(drill_observations({}, "2024-02-30"), ParseError);
}

TEST(PracticeReport, CountsOnlyTheDrillsUpToItsDateAndCalibratesOnThem) {
  // With a 12 m mark the model passes at x; the pair passed 3-4 m earlier than that.
  const double x = model_exchange_at_m(high_school_pair(), 12.0, 0.15);
  const std::vector<Drill> drills = {drill("2024-04-10", 12.0, x - 4.0),
                                     drill("2024-04-12", 12.0, x - 3.0, DrillOutcome::stutter),
                                     drill("2024-05-01", 12.0, 29.5, DrillOutcome::late)};
  const double target = 22.5;
  const PracticeReport r = practice_report("Ava Brooks", "Maya Johnson", drills, high_school_pair(),
                                           target, "2024-04-13", {}, 0.30);
  EXPECT_EQ(r.record.drills, 2);
  EXPECT_EQ(r.record.clean, 1);
  EXPECT_NEAR(r.record.mean_exchange_at_m, x - 3.5, 1e-12);
  // Passes earlier than the model's: the runner left late, so the mark moves out.
  ASSERT_TRUE(r.calibration.recommended.exchanged);
  EXPECT_GT(r.calibration.recommended.go_mark_m, r.calibration.model.go_mark_m);
  EXPECT_DOUBLE_EQ(r.half_life_days, 28.0);
}

TEST(PracticeReport, ConsistentDrillsGiveTheReactionAndMarkWorkedOutByHand) {
  // The steady pair (incoming 10 m/s, outgoing MSS 10 m/s, TAU 1 s, 1.5 m reach) leaving r s
  // after the mark M: with s = t - r the gap closes to 1.5 m when
  //   e^-s = 1 - (M - 1.5 - 10 r) / 10 = (11.5 - M + 10 r) / 10
  // and the baton is at 10 (s + e^-s - 1) - 0.75. With r = 0.25 s:
  //   M = 13.0: e^-s = 0.10, baton at 13.27585 m;  M = 13.4: e^-s = 0.06, baton at 17.98411 m.
  // Drills that passed exactly there say the runner reacts in 0.25 s (the model says 0 s). For
  // a 20 m target 10 (s + e^-s - 1) = 20.75 gives s = 3.0265157, so M = 11.5 + 2.5 - 10 e^-s =
  // 13.515157 m. A drill after the report date (a late pass) must not count.
  const std::vector<Drill> drills = {drill("2024-04-10", 13.0, 13.275851),
                                     drill("2024-04-12", 13.4, 17.984107),
                                     drill("2024-05-01", 13.0, 29.5, DrillOutcome::late)};
  CalibrationOptions o;
  o.prior_drills = 0.0;  // the drills alone
  const PracticeReport r = practice_report("Ava Brooks", "Maya Johnson", drills,
                                           testing::steady_pair(), 20.0, "2024-04-13", o, 0.30);
  EXPECT_EQ(r.record.drills, 2);
  EXPECT_EQ(r.record.clean, 2);
  EXPECT_NEAR(r.record.mean_exchange_at_m, (13.275851 + 17.984107) / 2, 1e-9);
  EXPECT_EQ(r.calibration.drills, 2);
  // The pair's fit (reaction, TAU, incoming speed, each with its prior) reproduces both drills
  // within half the 0.55 m default timing spread of a pass in go-mark metres (two drills do
  // not outweigh the priors), and puts the calibrated pass at the target.
  for (const auto& [mark, at] : {std::pair{13.0, 13.275851}, std::pair{13.4, 17.984107}}) {
    EXPECT_NEAR(mark_for_exchange_m(r.pair.calibrated, at, r.pair.calibrated.reaction_s), mark,
                0.25);
  }
  EXPECT_GT(r.calibration.effective_reaction_s, 0.0);  // later than the model's 0 s
  ASSERT_TRUE(r.calibration.recommended.exchanged);
  EXPECT_NEAR(r.calibration.recommended.baton_position_m, 20.0, 1e-4);
  // ... near the mark worked out by hand for r = 0.25 s.
  EXPECT_NEAR(r.calibration.recommended.go_mark_m, 13.515157, 0.3);
  // The model's own mark for 20 m with r = 0: M = 11.5 - 10 e^-s = 11.015157 m.
  EXPECT_NEAR(r.calibration.model.go_mark_m, 11.015157, 1e-4);
}

TEST(PracticeReport, TheSameRunnerAtBothEndsIsRefused) {
  for (const char* to : {"Ava Brooks", "ava brooks", " Ava Brooks "}) {
    try {
      practice_report("Ava Brooks", to, {}, high_school_pair(), 22.5, "2024-04-13", {}, 0.30);
      ADD_FAILURE() << "accepted " << to;
    } catch (const ValidationError& e) {
      EXPECT_EQ(e.where().field, "to");
      EXPECT_NE(e.message().find("cannot hand the baton to themselves"), std::string::npos);
    }
  }
}

TEST(PracticeReport, JsonWithoutDrillsHasNoRecordButTheModelsMarkInFootLengths) {
  const PracticeReport r =
      practice_report("A", "B", {}, high_school_pair(), 22.5, "2024-04-13", {}, 0.30);
  const nlohmann::json j = practice_report_to_json(r);
  EXPECT_EQ(j["pair"]["from"], "A");
  EXPECT_EQ(j["drills"], 0);
  EXPECT_TRUE(j["p_clean"].is_null());
  EXPECT_TRUE(j["mean_exchange_at_m"].is_null());
  EXPECT_TRUE(j["sd_exchange_at_m"].is_null());
  EXPECT_EQ(j["recommended_go_mark_m"], j["model_go_mark_m"]);
  const double mark = j["recommended_go_mark_m"].get<double>();
  EXPECT_NEAR(j["recommended_go_mark_foot_lengths"].get<double>(), mark / 0.30, 0.05);
  EXPECT_DOUBLE_EQ(j["target_m"].get<double>(), 22.5);
  EXPECT_FALSE(j.contains("reason"));
}

TEST(PracticeReport, JsonSaysWhyWhenNoMarkReachesTheTarget) {
  HandoffParams slow = high_school_pair();
  slow.incoming_speed_mps = 8.0;  // never catches a 9.8 m/s runner deep in the zone
  const PracticeReport r = practice_report("A", "B", {}, slow, 29.0, "2024-04-13", {}, 0.30);
  ASSERT_FALSE(r.calibration.recommended.exchanged);
  const nlohmann::json j = practice_report_to_json(r);
  EXPECT_TRUE(j["recommended_go_mark_m"].is_null());
  EXPECT_TRUE(j["recommended_go_mark_foot_lengths"].is_null());
  EXPECT_FALSE(j["reason"].get<std::string>().empty());
}

TEST(PracticeReport, DrillJsonLeavesAnUntimedBatonNull) {
  Drill d = drill("2024-04-13", 8.5, 21.0);
  EXPECT_TRUE(drill_to_json(d)["baton_time_s"].is_null());
  d.baton_time_s = 2.1234;
  const nlohmann::json j = drill_to_json(d);
  EXPECT_DOUBLE_EQ(j["baton_time_s"].get<double>(), 2.123);
  EXPECT_EQ(j["outcome"], "clean");
  EXPECT_EQ(j["to"], "Maya Johnson");
}

}  // namespace
}  // namespace baton
