// baton timeline: when each runner starts the final warm-up and reports, relative to the gun.
#include <fmt/format.h>

#include "baton/pacing.h"
#include "baton/pacing_json.h"
#include "baton/text_table.h"
#include "baton/timeline.h"
#include "baton/units.h"
#include "cli/context.h"

namespace baton::cli {
namespace {

struct TimelineArgs {
  std::string team;
  std::string event;
  std::string order;
  std::string rules;
  TimelineOptions options;
};

void run(const TimelineArgs& args, const Context& ctx) {
  const Workspace ws = ctx.workspace(args.team);
  const RelayOrder order = requested_order(ws, order_request(args.event, args.rules, args.order));
  const Team& team = ws.team();
  const Event& event = order.event;
  const PacingPlan plan = plan_pacing(team, event, order.names, {}, order_predict_options(order));
  const RaceTimeline t = plan_timeline(plan, event, args.options);
  if (ctx.json) {
    ctx.print_json(to_json(t));
    return;
  }
  ctx.print(fmt::format("{} race-day timeline{} (times relative to the gun)\n", event.name,
                        team.name.empty() ? "" : " for " + team.name));
  TextTable table({">leg", "athlete", "final warm-up", "report to", "by", "leg starts"});
  for (const RunnerTimeline& r : t.runners) {
    table.add_row({std::to_string(r.leg), r.athlete, format_gun_offset(r.final_warmup_s), r.where,
                   format_gun_offset(r.report_s),
                   r.leg == 1
                       ? "gun"
                       : fmt::format("{} +/- {:.1f} s", format_gun_offset(r.start_after_gun_s),
                                     r.start_after_gun_sd_s)});
  }
  ctx.print(table.render());
  ctx.print("Between reporting and your leg: stay loose (jog in place, leg swings), keep warm.\n");
  if (!t.waiting_order.empty()) ctx.print("\n" + t.waiting_order + "\n");
}

}  // namespace

void add_timeline_command(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<TimelineArgs>();
  CLI::App* cmd = app.add_subcommand(
      "timeline", "Race-day timeline: final warm-up and report times for every runner");
  cmd->add_option("--team", args->team, "Team file (default: the database roster)");
  cmd->add_option("--event", args->event, "Event id: 4x100, 4x400, smr, dmr, ...")->required();
  cmd->add_option("--order", args->order, "Runners in leg order, \"A,B,C,D\"")->required();
  cmd->add_option("--rules", args->rules, "Rule set: wa, ncaa or nfhs (default: the team's)");
  cmd->add_option("--zone-lead", args->options.zone_lead_s,
                  "Be in the zone this long before the earliest expected start, s (default 180)");
  cmd->add_option("--warmup", args->options.final_warmup_s,
                  "Final warm-up starts this long before reporting, s (default 600)");
  cmd->callback([args, &ctx] { run(*args, ctx); });
}

}  // namespace baton::cli
