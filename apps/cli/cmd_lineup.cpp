// baton lineup: the best running order for one relay (--event) or the best lineups for a
// meet's relays at once (--events).
#include <fmt/format.h>

#include <charconv>
#include <memory>

#include "baton/level_profile.h"
#include "baton/lineup_json.h"
#include "baton/meet_lineup_query.h"
#include "baton/text_table.h"
#include "baton/units.h"
#include "cli/lineup_command.h"

namespace baton::cli {

LineupQuery lineup_query(const LineupOptions& opt) {
  LineupQuery q;
  q.event = opt.event;
  if (!opt.sex.empty()) q.sex = parse_sex(opt.sex, {"--sex", 0, ""});
  q.top = opt.top;
  q.model = parse_cost_model(opt.model, {"--model", 0, ""});
  q.practice = !opt.no_practice;
  for (const std::string& list : opt.excludes) {
    for (std::string& name : split_names(list, {"--exclude", 0, ""})) {
      q.exclude.push_back(std::move(name));
    }
  }
  for (const std::string& lock : opt.locks) {  // LEG=NAME
    const size_t eq = lock.find('=');
    int leg = 0;
    if (eq == std::string::npos || eq == 0 ||
        std::from_chars(lock.data(), lock.data() + eq, leg).ptr != lock.data() + eq) {
      throw ParseError("expected LEG=NAME, e.g. \"2=Ann Lee\"", {"--lock", 0, lock});
    }
    q.locks[leg] = lock.substr(eq + 1);
  }
  return q;
}

std::string model_label(CostModel model) {
  return model == CostModel::open ? "sum of open bests" : "predicted legs and exchanges";
}

const char* const kSplitNote =
    "split: baton to baton (leg 1 from the gun, then pass to pass, the anchor to the finish); "
    "the splits add up to the team time\n";

std::string team_label(const Team& team) { return team.name.empty() ? "the roster" : team.name; }

namespace {

void run_single(const LineupOptions& opt, const Context& ctx) {
  const Workspace ws = ctx.workspace(opt.team_file);
  const LineupAnswer a = find_lineups(ws, lineup_query(opt));
  const Team& team = ws.team();
  if (ctx.json) {
    nlohmann::json doc =
        lineup_to_json(team, a.event, a.costs, a.result,
                       {a.estimated, &a.without_practice, a.practice_pair_terms, a.splits_s});
    doc["model"] = to_string(a.model);
    ctx.print_json(doc);
    return;
  }
  ctx.print(fmt::format("{} for {} (cost model: {})\n", a.event.name, team_label(team),
                        model_label(a.model)));
  TextTable table({">leg", ">distance", "athlete", ">split", ""});
  bool any_estimated = false;
  for (size_t l = 0; l < a.order.size(); ++l) {
    any_estimated = any_estimated || a.estimated[l];
    table.add_row({std::to_string(l + 1), fmt::format("{:g} m", a.event.legs[l].distance_m),
                   a.order[l], format_duration(a.splits_s[l]), a.estimated[l] ? "*" : ""});
  }
  ctx.print(table.render());
  if (any_estimated) {
    ctx.print(
        "* from a mark estimated at another distance (baton predict shows which); a real mark "
        "at the leg's distance makes it firmer\n");
  }
  ctx.print(fmt::format("predicted team time: {}\n", format_duration(a.result.best.team_time_s)));
  if (a.model == CostModel::physics) {
    const Level level = team_level(team);
    const TimeInterval spread = team_time_interval(a.result.best.team_time_s, level);
    ctx.print(interval_text(level, !team.level, spread.p10_s, spread.p90_s) + "\n");
  }
  ctx.print(kSplitNote);
  if (a.practice_pair_terms > 0) {
    ctx.print(fmt::format(
        "includes {:+.3f} s for this order's practice record ({} drilled pair terms priced; "
        "--no-practice to ignore)\n",
        a.practice_s(), a.practice_pair_terms));
  }
  if (!a.result.alternatives.empty()) {
    TextTable alts({">#", "order", ">team time", ">gap"});
    for (size_t i = 0; i < a.result.alternatives.size(); ++i) {
      const Lineup& alt = a.result.alternatives[i];
      alts.add_row({std::to_string(i + 2),
                    fmt::format("{}", fmt::join(athlete_names(team, alt.order), ", ")),
                    format_duration(alt.team_time_s), fmt::format("+{:.2f} s", alt.gap_s)});
    }
    ctx.print("\nalternatives\n" + alts.render());
  }
}

}  // namespace

void add_lineup_command(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<LineupOptions>();
  CLI::App* cmd = app.add_subcommand(
      "lineup", "Best running order for a relay, or best lineups for a meet's relays");
  cmd->add_option("--team", opt->team_file, "Team file (default: the database roster)");
  cmd->add_option("--event", opt->event, "One relay event, e.g. 4x100 or smr");
  cmd->add_option("--events", opt->events,
                  "Several relays at once, e.g. 4x100/F,4x100/M,4x400 (/F, /M: girls, boys)");
  cmd->add_option("--top", opt->top, "Also list the K next-best orders (one relay)");
  cmd->add_option("--lock", opt->locks,
                  "Fix a leg: LEG=NAME, e.g. \"2=Ann Lee\"; with --events RELAY:LEG=NAME, e.g. "
                  "\"4x100/F:2=Ann Lee\" (repeatable)");
  cmd->add_option("--exclude", opt->excludes,
                  "Leave out athletes: NAME[,NAME...]; with --events RELAY:NAME[,NAME...] leaves "
                  "them out of that relay only (repeatable)");
  cmd->add_option("--conflict", opt->conflicts,
                  "--events: two relays too close in the schedule to share an athlete, e.g. "
                  "4x100/F,4x400/F (repeatable)");
  cmd->add_option("--weights", opt->weights,
                  "--events: how much a second counts in each relay, e.g. 4x100/F=2,4x800/M=0.5 "
                  "(others count 1; the objective is the weighted sum of team times)");
  cmd->add_option("--sex", opt->sex, "Girls' (F) or boys' (M) relay");
  cmd->add_option("--model", opt->model,
                  "Relay cost model: physics (predicted legs and exchanges, default) or open (sum "
                  "of open bests)");
  cmd->add_option("--teams-per-relay", opt->teams_per_relay, "Teams per relay: 1 to 3 (A, B, C)");
  cmd->add_option("--max-relays-per-athlete", opt->max_relays, "Relay limit per athlete (0: none)");
  cmd->add_option("--max-events", opt->max_events, "Event limit per athlete (0: none)");
  cmd->add_option("--time-limit", opt->time_limit_s,
                  "Solver time limit for --events, seconds (with --objective points it starts "
                  "after the fields are simulated)")
      ->check(CLI::Range(0.001, 86400.0));
  cmd->add_flag("--allow-estimates", opt->allow_estimates,
                "--events: let runners take legs predicted from marks at other distances");
  cmd->add_flag("--no-practice", opt->no_practice,
                "Ignore the practice log's pair records (database roster only)");
  cmd->add_option("--objective", opt->objective,
                  "time (fastest predicted, default), win (chance to win) or points (expected "
                  "points) against --meet's field; with --events: points over all relays");
  cmd->add_option("--meet", opt->meet,
                  "Meet file whose field --objective plays against (with --events: one [[relay]] "
                  "per relay)");
  cmd->add_option("--candidates", opt->candidates,
                  "--objective: how many of the fastest orders to compare (default 10)");
  cmd->add_option("--runs", opt->sim.runs,
                  fmt::format("--objective: races per order, or with --events per sampled team "
                              "time (default {})",
                              kPointsCurveRuns));
  cmd->add_option("--seed", opt->sim.seed, "--objective: random seed (the same for every order)");
  cmd->add_option("--threads", opt->sim.threads, "--objective: worker threads (default: all)");
  opt->sim.runs = kPointsCurveRuns;  // --objective win races as many per order
  cmd->callback([opt, &ctx] {
    if (opt->objective == "points" && !opt->events.empty()) {
      if (!opt->event.empty()) {
        throw ValidationError("give exactly one of --event (one relay) or --events (a meet)",
                              {"--event", 0, ""});
      }
      run_meet(*opt, ctx);
      return;
    }
    if (opt->objective != "time") {
      run_lineup_odds(*opt, ctx);
      return;
    }
    if (!opt->meet.empty()) {
      throw ValidationError("--meet is for --objective win or points", {"--meet", 0, ""});
    }
    if (opt->event.empty() == opt->events.empty()) {
      throw ValidationError("give exactly one of --event (one relay) or --events (a meet)",
                            {"--event", 0, ""});
    }
    if (!opt->event.empty()) {
      if (!opt->conflicts.empty()) {
        throw ValidationError("--conflict is for a meet's relays (--events)",
                              {"--conflict", 0, ""});
      }
      if (!opt->weights.empty()) {
        throw ValidationError("--weights is for a meet's relays (--events)", {"--weights", 0, ""});
      }
      run_single(*opt, ctx);
    } else {
      run_meet(*opt, ctx);
    }
  });
}

}  // namespace baton::cli
