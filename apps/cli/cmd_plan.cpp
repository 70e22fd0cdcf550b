// baton plan --event EVENT [--rules R] [--hands "R,L,R,L"] [--technique T]: the hand and
// technique plan of every exchange of an event, and a check of a coach's own hand plan.
// With --team FILE --order "A,B,C,D" [--svg-dir DIR]: the whole relay plan (splits, hands,
// go-marks, risks) and a diagram of every zone.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "baton/chance.h"
#include "baton/event.h"
#include "baton/hand_plan.h"
#include "baton/leg_prediction.h"
#include "baton/pacing.h"
#include "baton/pacing_json.h"
#include "baton/plan_json.h"
#include "baton/relay_plan.h"
#include "baton/report.h"
#include "baton/text_table.h"
#include "baton/units.h"
#include "baton/zone_svg.h"
#include "cli/context.h"
#include "cli/interval_text.h"

namespace baton::cli {
namespace {

struct PlanOptions {
  std::string event;
  std::string rules;
  std::string hands;
  std::string technique;
  std::string team;
  std::string order;
  std::string svg_dir;
  bool best = false;  // plan the fastest lineup instead of a given order
  std::string sex;    // with best: the squad (F or M)
};

std::string exchange_row_mark(const ExchangePlan& p) {
  return fmt::format("{:.2f} m = {:.1f} foot lengths", p.go_mark_m, p.go_mark_foot_lengths);
}

void write_svgs(const RelayPlan& plan, const std::string& dir) {
  std::filesystem::create_directories(dir);
  for (const RelayPlanExchange& x : plan.exchanges) {
    const std::string path = fmt::format("{}/exchange-{}.svg", dir, x.plan.exchange);
    std::ofstream out(path);
    out << render_zone_svg(
        x.plan, fmt::format("{} exchange {}: {} to {}", plan.event, x.plan.exchange, x.from, x.to));
    if (!out) throw ValidationError("cannot write " + path, {"--svg-dir", 0, ""});
  }
}

void run_relay(const PlanOptions& opt, const Context& ctx) {
  RelayPlanOptions options;
  if (!opt.technique.empty()) {
    options.predict.exchange.blind_technique =
        parse_technique(opt.technique, {"--technique", 0, ""});
  }
  const Workspace ws = ctx.workspace(opt.team);
  // --best: the fastest order of the squad --sex; else --order.
  const RelayOrder relay =
      requested_order(ws, order_request(opt.event, opt.rules, opt.order, opt.sex));
  const Team& team = ws.team();
  const Event& event = relay.event;
  const std::vector<std::string>& order = relay.names;
  const RelayPlan plan =
      build_relay_plan(team, event, order, calibrated_plan_options(relay, options));
  const PacingPlan pacing =
      plan_pacing(team, event, order, {}, order_predict_options(relay, options.predict));
  if (!opt.svg_dir.empty()) write_svgs(plan, opt.svg_dir);
  if (ctx.json) {
    nlohmann::json j = relay_plan_to_json(plan);
    add_pacing_to_legs(j, pacing);
    ctx.print_json(j);
    return;
  }
  ctx.print(fmt::format(
      "{}: {} predicted ({})\n", event.name, format_duration(plan.team_time_s),
      interval_text(plan.level, plan.level_inferred, plan.team_time_p10_s, plan.team_time_p90_s)));
  TextTable legs({">leg", "athlete", ">distance", ">split", ">starts", "carries in"});
  for (const RelayPlanLeg& l : plan.legs) {
    const LegPacing& p = pacing.legs[static_cast<size_t>(l.leg - 1)];
    legs.add_row({std::to_string(l.leg), l.athlete, fmt::format("{:g} m", l.distance_m),
                  format_duration(l.split_s),
                  l.leg == 1 ? "gun" : format_duration(p.start_after_gun_s),
                  std::string(to_string(l.hands.carry_hand)) +
                      (l.hands.switch_hands ? " (receives left, switches)" : "")});
  }
  ctx.print(legs.render());
  TextTable xs({">#", "from -> to", "kind", "hands", ">mark", ">pass at", ">risk", ">0.5 m long"});
  for (const RelayPlanExchange& x : plan.exchanges) {
    const ExchangePlan& p = x.plan;
    xs.add_row({std::to_string(p.exchange), x.from + " -> " + x.to,
                p.hands.visual ? "visual" : std::string(to_string(p.hands.technique)),
                fmt::format("{} to {}", hand_letter(p.hands.carry_hand_in),
                            hand_letter(p.hands.receive_hand)),
                exchange_row_mark(p), fmt::format("{:.1f} m", p.baton_position_m),
                p.hands.visual ? "-" : chance_text(p.p_illegal),
                p.hands.visual ? "-" : fmt::format("{:+.2f} s", p.cost_long_s)});
  }
  ctx.print(xs.render());
  ctx.print("mark: metres / foot lengths back from the outgoing runner's start\n");
  for (size_t k = 0; k < plan.exchanges.size(); ++k) {
    const RelayPlanExchange& x = plan.exchanges[k];
    ctx.print(fmt::format("{} -> {}: {}\n", x.from, x.to, x.plan.cue));
    if (k < plan.calibrated.size() && plan.calibrated[k].calibrated) {
      ctx.print(
          fmt::format("  calibrated from the pair's drills (baton {:+.2f} s against the "
                      "models)\n",
                      plan.calibrated[k].time_change_s));
    }
    if (!x.plan.rationale.empty()) ctx.print("  why: " + x.plan.rationale + "\n");
  }
  double practice_s = 0.0;
  int drilled = 0;
  for (double p : plan.practice_s) {
    practice_s += p;
    drilled += p != 0.0 ? 1 : 0;
  }
  if (drilled > 0) {
    ctx.print(
        fmt::format("the team time includes {:+.3f} s for this order's practice record ({} "
                    "pair{} with drills or logged races)\n",
                    practice_s, drilled, drilled == 1 ? "" : "s"));
  }
  for (const std::string& w : plan.warnings) ctx.print("warning: " + w + "\n");
  if (!opt.svg_dir.empty()) ctx.print("zone diagrams written to " + opt.svg_dir + "\n");
}

void run(const PlanOptions& opt, const Context& ctx) {
  if (opt.best && !opt.order.empty()) {
    throw ValidationError("give either --order or --best, not both", {"--best", 0, ""});
  }
  if (!opt.best && !opt.sex.empty()) {
    throw ValidationError("--sex chooses the squad for --best", {"--sex", 0, ""});
  }
  if (!opt.order.empty() || opt.best) {
    run_relay(opt, ctx);
    return;
  }
  if (!opt.team.empty() || !opt.svg_dir.empty()) {
    throw ValidationError("--team and --svg-dir need a running order", {"--order", 0, ""});
  }
  const RuleSet rules = parse_rules(opt.rules.empty() ? "wa" : opt.rules, {"--rules", 0, ""});
  const Event event = find_event(opt.event, rules, {"--event", 0, ""});
  ExchangeSettings options;
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
  cmd->add_option("--rules", opt->rules, "Rule set: wa, ncaa or nfhs (default: the team's, or wa)");
  cmd->add_option("--team", opt->team, "Team file (TOML/CSV); default: the database roster");
  cmd->add_option("--order", opt->order, "Running order: \"Name A,Name B,Name C,Name D\"");
  cmd->add_flag("--best", opt->best,
                "Plan the fastest lineup (see baton lineup) instead of --order");
  cmd->add_option("--sex", opt->sex, "With --best: the squad, F or M");
  cmd->add_option("--svg-dir", opt->svg_dir, "Write a diagram of every zone to this directory");
  cmd->add_option("--hands", opt->hands,
                  "Check your own plan: carrying hand per leg, e.g. \"R,L,R,L\" or \"R,L>R,...\"");
  cmd->add_option("--technique", opt->technique,
                  "Blind-exchange technique: upsweep, downsweep (default) or push");
  cmd->callback([opt, &ctx] { run(*opt, ctx); });
}

}  // namespace baton::cli
