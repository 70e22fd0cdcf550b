// baton simulate --meet FILE [--runs N] [--seed S] [--threads T] [--svg FILE]: race odds.
#include <fmt/format.h>

#include <fstream>
#include <optional>

#include "baton/histogram.h"
#include "baton/meet.h"
#include "baton/race_query.h"
#include "baton/simulation.h"
#include "baton/simulation_json.h"
#include "baton/text_table.h"
#include "baton/units.h"
#include "cli/context.h"

namespace baton::cli {
namespace {

struct SimulateOptions {
  std::string meet;
  std::string svg;
  bool no_practice = false;
  SimulationOptions sim;
};

std::string pct(double p) { return fmt::format("{:.1f}", 100.0 * p); }

void run(const SimulateOptions& opt, const Context& ctx) {
  const Meet meet = load_meet(opt.meet);
  // Entries with roster = true run the database roster, with its pairs' practice records.
  std::optional<Workspace> roster;
  if (uses_roster(meet)) roster = ctx.workspace();
  const SimulationResult result = simulate_meet(meet, roster ? &*roster : nullptr, opt.sim,
                                                !opt.no_practice, progress_line("simulating"));
  if (!opt.svg.empty()) {
    std::ofstream out(opt.svg);
    out << finish_time_histogram_svg(result, fmt::format("{}: finish times over {} simulated races",
                                                         meet.event.name, result.runs));
    if (!out) throw Error("could not write " + opt.svg, Location{opt.svg, 0, "--svg"});
  }
  if (ctx.json) {
    ctx.print_json(to_json(result));
    return;
  }
  TextTable table({"team", ">mean (s)", ">p10 (s)", ">p50 (s)", ">p90 (s)", ">win %", ">podium %",
                   ">DQ %", ">drop %", ">exp. points"});
  for (const TeamOdds& t : result.teams) {
    auto time = [&](double s) { return t.finishes > 0 ? format_time(s) : std::string("--"); };
    table.add_row({t.team, time(t.mean_time_s), time(t.p10_time_s), time(t.p50_time_s),
                   time(t.p90_time_s), pct(t.p_win), pct(t.p_podium), pct(t.p_dq), pct(t.p_drop),
                   fmt::format("{:.2f}", t.expected_points)});
  }
  ctx.print(fmt::format("{} under {} rules: {} simulated races (seed {})\n", meet.event.name,
                        to_string(meet.rules), result.runs, result.seed));
  ctx.print(table.render());
  ctx.print("times of finished races; DQ % = no legal finish (disqualified or did not finish)\n");
  for (const TeamOdds& t : result.teams) {
    if (!t.order.empty()) {
      ctx.print(
          fmt::format("{} ran legs 1-{}: {}\n", t.team, t.order.size(), fmt::join(t.order, ", ")));
    }
  }
  if (!opt.svg.empty()) ctx.print("histogram written to " + opt.svg + "\n");
}

}  // namespace

void add_simulate_command(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<SimulateOptions>();
  CLI::App* cmd = app.add_subcommand("simulate",
                                     "Monte Carlo races against a field: odds to win, place, "
                                     "score, drop the baton or be disqualified");
  cmd->add_option("--meet", opt->meet, "Meet file (TOML)")->required();
  cmd->add_option("--runs", opt->sim.runs, "Races to simulate (default 100000)");
  cmd->add_option("--seed", opt->sim.seed, "Random seed; the same seed gives the same numbers");
  cmd->add_option("--threads", opt->sim.threads, "Worker threads (default: all cores)");
  cmd->add_option("--svg", opt->svg, "Write a finish-time histogram to this SVG file");
  cmd->add_flag("--no-practice", opt->no_practice,
                "Ignore the practice log for roster = true teams (unknown pairs everywhere)");
  cmd->add_flag("--exact-exchanges", opt->sim.exact_exchanges,
                "Solve every exchange exactly instead of from tables (slow; for comparison)");
  cmd->callback([opt, &ctx] { run(*opt, ctx); });
}

}  // namespace baton::cli
