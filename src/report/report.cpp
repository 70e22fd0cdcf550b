#include "baton/report.h"

#include <fmt/format.h>

#include <array>
#include <cmath>

#include "baton/chance.h"
#include "baton/histogram.h"
#include "baton/lineup.h"
#include "baton/svg.h"
#include "baton/units.h"
#include "baton/zone_svg.h"
#include "report/html.h"

namespace baton {
namespace {

using html::escape;

constexpr std::array<const char*, 8> kColours = {"#1b6ca8", "#d1495b", "#2e933c", "#b7791f",
                                                 "#6a4c93", "#00798c", "#8c564b", "#444444"};

constexpr std::string_view kReportCss = R"(
.legs td:first-child{font-weight:700} .pace{display:inline-block;margin:0 16px 8px 0}
.sim td{white-space:nowrap}
)";

double run_up_m(const RelayReport& r, int l) { return leg_run_up_m(r.event, l, r.predict); }

std::string td(const std::string& s, bool num = false) {
  return (num ? "<td class=\"num\">" : "<td>") + s + "</td>";
}

std::string secs(double s) { return escape(format_duration(s)); }

std::string lineup_section(const RelayReport& r) {
  std::string s = "<h2>Lineup and splits</h2>\n<p class=\"sub\">" + escape(r.lineup_source) +
                  ". Predicted team time <strong>" + secs(r.pacing.team_time_s) +
                  "</strong>.</p>\n<div class=\"wrap\" tabindex=\"0\" role=\"region\" "
                  "aria-label=\"Lineup and splits\"><table class=\"legs\">\n<tr><th>leg</th>"
                  "<th>athlete</th><th class=\"num\">distance</th><th class=\"num\">split</th>"
                  "<th class=\"num\">takes the baton</th><th>pacing</th></tr>\n";
  for (const LegPacing& l : r.pacing.legs) {
    s +=
        "<tr>" + td(std::to_string(l.leg)) + td(escape(l.athlete)) +
        td(escape(distance_label(l.distance_m)), true) + td(secs(l.split_s), true) +
        td(l.leg == 1 ? "gun"
                      : escape(fmt::format("{} (sd {:.2f} s)", format_duration(l.start_after_gun_s),
                                           l.start_after_gun_sd_s)),
           true) +
        td(escape(to_string(l.style))) + "</tr>\n";
  }
  return s + "</table></div>\n";
}

std::string velocity_section(const RelayReport& r) {
  LineChart chart;
  chart.title = "Speed along the race";
  chart.x_label = "race distance (m)";
  chart.y_label = "speed (m/s)";
  chart.width_px = 900;
  chart.height_px = 380;
  for (size_t l = 0; l < r.pacing.legs.size(); ++l) {
    ChartSeries series;
    series.label = fmt::format("leg {}: {}", l + 1, r.pacing.legs[l].athlete);
    series.colour = kColours[l % kColours.size()];
    series.points = leg_speed_curve(r, static_cast<int>(l));
    chart.series.push_back(std::move(series));
  }
  return "<h2>Velocity curves</h2>\n<p class=\"note\">Sprint legs: each runner's modelled "
         "all-out speed from their start (blocks or the run-up in the zone). Paced legs: the "
         "average speed of each target segment.</p>\n<div class=\"wrap\">" +
         html::inline_svg(render_svg(chart)) + "</div>\n";
}

std::string pacing_section(const RelayReport& r) {
  std::string s =
      "<h2>Pacing targets</h2>\n<p class=\"note\">Metres past the leg's start line and the "
      "time since the runner took the baton (leg 1: since the gun); the last row is where the "
      "baton changes hands (the finish on the anchor), at the split.</p>\n";
  for (const LegPacing& l : r.pacing.legs) {
    s += fmt::format(
        "<div class=\"pace\"><h3>Leg {}: {} ({}, {})</h3>\n<table>\n<tr><th "
        "class=\"num\">at</th><th class=\"num\">time</th><th class=\"num\">"
        "segment</th></tr>\n",
        l.leg, escape(l.athlete), escape(distance_label(l.distance_m)), escape(to_string(l.style)));
    double prev_s = 0.0;
    for (const PacePoint& p : l.runner_targets) {
      s += "<tr>" + td(fmt::format("{:g} m", p.at_m), true) + td(secs(p.time_s), true) +
           td(secs(p.time_s - prev_s), true) + "</tr>\n";
      prev_s = p.time_s;
    }
    s += "</table></div>\n";
  }
  return s;
}

std::string timeline_section(const RelayReport& r) {
  std::string s =
      "<h2>Race-day timeline</h2>\n<div class=\"wrap\" tabindex=\"0\" role=\"region\" "
      "aria-label=\"Race-day timeline\"><table>\n<tr><th>leg</th>"
      "<th>athlete</th><th>final warm-up</th><th>report to</th><th>by</th>"
      "<th>leg starts</th></tr>\n";
  for (const RunnerTimeline& t : r.timeline.runners) {
    s += "<tr>" + td(std::to_string(t.leg)) + td(escape(t.athlete)) +
         td(escape(format_gun_offset(t.final_warmup_s))) + td(escape(t.where)) +
         td(escape(format_gun_offset(t.report_s))) +
         td(t.leg == 1
                ? "gun"
                : escape(fmt::format("{} (sd {:.1f} s)", format_gun_offset(t.start_after_gun_s),
                                     t.start_after_gun_sd_s))) +
         "</tr>\n";
  }
  s += "</table></div>\n<p class=\"note\">Waiting runners: stay loose between reporting and "
       "your leg (jog in place, leg swings), and keep watching your teammate.</p>\n";
  if (!r.timeline.waiting_order.empty()) {
    s += "<p>" + escape(r.timeline.waiting_order) + "</p>\n";
  }
  return s;
}

std::string exchanges_section(const RelayReport& r) {
  std::string s =
      "<h2>Exchanges</h2>\n<div class=\"wrap\" tabindex=\"0\" role=\"region\" "
      "aria-label=\"Exchanges\"><table>\n<tr><th>zone</th><th>from"
      "</th><th>to</th><th>kind</th><th>hands</th><th class=\"num\">go-mark</th>"
      "<th class=\"num\">pass at</th><th class=\"num\">risk</th></tr>\n";
  for (size_t k = 0; k < r.event.exchanges.size(); ++k) {
    const ExchangeZone& z = r.event.exchanges[k];
    std::string kind = std::string(z.blind ? "blind" : "visual") + (z.in_lanes ? ", in lanes" : "");
    std::string hands = "--", mark = "--", pass = "--", risk = "--";
    if (k < r.handoffs.exchanges.size()) {
      const ExchangePlan& p = r.handoffs.exchanges[k].plan;
      if (!p.hands.visual) kind += ", " + std::string(to_string(p.hands.technique));
      hands = fmt::format("{} to {}", to_string(p.hands.carry_hand_in),
                          to_string(p.hands.receive_hand));
      mark = p.hands.visual ? fmt::format("go at {:.1f} m", p.go_mark_m)
                            : fmt::format("{:.2f} m ({:.1f} foot lengths)", p.go_mark_m,
                                          p.go_mark_foot_lengths);
      pass = fmt::format("{:.1f} m of {:g} m", p.baton_position_m, z.zone_length_m);
      risk = p.hands.visual ? "--" : chance_text(p.p_illegal);
      if (!p.legal) risk = "not legal: " + p.reason;
    }
    s += "<tr>" + td(std::to_string(z.number)) + td(escape(r.pacing.legs[k].athlete)) +
         td(escape(r.pacing.legs[k + 1].athlete)) + td(escape(kind)) + td(escape(hands)) +
         td(escape(mark), true) + td(escape(pass), true) + td(escape(risk), true) + "</tr>\n";
  }
  s += "</table></div>\n<p class=\"note\">Go-mark: metres (and the outgoing runner's foot "
       "lengths) back from where the outgoing runner stands; visual zones: the incoming "
       "runner's distance at which to go. Pass at: metres from the zone's start.</p>\n";
  for (const RelayPlanExchange& x : r.handoffs.exchanges) {
    if (!x.plan.cue.empty()) {
      s += "<p>" + escape(fmt::format("{} to {}: {}", x.from, x.to, x.plan.cue)) + "</p>\n";
    }
  }
  for (const std::string& w : r.handoffs.warnings) {
    s += "<p class=\"pending\">" + escape(w) + "</p>\n";
  }
  // The page shows the diagram that fits its width; paper always gets the wide one.
  for (size_t i = 0; i < r.exchange_diagrams_svg.size(); ++i) {
    s += "<div class=\"wrap zone-wide\">" + html::inline_svg(r.exchange_diagrams_svg[i]) +
         "</div>\n";
    if (i < r.exchange_diagrams_narrow_svg.size()) {
      s += "<div class=\"wrap zone-narrow\">" +
           html::inline_svg(r.exchange_diagrams_narrow_svg[i]) + "</div>\n";
    }
  }
  return s;
}

std::string simulation_section(const RelayReport& r) {
  const SimulationResult& sim = *r.simulation;
  std::string s = "<h2>Race odds</h2>\n<p class=\"sub\">" + escape(r.simulation_title) +
                  escape(fmt::format(": {} simulated races (seed {}).", sim.runs, sim.seed)) +
                  "</p>\n<div class=\"wrap\">" +
                  html::inline_svg(finish_time_histogram_svg(sim, "Finish times")) +
                  "</div>\n<div class=\"wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Race "
                  "odds\"><table class=\"sim\">\n<tr><th>team</th><th "
                  "class=\"num\">median</th><th class=\"num\">win</th><th class=\"num\">podium"
                  "</th><th class=\"num\">no legal finish</th><th class=\"num\">points</th>"
                  "</tr>\n";
  for (const TeamOdds& t : sim.teams) {
    s += "<tr>" + td(escape(t.team)) + td(t.finishes > 0 ? secs(t.p50_time_s) : "--", true) +
         td(chance_text(t.p_win), true) + td(chance_text(t.p_podium), true) +
         td(chance_text(t.p_dq), true) + td(fmt::format("{:.2f}", t.expected_points), true) +
         "</tr>\n";
  }
  return s + "</table></div>\n";
}

}  // namespace

