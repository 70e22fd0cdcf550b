// baton report: lineup, splits, velocity curves, pacing, timeline, exchanges and (with --meet)
// race odds, as one self-contained HTML file.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "baton/meet.h"
#include "baton/race_query.h"
#include "baton/report.h"
#include "baton/units.h"
#include "cli/context.h"

namespace baton::cli {
namespace {

struct ReportArgs {
  std::string team;
  std::string event;
  std::string order;
  std::string rules;
  std::string sex;
  std::string meet;
  std::string html;
  std::int64_t runs = 20000;
  std::uint64_t seed = 1;
};

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return !a.empty() && !b.empty() && std::filesystem::equivalent(a, b, ec);
}

void run(const ReportArgs& args, const Context& ctx) {
  const Workspace ws = ctx.workspace(args.team);
  const RelayOrder relay =
      requested_order(ws, order_request(args.event, args.rules, args.order, args.sex));
  const Event& event = relay.event;
  const std::vector<std::string>& order = relay.names;
  RelayReport report =
      build_report(ws.team(), event, order,
                   relay.chosen ? "Running order chosen by the coach"
                                : "Best predicted lineup (fastest order of the roster)",
                   {}, {}, calibrated_plan_options(relay));
  if (!args.meet.empty()) {
    Meet meet = load_meet(args.meet);
    // The report's team races in the report's order (its predicted legs and planned
    // hand-offs) unless the meet file fixes an order of its own.
    std::string how;
    for (MeetEntry& entry : meet.teams) {
      if (entry.own() && entry.order.empty() &&
          (same_file(entry.file, args.team) || (entry.roster && ws.has_logs()))) {
        entry.order = order;
        how = "; our team in the order above";
      }
    }
    SimulationOptions sim;
    sim.runs = args.runs;
    sim.seed = args.seed;
    // roster = true entries run the database roster when the report is about it.
    report.simulation = simulate_meet(meet, ws.has_logs() ? &ws : nullptr, sim);
    report.simulation_title =
        fmt::format("{} ({}{})", meet.event.name,
                    counted(static_cast<long long>(meet.teams.size()), "team"), how);
  }
  std::ofstream out(args.html);
  out << render_report_html(report);
  out.close();
  if (!out) throw Error("could not write " + args.html, Location{args.html, 0, "--html"});
  if (ctx.json) {
    ctx.print_json({{"event", event.id},
                    {"html", args.html},
                    {"order", order},
                    {"team_time_s", report.pacing.team_time_s},
                    {"simulated_runs", report.simulation ? report.simulation->runs : 0}});
    return;
  }
  ctx.print(fmt::format("{}: {} ({} s), report written to {}\n", event.name, fmt::join(order, ", "),
                        format_time(report.pacing.team_time_s), args.html));
}

}  // namespace

void add_report_command(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "report", "One self-contained HTML report: lineup, splits, pacing, timeline, odds");
  cmd->add_option("--team", args->team, "Team file (default: the database roster)");
  cmd->add_option("--event", args->event, "Event id: 4x100, 4x400, smr, dmr, ...")->required();
  cmd->add_option("--order", args->order, "Runners in leg order (default: the best lineup)");
  cmd->add_option("--sex", args->sex, "Without --order: F or M for a girls' or boys' relay");
  cmd->add_option("--rules", args->rules, "Rule set: wa, ncaa or nfhs (default: the team's)");
  cmd->add_option("--meet", args->meet, "Meet file: add the simulated finish-time distribution");
  cmd->add_option("--runs", args->runs, "Races to simulate with --meet (default 20000)");
  cmd->add_option("--seed", args->seed, "Random seed of the simulation (default 1)");
  cmd->add_option("--html", args->html, "HTML file to write")->required();
  cmd->callback([args, &ctx] { run(*args, ctx); });
}

}  // namespace baton::cli
