// baton handoff: one blind exchange, from a go-mark (--go-mark), for a target baton position
// (--target), or the best mark under reaction and mark-placement spread (--best). With
// --team FILE --event EVENT --from A --to B [--exchange K]: the pair's best mark from the
// athlete models.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "baton/chance.h"
#include "baton/error.h"
#include "baton/go_mark.h"
#include "baton/hand_plan.h"
#include "baton/handoff_pair.h"
#include "baton/plan_json.h"
#include "baton/relay_plan.h"
#include "baton/team.h"
#include "cli/context.h"
#include "cli/handoff_text.h"
#include "cli/option_errors.h"

namespace baton::cli {
namespace {

struct HandoffOptions {
  HandoffParams params;
  std::optional<double> incoming_speed;
  std::optional<double> mss;
  std::optional<double> tau;
  std::optional<double> free_distance;
  std::optional<double> target;
  std::optional<double> go_mark;
  std::string technique;
  bool best = false;
  double foot_length_m = kDefaultFootLengthM;
  GoMarkOptions spread;
  std::string team;
  std::string event;
  std::string from;
  std::string to;
  int exchange = 1;
  // Options that only one of the two modes reads, by the name the user typed, with whether
  // they were given: the other mode refuses them rather than ignore them.
  std::vector<std::pair<std::string, const CLI::Option*>> numeric_only, pair_only;
};

// The first option of `options` that was given, or nullopt.
std::optional<std::string> given(
    const std::vector<std::pair<std::string, const CLI::Option*>>& options) {
  for (const auto& [name, option] : options) {
    if (option->count() > 0) return name;
  }
  return std::nullopt;
}

// Hand-off errors start with the field they refuse ("zone_length_m must be ..."): say the
// option the user typed instead (cli_option_for_field()).
template <typename F>
auto naming_handoff_fields(F&& f) {
  try {
    return f();
  } catch (const ValidationError& e) {
    const std::string& field = e.where().field;
    const std::string option = cli_option_for_field(field);
    if (field.empty() || option == field) throw;
    std::string message = e.message();
    if (message.starts_with(field + " ")) {
      message.replace(0, field.size(), option);
    } else {
      message = option + ": " + message;
    }
    throw ValidationError(message);
  }
}

std::string hundredths(double s) { return fmt::format("{:.2f} s", s); }

std::string human(const HandoffParams& p, const nlohmann::json& j, double foot_m) {
  std::string out = fmt::format(
      "Blind exchange: incoming {:.2f} m/s (slowing {:g} m/s^2), outgoing MSS {:.2f} m/s, "
      "TAU {:.2f} s, reaction {:.2f} s, reach {:.2f} m, zone {:g} m, start {:g} m into it\n",
      p.incoming_speed_mps, p.incoming_decel_mps2, p.outgoing.mss_mps, p.outgoing.tau_s,
      p.reaction_s, p.free_distance_m, p.zone_length_m, p.start_m);
  const double mark = j["go_mark_m"];
  out += fmt::format(
      "  go-mark      {:.2f} m behind the outgoing runner's start = {:.1f} foot "
      "lengths of {:.2f} m\n",
      mark, mark / foot_m, foot_m);
  if (j["exchanged"] == true) {
    out += fmt::format(
        "  pass         {:.2f} s after the mark, baton {:.2f} m into the zone ({:.2f} m before "
        "its end)\n",
        j["exchange_time_s"].get<double>(), j["baton_position_m"].get<double>(),
        j["zone_end_margin_m"].get<double>());
    out +=
        fmt::format("  speeds       incoming {:.2f} m/s, outgoing {:.2f} m/s\n",
                    j["incoming_speed_mps"].get<double>(), j["outgoing_speed_mps"].get<double>());
  } else {
    out += fmt::format("  closest gap  {:.2f} m\n", j["closest_gap_m"].get<double>());
  }
  if (j.contains("baton_time_s")) {
    out += "  baton time   " + hundredths(j["baton_time_s"]) + " through the zone\n";
  }
  if (j.contains("optimal")) {
    const nlohmann::json& o = j["optimal"];
    out += fmt::format(
        "  risk         {} illegal or no pass (reaction sd {:.2f} s, mark sd {:.2f} m, a "
        "failure counted as {:g} s)\n",
        chance_text(o["p_illegal"].get<double>()), o["reaction_sd_s"].get<double>(),
        o["mark_sd_m"].get<double>(), o["failure_cost_s"].get<double>());
    out += fmt::format(
        "  expected     {} through the zone; the mark can grow {:.2f} m before the pass leaves "
        "the zone or fails\n",
        hundredths(o["expected_time_s"]), o["mark_margin_m"].get<double>());
    out += fmt::format("  mark 0.5 m   short {}, long {}\n",
                       mark_error_text(o["cost_short_0_5m_s"].get<double>()),
                       mark_error_text(o["cost_long_0_5m_s"].get<double>()));
  }
  out += j["legal"] == true ? "  legal\n" : "  NOT LEGAL: " + j["reason"].get<std::string>() + "\n";
  return out;
}

void run_pair(const HandoffOptions& opt, const Context& ctx) {
  const PairHandoff h = naming_options([&] {
    return naming_handoff_fields([&] {
      HandoffPairRequest r{.event = opt.event,
                           .exchange = opt.exchange,
                           .from = opt.from,
                           .to = opt.to,
                           .technique = std::nullopt,
                           .spread = opt.spread,
                           .go_mark_m = opt.go_mark,
                           .target_m = opt.target};
      if (!opt.technique.empty())
        r.technique = parse_technique(opt.technique, {"--technique", 0, ""});
      return handoff_pair(ctx.workspace(opt.team), r);
    });
  });
  if (ctx.json) {
    ctx.print_json(pair_handoff_json(h));
  } else {
    ctx.print(pair_handoff_text(h));
  }
}

void run(HandoffOptions opt, const Context& ctx) {
  if (!opt.from.empty() || !opt.to.empty() || !opt.team.empty()) {
    if (const auto option = given(opt.numeric_only)) {
      throw ValidationError(
          "is not used with --from/--to: the pair's exchange takes the athletes' models and the "
          "team's exchange settings; leave it out, or give the speeds with --incoming-speed, "
          "--outgoing-mss and --outgoing-tau instead of --from/--to",
          {*option, 0, ""});
    }
    run_pair(opt, ctx);
    return;
  }
  if (const auto option = given(opt.pair_only)) {
    throw ValidationError("needs --from and --to (a pair of the team)", {*option, 0, ""});
  }
  if (!opt.incoming_speed) throw ValidationError("is required", {"--incoming-speed", 0, ""});
  if (!opt.mss) throw ValidationError("is required", {"--outgoing-mss", 0, ""});
  if (!opt.tau) throw ValidationError("is required", {"--outgoing-tau", 0, ""});
  const int modes = (opt.target ? 1 : 0) + (opt.go_mark ? 1 : 0) + (opt.best ? 1 : 0);
  if (modes != 1) {
    throw ValidationError("give exactly one of --target P, --go-mark M or --best",
                          {"--target/--go-mark/--best", 0, ""});
  }
  if (!(opt.foot_length_m >= 0.1 && opt.foot_length_m <= 0.5)) {
    throw ValidationError(fmt::format("must be 0.1-0.5 m (got {:g})", opt.foot_length_m),
                          {"--foot-length", 0, ""});
  }
  HandoffParams& p = opt.params;
  p.incoming_speed_mps = *opt.incoming_speed;
  p.outgoing = {*opt.mss, *opt.tau};
  if (!opt.technique.empty()) {
    const Technique t = parse_technique(opt.technique, {"--technique", 0, ""});
    p.free_distance_m = opt.spread.exchange.reach_m(t);
  }
  if (opt.free_distance) p.free_distance_m = *opt.free_distance;
  nlohmann::json j;
  if (opt.best) {
    const GoMarkPlan plan = naming_handoff_fields([&] { return best_go_mark(p, opt.spread); });
    j = go_mark_to_json(p, plan, opt.spread, opt.foot_length_m);
  } else if (opt.target) {
    const HandoffResult r =
        naming_handoff_fields([&] { return handoff_for_target(p, *opt.target); });
    j = handoff_to_json(p, r, opt.foot_length_m);
  } else {
    p.go_mark_m = *opt.go_mark;
    const HandoffResult r = naming_handoff_fields([&] { return solve_handoff(p); });
    j = handoff_to_json(p, r, opt.foot_length_m);
  }
  if (ctx.json) {
    ctx.print_json(j);
  } else {
    ctx.print(human(p, j, opt.foot_length_m));
  }
}

}  // namespace

void add_handoff_command(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<HandoffOptions>();
  CLI::App* cmd = app.add_subcommand(
      "handoff",
      "Solve a blind exchange: the pass from a go-mark, the mark for a target, or the "
      "best mark");
  cmd->add_option("--incoming-speed", opt->incoming_speed, "Incoming runner's speed, m/s");
  cmd->add_option("--outgoing-mss", opt->mss, "Outgoing runner's maximal speed, m/s");
  cmd->add_option("--outgoing-tau", opt->tau, "Outgoing runner's acceleration constant TAU, s");
  cmd->add_option("--reaction", opt->params.reaction_s,
                  "Outgoing runner's reaction to the mark, s (default 0.15)");
  cmd->add_option("--free-distance", opt->free_distance,
                  "Gap bridged by the arms at the pass, m (default 1.5, or the technique's)");
  cmd->add_option("--technique", opt->technique,
                  "upsweep, downsweep or push: sets the free distance");
  cmd->add_option("--zone-length", opt->params.zone_length_m, "Exchange zone length, m (30)");
  cmd->add_option("--start", opt->params.start_m,
                  "Outgoing runner's start, m from the zone's start (0)");
  cmd->add_option("--incoming-decel", opt->params.incoming_decel_mps2,
                  "Incoming runner's deceleration, m/s^2 (0)");
  cmd->add_option("--target", opt->target, "Wanted baton position, m from the zone's start");
  cmd->add_option("--go-mark", opt->go_mark, "Go-mark, m behind the outgoing runner's start");
  cmd->add_flag("--best,--optimise,--optimize", opt->best,
                "Find the mark with the least expected baton time, counting failures");
  cmd->add_option("--foot-length", opt->foot_length_m,
                  "Foot length used to pace out the mark, m (0.28)");
  cmd->add_option("--reaction-sd", opt->spread.exchange.reaction_sd_s,
                  "Spread of the reaction, s (0.05; with --best)");
  cmd->add_option("--mark-sd", opt->spread.exchange.mark_sd_m,
                  "Spread of the mark placement, m (0.3; with --best)");
  cmd->add_option("--failure-cost", opt->spread.exchange.failure_cost_s,
                  "Seconds a failed pass counts as (10; with --best)");
  cmd->add_option("--team", opt->team, "Team file for a pair from the athlete models");
  cmd->add_option("--event", opt->event, "Event of the pair's exchange (with --from/--to)");
  cmd->add_option("--from", opt->from, "Incoming athlete's name");
  cmd->add_option("--to", opt->to, "Outgoing athlete's name");
  cmd->add_option("--exchange", opt->exchange, "Which exchange: 1 = leg 1 to leg 2 (default 1)");
  for (const char* name :
       {"--incoming-speed", "--outgoing-mss", "--outgoing-tau", "--reaction", "--free-distance",
        "--zone-length", "--start", "--incoming-decel", "--foot-length"}) {
    opt->numeric_only.emplace_back(name, cmd->get_option(name));
  }
  for (const char* name : {"--event", "--exchange"}) {
    opt->pair_only.emplace_back(name, cmd->get_option(name));
  }
  cmd->callback([opt, &ctx] { run(*opt, ctx); });
}

}  // namespace baton::cli
