// baton results add|import|list|models|progress|remove: relays raced, with leg splits, drops and
// DQs.
#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <tuple>

#include "baton/athlete_model.h"
#include "baton/calibration.h"
#include "baton/date.h"
#include "baton/event.h"
#include "baton/practice.h"
#include "baton/progress_svg.h"
#include "baton/results.h"
#include "baton/results_csv.h"
#include "baton/team_file.h"
#include "baton/text_table.h"
#include "baton/units.h"
#include "cli/context.h"
#include "common/today.h"

namespace baton::cli {
namespace {

// Library field names and the options that set them, so errors name what the user typed.
Location option_for(const Location& where) {
  static const std::pair<const char*, const char*> kOptions[] = {
      {"event", "--event"}, {"order", "--order"},   {"date", "--date"},
      {"time", "--time"},   {"splits", "--splits"}, {"drop", "--drop"}};
  for (const auto& [field, option] : kOptions) {
    if (where.field == field) return Location{option, 0, ""};
  }
  return where;
}

template <typename F>
auto with_options(F&& work) {
  try {
    return work();
  } catch (const NotFoundError& e) {
    throw NotFoundError(e.message(), option_for(e.where()));
  } catch (const ParseError& e) {
    throw ParseError(e.message(), option_for(e.where()));
  } catch (const ValidationError& e) {
    throw ValidationError(e.message(), option_for(e.where()));
  }
}

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
          {"team_time_s", r.team_time_s ? nlohmann::json(*r.team_time_s) : nlohmann::json()},
          {"legs", legs},
          {"dropped_leg", r.dropped_leg ? nlohmann::json(*r.dropped_leg) : nlohmann::json()},
          {"dq", r.dq}};
}

std::string status(const RelayResult& r) {
  std::string s;
  if (r.dropped_leg) s += fmt::format("drop on leg {}", *r.dropped_leg);
  if (r.dq) s += s.empty() ? "DQ" : ", DQ";
  return s;
}

struct AddArgs {
  std::string event, order, time, splits, drop, date, meet;
  bool dq = false;
};

}  // namespace

