#include "cli/results_text.h"

#include <fmt/format.h>

#include <cmath>

#include "baton/text_table.h"
#include "baton/units.h"

namespace baton::cli {
namespace {

double r3(double v) { return std::round(v * 1000) / 1000; }

template <typename T>
nlohmann::json or_null(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}

std::string status(const RelayResult& r) {
  std::string s;
  if (r.dropped_leg) s += fmt::format("drop on leg {}", *r.dropped_leg);
  if (r.dq) s += s.empty() ? "DQ" : ", DQ";
  return s;
}

}  // namespace

nlohmann::json result_json(const RelayResult& r) {
  nlohmann::json legs = nlohmann::json::array();
  for (size_t i = 0; i < r.order.size(); ++i) {
    legs.push_back(
        {{"leg", i + 1},
         {"athlete", r.order[i]},
         {"split_s", r.splits_s.empty() ? nlohmann::json() : nlohmann::json(r.splits_s[i])}});
  }
  return {{"id", r.id},
          {"event", r.event},
          {"date", r.date},
          {"meet", r.meet},
          {"team_time_s", or_null(r.team_time_s)},
          {"legs", legs},
          {"dropped_leg", or_null(r.dropped_leg)},
          {"dq", r.dq}};
}

std::string results_table(const std::vector<RelayResult>& results) {
  TextTable t({">id", "date", "meet", "event", ">time", "order", "splits", "status"});
  for (const RelayResult& r : results) {
    std::string order, splits;
    for (size_t i = 0; i < r.order.size(); ++i) {
      order += (i ? ", " : "") + r.order[i];
      if (!r.splits_s.empty()) splits += (i ? " " : "") + format_time(r.splits_s[i]);
    }
    t.add_row({std::to_string(r.id), r.date, r.meet, r.event,
               r.team_time_s ? format_time(*r.team_time_s) : "DNF", order, splits, status(r)});
  }
  return t.render();
}

nlohmann::json models_json(const RaceModels& m) {
  nlohmann::json legs = nlohmann::json::array();
  for (const OpenEquivalent& q : m.legs) {
    legs.push_back({{"date", q.split.date},
                    {"athlete", q.split.athlete},
                    {"event", q.split.event},
                    {"leg", q.split.leg},
                    {"distance_m", q.distance_m},
                    {"split_s", q.split.split_s},
                    {"predicted_split_s", r3(q.predicted_split_s)},
                    {"model_open_s", r3(q.model_open_s)},
                    {"open_equivalent_s", r3(q.open_equivalent_s)}});
  }
  nlohmann::json athletes = nlohmann::json::array();
  for (const LearnedMark& x : m.marks) {
    athletes.push_back({{"athlete", x.athlete},
                        {"distance_m", x.distance_m},
                        {"best_s", or_null(x.best_s)},
                        {"updated_s", r3(x.updated_s)}});
  }
  return {{"legs", legs}, {"athletes", athletes}};
}

std::string models_text(const RaceModels& m) {
  if (m.legs.empty()) return "No race splits to learn from: add results with --splits\n";
  TextTable t({"date", "athlete", "event", ">leg", ">split", ">model split", ">open equivalent"});
  for (const OpenEquivalent& q : m.legs) {
    t.add_row({q.split.date, q.split.athlete, q.split.event, std::to_string(q.split.leg),
               format_time(q.split.split_s), format_time(q.predicted_split_s),
               fmt::format("{} for {:g} m", format_time(q.open_equivalent_s), q.distance_m)});
  }
  TextTable u({"athlete", ">distance", ">best", ">updated"});
  for (const LearnedMark& x : m.marks) {
    u.add_row({x.athlete, fmt::format("{:g} m", x.distance_m),
               x.best_s ? format_time(*x.best_s) : "", format_time(x.updated_s)});
  }
  return "Leg splits against each runner's model (flying legs are not open times):\n" + t.render() +
         "\nOpen marks the models would use with these races (FAT):\n" + u.render();
}

nlohmann::json race_progress_json(const RaceProgress& p, const std::string& svg) {
  nlohmann::json rows = nlohmann::json::array();
  for (const AthleteProgressPoint& x : p.points) {
    rows.push_back({{"date", x.date},
                    {"splits", x.splits},
                    {"open_equivalent_s", r3(x.open_equivalent_s)},
                    {"learned_best_s", r3(x.learned_best_s)}});
  }
  return {{"athlete", p.athlete},
          {"distance_m", p.distance_m},
          {"entered_best_s", or_null(p.entered_best_s)},
          {"dates", rows},
          {"svg", svg.empty() ? nlohmann::json() : nlohmann::json(svg)}};
}

std::string race_progress_text(const RaceProgress& p) {
  if (p.points.empty()) {
    return fmt::format("No relay splits of {} to learn from yet (results add --splits)\n",
                       p.athlete);
  }
  TextTable t({"date", ">legs", ">open-equivalent", ">mark used"});
  for (const AthleteProgressPoint& x : p.points) {
    t.add_row({x.date, std::to_string(x.splits), format_time(x.open_equivalent_s) + " s",
               format_time(x.learned_best_s) + " s"});
  }
  return fmt::format(
             "{} over {:g} m: entered best {}; each date's relay splits as open times and the "
             "mark predictions use after it\n",
             p.athlete, p.distance_m, p.entered_best_s ? format_time(*p.entered_best_s) : "none") +
         t.render();
}

}  // namespace baton::cli
