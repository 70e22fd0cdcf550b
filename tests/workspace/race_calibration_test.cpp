// Races calibrate the team: relay times move the team's exchanges, splits move the runners,
// both measured against what `baton predict` gives, on a real database.
#include <gtest/gtest.h>

#include <cmath>

#include "baton/exchange_learning.h"
#include "baton/race_learning.h"
#include "baton/relay_splits.h"
#include "baton/results_log.h"
#include "workspace/riverside_workspace.h"

namespace baton {
namespace {

const std::vector<std::string> kOrder = {"Ava Brooks", "Maya Johnson", "Lily Nguyen", "Zoe Carter"};

class RaceCalibration : public testing::RiversideWorkspace {
 protected:
  // `baton predict`'s team time for kOrder with what the log holds now (a fresh workspace
  // reads the learned roster again).
  double predicted_s() const {
    const Workspace fresh = Workspace::open_database(dir.file("team.db"));
    return predict_splits(fresh.team(), find_event("4x100", fresh.team().rules), kOrder)
        .team_time_s;
  }
  std::vector<double> predicted_splits() const {
    const Workspace fresh = Workspace::open_database(dir.file("team.db"));
    std::vector<double> out;
    for (const RelayLegResult& l :
         predict_splits(fresh.team(), find_event("4x100", fresh.team().rules), kOrder).legs) {
      out.push_back(l.split_s);
    }
    return out;
  }
  void add(const std::string& date, double time_s, std::vector<double> splits = {},
           std::vector<bool> hand = {}) {
    ResultEntry e;
    e.event = "4x100";
    e.order = kOrder;
    e.time = Mark{time_s, false};
    e.date = date;
    e.splits_s = std::move(splits);
    e.splits_hand = std::move(hand);
    add_result(ws, e);
  }
  double best_100_s(const std::string& name) const {
    const Workspace fresh = Workspace::open_database(dir.file("team.db"));
    return fresh.team().athlete(name).best_at(100.0)->fat_s();
  }
};

// A 4x100 has 3 blind exchanges. One race 1.0 s slow, no splits: each exchange's residual is
// 1/3 s, shrunk with the prior's 1.5 races: d = (1/3) / (1 + 1.5) s per exchange, so the next
// prediction of that order moves 3 d = 1 / 2.5 = 0.40 s. Two such races: 2 / 3.5 = 0.571 s.
TEST_F(RaceCalibration, ARaceRunSlowerThanPredictedMovesTheNextPredictionTowardsIt) {
  const double before = predicted_s();
  const double actual = std::round((before + 1.0) * 100.0) / 100.0;  // as a result is written
  add("2024-04-20", actual);
  const double residual = actual - before;
  const double after_one = predicted_s();
  EXPECT_GE(after_one - before, 0.25);
  EXPECT_NEAR(after_one - before, residual / 2.5, 0.002);
  add("2024-04-20", actual);  // the same day (heat and final): both weigh 1
  const double after_two = predicted_s();
  EXPECT_NEAR(after_two - before, residual * 2.0 / 3.5, 0.002);
  EXPECT_LT(after_two, actual);  // never past the data

  // What moved and why, as `results models` shows it.
  const RaceModels m = race_models(ws);
  EXPECT_TRUE(m.legs.empty());  // no splits: the runners keep their marks
  ASSERT_EQ(m.team.races.size(), 2u);
  EXPECT_NEAR(m.team.races[0].predicted_s, before, 1e-9);
  EXPECT_NEAR(m.team.races[0].residual_s, residual, 1e-9);
  EXPECT_EQ(m.team.races[0].blind_exchanges, 3);
  EXPECT_DOUBLE_EQ(m.team.prior_weight, 1.5);
  EXPECT_DOUBLE_EQ(m.team.weight, 2.0);
  EXPECT_NEAR(m.team.blind_learned_s, residual / 3.0 * 2.0 / 3.5, 1e-9);
  EXPECT_NEAR(m.team.races[1].next_change_s, after_two - before, 0.002);
  EXPECT_DOUBLE_EQ(m.team.visual_learned_s, 0.0);
}

// Races fade: a race 56 days (kRaceHalfLifeDays) older than the newest weighs 1/2. An old race
// 1.0 s slow and a new one as predicted: 3 d = (0.5 r + 1 * 0) / (1.5 + 0.5 + 1) = r / 6, where
// two races of the same age would give r / 3.5. A year-old race weighs 2^(-365/56) = 1.1 %.
TEST_F(RaceCalibration, AnOlderRaceCountsLessThanANewOne) {
  const double before = predicted_s();
  const double slow = std::round((before + 1.0) * 100.0) / 100.0;
  const double as_predicted = std::round(before * 100.0) / 100.0;
  add("2024-03-01", slow);
  add("2024-04-26", as_predicted);  // 56 days later
  const RaceModels m = race_models(ws);
  ASSERT_EQ(m.team.races.size(), 2u);
  EXPECT_NEAR(m.team.races[0].weight, 0.5, 1e-12);
  EXPECT_DOUBLE_EQ(m.team.races[1].weight, 1.0);
  EXPECT_NEAR(m.team.weight, 1.5, 1e-12);
  const double r_old = slow - before;
  const double r_new = as_predicted - before;
  EXPECT_NEAR(predicted_s() - before, (0.5 * r_old + r_new) / 3.0, 0.002);
  EXPECT_LT(predicted_s() - before, 0.2);  // the same two races a day apart: 0.29 s

  add("2025-04-26", as_predicted);  // a year after the second: the first two nearly vanish
  const RaceModels year = race_models(ws);
  ASSERT_EQ(year.team.races.size(), 3u);
  EXPECT_NEAR(year.team.races[1].weight, 0.0110, 0.0002);
  EXPECT_NEAR(year.team.races[0].weight, std::exp2(-421.0 / 56.0), 1e-6);
}

// An old split credits its runner less than a new one: a leg 0.30 s faster than predicted
// 56 days before the newest race counts half as much in the runner's new mark.
TEST_F(RaceCalibration, AnOlderSplitMovesTheMarkLessThanANewOne) {
  const double best = best_100_s("Ava Brooks");
  std::vector<double> legs = predicted_splits();
  std::vector<double> splits;
  for (double s : legs) splits.push_back(std::round(s * 100.0) / 100.0);
  splits[0] = std::round((legs[0] - 0.30) * 100.0) / 100.0;
  double total = 0.0;
  for (double s : splits) total += s;
  add("2024-03-01", total, splits);
  const double after_new = best_100_s("Ava Brooks");                   // the only race: weight 1
  add("2024-04-26", std::round(predicted_s() * 100.0) / 100.0 + 0.0);  // a later race, no splits
  const double after_old = best_100_s("Ava Brooks");
  // The mark is the weighted mean of the best (weight 1) and the open-equivalent q:
  // weight 1 gives (best + q) / 2, weight 1/2 gives (best + q / 2) / 1.5.
  const double q = 2.0 * after_new - best;
  EXPECT_LT(q, best);
  EXPECT_NEAR(after_old, (best + 0.5 * q) / 1.5, 1e-6);
}

// With splits, the runners take their share first and the exchanges only what is left: the
// total move stays between none and the whole residual, and the runners' marks moved.
TEST_F(RaceCalibration, SplitsGoToTheRunnersAndTheRestToTheExchanges) {
  const double before = predicted_s();
  const std::vector<double> legs = predicted_splits();
  // Every leg 0.25 s slower than predicted: the race 1.0 s slower.
  std::vector<double> splits;
  double total = 0;
  for (double s : legs) {
    splits.push_back(std::round((s + 0.25) * 100.0) / 100.0);
    total += splits.back();
  }
  add("2024-04-20", total, splits);
  const double after = predicted_s();
  EXPECT_GT(after - before, 0.25);
  EXPECT_LT(after, total);
  EXPECT_GT(best_100_s("Maya Johnson"), 12.08);  // ran slower than predicted: credited slower
  const RaceModels m = race_models(ws);
  ASSERT_EQ(m.team.races.size(), 1u);
  // The residual left for the exchanges is what the learned runners do not explain.
  EXPECT_LT(m.team.races[0].residual_s, total - before);
  EXPECT_NEAR(after - before,
              (total - before) - m.team.races[0].residual_s + m.team.races[0].next_change_s, 0.03);
}

// The coach's case: a leg split faster than the one `baton predict` shows for that leg is
// credited as a faster open mark. Maya's entered 100 m is 12.08; a leg-2 split 0.07 s under
// the predicted P gives 12.08 * (P - 0.07) / P, and the mark becomes the mean of the two.
TEST_F(RaceCalibration, ASplitFasterThanPredictedNeverMakesTheMarkSlower) {
  const std::vector<double> legs = predicted_splits();
  std::vector<double> splits = legs;
  for (double& s : splits) s = std::round(s * 100.0) / 100.0;
  const double p = legs[1];
  splits[1] = std::round((p - 0.07) * 100.0) / 100.0;
  double total = 0;
  for (double s : splits) total += s;
  add("2024-04-20", total, splits);
  const RaceModels m = race_models(ws, "Maya Johnson");
  ASSERT_EQ(m.legs.size(), 1u);
  EXPECT_NEAR(m.legs[0].predicted_split_s, p, 1e-9);  // predict's own leg split
  const double eq = 12.08 * splits[1] / p;
  EXPECT_NEAR(m.legs[0].open_equivalent_s, eq, 1e-9);
  ASSERT_EQ(m.marks.size(), 1u);
  EXPECT_NEAR(m.marks[0].updated_s, (12.08 + eq) / 2.0, 1e-9);
  EXPECT_LT(m.marks[0].updated_s, 12.08);
  EXPECT_LT(best_100_s("Maya Johnson"), 12.08);
}

// A hand-timed flying split is converted by 0 s and weighs half a FAT split: the same split
// moves the mark by (eq - best) / 3 instead of (eq - best) / 2.
TEST_F(RaceCalibration, AHandTimedSplitMovesTheMarkLessThanTheSameFatSplit) {
  const std::vector<double> legs = predicted_splits();
  std::vector<double> splits;
  double total = 0;
  for (double s : legs) {
    splits.push_back(std::round(s * 100.0) / 100.0);
    total += splits.back();
  }
  splits[1] = std::round((legs[1] - 0.30) * 100.0) / 100.0;
  total += splits[1] - std::round(legs[1] * 100.0) / 100.0;
  const double eq = 12.08 * splits[1] / legs[1];
  add("2024-04-20", total, splits, {false, true, false, false});
  const RaceModels hand = race_models(ws, "Maya Johnson");
  ASSERT_EQ(hand.legs.size(), 1u);
  EXPECT_TRUE(hand.legs[0].split.hand_timed);
  EXPECT_DOUBLE_EQ(hand.legs[0].weight, 0.5);
  EXPECT_NEAR(hand.legs[0].fat_split_s, splits[1], 1e-12);
  EXPECT_NEAR(hand.marks[0].updated_s, (12.08 + 0.5 * eq) / 1.5, 1e-9);
  const double hand_move = 12.08 - hand.marks[0].updated_s;

  remove_result(ws, list_results(ws).front().id);
  add("2024-04-20", total, splits);
  const RaceModels fat = race_models(ws, "Maya Johnson");
  EXPECT_NEAR(fat.marks[0].updated_s, (12.08 + eq) / 2.0, 1e-9);
  const double fat_move = 12.08 - fat.marks[0].updated_s;
  EXPECT_GT(hand_move, 0.0);
  EXPECT_LT(hand_move, fat_move);
  EXPECT_NEAR(hand_move / fat_move, 2.0 / 3.0, 1e-9);
}

// A hand-timed leg-1 split starts on the gun, as an open race: +0.24 s for a 100 m leg.
TEST_F(RaceCalibration, AHandTimedFirstLegIsConvertedLikeAnOpenRace) {
  const std::vector<double> legs = predicted_splits();
  std::vector<double> splits;
  double total = 0;
  for (double s : legs) {
    splits.push_back(std::round(s * 10.0) / 10.0);
    total += splits.back();
  }
  add("2024-04-20", total, splits, {true, true, true, true});
  const RaceModels m = race_models(ws, "Ava Brooks");
  ASSERT_EQ(m.legs.size(), 1u);
  EXPECT_NEAR(m.legs[0].fat_split_s, splits[0] + 0.24, 1e-12);
  EXPECT_EQ(list_results(ws).front().splits_hand, (std::vector<bool>{true, true, true, true}));
}

}  // namespace
}  // namespace baton
