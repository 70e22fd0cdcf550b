// baton practice log|list|remove|report|progress: hand-off drills and what they say about a
// pair's go-mark.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>

#include "baton/athlete_model.h"
#include "baton/calibration.h"
#include "baton/date.h"
#include "baton/event.h"
#include "baton/leg_prediction.h"
#include "baton/practice.h"
#include "baton/practice_json.h"
#include "baton/practice_report.h"
#include "baton/progress_svg.h"
#include "baton/text_table.h"
#include "cli/context.h"
#include "common/today.h"

namespace baton::cli {
namespace {

// Library field names and the options that set them, so errors name what the user typed.
const std::map<std::string, std::string> kOptionFor = {{"from", "--from"},
                                                       {"exchange", "--exchange"},
                                                       {"to", "--to"},
                                                       {"date", "--date"},
                                                       {"go_mark_m", "--go-mark"},
                                                       {"exchange_at_m", "--exchange-at"},
                                                       {"baton_time_s", "--baton-time"},
                                                       {"zone_length_m", "--zone-length"},
                                                       {"until", "--as-of"},
                                                       {"incoming_speed_mps", "--incoming-speed"},
                                                       {"outgoing_mss_mps", "--outgoing-mss"},
                                                       {"outgoing_tau_s", "--outgoing-tau"},
                                                       {"reaction_s", "--reaction"},
                                                       {"free_distance_m", "--free-distance"},
                                                       {"start_m", "--start"},
                                                       {"incoming_decel_mps2", "--incoming-decel"},
                                                       {"half_life_days", "--half-life"}};

// Runs `work`, re-labelling a library error's field with the command-line option.
template <typename F>
auto with_options(F&& work) {
  const auto relabel = [](const Error& e) {
    const auto it = kOptionFor.find(e.where().field);
    return it == kOptionFor.end() ? e.where() : Location{it->second, 0, ""};
  };
  try {
    return work();
  } catch (const NotFoundError& e) {
    throw NotFoundError(e.message(), relabel(e));
  } catch (const ParseError& e) {
    throw ParseError(e.message(), relabel(e));
  } catch (const ValidationError& e) {
    throw ValidationError(e.message(), relabel(e));
  }
}

std::string metres(double m) { return fmt::format("{:.2f} m", m); }

// The pair's physics: from the two athletes' models for an exchange of an event (as the lineup
// and prediction use them), each part overridable from the command line.
struct Physics {
  std::string incoming_speed, outgoing_mss, outgoing_tau, reaction, free_distance, zone_length,
      start, incoming_decel;
  std::string event = "4x100";
  int exchange = 1;
  std::string target;            // default: the prediction's target fraction of the zone
  std::string half_life = "28";  // days
  std::string as_of;             // default: today

  void add_options(CLI::App* cmd) {
    cmd->add_option("--event", event, "Event whose exchange is drilled")->capture_default_str();
    cmd->add_option("--exchange", exchange, "Which exchange (1 = leg 1 to leg 2)")
        ->capture_default_str()
        ->check(CLI::Range(1, 7));
    cmd->add_option("--incoming-speed", incoming_speed,
                    "Override: incoming runner's speed at the mark, m/s");
    cmd->add_option("--outgoing-mss", outgoing_mss, "Override: outgoing runner's MSS, m/s");
    cmd->add_option("--outgoing-tau", outgoing_tau, "Override: outgoing runner's TAU, s");
    cmd->add_option("--reaction", reaction, "Override: model reaction after the mark, s");
    cmd->add_option("--free-distance", free_distance, "Override: arm reach at the pass, m");
    cmd->add_option("--zone-length", zone_length, "Override: exchange zone length, m");
    cmd->add_option("--start", start, "Override: outgoing runner's start, m into the zone");
    cmd->add_option("--incoming-decel", incoming_decel, "Override: incoming slowing, m/s^2");
    cmd->add_option("--target", target,
                    "Planned baton position, m into the zone (default: the relay plan's)");
    cmd->add_option("--half-life", half_life, "Days after which a drill counts half")
        ->capture_default_str();
    cmd->add_option("--as-of", as_of, "Date to calibrate for, YYYY-MM-DD (default today)");
  }

