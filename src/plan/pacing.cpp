#include "baton/pacing.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "baton/relay_splits.h"
#include "physics/running_costs.h"

namespace baton {
namespace {

// Distances at which a leg of d metres is split every `step` metres, ending at d.
std::vector<double> split_points(double d, double step) {
  std::vector<double> at;
  for (double x = step; x < d - 1e-6; x += step) at.push_back(x);
  at.push_back(d);
  return at;
}

// The athlete's all-out run over the leg, from the model: the start the leg has, the bends
// where they lie, scaled to the runner's own predicted leg (the baton's small cost included);
// the last point is the baton's time at the leg's end, which also holds the exchange term when
// the next runner already carries the baton across the scratch line.
std::vector<PacePoint> all_out(const AthleteModel& m, const Event& e, int l, double split_s,
                               const PacingOptions& o, const PredictOptions& p) {
  const Leg& leg = e.legs[static_cast<size_t>(l)];
  const double r = leg_run_up_m(e, l, p);
  const double t0 = l == 0 ? -m.reaction_s : model_time_s(m, r);
  const int lane = leg.start_race_m < e.lanes_until_m - 1e-9 ? p.lane : kBreakLane;
  std::vector<PacePoint> out;
  double prev_x = 0.0, prev_run = 0.0, bends = 0.0;
  for (double x : split_points(leg.distance_m, o.sprint_split_m)) {
    const double run = model_time_s(m, r + x) - t0;
    const double bend_m =
        bend_metres(e.start_on_lap_m, leg.start_race_m + prev_x, leg.start_race_m + x);
    bends += bend_cost_s(bend_m, (x - prev_x) / (run - prev_run), lane, p.bend_cost_coefficient);
    out.push_back({x, run + bends});
    prev_x = x;
    prev_run = run;
  }
  const double own_s = predict_leg(m, e, l, p).split_s;
  const double scale = std::isfinite(own_s) ? own_s / out.back().time_s : 1.0;
  for (PacePoint& pt : out) pt.time_s *= scale;
  out.back().time_s = split_s;
  return out;
}

// Piecewise-linear time through knots (distance, time), evaluated at `at`.
std::vector<PacePoint> through_knots(const std::vector<PacePoint>& knots,
                                     const std::vector<double>& at) {
  std::vector<PacePoint> out;
  for (double x : at) {
    size_t i = 1;
    while (i + 1 < knots.size() && knots[i].at_m < x - 1e-9) ++i;
    const PacePoint& a = knots[i - 1];
    const PacePoint& b = knots[i];
    const double f = b.at_m > a.at_m ? (x - a.at_m) / (b.at_m - a.at_m) : 1.0;
    out.push_back({x, a.time_s + f * (b.time_s - a.time_s)});
  }
  return out;
}

// A 400 m-type leg: halves split by the differential; within each half the first 100 m takes
// its share, the rest is even.
std::vector<PacePoint> fast_start(const Event& e, int l, double split_s, const PacingOptions& o,
                                  double* differential) {
  const double d = e.legs[static_cast<size_t>(l)].distance_m;
  const double half = d / 2.0;
  const double diff = o.differential_400_s * d / 400.0;
  const double h1 = (split_s - diff) / 2.0;
  const double h2 = (split_s + diff) / 2.0;
  const bool blocks = l == 0 && e.legs[0].block_start;
  const double first = blocks ? o.first_100_share_block : o.first_100_share_flying;
  std::vector<PacePoint> knots = {{0.0, 0.0}};
  if (half > 100.0) knots.push_back({100.0, h1 * (100.0 / half) * 2.0 * first});
  knots.push_back({half, h1});
  if (half > 100.0)
    knots.push_back({half + 100.0, h1 + h2 * (100.0 / half) * 2.0 * o.third_100_share});
  knots.push_back({d, split_s});
  *differential = diff;
  return through_knots(knots, split_points(d, 100.0));
}

// 800 m and longer: even laps after the start. The start costs what the athlete's curve loses
// accelerating to race pace from the leg's run-up (plus the reaction on leg 1), about TAU.
std::vector<PacePoint> even_laps(const AthleteModel& m, const Event& e, int l, double split_s,
                                 const PacingOptions& o, const PredictOptions& p,
                                 double* allowance) {
  const double d = e.legs[static_cast<size_t>(l)].distance_m;
  const double r = leg_run_up_m(e, l, p);
  const SprintCurve pace{d / split_s, m.curve.tau_s};
  const double first = std::min(o.long_split_m, d);
  double loss = sprint_time_s(pace, r + first) - sprint_time_s(pace, r) - first / pace.mss_mps;
  if (l == 0) loss += m.reaction_s;
  loss = std::clamp(loss, 0.0, 0.25 * split_s);
  const double v = d / (split_s - loss);
  *allowance = loss;
  std::vector<PacePoint> out;
  for (double x : split_points(d, o.long_split_m)) out.push_back({x, x / v + loss});
  out.back().time_s = split_s;
  return out;
}

void check(bool ok, const char* field, const char* what) {
  if (!ok) throw ValidationError(fmt::format("pacing option {} {}", field, what), {"", 0, field});
}

}  // namespace

void validate_pacing_options(const PacingOptions& o) {
  check(o.sprint_split_m >= 5.0 && o.sprint_split_m <= 200.0, "sprint_split_m",
        "must be 5 - 200 m");
  check(o.longest_sprint_m >= 50.0 && o.longest_sprint_m < o.shortest_even_m, "longest_sprint_m",
        "must be at least 50 m and below shortest_even_m");
  check(o.shortest_even_m <= 1609.344 + 1e-6, "shortest_even_m", "must be at most a mile");
  check(o.differential_400_s >= -3.0 && o.differential_400_s <= 6.0, "differential_400_s",
        "must be -3 - 6 s");
  for (double share : {o.first_100_share_block, o.first_100_share_flying, o.third_100_share}) {
    check(share > 0.3 && share < 0.7, "first_100_share/third_100_share", "must be 0.3 - 0.7");
  }
  check(o.lap_m >= 100.0 && o.lap_m <= 1000.0, "lap_m", "must be 100 - 1000 m");
  check(o.long_split_m >= 50.0 && o.long_split_m <= o.lap_m, "long_split_m",
        "must be 50 m up to lap_m");
}

std::string_view to_string(PacingStyle style) {
  switch (style) {
    case PacingStyle::all_out:
      return "all-out";
    case PacingStyle::fast_start:
      return "fast first half";
    case PacingStyle::even_laps:
      return "even laps";
  }
  return "";
}

std::vector<PacePoint> pace_leg(const AthleteModel& runner, const Event& e, int l, double split_s,
                                const PacingOptions& o, const PredictOptions& p, LegPacing* out) {
  const double d = e.legs.at(static_cast<size_t>(l)).distance_m;
  LegPacing info;
  std::vector<PacePoint> points;
  if (d <= o.longest_sprint_m + 1e-9) {
    info.style = PacingStyle::all_out;
    points = all_out(runner, e, l, split_s, o, p);
  } else if (d < o.shortest_even_m - 1e-9) {
    info.style = PacingStyle::fast_start;
    points = fast_start(e, l, split_s, o, &info.differential_s);
  } else {
    info.style = PacingStyle::even_laps;
    points = even_laps(runner, e, l, split_s, o, p, &info.start_allowance_s);
  }
  if (out) {
    out->style = info.style;
    out->differential_s = info.differential_s;
    out->start_allowance_s = info.start_allowance_s;
  }
  return points;
}

// The runner's own targets from the line-to-line points: `shift_s` is the time from taking the
// baton to the baton crossing the leg's start line (negative when she takes it past the line),
// `takes_at_m` and `hands_at_m` where the baton reaches and leaves her hand.
void add_runner_targets(LegPacing& leg, double shift_s, double takes_at_m, double hands_at_m) {
  leg.takes_baton_at_m = takes_at_m;
  leg.hands_on_at_m = std::round(10.0 * hands_at_m) / 10.0;
  leg.runner_targets.clear();
  for (const PacePoint& p : leg.pacing) {
    // Marks she passes with the baton, not within half a metre of either pass.
    if (p.at_m > takes_at_m + 0.5 && p.at_m < leg.hands_on_at_m - 0.5) {
      leg.runner_targets.push_back({p.at_m, p.time_s + shift_s});
    }
  }
  leg.runner_targets.push_back({leg.hands_on_at_m, leg.split_s});
}

void accumulate_starts(std::vector<LegPacing>& legs, double form_sd_fraction) {
  double start = 0.0, variance = 0.0;
  for (LegPacing& leg : legs) {
    leg.start_after_gun_s = start;
    leg.start_after_gun_sd_s = std::sqrt(variance);
    start += leg.split_s;
    const double sd = form_sd_fraction * leg.split_s;
    variance += sd * sd;
  }
}

PacingPlan plan_pacing(const Team& team, const Event& e, const std::vector<std::string>& order,
                       const PacingOptions& o, const PredictOptions& p) {
  validate_pacing_options(o);
  // Start times come from the baton-to-baton splits (pass to pass); the pace points are the
  // runner's times along the leg from its start line, so they follow the baton from scratch
  // line to scratch line, which ends at the leg's distance whatever point the pass falls on.
  const RelayPrediction pred = predict_splits(team, e, order, p);
  const RelayPrediction along_leg = predict_relay(team, e, order, p);
  PacingPlan plan;
  plan.event = pred.event;
  plan.team_time_s = pred.team_time_s;
  for (size_t l = 0; l < pred.legs.size(); ++l) {
    const RelayLegResult& r = pred.legs[l];
    const AthleteModel m = model_athlete(team.athlete(r.athlete), p.model);
    LegPacing leg;
    leg.leg = r.leg;
    leg.athlete = r.athlete;
    leg.distance_m = r.distance_m;
    leg.split_s = r.split_s;
    leg.estimated = r.estimated;
    leg.pacing = pace_leg(m, e, static_cast<int>(l), along_leg.legs[l].split_s, o, p, &leg);
    plan.legs.push_back(std::move(leg));
  }
  // The baton crosses leg l's start line at the sum of the earlier legs' line-to-line times
  // and changes hands at the sum of their splits; the difference is how long the runner has
  // carried it at her line.
  const std::vector<int> runners = order_indices(team, order);
  const std::vector<double> passes = pass_positions_m(team, e, runners, p);
  double line_s = 0.0, pass_s = 0.0, takes_at_m = 0.0;
  for (size_t l = 0; l < plan.legs.size(); ++l) {
    LegPacing& leg = plan.legs[l];
    const double past_line = l < passes.size() ? passes[l] : 0.0;
    add_runner_targets(leg, line_s - pass_s, takes_at_m,
                       l + 1 < plan.legs.size() ? leg.distance_m + past_line : leg.distance_m);
    line_s += along_leg.legs[l].split_s;
    pass_s += leg.split_s;
    takes_at_m = std::round(10.0 * past_line) / 10.0;  // to 0.1 m, as hands_on_at_m
  }
  accumulate_starts(plan.legs, p.exchange.form_sd_fraction);
  return plan;
}

}  // namespace baton
