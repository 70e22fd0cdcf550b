// Pacing plans and race-day timelines on the example team.
#include "baton/pacing.h"

#include <gtest/gtest.h>

#include <cmath>

#include "baton/relay_plan.h"
#include "baton/team_file.h"
#include "baton/timeline.h"
#include "support/run_cli.h"

namespace baton {
namespace {

Team riverside() { return load_team(testing::source_path("examples/riverside.toml")); }

const std::vector<std::string> kGirls4x100 = {"Maya Johnson", "Ava Brooks", "Zoe Carter",
                                              "Lily Nguyen"};
const std::vector<std::string> kGirlsDmr = {"Ruby Patel", "Chloe Adams", "Grace Kim",
                                            "Sofia Romero"};
const std::vector<std::string> kGirls4x400 = {"Maya Johnson", "Ava Brooks", "Chloe Adams",
                                              "Lily Nguyen"};

double at(const LegPacing& leg, double m) {
  for (const PacePoint& p : leg.pacing) {
    if (std::abs(p.at_m - m) < 1e-6) return p.time_s;
  }
  ADD_FAILURE() << "no pace point at " << m << " m";
  return NAN;
}

TEST(Pacing, DistanceMedleyMileLegRunsEvenLaps) {
  const Team team = riverside();
  const Event dmr = find_event("dmr", team.rules);
  const PacingPlan plan = plan_pacing(team, dmr, kGirlsDmr);
  const LegPacing& anchor = plan.legs[3];
  EXPECT_EQ(anchor.style, PacingStyle::even_laps);
  ASSERT_EQ(anchor.pacing.size(), 8u);  // every 200 m
  const double lap2 = at(anchor, 800) - at(anchor, 400);
  EXPECT_NEAR(at(anchor, 1200) - at(anchor, 800), lap2, 1e-9);
  EXPECT_NEAR(at(anchor, 1600) - at(anchor, 1200), lap2, 1e-9);
  // Each 200 m after the first is half a lap.
  EXPECT_NEAR(at(anchor, 1400) - at(anchor, 1200), lap2 / 2, 1e-9);
  // The first lap carries only the start from a jog: a fraction of a second, not a fast lap.
  const double lap1 = at(anchor, 400);
  EXPECT_GT(lap1 - lap2, 0.1);
  EXPECT_LT(lap1 - lap2, 1.5);
  EXPECT_NEAR(lap1 - lap2, anchor.start_allowance_s, 1e-9);
  // A 5:05.8 miler runs the relay's 1600 m in even laps near 76 s.
  EXPECT_NEAR(lap2, anchor.split_s / 4, 0.3);
  EXPECT_GT(lap2, 72.0);
  EXPECT_LT(lap2, 80.0);
}

// What a runner reads on her card: targets from taking the baton to handing it on, ending at
// her split, where the hand-off plan puts the pass; one leg's hand-off is where the next runner
// takes the baton.
TEST(Pacing, RunnerTargetsRunFromTakingTheBatonToTheHandOffAtTheSplit) {
  const Team team = riverside();
  const Event e = find_event("4x100", team.rules);
  const PacingPlan plan = plan_pacing(team, e, kGirls4x100);
  const RelayPlan handoffs = build_relay_plan(team, e, kGirls4x100);
  ASSERT_EQ(plan.legs.size(), 4u);
  EXPECT_EQ(plan.legs[0].takes_baton_at_m, 0.0);
  for (size_t l = 0; l < plan.legs.size(); ++l) {
    SCOPED_TRACE(l + 1);
    const LegPacing& leg = plan.legs[l];
    ASSERT_FALSE(leg.runner_targets.empty());
    EXPECT_DOUBLE_EQ(leg.runner_targets.back().time_s, leg.split_s);
    EXPECT_DOUBLE_EQ(leg.runner_targets.back().at_m, leg.hands_on_at_m);
    double prev_m = leg.takes_baton_at_m, prev_s = 0.0;
    for (const PacePoint& p : leg.runner_targets) {
      EXPECT_GT(p.at_m, prev_m);
      EXPECT_GT(p.time_s, prev_s);
      prev_m = p.at_m;
      prev_s = p.time_s;
    }
    if (l + 1 == plan.legs.size()) {
      EXPECT_EQ(leg.hands_on_at_m, 100.0);  // the anchor finishes
      continue;
    }
    // The pass of the hand-off plan, metres into the zone, whose start is 20 m before the line
    // in a 30 m zone.
    const double into_zone = handoffs.exchanges[l].plan.baton_position_m;
    const double line = e.exchanges[l].scratch_from_zone_start_m;
    EXPECT_DOUBLE_EQ(line, 20.0);
    EXPECT_NEAR(leg.hands_on_at_m, 100.0 - line + into_zone, 0.05);
    EXPECT_NEAR(plan.legs[l + 1].takes_baton_at_m, into_zone - line, 0.05);
  }
  // Leg 1 carries the baton from the gun: her 50 m target is the baton's 50 m time.
  EXPECT_DOUBLE_EQ(plan.legs[0].runner_targets[0].time_s, plan.legs[0].pacing[0].time_s);
}

TEST(Pacing, LegStartsAddUpToTheSplits) {
  const Team team = riverside();
  for (const auto& [id, order] : {std::pair{"4x100", kGirls4x100}, std::pair{"dmr", kGirlsDmr},
                                  std::pair{"4x400", kGirls4x400}}) {
    SCOPED_TRACE(id);
    const PacingPlan plan = plan_pacing(team, find_event(id, team.rules), order);
    double sum = 0.0, variance = 0.0, along_legs = 0.0;
    for (const LegPacing& l : plan.legs) {
      EXPECT_NEAR(l.start_after_gun_s, sum, 1e-9);
      EXPECT_NEAR(l.start_after_gun_sd_s, std::sqrt(variance), 1e-12);
      EXPECT_NEAR(l.pacing.back().at_m, l.distance_m, 1e-9);
      sum += l.split_s;
      along_legs += l.pacing.back().time_s;
      variance += std::pow(0.01 * l.split_s, 2);
    }
    EXPECT_NEAR(sum, plan.team_time_s, 1e-9);
    // The pace points run scratch line to scratch line: the legs' last points add up to the
    // team time too, though each differs from its split by where the passes fall.
    EXPECT_NEAR(along_legs, plan.team_time_s, 0.011);
    EXPECT_EQ(plan.legs[0].start_after_gun_s, 0.0);
    EXPECT_EQ(plan.legs[0].start_after_gun_sd_s, 0.0);
  }
}

TEST(Pacing, SprintLegsHaveFiftyMetreSplitsOnly) {
  const Team team = riverside();
  const PacingPlan plan = plan_pacing(team, find_event("4x100", team.rules), kGirls4x100);
  for (const LegPacing& l : plan.legs) {
    EXPECT_EQ(l.style, PacingStyle::all_out);
    ASSERT_EQ(l.pacing.size(), 2u);
    EXPECT_DOUBLE_EQ(l.pacing[0].at_m, 50.0);
    EXPECT_DOUBLE_EQ(l.pacing[1].at_m, 100.0);
    EXPECT_EQ(l.start_allowance_s, 0.0);
    EXPECT_EQ(l.differential_s, 0.0);
  }
  // Leg 1 from blocks: the first 50 m (reaction and acceleration) is the slower half, by more
  // than the flying legs' first 50 m.
  const auto first_minus_second = [](const LegPacing& l) {
    return 2 * l.pacing[0].time_s - l.pacing[1].time_s;
  };
  EXPECT_GT(first_minus_second(plan.legs[0]), 0.5);
  EXPECT_GT(first_minus_second(plan.legs[0]), first_minus_second(plan.legs[1]));
  // The 50 m split is the athlete's all-out run: reaction + model time, to within the scaling to
  // the predicted split (bends and the baton).
  const AthleteModel maya = model_athlete(team.athlete("Maya Johnson"));
  EXPECT_NEAR(plan.legs[0].pacing[0].time_s, maya.reaction_s + model_time_s(maya, 50.0), 0.1);

  // A sprint medley's 200 m legs: 50 m splits, four of them.
  const Event smr = find_event("smr", team.rules);
  const PacingPlan medley =
      plan_pacing(team, smr, {"Maya Johnson", "Ava Brooks", "Chloe Adams", "Grace Kim"});
  EXPECT_EQ(medley.legs[0].pacing.size(), 4u);
  EXPECT_EQ(medley.legs[1].pacing.size(), 4u);
  EXPECT_EQ(medley.legs[3].style, PacingStyle::even_laps);
}

TEST(Pacing, FourHundredLegsGoOutFasterByTheDifferential) {
  const Team team = riverside();
  const Event e = find_event("4x400", team.rules);
  for (double differential : {1.0, 1.5, 2.0}) {
    PacingOptions o;
    o.differential_400_s = differential;
    const PacingPlan plan = plan_pacing(team, e, kGirls4x400, o);
    for (const LegPacing& l : plan.legs) {
      EXPECT_EQ(l.style, PacingStyle::fast_start);
      ASSERT_EQ(l.pacing.size(), 4u);  // 100, 200, 300, 400 m
      const double first = at(l, 200);
      const double second = at(l, 400) - first;
      EXPECT_LT(first, second);
      EXPECT_NEAR(second - first, differential, 1e-9);
      // The last 100 m is the slowest of the second half.
      EXPECT_GT(at(l, 400) - at(l, 300), at(l, 300) - at(l, 200));
    }
    // Leg 1 from blocks spends more of its first half on the first 100 m than a flying leg.
    const auto share = [&](const LegPacing& l) { return at(l, 100) / at(l, 200); };
    EXPECT_GT(share(plan.legs[0]), share(plan.legs[1]));
  }
}

TEST(Pacing, OptionsAreCheckedAtTheirStatedLimits) {
  // Each option just inside and just outside the range its error message states; a value
  // outside is refused naming the option, the one inside is accepted.
  struct Case {
    const char* field;
    void (*set)(PacingOptions&, double);
    double inside, outside;
  };
  const Case cases[] = {
      {"sprint_split_m", [](PacingOptions& o, double v) { o.sprint_split_m = v; }, 5.0, 4.99},
      {"sprint_split_m", [](PacingOptions& o, double v) { o.sprint_split_m = v; }, 200.0, 200.01},
      {"longest_sprint_m", [](PacingOptions& o, double v) { o.longest_sprint_m = v; }, 50.0, 49.99},
      // Below shortest_even_m (800 m by default).
      {"longest_sprint_m", [](PacingOptions& o, double v) { o.longest_sprint_m = v; }, 799.0,
       800.0},
      {"shortest_even_m", [](PacingOptions& o, double v) { o.shortest_even_m = v; }, 1609.344,
       1609.4},
      {"differential_400_s", [](PacingOptions& o, double v) { o.differential_400_s = v; }, -3.0,
       -3.01},
      {"differential_400_s", [](PacingOptions& o, double v) { o.differential_400_s = v; }, 6.0,
       6.01},
      {"first_100_share/third_100_share",
       [](PacingOptions& o, double v) { o.first_100_share_block = v; }, 0.31, 0.3},
      {"first_100_share/third_100_share",
       [](PacingOptions& o, double v) { o.first_100_share_flying = v; }, 0.69, 0.7},
      {"first_100_share/third_100_share", [](PacingOptions& o, double v) { o.third_100_share = v; },
       0.69, 0.9},
      {"lap_m", [](PacingOptions& o, double v) { o.lap_m = v; }, 1000.0, 1000.1},
      // At least 50 m and at most lap_m (400 m by default).
      {"lap_m", [](PacingOptions& o, double v) { o.lap_m = v; }, 200.0, 99.9},
      {"long_split_m", [](PacingOptions& o, double v) { o.long_split_m = v; }, 50.0, 49.9},
      {"long_split_m", [](PacingOptions& o, double v) { o.long_split_m = v; }, 400.0, 400.1},
  };
  for (const Case& c : cases) {
    PacingOptions o;
    c.set(o, c.inside);
    EXPECT_NO_THROW(validate_pacing_options(o)) << c.field << " = " << c.inside;
    c.set(o, c.outside);
    try {
      validate_pacing_options(o);
      ADD_FAILURE() << c.field << " = " << c.outside << " accepted";
    } catch (const ValidationError& e) {
      EXPECT_EQ(e.where().field, c.field) << c.outside;
    }
  }
}

TEST(Timeline, RunnersReportBeforeTheirLegAndWarmUpBeforeReporting) {
  const Team team = riverside();
  for (const auto& [id, order] : {std::pair{"4x100", kGirls4x100}, std::pair{"dmr", kGirlsDmr},
                                  std::pair{"4x400", kGirls4x400}}) {
    SCOPED_TRACE(id);
    const Event e = find_event(id, team.rules);
    const RaceTimeline t = plan_timeline(plan_pacing(team, e, order), e);
    ASSERT_EQ(t.runners.size(), 4u);
    EXPECT_DOUBLE_EQ(t.runners[0].report_s, -600.0);
    for (const RunnerTimeline& r : t.runners) {
      EXPECT_LE(r.report_s, r.earliest_start_s - (r.leg == 1 ? 0.0 : 180.0) + 1e-9);
      EXPECT_DOUBLE_EQ(r.final_warmup_s, r.report_s - 600.0);
      EXPECT_LE(r.earliest_start_s, r.start_after_gun_s);
      EXPECT_NEAR(r.wait_s, r.start_after_gun_s - r.report_s, 1e-9);
    }
  }
}

TEST(Timeline, LaneZonesFillBeforeTheGunAndOpenZonesHaveAWaitingOrder) {
  const Team team = riverside();
  const Event sprint = find_event("4x100", team.rules);
  const RaceTimeline t4 = plan_timeline(plan_pacing(team, sprint, kGirls4x100), sprint);
  for (const RunnerTimeline& r : t4.runners) EXPECT_LE(r.report_s, -300.0);
  EXPECT_EQ(t4.waiting_order, "");

  const Event dmr = find_event("dmr", team.rules);
  const RaceTimeline td = plan_timeline(plan_pacing(team, dmr, kGirlsDmr), dmr);
  EXPECT_NE(td.waiting_order.find("200 m"), std::string::npos);
  EXPECT_NE(td.waiting_order.find("inside"), std::string::npos);
  // The anchor of a distance medley starts minutes after the gun and reports 3 minutes before
  // her earliest start, not before the gun.
  const RunnerTimeline& anchor = td.runners[3];
  EXPECT_GT(anchor.start_after_gun_s, 5 * 60.0);
  EXPECT_NEAR(anchor.report_s, anchor.earliest_start_s - 180.0, 1e-9);
  EXPECT_NEAR(anchor.earliest_start_s, anchor.start_after_gun_s - 2 * anchor.start_after_gun_sd_s,
              1e-9);
}

TEST(Timeline, NobodyIsToldToWalkOnSecondsBeforeTheGun) {
  // A boys' 4x400 at about 3:25: legs start at 0, 51.4, 102.6 and 154.0 s (sd 0.6 s). The
  // anchor's earliest start is 152.8 s, 3 minutes before which is 27.2 s before the gun: once
  // the start is under way nobody walks onto the track, so every runner due in a zone before
  // the gun goes with the pre-race call, 5 minutes before it, warming up 10 minutes earlier.
  const Event e = find_event("4x400", RuleSet::nfhs);
  PacingPlan plan;
  plan.event = e.id;
  plan.team_time_s = 205.32;
  const double starts[] = {0.0, 51.4, 102.6, 154.0};
  for (int l = 0; l < 4; ++l) {
    LegPacing leg;
    leg.leg = l + 1;
    leg.athlete = "Runner " + std::to_string(l + 1);
    leg.start_after_gun_s = starts[l];
    leg.start_after_gun_sd_s = l == 0 ? 0.0 : 0.6;
    plan.legs.push_back(leg);
  }
  const RaceTimeline t = plan_timeline(plan, e);
  for (const RunnerTimeline& r : t.runners) {
    SCOPED_TRACE(r.leg);
    EXPECT_TRUE(r.report_s <= -300.0 || r.report_s >= 0.0) << r.report_s;
  }
  EXPECT_DOUBLE_EQ(t.runners[3].report_s, -300.0);
  EXPECT_DOUBLE_EQ(t.runners[3].final_warmup_s, -900.0);
  EXPECT_EQ(format_gun_offset(t.runners[3].report_s), "5:00 before the gun");
  // With a later anchor (a 4x800), the zone is filled during the race as before.
  const Event e8 = find_event("4x800", RuleSet::nfhs);
  plan.legs[3].start_after_gun_s = 400.0;
  const RaceTimeline t8 = plan_timeline(plan, e8);
  EXPECT_NEAR(t8.runners[3].report_s, 400.0 - 1.2 - 180.0, 1e-9);
}

TEST(Timeline, GunOffsetsReadLikeACoachSaysThem) {
  EXPECT_EQ(format_gun_offset(-600), "10:00 before the gun");
  EXPECT_EQ(format_gun_offset(0), "gun");
  EXPECT_EQ(format_gun_offset(35.24), "35.2 s after the gun");
  EXPECT_EQ(format_gun_offset(245.4), "4:05 after the gun");
}

}  // namespace
}  // namespace baton
