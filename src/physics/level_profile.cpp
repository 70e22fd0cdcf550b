#include "baton/level_profile.h"

#include <algorithm>
#include <vector>

namespace baton {
namespace {

// 100 m equivalent of an athlete's sprint marks, seconds; 0 when none.
double sprint_100_equivalent_s(const Athlete& a) {
  if (const Best* b = a.best_at(100.0)) return b->fat_s();
  if (const Best* b = a.best_at(200.0)) return b->fat_s() / 2.1;
  if (const Best* b = a.best_at(400.0)) return b->fat_s() / 4.6;
  return 0.0;
}

}  // namespace

LevelProfile level_profile(Level level) {
  // Fitted on the fit half of tests/data/relays/relays.csv (docs/MODEL.md "Level"); the
  // validation test refits them and checks these values and the other half's errors.
  // Elite, college and high school fit 0.340, 0.221 and 0.248 s on their own; pooled, since
  // a less experienced level does not pass better. The youth loss: 39 fit relays of twelve
  // Maine middle-school meets, each runner's best to date (the marks a roster holds). The
  // spread: the fit relays' RMS error, pooled as the losses are, except where relays held out
  // of the loss fit are many (elite 66, high school 76): there it is the central 80 % of half
  // of them (the 10th to the 90th percentile of their relative errors over 2 x 1.2816),
  // checked on the other half, since the interval promises 8 races in 10. The scatter cost is
  // the mean over the same fit relays of what the spreads of reactions and marks add to their
  // planned passes (relay_plan.h legal_time_s - baton_time_s).
  constexpr double kTrainedLoss = 0.291;
  constexpr double kTrainedSpread = 0.0090;
  constexpr double kEliteSpread = 0.0103;
  constexpr double kHighSchoolSpread = 0.0264;
  constexpr double kTrainedScatter = 0.0360;
  constexpr double kYouthLoss = 0.973;
  constexpr double kYouthSpread = 0.0343;
  constexpr double kYouthScatter = 0.0913;
  switch (level) {
    case Level::elite:
      return {level, kTrainedLoss, kEliteSpread, kTrainedScatter};
    case Level::college:
      return {level, kTrainedLoss, kTrainedSpread, kTrainedScatter};
    case Level::high_school:
      return {level, kTrainedLoss, kHighSchoolSpread, kTrainedScatter};
    case Level::youth:
      return {level, kYouthLoss, kYouthSpread, kYouthScatter};
  }
  return level_profile(Level::high_school);
}

Level infer_level(const Team& team) {
  std::vector<double> men;
  std::vector<double> women;
  for (const Athlete& a : team.athletes) {
    const double t = sprint_100_equivalent_s(a);
    if (t > 0.0) (a.sex == Sex::male ? men : women).push_back(t);
  }
  // Each sex votes with the median of its marks; the slower level of the two wins, since the
  // exchanges of a squad are as good as its least experienced pairs.
  const auto median = [](std::vector<double>& v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  const auto level_of = [](double t, double elite, double college, double school) {
    return t <= elite     ? Level::elite
           : t <= college ? Level::college
           : t <= school  ? Level::high_school
                          : Level::youth;
  };
  if (men.empty() && women.empty()) return Level::high_school;
  Level out = Level::elite;
  // Thresholds: elite and college from the fastest relays of tests/data/relays (every elite
  // 4x100 runner under 10.45 / 11.60, college teams under 10.95 / 12.20); youth only where
  // nearly every high-school sprinter is faster (the grade 5-8 relays there ran 13-19 s).
  if (!men.empty()) out = std::max(out, level_of(median(men), 10.45, 10.95, 13.30));
  if (!women.empty()) out = std::max(out, level_of(median(women), 11.60, 12.20, 15.00));
  return out;
}

Level team_level(const Team& team) { return team.level ? *team.level : infer_level(team); }

TimeInterval team_time_interval(double team_time_s, Level level) {
  // 1.2816: the 90th percentile of the standard normal.
  const double half = 1.2816 * level_profile(level).prediction_sd_fraction * team_time_s;
  return {team_time_s - half, team_time_s + half};
}

}  // namespace baton