void add_results_command(CLI::App& app, Context& ctx) {
  CLI::App* results_cmd = app.add_subcommand("results", "Relays raced: times, splits, drops");
  results_cmd->require_subcommand(1);

  // add
  auto a = std::make_shared<AddArgs>();
  CLI::App* add = results_cmd->add_subcommand("add", "Record one relay result");
  add->add_option("--event", a->event, "Event id: 4x100, 4x400, smr, ...")->required();
  add->add_option("--order", a->order, "Runners, leg 1 first: \"A,B,C,D\"")->required();
  add->add_option("--time", a->time, "Team time as timed: 48.92, 3:58.1h (omit if no finish)");
  add->add_option("--splits", a->splits, "Leg splits, leg 1 first: \"12.4,11.5,11.8,11.9\"");
  add->add_option("--drop", a->drop, "Leg on which the baton was dropped");
  add->add_flag("--dq", a->dq, "The team was disqualified");
  add->add_option("--date", a->date, "YYYY-MM-DD (default today)");
  add->add_option("--meet", a->meet, "Meet name");
  add->callback([a, &ctx] {
    RelayResult r;
    r.event = a->event;
    r.meet = a->meet;
    r.dq = a->dq;
    r.date = a->date.empty() ? today_date() : parse_date(a->date, {"--date", 0, ""});
    r.order = split_names(a->order, {"--order", 0, ""});
    if (!a->drop.empty()) {
      const double leg = parse_number(a->drop, "--drop");
      if (leg != std::floor(leg)) {
        throw ParseError("'" + a->drop + "' is not a leg number", {"--drop", 0, ""});
      }
      r.dropped_leg = static_cast<int>(std::clamp(leg, -1.0, 99.0));
    }
    Database db = ctx.open_database();
    const Team roster = Roster(db).team();
    if (!a->time.empty()) {
      const Event e = with_options([&] {
        return find_event(r.event, roster.rules, {"", 0, "event"});
      });
      r.team_time_s = to_fat_s(parse_time(a->time, {"--time", 0, ""}), e.total_m());
    }
    if (!a->splits.empty()) {
      for (const std::string& s : split_names(a->splits, {"--splits", 0, ""})) {
        r.splits_s.push_back(parse_time(s, {"--splits", 0, ""}).time_s);
      }
    }
    Results results(db);
    r.id = with_options([&] { return results.add(r); });
    const RelayResult stored = results.list().back().id == r.id ? results.list().back() : r;
    if (ctx.json) {
      ctx.print_json({{"added", result_json(stored)}});
    } else {
      ctx.print(fmt::format("Added result {}: {} {} {}\n", stored.id, stored.event, stored.date,
                            stored.team_time_s ? format_time(*stored.team_time_s) : "DNF"));
    }
  });

  // import
  auto file = std::make_shared<std::string>();
  CLI::App* import_cmd = results_cmd->add_subcommand("import", "Import results from a CSV file");
  import_cmd->add_option("file", *file, "results.csv")->required();
  import_cmd->callback([file, &ctx] {
    std::vector<int> lines;
    const auto parsed = parse_results_csv(read_text_file(*file), *file, today_date(), &lines);
    Database db = ctx.open_database();
    const auto ids = Results(db).import(parsed, *file, lines);
    if (ctx.json) {
      ctx.print_json({{"file", *file}, {"added", ids.size()}, {"ids", ids}});
    } else {
      ctx.print(fmt::format("Imported {} from {}\n",
                            counted(static_cast<long long>(ids.size()), "result"), *file));
    }
  });

  // list
  CLI::App* list = results_cmd->add_subcommand("list", "List results, oldest first");
  list->callback([&ctx] {
    Database db = ctx.open_database();
    const auto all = Results(db).list();
    if (ctx.json) {
      nlohmann::json j = nlohmann::json::array();
      for (const RelayResult& r : all) j.push_back(result_json(r));
      ctx.print_json({{"results", j}});
      return;
    }
    if (all.empty()) {
      ctx.print("No results: baton results add --event 4x100 --order \"A,B,C,D\" --time T\n");
      return;
    }
    TextTable t({">id", "date", "meet", "event", ">time", "order", "splits", "status"});
    for (const RelayResult& r : all) {
      std::string order, splits;
      for (size_t i = 0; i < r.order.size(); ++i) {
        order += (i ? ", " : "") + r.order[i];
        if (!r.splits_s.empty()) splits += (i ? " " : "") + format_time(r.splits_s[i]);
      }
      t.add_row({std::to_string(r.id), r.date, r.meet, r.event,
                 r.team_time_s ? format_time(*r.team_time_s) : "DNF", order, splits, status(r)});
    }
    ctx.print(t.render());
  });

  // models
  auto only = std::make_shared<std::string>();
  CLI::App* models =
      results_cmd->add_subcommand("models", "What race splits say about each athlete's open times");
  models->add_option("--athlete", *only, "Only this athlete");
  models->callback([only, &ctx] {
    Database db = ctx.open_database();
    const Team team = Roster(db).team();
    std::string who;
    if (!only->empty()) who = team.athlete(*only, {"--athlete", 0, ""}).name;
    const std::vector<RaceSplit> splits = race_splits(team, Results(db).list(), who);
    const auto eq = open_equivalents(team, splits);
    const Team updated = team_updated_from_races(team, eq);
    const auto r3 = [](double v) { return std::round(v * 1000) / 1000; };
    nlohmann::json legs = nlohmann::json::array();
    TextTable t({"date", "athlete", "event", ">leg", ">split", ">model split", ">open equivalent"});
    for (const OpenEquivalent& q : eq) {
      legs.push_back({{"date", q.split.date},
                      {"athlete", q.split.athlete},
                      {"event", q.split.event},
                      {"leg", q.split.leg},
                      {"distance_m", q.distance_m},
                      {"split_s", q.split.split_s},
                      {"predicted_split_s", r3(q.predicted_split_s)},
                      {"model_open_s", r3(q.model_open_s)},
                      {"open_equivalent_s", r3(q.open_equivalent_s)}});
      t.add_row({q.split.date, q.split.athlete, q.split.event, std::to_string(q.split.leg),
                 format_time(q.split.split_s), format_time(q.predicted_split_s),
                 fmt::format("{} for {:g} m", format_time(q.open_equivalent_s), q.distance_m)});
    }
    nlohmann::json athletes = nlohmann::json::array();
    TextTable u({"athlete", ">distance", ">best", ">updated"});
    std::set<std::pair<std::string, double>> done;
    for (const OpenEquivalent& q : eq) {
      const std::string& name = q.split.athlete;
      if (!done.insert({name, q.distance_m}).second) continue;
      const Best* before = team.athlete(name).best_at(q.distance_m);
      const double after = updated.athlete(name).best_at(q.distance_m)->fat_s();
      athletes.push_back({{"athlete", name},
                          {"distance_m", q.distance_m},
                          {"best_s", before ? nlohmann::json(before->fat_s()) : nlohmann::json()},
                          {"updated_s", r3(after)}});
      u.add_row({name, fmt::format("{:g} m", q.distance_m),
                 before ? format_time(before->fat_s()) : "", format_time(after)});
    }
    if (ctx.json) {
      ctx.print_json({{"legs", legs}, {"athletes", athletes}});
      return;
    }
    if (eq.empty()) {
      ctx.print("No race splits to learn from: add results with --splits\n");
      return;
    }
    ctx.print("Leg splits against each runner's model (flying legs are not open times):\n");
    ctx.print(t.render());
    ctx.print("\nOpen marks the models would use with these races (FAT):\n");
    ctx.print(u.render());
  });

  // progress
  struct ProgressArgs {
    std::string athlete, distance, svg;
  };
  auto pa = std::make_shared<ProgressArgs>();
  CLI::App* progress = results_cmd->add_subcommand(
      "progress", "How an athlete's open time moved race by race, from their relay splits");
  progress->add_option("--athlete", pa->athlete, "The athlete")->required();
  progress->add_option("--distance", pa->distance,
                       "Leg distance in metres (default: the one they ran most)");
  progress->add_option("--svg", pa->svg, "Also write a line chart to this SVG file");
  progress->callback([pa, &ctx] {
    Database db = ctx.open_database();
    const Team team = Roster(db).team();
    const std::string name = team.athlete(pa->athlete, {"--athlete", 0, ""}).name;
    const std::vector<RelayResult> results = Results(db).list();
    double distance = 0.0;
    if (!pa->distance.empty()) {
      distance = parse_number(pa->distance, "--distance");
    } else {
      std::map<double, int> runs;
      for (const OpenEquivalent& q : open_equivalents(team, race_splits(team, results, name))) {
        ++runs[q.distance_m];
      }
      int most = 0;
      for (const auto& [d, n] : runs) {
        if (n > most) std::tie(distance, most) = std::make_pair(d, n);
      }
    }
    const std::vector<AthleteProgressPoint> points =
        distance > 0.0 ? athlete_progress(team, results, name, distance)
                       : std::vector<AthleteProgressPoint>{};
    const Best* entered = team.athlete(name).best_at(distance);
    if (!pa->svg.empty()) {
      if (points.empty()) {
        throw NotFoundError("no relay splits of " + name + " to chart", {"--svg", 0, ""});
      }
      ProgressChart chart;
      chart.title = fmt::format("{}: {:g} m", name, distance);
      chart.left_axis = "seconds";
      std::vector<double> eq, learned;
      for (const AthleteProgressPoint& p : points) {
        chart.dates.push_back(p.date);
        eq.push_back(p.open_equivalent_s);
        learned.push_back(p.learned_best_s);
      }
      chart.series = {{"open-equivalent of the day's splits (s)", eq, false},
                      {"mark used in predictions (s)", learned, false}};
      std::ofstream out(pa->svg);
      out << progress_svg(chart);
      if (!out) throw ValidationError("cannot write " + pa->svg, {"--svg", 0, ""});
    }
    const auto r3 = [](double v) { return std::round(v * 1000) / 1000; };
    if (ctx.json) {
      nlohmann::json rows = nlohmann::json::array();
      for (const AthleteProgressPoint& p : points) {
        rows.push_back({{"date", p.date},
                        {"splits", p.splits},
                        {"open_equivalent_s", r3(p.open_equivalent_s)},
                        {"learned_best_s", r3(p.learned_best_s)}});
      }
      ctx.print_json(
          {{"athlete", name},
           {"distance_m", distance},
           {"entered_best_s", entered ? nlohmann::json(entered->fat_s()) : nlohmann::json()},
           {"dates", rows},
           {"svg", pa->svg.empty() ? nlohmann::json() : nlohmann::json(pa->svg)}});
      return;
    }
    if (points.empty()) {
      ctx.print(
          fmt::format("No relay splits of {} to learn from yet (results add --splits)\n", name));
      return;
    }
    ctx.print(
        fmt::format("{} over {:g} m: entered best {}; each date's relay splits as open "
                    "times and the mark predictions use after it\n",
                    name, distance, entered ? format_time(entered->fat_s()) : "none"));
    TextTable t({"date", ">legs", ">open-equivalent", ">mark used"});
    for (const AthleteProgressPoint& p : points) {
      t.add_row({p.date, std::to_string(p.splits), format_duration(p.open_equivalent_s),
                 format_duration(p.learned_best_s)});
    }
    ctx.print(t.render());
    if (!pa->svg.empty()) ctx.print("Chart written to " + pa->svg + "\n");
  });

  // remove
  auto id = std::make_shared<std::string>();
  CLI::App* remove = results_cmd->add_subcommand("remove", "Delete a result by id");
  remove->add_option("id", *id, "Result id (see results list)")->required();
  remove->callback([id, &ctx] {
    const double v = parse_number(*id, "id");
    if (v != std::floor(v) || v < 1)
      throw ParseError("'" + *id + "' is not a result id", {"id", 0, ""});
    Database db = ctx.open_database();
    Results(db).remove(static_cast<long long>(v));
    if (ctx.json) {
      ctx.print_json({{"removed", static_cast<long long>(v)}});
    } else {
      ctx.print(fmt::format("Removed result {}\n", static_cast<long long>(v)));
    }
  });
}

}  // namespace baton::cli
