// baton results add|import|list|models|progress|remove: relays raced, with leg splits, drops,
// DQs and DNFs (include/baton/results_log.h, race_learning.h).
#include <fmt/format.h>

#include <cmath>
#include <fstream>

#include "baton/date.h"
#include "baton/race_learning.h"
#include "baton/results_log.h"
#include "baton/team_file.h"
#include "baton/units.h"
#include "cli/context.h"
#include "cli/option_errors.h"
#include "cli/results_text.h"
#include "common/today.h"

namespace baton::cli {
namespace {

struct AddArgs {
  std::string event, order, time, splits, drop, date, meet;
  bool dq = false;
  bool dnf = false;

  ResultEntry entry() const {
    ResultEntry e;
    e.event = event;
    e.meet = meet;
    e.dq = dq;
    e.dnf = dnf;
    e.date = date.empty() ? today_date() : parse_date(date, {"--date", 0, ""});
    e.order = split_names(order, {"--order", 0, ""});
    if (!drop.empty()) {
      const double leg = parse_number(drop, "--drop");
      if (leg != std::floor(leg)) {
        throw ParseError("'" + drop + "' is not a leg number", {"--drop", 0, ""});
      }
      e.dropped_leg = static_cast<int>(std::clamp(leg, -1.0, 99.0));
    }
    if (!time.empty()) e.time = parse_time(time, {"--time", 0, ""});
    if (!splits.empty()) {
      for (const std::string& s : split_names(splits, {"--splits", 0, ""})) {
        const Mark t = parse_time(s, {"--splits", 0, ""});
        e.splits_s.push_back(t.time_s);
        e.splits_hand.push_back(t.hand_timed);
      }
    }
    return e;
  }
};

long long result_id(const std::string& text) {
  const double v = parse_number(text, "id");
  if (v != std::floor(v) || v < 1) {
    throw ParseError("'" + text + "' is not a result id", {"id", 0, ""});
  }
  return static_cast<long long>(v);
}

}  // namespace

void add_results_command(CLI::App& app, Context& ctx) {
  CLI::App* results_cmd = app.add_subcommand("results", "Relays raced: times, splits, drops");
  results_cmd->require_subcommand(1);

  auto a = std::make_shared<AddArgs>();
  CLI::App* add = results_cmd->add_subcommand("add", "Record one relay result");
  add->add_option("--event", a->event, "Event id: 4x100, 4x400, smr, ...")->required();
  add->add_option("--order", a->order, "Runners, leg 1 first: \"A,B,C,D\"")->required();
  add->add_option("--time", a->time, "Team time as timed: 48.92, 3:58.1h (omit if no finish)");
  add->add_option("--splits", a->splits,
                  "Leg splits, leg 1 first: \"12.4,11.5,11.8,11.9\"; hand-timed with h: 11.5h");
  add->add_option("--drop", a->drop, "Leg on which the baton was dropped");
  add->add_flag("--dq", a->dq, "The team was disqualified");
  add->add_flag("--dnf", a->dnf,
                "The team did not finish, cause not recorded (a dropped baton is --drop)");
  add->add_option("--date", a->date, "YYYY-MM-DD (default today)");
  add->add_option("--meet", a->meet, "Meet name");
  add->callback([a, &ctx] {
    const ResultEntry entry = a->entry();
    const RelayResult r = naming_options([&] { return add_result(ctx.workspace(), entry); });
    if (ctx.json) {
      ctx.print_json({{"added", result_json(r)}});
    } else {
      ctx.print(fmt::format("Added result {}: {} {} {}\n", r.id, r.event, r.date, time_cell(r)));
    }
  });

  auto file = std::make_shared<std::string>();
  CLI::App* import_cmd = results_cmd->add_subcommand("import", "Import results from a CSV file");
  import_cmd->add_option("file", *file, "results.csv")->required();
  import_cmd->callback([file, &ctx] {
    const std::string text = read_text_file(*file);
    const auto ids = import_results(ctx.workspace(), text, *file, today_date());
    if (ctx.json) {
      ctx.print_json({{"file", *file}, {"added", ids.size()}, {"ids", ids}});
    } else {
      ctx.print(fmt::format("Imported {} from {}\n",
                            counted(static_cast<long long>(ids.size()), "result"), *file));
    }
  });

  CLI::App* list = results_cmd->add_subcommand("list", "List results, oldest first");
  list->callback([&ctx] {
    const auto all = list_results(ctx.workspace());
    if (ctx.json) {
      nlohmann::json j = nlohmann::json::array();
      for (const RelayResult& r : all) j.push_back(result_json(r));
      ctx.print_json({{"results", j}});
    } else if (all.empty()) {
      ctx.print("No results: baton results add --event 4x100 --order \"A,B,C,D\" --time T\n");
    } else {
      ctx.print(results_table(all));
    }
  });

  auto only = std::make_shared<std::string>();
  CLI::App* models =
      results_cmd->add_subcommand("models", "What race splits say about each athlete's open times");
  models->add_option("--athlete", *only, "Only this athlete");
  models->callback([only, &ctx] {
    const RaceModels m = naming_options([&] { return race_models(ctx.workspace(), *only); });
    if (ctx.json) {
      ctx.print_json(models_json(m));
    } else {
      ctx.print(models_text(m));
    }
  });

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
    std::optional<double> distance;
    if (!pa->distance.empty()) distance = parse_number(pa->distance, "--distance");
    const RaceProgress p = naming_options([&] {
      RaceProgress found = race_progress(ctx.workspace(), pa->athlete, distance);
      if (!pa->svg.empty()) {
        std::ofstream out(pa->svg);
        out << progress_svg(race_progress_chart(found));
        if (!out) throw ValidationError("cannot write " + pa->svg, {"--svg", 0, ""});
      }
      return found;
    });
    if (ctx.json) {
      ctx.print_json(race_progress_json(p, pa->svg));
      return;
    }
    ctx.print(race_progress_text(p));
    if (!p.points.empty() && !pa->svg.empty()) ctx.print("Chart written to " + pa->svg + "\n");
  });

  auto id = std::make_shared<std::string>();
  CLI::App* remove = results_cmd->add_subcommand("remove", "Delete a result by id");
  remove->add_option("id", *id, "Result id (see results list)")->required();
  remove->callback([id, &ctx] {
    const long long v = result_id(*id);
    remove_result(ctx.workspace(), v);
    if (ctx.json) {
      ctx.print_json({{"removed", v}});
    } else {
      ctx.print(fmt::format("Removed result {}\n", v));
    }
  });
}

}  // namespace baton::cli
