// baton cards: one printable relay card per runner, as a self-contained HTML page.
#include <fmt/format.h>

#include <fstream>

#include "baton/cards.h"
#include "baton/relay_order.h"
#include "cli/context.h"

namespace baton::cli {
namespace {

struct CardsArgs {
  std::string team;
  std::string event;
  std::string order;
  std::string rules;
  std::string html;
};

void run(const CardsArgs& args, const Context& ctx) {
  const Workspace ws = ctx.workspace(args.team);
  const RelayOrder order = requested_order(ws, order_request(args.event, args.rules, args.order));
  const RelayCards relay = relay_cards(ws, order);
  const std::vector<RelayCard>& cards = relay.cards;
  const Event& event = order.event;
  std::ofstream out(args.html);
  out << render_cards_html(cards);
  out.close();
  if (!out) throw Error("could not write " + args.html, Location{args.html, 0, "--html"});
  if (ctx.json) {
    nlohmann::json runners = nlohmann::json::array();
    for (const RelayCard& c : cards)
      runners.push_back({{"leg", c.leg}, {"athlete", c.athlete}, {"split_s", c.split_s}});
    ctx.print_json({{"event", event.id},
                    {"html", args.html},
                    {"team_time_s", relay.team_time_s},
                    {"cards", runners}});
    return;
  }
  ctx.print(
      fmt::format("{} relay cards for {} written to {}\n", cards.size(), event.name, args.html));
}

}  // namespace

void add_cards_command(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<CardsArgs>();
  CLI::App* cmd = app.add_subcommand("cards", "Printable relay cards, one per runner (HTML)");
  cmd->add_option("--team", args->team, "Team file (default: the database roster)");
  cmd->add_option("--event", args->event, "Event id: 4x100, 4x400, smr, dmr, ...")->required();
  cmd->add_option("--order", args->order, "Runners in leg order, \"A,B,C,D\"")->required();
  cmd->add_option("--rules", args->rules, "Rule set: wa, ncaa or nfhs (default: the team's)");
  cmd->add_option("--html", args->html, "HTML file to write")->required();
  cmd->callback([args, &ctx] { run(*args, ctx); });
}

}  // namespace baton::cli
