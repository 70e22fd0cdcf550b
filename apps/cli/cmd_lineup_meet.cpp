// baton lineup --events: the best lineups for a meet's relays at once, who runs what, and an
// alternate for every leg.
#include <fmt/format.h>

#include <cmath>
#include <optional>

#include "baton/lineup_json.h"
#include "baton/meet.h"
#include "baton/meet_lineup_query.h"
#include "baton/text_table.h"
#include "baton/units.h"
#include "cli/lineup_command.h"
#include "cli/meet_rules.h"

namespace baton::cli {
namespace {

// --events "4x100/F,4x400": each entry an event id with an optional "/F" or "/M" squad.
MeetLineupQuery meet_query(const LineupOptions& opt) {
  MeetLineupQuery q;
  for (const std::string& entry : split_names(opt.events, {"--events", 0, ""})) {
    const size_t slash = entry.find('/');
    MeetRelayChoice relay{entry.substr(0, slash), std::nullopt};
    if (slash != std::string::npos)
      relay.sex = parse_sex(entry.substr(slash + 1), {"--events", 0, entry});
    q.relays.push_back(std::move(relay));
  }
  if (!opt.sex.empty()) q.sex = parse_sex(opt.sex, {"--sex", 0, ""});
  q.teams_per_relay = opt.teams_per_relay;
  q.max_relays_per_athlete = opt.max_relays;
  q.max_events = opt.max_events;
  // The command line has a wall-clock limit on the search (not on the points curves before it).
  q.budget = search_deadline(opt.time_limit_s);
  MeetRules rules = parse_meet_rules(opt.locks, opt.excludes, opt.conflicts, opt.weights);
  q.exclude = std::move(rules.exclude);
  q.locks = std::move(rules.locks);
  q.exclude_from = std::move(rules.exclude_from);
  q.conflicts = std::move(rules.conflicts);
  q.weights = std::move(rules.weights);
  q.model = parse_cost_model(opt.model, {"--model", 0, ""});
  q.allow_estimates = opt.allow_estimates;
  q.practice = !opt.no_practice;
  if (opt.objective == "points") {
    if (opt.meet.empty()) {
      throw ValidationError("--objective points needs the relays' fields: --meet FILE",
                            {"--meet", 0, ""});
    }
    q.objective = MeetObjective::points;
    q.field = load_meet_relays(opt.meet);
    q.simulation = opt.sim;
  }
  return q;
}

std::string limit_text(int count, int limit) {
  return limit > 0 ? fmt::format("{}/{}", count, limit) : std::to_string(count);
}

// Who runs what: every athlete with a relay or an individual entry.
std::string athletes_table(const Team& team, const MeetLineupAnswer& a) {
  TextTable table({"athlete", "relays (team, leg)", "individual", ">relays", ">events"});
  for (const MeetAthleteLoad& load : a.athletes) {
    const Athlete& who = team.athletes[static_cast<size_t>(load.athlete)];
    if (load.legs.empty() && who.entries.empty()) continue;
    std::vector<std::string> runs;
    for (const MeetLegAssignment& leg : load.legs) {
      runs.push_back(fmt::format("{} {} leg {}",
                                 a.request.relays[static_cast<size_t>(leg.event_index)].event,
                                 leg.team, leg.leg + 1));
    }
    table.add_row({who.name, fmt::format("{}", fmt::join(runs, ", ")),
                   fmt::format("{}", fmt::join(who.entries, ", ")),
                   limit_text(load.relays, a.request.max_relays_per_athlete),
                   limit_text(load.events, a.request.max_events)});
  }
  return table.render();
}

}  // namespace

void run_meet(const LineupOptions& opt, const Context& ctx) {
  const Workspace ws = ctx.workspace(opt.team_file);
  const MeetLineupAnswer a = plan_meet_lineups(ws, meet_query(opt));
  const Team& team = ws.team();
  if (ctx.json) {
    nlohmann::json doc =
        meet_lineup_to_json(team, a.request, a.result, &a.events, &a.splits_s, &a.practice_s);
    add_meet_assignments_json(doc, team, a.request, a.result, a.athletes, a.substitutes,
                              &a.estimated);
    doc["model"] = to_string(a.model);
    ctx.print_json(doc);
    return;
  }
  ctx.print(fmt::format("Meet lineups for {} (cost model: {})\n", team_label(team),
                        model_label(a.model)));
  const bool points = a.request.objective == MeetObjective::points;
  std::vector<std::string> weighted;
  for (const MeetRelay& relay : a.request.relays) {
    if (relay.weight != 1.0) weighted.push_back(fmt::format("{} x{:g}", relay.event, relay.weight));
  }
  if (points) {
    ctx.print(fmt::format(
        "Objective: the expected points over all relays against the fields of {} ({} races per "
        "sampled team time, seed {})\n",
        opt.meet, opt.sim.runs, opt.sim.seed));
  } else {
    ctx.print(weighted.empty()
                  ? std::string("Objective: the sum of the team times\n")
                  : fmt::format("Objective: the weighted sum of the team times ({}; others x1)\n",
                                fmt::join(weighted, ", ")));
  }
  bool any_estimated = false;
  for (size_t r = 0; r < a.result.relays.size(); ++r) {
    const MeetRelayLineup& l = a.result.relays[r];
    const Event& e = a.events[static_cast<size_t>(l.event_index)];
    const MeetRelay& relay = a.request.relays[static_cast<size_t>(l.event_index)];
    ctx.print(fmt::format(
        "\n{} ({}), team {}: {}{}\n", e.name, relay.event, l.team, format_duration(l.team_time_s),
        points ? fmt::format(", {:.2f} expected points against the {} field", l.expected_points,
                             a.field_relays[static_cast<size_t>(l.event_index)])
               : std::string()));
    TextTable table({">leg", ">distance", "athlete", ">split", "", "alternate"});
    for (size_t leg = 0; leg < l.order.size(); ++leg) {
      const int runner = l.order[leg];
      const bool locked = l.team == "A" && relay.locked_legs.count(static_cast<int>(leg)) > 0;
      const std::vector<MeetSubstitute>& subs = a.substitutes[r][leg];
      const std::string alternate =
          subs.empty() ? "none"
                       : fmt::format("{} ({:+.2f} s)",
                                     team.athletes[static_cast<size_t>(subs[0].athlete)].name,
                                     subs[0].cost_s);
      const bool estimated = a.estimated[r][leg];
      any_estimated = any_estimated || estimated;
      table.add_row({std::to_string(leg + 1), fmt::format("{:g} m", e.legs[leg].distance_m),
                     team.athletes[static_cast<size_t>(runner)].name,
                     format_duration(a.splits_s[r][leg]) + (estimated ? " *" : ""),
                     locked ? "locked" : "", alternate});
    }
    ctx.print(table.render());
    if (r < a.practice_s.size() && std::abs(a.practice_s[r]) >= 0.0005) {
      ctx.print(
          fmt::format("includes {:+.3f} s for this order's practice record "
                      "(--no-practice to ignore)\n",
                      a.practice_s[r]));
    }
  }
  ctx.print(kSplitNote);
  if (any_estimated) {
    ctx.print(
        "* from a mark estimated at another distance (baton predict shows which); a real mark "
        "at the leg's distance makes it firmer\n");
  }
  ctx.print(
      "alternate: the best runner free to take the leg (no team of the relay, within the limits, "
      "no conflicting relay) and what the swap adds to the team time\n");
  ctx.print("\nWho runs what\n" + athletes_table(team, a));
  for (const auto& [r1, r2] : a.request.conflicts) {
    ctx.print(fmt::format("{} and {} share no athlete (schedule conflict)\n",
                          a.request.relays[static_cast<size_t>(r1)].event,
                          a.request.relays[static_cast<size_t>(r2)].event));
  }
  if (points) {
    ctx.print(fmt::format("\nexpected points over all relays: {:.2f} points\n",
                          a.result.expected_points));
    ctx.print(a.result.optimal
                  ? "proven optimal (ties go to the faster lineups)\n"
                  : fmt::format("best found within {:g} s; at most {:.2f} points below the best "
                                "possible ({:.2f} points)\n",
                                opt.time_limit_s, a.result.points_bound - a.result.expected_points,
                                a.result.points_bound));
    return;
  }
  ctx.print(a.result.optimal
                ? "\nproven optimal\n"
                : fmt::format("\nbest found within {:g} s; at most {:.2f} % from optimal\n",
                              opt.time_limit_s, 100.0 * a.result.gap));
}

}  // namespace baton::cli
