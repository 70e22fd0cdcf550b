// baton plan --event EVENT [--rules R] [--hands "R,L,R,L"] [--technique T]: the hand and
// technique plan of every exchange of an event, and a check of a coach's own hand plan.
#include <fmt/format.h>

#include "baton/event.h"
#include "baton/hand_plan.h"
#include "baton/plan_json.h"
#include "baton/text_table.h"
#include "cli/context.h"

namespace baton::cli {
namespace {

struct PlanOptions {
  std::string event;
  std::string rules = "wa";
  std::string hands;
  std::string technique;
};

void run(const PlanOptions& opt, const Context& ctx) {
  const RuleSet rules = parse_rules(opt.rules, {"--rules", 0, ""});
  const Event event = find_event(opt.event, rules, {"--event", 0, ""});
  HandPlanOptions options;
  if (!opt.technique.empty()) {
    options.blind_technique = parse_technique(opt.technique, {"--technique", 0, ""});
  }
  const HandPlan plan =
      opt.hands.empty()
          ? plan_hands(event, options)
          : check_hands(event, parse_hand_choices(opt.hands, event, {"--hands", 0, ""}), options);
  if (ctx.json) {
    nlohmann::json j = hands_to_json(plan);
    j["event"] = event.id;
    j["rules"] = to_string(rules);
    ctx.print_json(j);
    return;
  }
  ctx.print(fmt::format("Hand plan for the {} ({} rules)\n", event.name, to_string(rules)));
  TextTable legs({">leg", ">distance", "receives in", "carries in", "lane side"});
  for (const LegHands& l : plan.legs) {
    legs.add_row({std::to_string(l.leg),
                  fmt::format("{:g} m", event.legs[static_cast<size_t>(l.leg - 1)].distance_m),
                  l.leg == 1 ? "-" : std::string(to_string(l.receive_hand)),
                  std::string(to_string(l.carry_hand)) + (l.switch_hands ? " (switch)" : ""),
                  l.lane_side});
  }
  ctx.print(legs.render());
  TextTable xs({">exchange", "kind", "technique", ">free distance", "hands"});
  for (const ExchangeHands& x : plan.exchanges) {
    xs.add_row({std::to_string(x.exchange), x.visual ? "visual" : "blind",
                std::string(to_string(x.technique)), fmt::format("{:.2f} m", x.free_distance_m),
                fmt::format("{} to {}{}", to_string(x.carry_hand_in), to_string(x.receive_hand),
                            x.same_hand ? "  COLLISION RISK" : "")});
  }
  ctx.print(xs.render());
  for (const std::string& w : plan.warnings) ctx.print("warning: " + w + "\n");
}

}  // namespace

void add_plan_command(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<PlanOptions>();
  CLI::App* cmd =
      app.add_subcommand("plan", "Plan the hands and technique of every exchange of a relay");
  cmd->add_option("--event", opt->event, "Event id: 4x100, 4x400, smr, medley, dmr, ...")
      ->required();
  cmd->add_option("--rules", opt->rules, "Rule set: wa, ncaa or nfhs (default wa)");
  cmd->add_option("--hands", opt->hands,
                  "Check your own plan: carrying hand per leg, e.g. \"R,L,R,L\" or \"R,L>R,...\"");
  cmd->add_option("--technique", opt->technique,
                  "Blind-exchange technique: upsweep, downsweep (default) or push");
  cmd->callback([opt, &ctx] { run(*opt, ctx); });
}

}  // namespace baton::cli
