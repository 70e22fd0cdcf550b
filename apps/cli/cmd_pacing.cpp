// baton pacing: how each runner paces their leg and when each leg starts after the gun.
#include <fmt/format.h>

#include "baton/pacing.h"
#include "baton/pacing_json.h"
#include "baton/report.h"
#include "baton/text_table.h"
#include "baton/timeline.h"
#include "baton/units.h"
#include "cli/context.h"

namespace baton::cli {
namespace {

struct PacingArgs {
  std::string team;
  std::string event;
  std::string order;
  std::string rules;
  std::string sex;
  PacingOptions options;
};

std::string targets(const LegPacing& leg, bool anchor) {
  std::string out;
  for (const PacePoint& p : leg.runner_targets) {
    // Seconds carry their unit; minutes:seconds read as a time on their own.
    out += fmt::format("{}{:g} m {}", out.empty() ? "" : ", ", p.at_m, format_duration(p.time_s));
  }
  return out + (anchor ? " (finish)" : " (hand-off)");
}

void run(const PacingArgs& args, const Context& ctx) {
  const Workspace ws = ctx.workspace(args.team);
  const RelayOrder order =
      requested_order(ws, order_request(args.event, args.rules, args.order, args.sex));
  const Team& team = ws.team();
  const Event& event = order.event;
  const PacingPlan plan =
      plan_pacing(team, event, order.names, args.options, order_predict_options(order));
  if (ctx.json) {
    ctx.print_json(to_json(plan));
    return;
  }
  ctx.print(fmt::format(
      "{} pacing{}{}: team time {}\n", event.name, args.order.empty() ? " (best lineup)" : "",
      team.name.empty() ? "" : " for " + team.name, format_duration(plan.team_time_s)));
  TextTable t({">leg", "athlete", ">distance", ">split", "takes the baton", "plan"});
  bool any_estimated = false;
  for (const LegPacing& l : plan.legs) {
    any_estimated = any_estimated || l.estimated;
    t.add_row({std::to_string(l.leg), l.athlete, fmt::format("{:g} m", l.distance_m),
               format_duration(l.split_s) + (l.estimated ? " *" : ""),
               l.leg == 1 ? "gun"
                          : fmt::format("{} (sd {:.2f} s)", format_gun_offset(l.start_after_gun_s),
                                        l.start_after_gun_sd_s),
               std::string(to_string(l.style))});
  }
  ctx.print(t.render());
  if (any_estimated) {
    ctx.print(
        "* from a mark estimated at another distance (baton predict shows which); a real mark "
        "at the leg's distance makes it firmer\n");
  }
  ctx.print(
      "\ntargets: metres past the leg's start line, time since taking the baton (leg 1: the "
      "gun);\nthe last is where the baton changes hands, at the split\n");
  for (size_t i = 0; i < plan.legs.size(); ++i) {
    const LegPacing& l = plan.legs[i];
    ctx.print(
        fmt::format("  leg {} {}: {}\n", l.leg, l.athlete, targets(l, i + 1 == plan.legs.size())));
  }
}

}  // namespace

void add_pacing_command(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<PacingArgs>();
  CLI::App* cmd = app.add_subcommand(
      "pacing", "Pacing targets per leg and when each leg is expected to start after the gun");
  cmd->add_option("--team", args->team, "Team file (default: the database roster)");
  cmd->add_option("--event", args->event, "Event id: 4x100, 4x400, smr, dmr, ...")->required();
  cmd->add_option("--order", args->order, "Runners in leg order, \"A,B,C,D\" (default: the best)");
  cmd->add_option("--sex", args->sex, "Without --order: F or M for a girls' or boys' relay");
  cmd->add_option("--rules", args->rules, "Rule set: wa, ncaa or nfhs (default: the team's)");
  cmd->add_option("--differential", args->options.differential_400_s,
                  "400 m legs: first 200 m faster than the second by this, seconds (default 1.5)");
  cmd->callback([args, &ctx] { run(*args, ctx); });
}

}  // namespace baton::cli