  // The nominal hand-off and the planned baton position. Without all three of
  // --incoming-speed, --outgoing-mss and --outgoing-tau the relay plan supplies them
  // (planned_pair_target: the same hand-off and pass point as `baton plan`); each part can then
  // be overridden. --target overrides the pass point; with overridden physics the plan's point
  // is kept when still reachable, else moved back like the leg prediction does.
  struct Nominal {
    HandoffParams handoff;
    double target_m = 0.0;
  };
  Nominal nominal(const Context& ctx, const std::string& from, const std::string& to) const {
    const PredictOptions defaults;
    Nominal n;
    HandoffParams& p = n.handoff;
    p.reaction_s = defaults.exchange_reaction_s;
    p.free_distance_m = defaults.free_distance_m;
    p.start_m = defaults.outgoing_start_m;
    std::optional<double> planned;
    const bool from_models = incoming_speed.empty() || outgoing_mss.empty() || outgoing_tau.empty();
    if (from_models) {
      const Team team = ctx.load_team("");
      const Event e = find_event(event, team.rules, {"--event", 0, ""});
      const PairTarget t = with_options([&] {
        try {
          return planned_pair_target(team, e, exchange - 1, from, to);
        } catch (const ValidationError& err) {
          if (err.where().field == "exchange") throw;
          throw ValidationError(
              err.message() +
                  " (or give --incoming-speed, --outgoing-mss and "
                  "--outgoing-tau)",
              {err.where().field == "bests" ? "--from" : err.where().field, 0, ""});
        }
      });
      p = t.nominal;
      planned = t.target_m;
    }
    const auto set = [](const std::string& v, const char* option, double& field) {
      if (!v.empty()) field = parse_number(v, option);
    };
    set(incoming_speed, "--incoming-speed", p.incoming_speed_mps);
    set(outgoing_mss, "--outgoing-mss", p.outgoing.mss_mps);
    set(outgoing_tau, "--outgoing-tau", p.outgoing.tau_s);
    set(reaction, "--reaction", p.reaction_s);
    set(free_distance, "--free-distance", p.free_distance_m);
    set(zone_length, "--zone-length", p.zone_length_m);
    set(start, "--start", p.start_m);
    set(incoming_decel, "--incoming-decel", p.incoming_decel_mps2);
    with_options([&] { validate_handoff(p); });
    if (!target.empty()) {
      n.target_m = parse_number(target, "--target");
    } else {
      n.target_m = planned_target_m(
          p, planned.value_or(PredictOptions{}.blind_target_fraction * p.zone_length_m));
    }
    return n;
  }
  CalibrationOptions options() const {
    CalibrationOptions o;
    o.half_life_days = parse_number(half_life, "--half-life");
    return o;
  }
  std::string date() const {
    return as_of.empty() ? today_date() : parse_date(as_of, {"--as-of", 0, ""});
  }
};

double foot_length_m(Database& db, const std::string& name) {
  const auto a = Roster(db).find(name);
  return a && a->foot_length_m ? *a->foot_length_m : kDefaultFootLengthM;
}

struct Pair {
  std::string from, to;
};

void add_pair_options(CLI::App* cmd, Pair& pair) {
  cmd->add_option("--from", pair.from, "Incoming runner")->required();
  cmd->add_option("--to", pair.to, "Outgoing runner")->required();
}

}  // namespace

void add_practice_command(CLI::App& app, Context& ctx) {
  CLI::App* practice_cmd = app.add_subcommand("practice", "Hand-off drills and calibrated marks");
  practice_cmd->require_subcommand(1);

  // log
  struct LogArgs {
    Pair pair;
    std::string go_mark, exchange_at, baton_time, outcome = "clean", date, note, zone_length = "30";
  };
  auto la = std::make_shared<LogArgs>();
  CLI::App* log = practice_cmd->add_subcommand("log", "Record one hand-off drill");
  add_pair_options(log, la->pair);
  log->add_option("--go-mark", la->go_mark, "Go-mark used, m behind the outgoing start")
      ->required();
  log->add_option("--exchange-at", la->exchange_at, "Where the baton changed hands, m into zone")
      ->required();
  log->add_option("--baton-time", la->baton_time, "Baton time through the zone, s");
  log->add_option("--outcome", la->outcome, "clean, early, late, stutter, drop or out")
      ->capture_default_str();
  log->add_option("--date", la->date, "YYYY-MM-DD (default today)");
  log->add_option("--note", la->note, "Free text");
  log->add_option("--zone-length", la->zone_length, "Zone length, m")->capture_default_str();
  log->callback([la, &ctx] {
    Drill d;
    d.from = la->pair.from;
    d.to = la->pair.to;
    d.date = la->date.empty() ? today_date() : parse_date(la->date, {"--date", 0, ""});
    d.go_mark_m = parse_number(la->go_mark, "--go-mark");
    d.exchange_at_m = parse_number(la->exchange_at, "--exchange-at");
    if (!la->baton_time.empty()) d.baton_time_s = parse_number(la->baton_time, "--baton-time");
    d.outcome = parse_drill_outcome(la->outcome, {"--outcome", 0, ""});
    d.note = la->note;
    d.zone_length_m = parse_number(la->zone_length, "--zone-length");
    Database db = ctx.open_database();
    Practice practice(db);
    d.id = with_options([&] { return practice.log(d); });
    const Drill stored = practice.list({d.from, d.to, ""}).back();
    if (ctx.json) {
      ctx.print_json({{"logged", drill_to_json(stored)}});
    } else {
      ctx.print(fmt::format("Logged drill {}: {} -> {} on {}, mark {}, exchange at {} ({})\n",
                            stored.id, stored.from, stored.to, stored.date,
                            metres(stored.go_mark_m), metres(stored.exchange_at_m),
                            to_string(stored.outcome)));
    }
  });

  // list
  auto filter = std::make_shared<DrillFilter>();
  CLI::App* list = practice_cmd->add_subcommand("list", "List drills, oldest first");
  list->add_option("--from", filter->from, "Only this incoming runner");
  list->add_option("--to", filter->to, "Only this outgoing runner");
  list->callback([filter, &ctx] {
    Database db = ctx.open_database();
    const auto drills = with_options([&] { return Practice(db).list(*filter); });
    if (ctx.json) {
      nlohmann::json all = nlohmann::json::array();
      for (const Drill& d : drills) all.push_back(drill_to_json(d));
      ctx.print_json({{"drills", all}});
      return;
    }
    if (drills.empty()) {
      ctx.print(
          "No drills logged: baton practice log --from A --to B --go-mark M --exchange-at P\n");
      return;
    }
    TextTable t({">id", "date", "from", "to", ">go-mark", ">exchange at", ">baton time", "outcome",
                 "note"});
    for (const Drill& d : drills) {
      t.add_row({std::to_string(d.id), d.date, d.from, d.to, metres(d.go_mark_m),
                 metres(d.exchange_at_m),
                 d.baton_time_s ? fmt::format("{:.2f} s", *d.baton_time_s) : "",
                 std::string(to_string(d.outcome)), d.note});
    }
    ctx.print(t.render());
  });

  // remove
  auto remove_id = std::make_shared<std::string>();
  CLI::App* remove = practice_cmd->add_subcommand("remove", "Delete a drill by id");
  remove->add_option("id", *remove_id, "Drill id (see practice list)")->required();
  remove->callback([remove_id, &ctx] {
    const double id = parse_number(*remove_id, "id");
    if (id != std::floor(id) || id < 1) {
      throw ParseError("'" + *remove_id + "' is not a drill id", Location{"id", 0, ""});
    }
    Database db = ctx.open_database();
    Practice(db).remove(static_cast<long long>(id));
    if (ctx.json) {
      ctx.print_json({{"removed", static_cast<long long>(id)}});
    } else {
      ctx.print(fmt::format("Removed drill {}\n", static_cast<long long>(id)));
    }
  });

  // report
  struct ReportArgs {
    Pair pair;
    Physics physics;
  };
  auto ra = std::make_shared<ReportArgs>();
  CLI::App* report =
      practice_cmd->add_subcommand("report", "A pair's record and its calibrated go-mark");
  add_pair_options(report, ra->pair);
  ra->physics.add_options(report);
  report->callback([ra, &ctx] {
    Database db = ctx.open_database();
    const auto nominal = ra->physics.nominal(ctx, ra->pair.from, ra->pair.to);
    const HandoffParams& p = nominal.handoff;
    const double target = nominal.target_m;
    const auto drills = with_options([&] { return Practice(db).pair(ra->pair.from, ra->pair.to); });
    const std::string as_of = ra->physics.date();
    const PracticeReport r = with_options([&] {
      return practice_report(ra->pair.from, ra->pair.to, drills, p, target, as_of,
                             ra->physics.options(), foot_length_m(db, ra->pair.to));
    });
    const PairRecord& rec = r.record;
    const Calibration& c = r.calibration;
    const double foot = r.foot_length_m;
    if (ctx.json) {
      ctx.print_json(practice_report_to_json(r));
      return;
    }
    std::string out =
        fmt::format("{} -> {} as of {}: {}", r.from, r.to, as_of, counted(rec.drills, "drill"));
    if (rec.drills) {
      out += fmt::format(", {:.0f}% clean, exchange at {} (SD {})", 100.0 * *rec.p_clean(),
                         metres(rec.mean_exchange_at_m), metres(rec.sd_exchange_at_m));
    }
    out += "\n";
    if (!c.recommended.exchanged) {
      out += "No go-mark puts the baton at " + metres(target) + ": " + c.recommended.reason + "\n";
    } else {
      out += fmt::format("Go-mark for a pass at {}: {} ({:.1f} foot lengths); model alone {}\n",
                         metres(target), metres(c.recommended.go_mark_m),
                         c.recommended.go_mark_m / foot,
                         c.model.exchanged ? metres(c.model.go_mark_m) : "none");
      out += fmt::format(
          "Outgoing runner leaves {:.2f} s after the mark in practice (model {:.2f} s)\n",
          c.effective_reaction_s, c.nominal_reaction_s);
    }
    if (c.reaction_at_bound) {
      out += "Warning: the drills do not fit the pair's speeds; check them.\n";
    }
    ctx.print(out);
  });

  // progress
  struct ProgressArgs {
    Pair pair;
    Physics physics;
    std::string svg;
  };
  auto pa = std::make_shared<ProgressArgs>();
  CLI::App* progress =
      practice_cmd->add_subcommand("progress", "How a pair's numbers moved, date by date");
  add_pair_options(progress, pa->pair);
  pa->physics.add_options(progress);
  progress->add_option("--svg", pa->svg, "Also write a line chart to this SVG file");
  progress->callback([pa, &ctx] {
    Database db = ctx.open_database();
    const auto nominal = pa->physics.nominal(ctx, pa->pair.from, pa->pair.to);
    const HandoffParams& p = nominal.handoff;
    const double target = nominal.target_m;
    const CalibrationOptions options = pa->physics.options();
    const auto drills = with_options([&] { return Practice(db).pair(pa->pair.from, pa->pair.to); });
    std::vector<std::string> dates;
    for (const Drill& d : drills) {
      if (dates.empty() || dates.back() != d.date) dates.push_back(d.date);
    }
    nlohmann::json rows = nlohmann::json::array();
    std::vector<double> mean_at, clean_pct, mark;
    TextTable t({"date", ">drills", ">total", ">mean exchange", ">clean", ">go-mark"});
    int total = 0;
    for (const std::string& date : dates) {
      std::vector<Drill> day, upto;
      for (const Drill& d : drills) {
        if (d.date == date) day.push_back(d);
        if (d.date <= date) upto.push_back(d);
      }
      const PairRecord r = summarize_drills(day);
      total += r.drills;
      const Calibration c = with_options(
          [&] { return calibrate_go_mark(p, drill_observations(upto, date), target, options); });
      const double m = c.recommended.exchanged ? c.recommended.go_mark_m : NAN;
      mean_at.push_back(r.mean_exchange_at_m);
      clean_pct.push_back(100.0 * *r.p_clean());
      mark.push_back(m);
      rows.push_back(
          {{"date", date},
           {"drills", r.drills},
           {"total_drills", total},
           {"mean_exchange_at_m", r.mean_exchange_at_m},
           {"p_clean", *r.p_clean()},
           {"recommended_go_mark_m",
            std::isfinite(m) ? nlohmann::json(std::round(m * 1000) / 1000) : nullptr},
           {"effective_reaction_s", std::round(c.effective_reaction_s * 10000) / 10000}});
      t.add_row({date, std::to_string(r.drills), std::to_string(total),
                 metres(r.mean_exchange_at_m), fmt::format("{:.0f}%", 100.0 * *r.p_clean()),
                 std::isfinite(m) ? metres(m) : "none"});
    }
    if (!pa->svg.empty()) {
      if (dates.empty()) {
        throw NotFoundError("no drills for " + pa->pair.from + " -> " + pa->pair.to + " to chart",
                            Location{"--svg", 0, ""});
      }
      ProgressChart chart;
      chart.title = drills.front().from + " -> " + drills.front().to;
      chart.dates = dates;
      chart.left_axis = "metres";
      chart.right_axis = "clean drills (%)";
      chart.series = {{"mean exchange position (m)", mean_at, false},
                      {"recommended go-mark (m)", mark, false},
                      {"clean (%)", clean_pct, true}};
      std::ofstream file(pa->svg);
      file << progress_svg(chart);
      if (!file) throw ValidationError("cannot write " + pa->svg, Location{"--svg", 0, ""});
    }
    if (ctx.json) {
      ctx.print_json({{"pair", {{"from", pa->pair.from}, {"to", pa->pair.to}}},
                      {"target_m", target},
                      {"dates", rows},
                      {"svg", pa->svg.empty() ? nlohmann::json() : nlohmann::json(pa->svg)}});
      return;
    }
    if (dates.empty()) {
      ctx.print(fmt::format("No drills for {} -> {} yet\n", pa->pair.from, pa->pair.to));
      return;
    }
    ctx.print(
        fmt::format("{} -> {}: go-mark for a pass at {}, recalibrated with the drills up "
                    "to each date\n",
                    drills.front().from, drills.front().to, metres(target)));
    ctx.print(t.render());
    if (!pa->svg.empty()) ctx.print("Chart written to " + pa->svg + "\n");
  });
}

}  // namespace baton::cli
