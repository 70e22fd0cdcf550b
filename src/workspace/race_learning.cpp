#include "baton/race_learning.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "baton/results.h"

namespace baton {

RaceModels race_models(const Workspace& ws, const std::string& athlete) {
  Database& db = ws.database();
  const Team team = Roster(db).team();
  const std::string who =
      athlete.empty() ? "" : team.athlete(athlete, Location{"", 0, "athlete"}).name;
  const std::vector<RelayResult> results = Results(db).list();
  RaceModels out;
  // Every leg weighed by its age against the team's newest race, whoever `athlete` is.
  out.legs =
      open_equivalents(team, race_splits(team, results, who), {}, newest_result_date(results));
  out.team = learn_exchange_efficiency(team_learned_from_results(team, results), results);
  const Team updated = team_updated_from_races(team, out.legs);
  std::set<std::pair<std::string, double>> done;
  for (const OpenEquivalent& q : out.legs) {
    const std::string& name = q.split.athlete;
    if (!done.insert({name, q.distance_m}).second) continue;
    LearnedMark m;
    m.athlete = name;
    m.distance_m = q.distance_m;
    if (const Best* before = team.athlete(name).best_at(q.distance_m)) m.best_s = before->fat_s();
    m.updated_s = updated.athlete(name).best_at(q.distance_m)->fat_s();
    out.marks.push_back(m);
  }
  return out;
}

RaceProgress race_progress(const Workspace& ws, const std::string& athlete,
                           std::optional<double> distance_m) {
  Database& db = ws.database();
  const Team team = Roster(db).team();
  RaceProgress out;
  out.athlete = team.athlete(athlete, Location{"", 0, "athlete"}).name;
  const std::vector<RelayResult> results = Results(db).list();
  if (distance_m) {
    out.distance_m = *distance_m;
  } else {
    std::map<double, int> runs;
    for (const OpenEquivalent& q :
         open_equivalents(team, race_splits(team, results, out.athlete))) {
      ++runs[q.distance_m];
    }
    int most = 0;
    for (const auto& [d, n] : runs) {
      if (n > most) {
        out.distance_m = d;
        most = n;
      }
    }
  }
  if (out.distance_m > 0.0) {
    out.points = athlete_progress(team, results, out.athlete, out.distance_m);
  }
  if (const Best* b = team.athlete(out.athlete).best_at(out.distance_m)) {
    out.entered_best_s = b->fat_s();
  }
  return out;
}

ProgressChart race_progress_chart(const RaceProgress& progress) {
  if (progress.points.empty()) {
    throw NotFoundError("no relay splits of " + progress.athlete + " to chart",
                        Location{"", 0, "svg"});
  }
  ProgressChart chart;
  chart.title = fmt::format("{}: {:g} m", progress.athlete, progress.distance_m);
  chart.left_axis = "seconds";
  std::vector<double> eq, learned;
  for (const AthleteProgressPoint& p : progress.points) {
    chart.dates.push_back(p.date);
    eq.push_back(p.open_equivalent_s);
    learned.push_back(p.learned_best_s);
  }
  chart.series = {{"open-equivalent of the day's splits (s)", eq, false},
                  {"mark used in predictions (s)", learned, false}};
  return chart;
}

}  // namespace baton
