// `baton roster team`: show or set the team's name, rule set and level.
#include <fmt/format.h>

#include <memory>
#include <optional>
#include <string>

#include "baton/json.h"
#include "baton/level_profile.h"
#include "baton/roster_admin.h"
#include "cli/context.h"

namespace baton::cli {

void add_roster_team_command(CLI::App* roster_cmd, Context& ctx) {
  struct TeamInfo {
    std::optional<std::string> name;
    std::optional<std::string> rules;
    std::optional<std::string> level;
  };
  auto info = std::make_shared<TeamInfo>();
  CLI::App* team_cmd =
      roster_cmd->add_subcommand("team", "Show or set the team's name, rule set and level");
  team_cmd->add_option("--name", info->name, "The team's name");
  team_cmd->add_option("--rules", info->rules, "Rule set: wa, ncaa or nfhs");
  team_cmd->add_option("--level", info->level,
                       "Level: elite, college, high-school or youth; auto: from the marks");
  team_cmd->callback([info, &ctx] {
    const Workspace ws = ctx.workspace();
    Team team = entered_roster(ws);
    if (info->name || info->rules || info->level) {
      if (info->name) team.name = *info->name;
      if (info->rules) team.rules = parse_rules(*info->rules, {"--rules", 0, ""});
      if (info->level) {
        team.level = *info->level == "auto"
                         ? std::nullopt
                         : std::optional(parse_level(*info->level, {"--level", 0, ""}));
      }
      set_team_info(ws, team.name, team.rules, team.level);
    }
    const std::string_view level = to_string(team_level(team));
    const char* source = team.level ? "set" : "inferred from the marks";
    if (ctx.json) {
      ctx.print_json({{"team", team.name},
                      {"rules", to_string(team.rules)},
                      {"level", level},
                      {"level_source", team.level ? "set" : "inferred"}});
    } else {
      ctx.print(fmt::format("{} ({} rules, {} level, {})\n",
                            team.name.empty() ? "Unnamed team" : team.name, to_string(team.rules),
                            level, source));
    }
  });
}

}  // namespace baton::cli
