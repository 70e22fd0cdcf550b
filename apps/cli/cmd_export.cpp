// baton export entries: the relay lineups as a file the meet host imports (Hy-Tek semicolon
// entries, OpenTrack-style JSON or CSV).
#include <fmt/format.h>

#include <fstream>

#include "baton/entry_export.h"
#include "baton/units.h"
#include "cli/context.h"
#include "cli/meet_rules.h"

namespace baton::cli {
namespace {

struct ExportArgs {
  std::string team_file;
  std::string events;
  int teams_per_relay = 1;
  std::string format;
  std::string out;
  std::vector<std::string> orders;  // EVENT=A,B,C,D
  std::string team_code;
  int alternates = 4;
  int max_relays = 0;
  int max_events = 0;
  std::string model = "physics";
  bool allow_estimates = false;
  std::vector<std::string> locks, excludes, conflicts, weights;  // as lineup --events
  double time_limit_s = 10.0;
};

EntryQuery entry_query(const ExportArgs& args) {
  EntryQuery q;
  for (const std::string& entry : split_names(args.events, {"--events", 0, ""})) {
    const size_t slash = entry.find('/');
    MeetRelayChoice relay{entry.substr(0, slash), std::nullopt};
    if (slash != std::string::npos)
      relay.sex = parse_sex(entry.substr(slash + 1), {"--events", 0, entry});
    q.relays.push_back(std::move(relay));
  }
  for (const std::string& order : args.orders) {
    const size_t eq = order.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw ParseError("expected EVENT=A,B,C,D, e.g. \"4x100/F=Ann Lee,Bea Moss,Cat Ng,Dee Orr\"",
                       {"--order", 0, order});
    }
    q.orders.push_back(
        {order.substr(0, eq), split_names(order.substr(eq + 1), {"--order", 0, order})});
  }
  q.teams_per_relay = args.teams_per_relay;
  q.alternates = args.alternates;
  q.max_relays_per_athlete = args.max_relays;
  q.max_events = args.max_events;
  q.model = parse_cost_model(args.model, {"--model", 0, ""});
  q.allow_estimates = args.allow_estimates;
  MeetRules rules = parse_meet_rules(args.locks, args.excludes, args.conflicts, args.weights);
  q.exclude = std::move(rules.exclude);
  q.locks = std::move(rules.locks);
  q.exclude_from = std::move(rules.exclude_from);
  q.conflicts = std::move(rules.conflicts);
  q.weights = std::move(rules.weights);
  q.team_code = args.team_code;
  q.budget = search_deadline(args.time_limit_s);
  return q;
}

std::string names(const std::vector<EntryRunner>& runners) {
  std::vector<std::string> out;
  for (const EntryRunner& r : runners) out.push_back(r.name);
  return fmt::format("{}", fmt::join(out, ", "));
}

void run(const ExportArgs& args, const Context& ctx) {
  if (args.format != "hytek" && args.format != "opentrack" && args.format != "csv") {
    throw ParseError("'" + args.format + "' is not a format: hytek, opentrack or csv",
                     {"--format", 0, ""});
  }
  const Workspace ws = ctx.workspace(args.team_file);
  const EntryList entries = plan_entries(ws, entry_query(args));
  const std::string text = args.format == "hytek"       ? write_entries_hytek(entries)
                           : args.format == "opentrack" ? write_entries_opentrack(entries)
                                                        : write_entries_csv(entries);
  std::ofstream out(args.out, std::ios::binary);
  out << text;
  out.close();
  if (!out) throw Error("could not write " + args.out, Location{args.out, 0, "--out"});
  if (ctx.json) {
    nlohmann::json teams = nlohmann::json::array();
    for (const RelayEntry& r : entries.relays) {
      nlohmann::json runners = nlohmann::json::array(), alternates = nlohmann::json::array();
      for (const EntryRunner& a : r.runners) runners.push_back(a.name);
      for (const EntryRunner& a : r.alternates) alternates.push_back(a.name);
      teams.push_back({{"event", r.event},
                       {"sex", r.sex ? nlohmann::json(to_string(*r.sex)) : nlohmann::json()},
                       {"letter", r.letter},
                       {"runners", runners},
                       {"alternates", alternates},
                       {"seed_s", r.seed_s ? nlohmann::json(*r.seed_s) : nlohmann::json()}});
    }
    ctx.print_json({{"format", args.format},
                    {"out", args.out},
                    {"team", entries.team_name},
                    {"team_code", entries.team_code},
                    {"relays", teams}});
    return;
  }
  ctx.print(fmt::format("{} for {} ({}) written to {} ({} format)\n",
                        counted(static_cast<long long>(entries.relays.size()), "relay team"),
                        entries.team_name, entries.team_code, args.out, args.format));
  for (const RelayEntry& r : entries.relays) {
    const std::string seed = r.seed_s ? format_duration(*r.seed_s) : std::string("no seed time");
    ctx.print(fmt::format("{}{} {}: {} (seed {})\n", r.event,
                          r.sex ? "/" + std::string(to_string(*r.sex)) : "", r.letter,
                          names(r.runners), seed));
    if (!r.alternates.empty()) ctx.print(fmt::format("  alternates: {}\n", names(r.alternates)));
  }
}

}  // namespace

void add_export_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("export", "Write files for other programs");
  cmd->require_subcommand(1);
  auto args = std::make_shared<ExportArgs>();
  CLI::App* entries = cmd->add_subcommand(
      "entries", "Relay entries for the meet host: lineups with up to four alternates per team");
  entries->add_option("--team", args->team_file, "Team file (default: the database roster)");
  entries->add_option("--events", args->events, "Relays, e.g. 4x100/F,4x400/M (/F, /M: squads)")
      ->required();
  entries->add_option("--teams-per-relay", args->teams_per_relay, "Teams per relay: 1 to 3");
  entries->add_option("--format", args->format, "hytek, opentrack or csv")->required();
  entries->add_option("--out", args->out, "File to write")->required();
  entries->add_option("--order", args->orders,
                      "A relay's order instead of the solver's: EVENT=A,B,C,D (repeatable)");
  entries->add_option("--team-code", args->team_code,
                      "Team code for the meet, up to 4 letters (default: from the team name)");
  entries->add_option("--alternates", args->alternates, "Alternates per team: 0 to 4 (default 4)");
  entries->add_option("--max-relays-per-athlete", args->max_relays, "Relay limit (0: none)");
  entries->add_option("--max-events", args->max_events, "Event limit per athlete (0: none)");
  entries->add_option("--model", args->model, "Relay cost model: physics (default) or open");
  entries->add_flag("--allow-estimates", args->allow_estimates,
                    "Let runners take legs predicted from marks at other distances");
  entries->add_option("--lock", args->locks, "Fix a leg: RELAY:LEG=NAME (repeatable)");
  entries->add_option("--exclude", args->excludes,
                      "Leave out: NAME[,NAME...], or RELAY:NAME[,NAME...] (repeatable)");
  entries->add_option("--conflict", args->conflicts, "Relays that share no athlete: A,B");
  entries->add_option("--weights", args->weights,
                      "How much a second counts per relay: RELAY=W[,RELAY=W...] (others 1)");
  entries->add_option("--time-limit", args->time_limit_s, "Solver time limit, seconds")
      ->check(CLI::Range(0.001, 86400.0));
  entries->callback([args, &ctx] { run(*args, ctx); });
}

}  // namespace baton::cli
