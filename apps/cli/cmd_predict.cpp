// baton predict: the predicted time of a running order, leg by leg.
#include <fmt/format.h>

#include "baton/leg_prediction.h"
#include "baton/prediction_json.h"
#include "baton/relay_splits.h"
#include "baton/text_table.h"
#include "baton/units.h"
#include "cli/context.h"
#include "cli/interval_text.h"

namespace baton::cli {
namespace {

struct PredictArgs {
  std::string team;
  std::string event;
  std::string order;
  std::string rules;
};

void run(const PredictArgs& args, const Context& ctx) {
  const Workspace ws = ctx.workspace(args.team);
  const RelayOrder order = requested_order(ws, order_request(args.event, args.rules, args.order));
  const Team& team = ws.team();
  const RelayPrediction p =
      predict_splits(team, order.event, order.names, order_predict_options(order));
  if (ctx.json) {
    ctx.print_json(prediction_to_json(p));
    return;
  }
  ctx.print(fmt::format("{} under {} rules{}\n", order.event.name, to_string(order.event.rules),
                        team.name.empty() ? "" : " for " + team.name));
  TextTable t({">leg", "athlete", ">distance", ">split", "note"});
  bool any_estimated = false;
  for (const RelayLegResult& l : p.legs) {
    any_estimated = any_estimated || l.estimated;
    t.add_row({std::to_string(l.leg), l.athlete + (l.estimated ? " *" : ""),
               fmt::format("{:g} m", l.distance_m), format_duration(l.split_s), l.note});
  }
  ctx.print(t.render());
  ctx.print(fmt::format("team time {}\n", format_duration(p.team_time_s)));
  ctx.print(interval_text(p.level, p.level_inferred, p.team_time_p10_s, p.team_time_p90_s) + "\n");
  if (any_estimated) ctx.print("* uses a mark estimated from another distance (see the note)\n");
}

}  // namespace

void add_predict_command(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<PredictArgs>();
  CLI::App* cmd = app.add_subcommand("predict", "Predict a relay running order leg by leg");
  cmd->add_option("--team", args->team, "Team file (default: the database roster)");
  cmd->add_option("--event", args->event, "Event id: 4x100, 4x400, smr, dmr, ...")->required();
  cmd->add_option("--order", args->order, "Runners in leg order, \"A,B,C,D\"")->required();
  cmd->add_option("--rules", args->rules, "Rule set: wa, ncaa or nfhs (default: the team's)");
  cmd->callback([args, &ctx] { run(*args, ctx); });
}

}  // namespace baton::cli
