#include "baton/pair_report.h"

#include <fmt/format.h>

#include <cmath>

#include "baton/calibration.h"
#include "baton/date.h"
#include "baton/leg_prediction.h"
#include "baton/pair_calibration.h"
#include "baton/practice.h"
#include "baton/relay_order.h"

namespace baton {
namespace {

// The hand-off the pair's drills are calibrated against, and the runners' names.
struct Nominal {
  HandoffParams handoff;
  double target_m = 0.0;
  double foot_length_m = kDefaultFootLengthM;
};

Nominal nominal(const Workspace& ws, const PairReportRequest& r) {
  const HandoffOverrides& o = r.overrides;
  Nominal n;
  HandoffParams& p = n.handoff;  // a blind hand-off under the default exchange settings
  std::optional<double> planned;
  const Team& team = ws.team();
  if (!o.incoming_speed_mps || !o.outgoing_mss_mps || !o.outgoing_tau_s) {
    const Event event = find_event(r.event, team.rules, Location{"", 0, "event"});
    if (r.exchange < 1 || r.exchange > static_cast<int>(event.exchanges.size())) {
      // Checked before counting from zero: INT_MIN - 1 would overflow.
      throw ValidationError(
          fmt::format("{} has exchanges 1 to {}", event.id, event.exchanges.size()),
          Location{"", 0, "exchange"});
    }
    PairTarget t;
    try {
      t = planned_pair_target(team, event, r.exchange - 1, r.from, r.to);
    } catch (const ValidationError& e) {
      if (e.where().field == "exchange") throw;
      throw ValidationError(e.message() +
                                " (the report needs the incoming speed and the outgoing "
                                "runner's MSS and TAU)",
                            Location{"", 0, e.where().field == "bests" ? "from" : e.where().field});
    }
    p = t.nominal;
    planned = t.target_m;
    n.foot_length_m = t.foot_length_m;
  } else if (const Athlete* a = team.find(r.to)) {
    if (a->foot_length_m) n.foot_length_m = *a->foot_length_m;
  }
  const auto set = [](const std::optional<double>& value, double& field) {
    if (value) field = *value;
  };
  set(o.incoming_speed_mps, p.incoming_speed_mps);
  set(o.outgoing_mss_mps, p.outgoing.mss_mps);
  set(o.outgoing_tau_s, p.outgoing.tau_s);
  set(o.reaction_s, p.reaction_s);
  set(o.free_distance_m, p.free_distance_m);
  set(o.zone_length_m, p.zone_length_m);
  set(o.start_m, p.start_m);
  set(o.incoming_decel_mps2, p.incoming_decel_mps2);
  validate_handoff(p);
  n.target_m = o.target_m
                   ? *o.target_m
                   : planned_target_m(p, planned.value_or(ExchangeSettings{}.latest_pass_fraction *
                                                          p.zone_length_m));
  return n;
}

// The request with its exchange resolved: as asked, or (exchange 0) the pair's place in the
// event's best order. `source` says which, in words.
PairReportRequest resolved(const Workspace& ws, const PairReportRequest& r, std::string* source) {
  const HandoffOverrides& o = r.overrides;
  PairReportRequest out = r;
  if (o.incoming_speed_mps && o.outgoing_mss_mps && o.outgoing_tau_s) {
    // The whole hand-off given by hand: no exchange of the plan is used.
    if (source) *source = r.exchange == 0 ? "" : "asked for";
    return out;
  }
  if (r.exchange != 0) {
    if (source) *source = "asked for";
    return out;
  }
  const Team& team = ws.team();
  const std::string& from = ws.athlete_name(r.from, "from");
  const std::string& to = ws.athlete_name(r.to, "to");
  OrderRequest order_request;
  order_request.event = r.event;
  const Event event = find_event(r.event, team.rules, Location{"", 0, "event"});
  if (event.sex_rule == SexRule::single_sex) order_request.sex = team.athlete(from).sex;
  const RelayOrder best = requested_order(ws, order_request);
  const std::string names = fmt::format("{}", fmt::join(best.names, ", "));
  for (size_t i = 0; i + 1 < best.names.size(); ++i) {
    if (best.names[i] == from && best.names[i + 1] == to) {
      out.exchange = static_cast<int>(i) + 1;
      if (source)
        *source =
            fmt::format("legs {} -> {} of the best {} order ({})", i + 1, i + 2, event.id, names);
      return out;
    }
  }
  throw ValidationError(
      fmt::format("{} does not hand to {} in the best {} order ({}): say which exchange they "
                  "drill (1 = leg 1 to leg 2)",
                  from, to, event.id, names),
      Location{"", 0, "exchange"});
}

// A target given by hand, or a whole hand-off given by hand (no plan to follow), is aimed at;
// otherwise the recommendation is the plan's own pass under the pair's calibration.
bool aims_at_target(const HandoffOverrides& o) {
  return o.target_m || (o.incoming_speed_mps && o.outgoing_mss_mps && o.outgoing_tau_s);
}

CalibrationOptions calibration_options(const PairReportRequest& r) {
  CalibrationOptions o;
  o.half_life_days = r.half_life_days;
  return o;
}

}  // namespace

PracticeReport pair_report(const Workspace& ws, const PairReportRequest& asked) {
  const std::string as_of = parse_date(asked.as_of, Location{"", 0, "as_of"});
  std::string source;
  const PairReportRequest request = resolved(ws, asked, &source);
  const Nominal n = nominal(ws, request);
  const std::vector<Drill> drills = Practice(ws.database()).pair(request.from, request.to);
  PracticeReport report =
      practice_report(ws.athlete_name(request.from, "from"), ws.athlete_name(request.to, "to"),
                      drills, n.handoff, n.target_m, as_of, calibration_options(request),
                      n.foot_length_m, request.go_mark_m, aims_at_target(request.overrides));
  report.exchange = request.exchange;
  report.exchange_source = source;
  return report;
}

PairProgress pair_progress(const Workspace& ws, const PairReportRequest& asked) {
  const PairReportRequest request = resolved(ws, asked, nullptr);
  const Nominal n = nominal(ws, request);
  const CalibrationOptions options = calibration_options(request);
  const std::vector<Drill> drills = Practice(ws.database()).pair(request.from, request.to);
  PairProgress out;
  out.from = drills.empty() ? request.from : drills.front().from;
  out.to = drills.empty() ? request.to : drills.front().to;
  out.target_m = n.target_m;
  for (const Drill& d : drills) {
    if (!out.days.empty() && out.days.back().date == d.date) continue;
    std::vector<Drill> day, upto;
    for (const Drill& x : drills) {
      if (x.date == d.date) day.push_back(x);
      if (x.date <= d.date) upto.push_back(x);
    }
    const PairRecord r = summarize_drills(day);
    PairFitOptions fit;
    fit.half_life_days = options.half_life_days;
    const PairCalibration c = calibrate_pair(n.handoff, drill_observations(upto, d.date), fit);
    PairProgressDay p;
    p.date = d.date;
    p.drills = r.drills;
    p.total_drills = static_cast<int>(upto.size());
    p.mean_exchange_at_m = r.mean_exchange_at_m;
    p.p_clean = r.clean_rate();
    // The mark the report would recommend that day.
    const HandoffResult mark = aims_at_target(request.overrides)
                                   ? handoff_for_target(c.calibrated, n.target_m)
                                   : c.recommended;
    if (mark.exchanged) p.go_mark_m = mark.go_mark_m;
    p.effective_reaction_s = c.reaction_s.value;
    out.days.push_back(p);
  }
  return out;
}

ProgressChart pair_progress_chart(const PairProgress& progress) {
  if (progress.days.empty()) {
    throw NotFoundError("no drills for " + progress.from + " -> " + progress.to + " to chart",
                        Location{"", 0, "svg"});
  }
  ProgressChart chart;
  chart.title = progress.from + " -> " + progress.to;
  chart.left_axis = "metres";
  chart.right_axis = "clean drills (%)";
  std::vector<double> mean_at, mark, clean_pct;
  for (const PairProgressDay& d : progress.days) {
    chart.dates.push_back(d.date);
    mean_at.push_back(d.mean_exchange_at_m);
    mark.push_back(d.go_mark_m.value_or(NAN));
    clean_pct.push_back(100.0 * d.p_clean);
  }
  chart.series = {{"mean exchange position (m)", mean_at, false},
                  {"recommended go-mark (m)", mark, false},
                  {"clean (%)", clean_pct, true}};
  return chart;
}

}  // namespace baton
