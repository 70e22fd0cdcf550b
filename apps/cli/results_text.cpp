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
  if (r.dnf) s += "DNF, cause not recorded";  // validate_result: never with a drop or DQ
  return s;
}

std::string signed_s(double v) { return fmt::format("{:+.2f} s", v); }

// The team's relay times against the prediction and the exchange times they taught.
std::string team_text(const ExchangeEfficiency& x) {
  if (x.races.empty()) return "\nNo finished relay times to learn the team's exchanges from.\n";
  TextTable t(
      {"date", "event", "order", ">actual", ">predicted", ">residual", ">counts", ">next change"});
  for (const RaceResidual& r : x.races) {
    std::string order;
    for (const std::string& n : r.order) order += (order.empty() ? "" : ", ") + n;
    t.add_row({r.date, r.event, order, format_time(r.actual_s) + " s",
               format_time(r.predicted_s) + " s", signed_s(r.residual_s),
               fmt::format("{:.0f} %", 100.0 * r.weight), signed_s(r.next_change_s)});
  }
  return fmt::format(
      "\nRelay times against the prediction (runners as their splits taught them):\n{}"
      "Team exchanges ({} level: {:.2f} s per blind pass, {:.2f} s per visual pass), "
      "prior weight {:g} races, races weight {:.2f} (a race 8 weeks older than the newest "
      "counts half):\n"
      "  learned {} per blind exchange, {} per visual exchange\n",
      t.render(), std::string(to_string(x.level)), x.level_blind_exchange_s,
      x.level_visual_exchange_s, x.prior_weight, x.weight, signed_s(x.blind_learned_s),
      signed_s(x.visual_learned_s));
}

}  // namespace

nlohmann::json result_json(const RelayResult& r) {
  nlohmann::json legs = nlohmann::json::array();
  for (size_t i = 0; i < r.order.size(); ++i) {
    legs.push_back(
        {{"leg", i + 1},
         {"athlete", r.order[i]},
         {"split_s", r.splits_s.empty() ? nlohmann::json() : nlohmann::json(r.splits_s[i])},
         {"split_hand_timed", i < r.splits_hand.size() && r.splits_hand[i]}});
  }
  return {{"id", r.id},
          {"event", r.event},
          {"date", r.date},
          {"meet", r.meet},
          {"team_time_s", or_null(r.team_time_s)},
          {"legs", legs},
          {"dropped_leg", or_null(r.dropped_leg)},
          {"dq", r.dq},
          {"dnf", r.dnf}};
}

std::string time_cell(const RelayResult& r) {
  if (r.team_time_s) return format_time(*r.team_time_s);
  return r.dq && !r.dropped_leg ? "DQ" : "DNF";
}

std::string results_table(const std::vector<RelayResult>& results) {
  TextTable t({">id", "date", "meet", "event", ">time", "order", "splits", "status"});
  for (const RelayResult& r : results) {
    std::string order, splits;
    for (size_t i = 0; i < r.order.size(); ++i) {
      order += (i ? ", " : "") + r.order[i];
      if (!r.splits_s.empty()) {
        const bool hand = i < r.splits_hand.size() && r.splits_hand[i];
        splits += (i ? " " : "") + format_time(r.splits_s[i]) + (hand ? "h" : "");
      }
    }
    t.add_row(
        {std::to_string(r.id), r.date, r.meet, r.event, time_cell(r), order, splits, status(r)});
  }
  return t.render();
}

std::string models_text(const RaceModels& m) {
  const std::string team = team_text(m.team);
  if (m.legs.empty()) return "No race splits to learn from: add results with --splits\n" + team;
  TextTable t({"date", "athlete", "event", ">leg", ">split", "timing", ">predicted split",
               ">open equivalent"});
  for (const OpenEquivalent& q : m.legs) {
    const std::string timing =
        q.split.hand_timed ? fmt::format("hand, {} FAT", format_time(q.fat_split_s)) : "FAT";
    t.add_row({q.split.date, q.split.athlete, q.split.event, std::to_string(q.split.leg),
               format_time(q.split.split_s) + " s", timing, format_time(q.predicted_split_s) + " s",
               fmt::format("{} s for {:g} m", format_time(q.open_equivalent_s), q.distance_m)});
  }
  TextTable u({"athlete", ">distance", ">best", ">updated"});
  for (const LearnedMark& x : m.marks) {
    u.add_row({x.athlete, fmt::format("{:g} m", x.distance_m),
               x.best_s ? format_time(*x.best_s) + " s" : "", format_time(x.updated_s) + " s"});
  }
  return "Leg splits against the split baton predict gives for that leg of that order (a runner "
         "faster than predicted is credited faster; hand splits weigh half):\n" +
         t.render() + "\nOpen marks the models would use with these races (FAT):\n" + u.render() +
         team;
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