RelayReport build_report(const Team& team, const Event& event,
                         const std::vector<std::string>& order, std::string lineup_source,
                         const PacingOptions& pacing, const TimelineOptions& timeline,
                         const RelayPlanOptions& handoffs) {
  const PredictOptions& predict = handoffs.predict;
  RelayReport r;
  r.team = team.name;
  r.event = event;
  r.lineup_source = std::move(lineup_source);
  r.predict = predict;
  r.pacing = plan_pacing(team, event, order, pacing, predict);
  r.timeline = plan_timeline(r.pacing, event, timeline);
  r.handoffs = build_relay_plan(team, event, order, handoffs);
  for (const RelayPlanExchange& x : r.handoffs.exchanges) {
    const std::string title = fmt::format("Zone {}: {} to {}", x.plan.exchange, x.from, x.to);
    r.exchange_diagrams_svg.push_back(render_zone_svg(x.plan, title));
    r.exchange_diagrams_narrow_svg.push_back(render_zone_svg(x.plan, title, ZoneLayout::narrow));
  }
  for (const LegPacing& l : r.pacing.legs) {
    r.runners.push_back(model_athlete(team.athlete(l.athlete), predict.model));
  }
  return r;
}

std::vector<std::pair<double, double>> leg_speed_curve(const RelayReport& r, int l) {
  const LegPacing& leg = r.pacing.legs.at(static_cast<size_t>(l));
  const double start = r.event.legs.at(static_cast<size_t>(l)).start_race_m;
  std::vector<std::pair<double, double>> out;
  if (leg.style == PacingStyle::all_out && static_cast<size_t>(l) < r.runners.size()) {
    const AthleteModel& m = r.runners[static_cast<size_t>(l)];
    const double run_up = run_up_m(r, l);
    for (double x = 0.0; x <= leg.distance_m + 1e-9; x += 2.0) {
      const double v = model_speed_mps(m, model_time_s(m, run_up + x));
      if (std::isfinite(v)) out.emplace_back(start + x, v);
    }
    return out;
  }
  double prev_m = 0.0, prev_s = 0.0;
  for (const PacePoint& p : leg.pacing) {
    const double v = (p.at_m - prev_m) / (p.time_s - prev_s);
    out.emplace_back(start + prev_m, v);
    out.emplace_back(start + p.at_m, v);
    prev_m = p.at_m;
    prev_s = p.time_s;
  }
  return out;
}

std::string render_report_html(const RelayReport& r) {
  const std::string title = fmt::format("{}{}{}", r.team, r.team.empty() ? "" : ": ", r.event.name);
  std::string body =
      "<h1>" + escape(title) + "</h1>\n<p class=\"sub\">" +
      escape(fmt::format("{} rules, {:g} m.", to_string(r.event.rules), r.event.total_m())) +
      "</p>\n";
  body += lineup_section(r);
  body += velocity_section(r);
  body += pacing_section(r);
  body += timeline_section(r);
  body += exchanges_section(r);
  if (r.simulation) body += simulation_section(r);
  body +=
      "<p class=\"note\">Times are predictions from the athletes' marks (Baton). Splits "
      "run from scratch line to scratch line; starts are relative to the gun.</p>\n";
  return html::page(title, kReportCss, body);
}

}  // namespace baton
