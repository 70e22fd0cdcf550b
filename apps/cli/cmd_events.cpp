// baton events [--rules R] [--roster]: the relay events under a rule set.
#include <fmt/format.h>

#include "baton/event.h"
#include "baton/json.h"
#include "baton/text_table.h"
#include "baton/units.h"
#include "cli/context.h"

namespace baton::cli {
namespace {

struct EventsOptions {
  std::string rules;
  bool roster = false;
};

// Which squads ("F", "M") have enough athletes to enter an event.
std::vector<std::string> squads_that_can_enter(const Event& e, const Team& team) {
  int women = 0;
  int men = 0;
  for (const Athlete& a : team.athletes) (a.sex == Sex::female ? women : men)++;
  const int legs = static_cast<int>(e.legs.size());
  std::vector<std::string> out;
  if (e.sex_rule == SexRule::mixed_two_two) {
    if (women >= legs / 2 && men >= legs - legs / 2) out.push_back("mixed");
    return out;
  }
  if (women >= legs) out.push_back("F");
  if (men >= legs) out.push_back("M");
  return out;
}

std::string legs_text(const Event& e) {
  std::string out;
  for (const Leg& l : e.legs) out += (out.empty() ? "" : "-") + distance_label(l.distance_m);
  return out;
}

std::string zones_text(const Event& e) {
  std::string out;
  for (const ExchangeZone& z : e.exchanges) {
    out += (out.empty() ? "" : " ") + fmt::format("{:g}m{}", z.zone_length_m, z.blind ? "b" : "v");
  }
  return out;
}

void run(const EventsOptions& opt, const Context& ctx) {
  std::optional<Team> team;
  if (opt.roster) team = ctx.load_team("");
  const RuleSet rules = !opt.rules.empty() ? parse_rules(opt.rules, {"--rules", 0, ""})
                        : team             ? team->rules
                                           : RuleSet::wa;
  const std::vector<Event> events = standard_events(rules);
  if (ctx.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const Event& e : events) {
      nlohmann::json j = to_json(e);
      if (team) j["can_enter"] = squads_that_can_enter(e, *team);
      list.push_back(j);
    }
    ctx.print_json({{"rules", to_string(rules)}, {"events", list}});
    return;
  }
  std::vector<std::string> header = {"id", "event", "legs", "zones", "lanes"};
  if (team) header.push_back("can enter");
  TextTable table(header);
  for (const Event& e : events) {
    std::vector<std::string> row = {e.id, e.name, legs_text(e), zones_text(e), e.lanes_note};
    if (team) {
      std::string squads;
      for (const std::string& s : squads_that_can_enter(e, *team)) {
        squads += (squads.empty() ? "" : ", ") + (s == "F"   ? std::string("girls/women")
                                                  : s == "M" ? "boys/men"
                                                             : s);
      }
      row.push_back(squads.empty() ? "not enough athletes" : squads);
    }
    table.add_row(row);
  }
  ctx.print(fmt::format("Relay events under {} rules{}\n", to_string(rules),
                        team ? " for " + (team->name.empty() ? ctx.db_path : team->name) : ""));
  ctx.print(table.render());
  ctx.print("zones: length in metres, b = blind exchange, v = visual exchange\n");
}

}  // namespace

void add_events_command(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<EventsOptions>();
  CLI::App* cmd = app.add_subcommand("events", "List relay events, their legs and exchange zones");
  cmd->add_option("--rules", opt->rules,
                  "Rule set: wa, ncaa or nfhs (default: the roster's, or wa)");
  cmd->add_flag("--roster", opt->roster, "Show which squads of the database roster can enter");
  cmd->callback([opt, &ctx] { run(*opt, ctx); });
}

}  // namespace baton::cli
