// baton lineup: the best running order for one relay (--event) or the best lineups for a
// meet's relays at once (--events).
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <memory>

#include "baton/error.h"
#include "baton/leg_prediction.h"
#include "baton/lineup.h"
#include "baton/lineup_json.h"
#include "baton/lineup_odds.h"
#include "baton/meet.h"
#include "baton/meet_field.h"
#include "baton/meet_lineup.h"
#include "baton/naive_costs.h"
#include "baton/practice_costs.h"
#include "baton/practice_lookup.h"
#include "baton/sim_team.h"
#include "baton/simulation_json.h"
#include "baton/team_file.h"
#include "baton/text_table.h"
#include "baton/units.h"
#include "cli/context.h"

namespace baton::cli {
namespace {

struct LineupOptions {
  std::string team_file;
  std::string event;
  std::string events;
  int top = 0;
  std::vector<std::string> locks;
  std::vector<std::string> excludes;
  std::string sex;
  std::string model = "physics";
  int teams_per_relay = 1;
  int max_relays = 0;
  int max_events = 0;
  double time_limit_s = 10.0;
  bool no_practice = false;
  // --objective win|points against a meet's field
  std::string objective = "time";
  std::string meet;
  int candidates = 10;
  SimulationOptions sim;
};

// The relay cost model behind every lineup: "physics" predicts each leg and exchange from the
// athletes' speed models (block or flying start, bends, hand-off kinematics); "open" sums the
// athletes' open bests.
std::string model_label(const std::string& model) {
  return model == "open" ? "sum of open bests" : "predicted legs and exchanges";
}

RelayCosts build_costs(const Team& team, const Event& event, const std::string& model) {
  if (model == "physics") return relay_costs(team, event);
  if (model == "open") return open_time_costs(team, event);
  throw ValidationError("unknown cost model '" + model + "'; known: physics, open",
                        {"--model", 0, ""});
}

int athlete_index(const Team& team, std::string_view name, const char* option) {
  const Athlete& a = team.athlete(name, {option, 0, ""});
  return static_cast<int>(&a - team.athletes.data());
}

std::vector<int> excluded_indices(const Team& team, const LineupOptions& opt) {
  std::vector<int> out;
  for (const std::string& list : opt.excludes) {
    for (const std::string& name : split_names(list, {"--exclude", 0, ""})) {
      out.push_back(athlete_index(team, name, "--exclude"));
    }
  }
  return out;
}

std::vector<std::string> order_names(const Team& team, const std::vector<int>& order) {
  std::vector<std::string> out;
  for (int a : order) out.push_back(team.athletes[a].name);
  return out;
}

// "12.10 s"; times of a minute or more as coaches write them, "3:26.00".
std::string time_text(double seconds) {
  return format_time(seconds) + (seconds < 60.0 ? " s" : "");
}

std::string joined(const std::vector<std::string>& names, const char* sep = ", ") {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : sep) + n;
  return out;
}

// Locks "LEG=NAME" into the request.
void add_locks(const Team& team, const LineupOptions& opt, LineupRequest& req) {
  for (const std::string& lock : opt.locks) {
    const size_t eq = lock.find('=');
    const Location where{"--lock", 0, lock};
    int leg = 0;
    if (eq == std::string::npos || eq == 0 ||
        std::from_chars(lock.data(), lock.data() + eq, leg).ptr != lock.data() + eq) {
      throw ParseError("expected LEG=NAME, e.g. \"2=Ann Lee\"", where);
    }
    req.locked_legs[leg - 1] = athlete_index(team, lock.substr(eq + 1), "--lock");
  }
}

// The practice log's pair records, for a team from the database roster with the physics model
// (a team file has no practice log). Empty otherwise or with --no-practice.
PracticeLookup roster_practice(const LineupOptions& opt, const Context& ctx, const Team& team,
                               const Event& event, bool from_roster) {
  if (!from_roster || opt.no_practice || opt.model != "physics") return {};
  Database db = ctx.open_database();
  return practice_lookup(db, team, event);
}

void run_single(const LineupOptions& opt, const Context& ctx) {
  const Team team = ctx.load_team(opt.team_file);
  const Event event = find_event(opt.event, team.rules, {"--event", 0, ""});
  LineupRequest req = lineup_request(team, event);
  if (!opt.sex.empty()) req.required_sex = parse_sex(opt.sex, {"--sex", 0, ""});
  req.top_k = opt.top;
  req.excluded = excluded_indices(team, opt);
  add_locks(team, opt, req);
  RelayCosts costs = build_costs(team, event, opt.model);
  const RelayCosts before_practice = costs;
  const int drilled = add_practice_costs(
      costs, team, event, roster_practice(opt, ctx, team, event, opt.team_file.empty()));
  const LineupResult r = best_lineups(costs, req);

  // Which legs of the best order lean on a mark estimated from another distance.
  std::vector<bool> estimated(r.best.order.size(), false);
  if (opt.model == "physics")
    estimated = estimated_legs(team, event, order_names(team, r.best.order));
  if (ctx.json) {
    nlohmann::json doc =
        lineup_to_json(team, event, costs, r, {estimated, &before_practice, drilled});
    doc["model"] = opt.model;
    ctx.print_json(doc);
    return;
  }
  ctx.print(fmt::format("{} for {} (cost model: {})\n", event.name,
                        team.name.empty() ? "the roster" : team.name, model_label(opt.model)));
  TextTable table({">leg", ">distance", "athlete", ">time", ""});
  bool any_estimated = false;
  for (size_t l = 0; l < r.best.order.size(); ++l) {
    const int a = r.best.order[l];
    any_estimated = any_estimated || estimated[l];
    table.add_row({std::to_string(l + 1), fmt::format("{:g} m", event.legs[l].distance_m),
                   team.athletes[a].name, time_text(costs.leg(a, static_cast<int>(l))),
                   estimated[l] ? "*" : ""});
  }
  ctx.print(table.render());
  if (any_estimated) {
    ctx.print(
        "* from a mark estimated at another distance (baton predict shows which); a real mark "
        "at the leg's distance makes it firmer\n");
  }
  ctx.print(fmt::format("predicted team time: {}\n", time_text(r.best.team_time_s)));
  if (drilled > 0) {
    const double practice_s = r.best.team_time_s - before_practice.team_time_s(r.best.order);
    ctx.print(fmt::format(
        "includes {:+.3f} s for this order's practice record ({} drilled pair terms priced; "
        "--no-practice to ignore)\n",
        practice_s, drilled));
  }
  if (!r.alternatives.empty()) {
    TextTable alts({">#", "order", ">team time", ">gap"});
    for (size_t i = 0; i < r.alternatives.size(); ++i) {
      const Lineup& alt = r.alternatives[i];
      alts.add_row({std::to_string(i + 2), joined(order_names(team, alt.order)),
                    time_text(alt.team_time_s), fmt::format("+{:.2f} s", alt.gap_s)});
    }
    ctx.print("\nalternatives\n" + alts.render());
  }
}

void run_meet(const LineupOptions& opt, const Context& ctx) {
  const Team team = ctx.load_team(opt.team_file);
  MeetLineupRequest req = meet_lineup_request(team);
  req.max_relays_per_athlete = opt.max_relays;
  req.max_events = opt.max_events;
  req.time_limit_s = opt.time_limit_s;
  const std::vector<int> excluded = excluded_indices(team, opt);
  std::vector<Event> events;
  // Each entry is an event id with an optional "/F" or "/M" for a girls' or boys' relay.
  for (const std::string& entry : split_names(opt.events, {"--events", 0, ""})) {
    const size_t slash = entry.find('/');
    const Location where{"--events", 0, entry};
    events.push_back(find_event(entry.substr(0, slash), team.rules, where));
    MeetRelay relay;
    relay.event = entry;
    relay.sex_rule = events.back().sex_rule;
    const std::string sex = slash != std::string::npos ? entry.substr(slash + 1) : opt.sex;
    if (!sex.empty() && relay.sex_rule == SexRule::single_sex) {
      relay.required_sex = parse_sex(sex, where);
    }
    relay.teams = opt.teams_per_relay;
    relay.excluded = excluded;
    relay.costs = build_costs(team, events.back(), opt.model);
    req.relays.push_back(std::move(relay));
  }
  const MeetLineupResult r = best_meet_lineups(req);

  if (ctx.json) {
    nlohmann::json doc = meet_lineup_to_json(team, req, r);
    doc["model"] = opt.model;
    ctx.print_json(doc);
    return;
  }
  ctx.print(fmt::format("Meet lineups for {} (cost model: {})\n",
                        team.name.empty() ? "the roster" : team.name, model_label(opt.model)));
  for (const MeetRelayLineup& l : r.relays) {
    const Event& e = events[l.event_index];
    ctx.print(fmt::format("\n{} ({}), team {}: {}\n", e.name, req.relays[l.event_index].event,
                          l.team, time_text(l.team_time_s)));
    TextTable table({">leg", ">distance", "athlete", ">time"});
    for (size_t leg = 0; leg < l.order.size(); ++leg) {
      table.add_row(
          {std::to_string(leg + 1), fmt::format("{:g} m", e.legs[leg].distance_m),
           team.athletes[l.order[leg]].name,
           time_text(req.relays[l.event_index].costs.leg(l.order[leg], static_cast<int>(leg)))});
    }
    ctx.print(table.render());
  }
  ctx.print(r.optimal ? "\nproven optimal\n"
                      : fmt::format("\nbest found within {:g} s; at most {:.2f} % from optimal\n",
                                    opt.time_limit_s, 100.0 * r.gap));
}

// Errors about the number of candidates name the option.
template <typename F>
auto with_candidates_option(F&& work) {
  try {
    return work();
  } catch (const ValidationError& e) {
    if (e.where().field != "candidates") throw;
    throw ValidationError(e.message(), {"--candidates", 0, ""});
  }
}

std::string pct(double p) { return fmt::format("{:.1f} %", 100.0 * p); }

// --objective win|points: the top orders by predicted time, each simulated against the meet's
// field with the same random numbers, the best by the objective chosen.
void run_odds(LineupOptions& opt, const Context& ctx) {
  const LineupObjective objective = parse_lineup_objective(opt.objective, {"--objective", 0, ""});
  if (opt.meet.empty()) {
    throw ValidationError("--objective win|points needs the field: --meet FILE", {"--meet", 0, ""});
  }
  if (!opt.events.empty()) {
    throw ValidationError("--objective compares orders for one relay, not --events",
                          {"--events", 0, ""});
  }
  if (!opt.team_file.empty()) {
    throw ValidationError("with --meet the team comes from the meet file (file = or roster = true)",
                          {"--team", 0, ""});
  }
  check_simulation_options(opt.sim);
  const Meet meet = load_meet(opt.meet);
  if (!opt.event.empty() &&
      find_event(opt.event, meet.rules, {"--event", 0, ""}).id != meet.event.id) {
    throw ValidationError("the meet runs the " + meet.event.id, {"--event", 0, ""});
  }
  if (!meet.scoring.empty()) opt.sim.scoring = meet.scoring;
  // Our entry: the first own team without a fixed order.
  size_t ours = meet.teams.size();
  for (size_t i = 0; i < meet.teams.size() && ours == meet.teams.size(); ++i) {
    if (meet.teams[i].own() && meet.teams[i].order.empty()) ours = i;
  }
  if (ours == meet.teams.size()) {
    throw ValidationError(
        "the meet has no own team without an order to choose (file = or roster = true, no "
        "order)",
        Location{meet.source, 0, "team"});
  }
  const MeetEntry& entry = meet.teams[ours];
  std::optional<Team> roster;
  MeetRoster db_side;
  bool roster_used = false;
  for (const MeetEntry& e : meet.teams) roster_used = roster_used || e.roster;
  if (roster_used) {
    roster = ctx.load_team("");
    db_side.team = &*roster;
    if (!opt.no_practice) {
      Database db = ctx.open_database();
      db_side.practice = practice_lookup(db, *roster, meet.event);
    }
  }
  const Team team = entry.roster ? *roster : load_team(entry.file);
  const PracticeLookup practice = entry.roster ? db_side.practice : PracticeLookup{};

  LineupRequest req = lineup_request(team, meet.event);
  req.required_sex = opt.sex.empty() ? entry_squad(meet, entry, team)
                                     : std::optional(parse_sex(opt.sex, {"--sex", 0, ""}));
  req.excluded = excluded_indices(team, opt);
  add_locks(team, opt, req);
  RelayCosts costs = relay_costs(team, meet.event);
  add_practice_costs(costs, team, meet.event, practice);
  const std::string name = entry.name.empty() ? team.name : entry.name;
  std::vector<SimTeam> field = meet_field(meet, opt.sim, db_side);
  field.erase(field.begin() + static_cast<std::ptrdiff_t>(ours));
  const LineupOddsResult r = with_candidates_option([&] {
    return choose_order_by_odds(team, meet.event, costs, req, opt.candidates, name, practice, field,
                                opt.sim, objective, progress_line("comparing orders"));
  });
  const OddsCandidate& chosen = r.candidates[r.chosen];
  const OddsCandidate& fastest = r.candidates[r.fastest];
  if (ctx.json) {
    nlohmann::json doc = to_json(r);
    doc["event"] = meet.event.id;
    doc["team"] = name;
    doc["order"] = chosen.order;
    doc["team_time_s"] = std::round(chosen.team_time_s * 1e4) / 1e4;
    ctx.print_json(doc);
    return;
  }
  const bool win = objective == LineupObjective::win;
  ctx.print(fmt::format(
      "{} for {}: the {} fastest orders by the {} against the field of {} ({} races each, "
      "seed {}, the same races for every order)\n",
      meet.event.name, name, r.candidates.size(), win ? "chance to win" : "expected points",
      opt.meet, r.runs, r.seed));
  TextTable table(
      {">#", "order", ">predicted", ">mean", ">win", ">podium", ">DQ", ">drop", ">exp. points"});
  for (size_t i = 0; i < r.candidates.size(); ++i) {
    const OddsCandidate& c = r.candidates[i];
    table.add_row({std::to_string(i + 1) + (i == r.chosen ? " *" : ""), joined(c.order),
                   time_text(c.team_time_s),
                   c.odds.finishes > 0 ? time_text(c.odds.mean_time_s) : "--", pct(c.odds.p_win),
                   pct(c.odds.p_podium), pct(c.odds.p_dq), pct(c.odds.p_drop),
                   fmt::format("{:.2f}", c.odds.expected_points)});
  }
  ctx.print(table.render());
  const auto value = [&](const OddsCandidate& c) {
    return win ? pct(c.odds.p_win) : fmt::format("{:.2f} points", c.odds.expected_points);
  };
  const std::string se =
      win ? pct(r.standard_error) : fmt::format("{:.2f} points", r.standard_error);
  if (r.chosen == r.fastest) {
    ctx.print(fmt::format("* best: the fastest order, {} ({}; Monte Carlo standard error {})\n",
                          joined(chosen.order), value(chosen), se));
  } else {
    ctx.print(fmt::format(
        "* best: {} ({}), {} slower on average than the fastest order {} ({}); Monte Carlo "
        "standard error {}\n",
        joined(chosen.order), value(chosen),
        fmt::format("{:.2f} s", chosen.team_time_s - fastest.team_time_s), joined(fastest.order),
        value(fastest), se));
  }
}

}  // namespace

void add_lineup_command(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<LineupOptions>();
  CLI::App* cmd = app.add_subcommand(
      "lineup", "Best running order for a relay, or best lineups for a meet's relays");
  cmd->add_option("--team", opt->team_file, "Team file (default: the database roster)");
  cmd->add_option("--event", opt->event, "One relay event, e.g. 4x100 or smr");
  cmd->add_option("--events", opt->events,
                  "Several relays at once, e.g. 4x100/F,4x100/M,4x400 (/F, /M: girls, boys)");
  cmd->add_option("--top", opt->top, "Also list the K next-best orders (one relay)");
  cmd->add_option("--lock", opt->locks, "Fix a leg: LEG=NAME, e.g. \"2=Ann Lee\" (repeatable)");
  cmd->add_option("--exclude", opt->excludes, "Leave out athletes: NAME[,NAME...] (repeatable)");
  cmd->add_option("--sex", opt->sex, "Girls' (F) or boys' (M) relay");
  cmd->add_option("--model", opt->model,
                  "Relay cost model: physics (predicted legs and exchanges, default) or open (sum "
                  "of open bests)");
  cmd->add_option("--teams-per-relay", opt->teams_per_relay, "Teams per relay: 1 to 3 (A, B, C)");
  cmd->add_option("--max-relays-per-athlete", opt->max_relays, "Relay limit per athlete (0: none)");
  cmd->add_option("--max-events", opt->max_events, "Event limit per athlete (0: none)");
  cmd->add_option("--time-limit", opt->time_limit_s, "Solver time limit for --events, seconds");
  cmd->add_flag("--no-practice", opt->no_practice,
                "Ignore the practice log's pair records (database roster only)");
  cmd->add_option("--objective", opt->objective,
                  "time (fastest predicted, default), win (chance to win) or points (expected "
                  "points) against --meet's field");
  cmd->add_option("--meet", opt->meet, "Meet file whose field --objective plays against");
  cmd->add_option("--candidates", opt->candidates,
                  "--objective: how many of the fastest orders to compare (default 10)");
  cmd->add_option("--runs", opt->sim.runs, "--objective: races per order (default 20000)");
  cmd->add_option("--seed", opt->sim.seed, "--objective: random seed (the same for every order)");
  cmd->add_option("--threads", opt->sim.threads, "--objective: worker threads (default: all)");
  opt->sim.runs = 20000;
  cmd->callback([opt, &ctx] {
    if (opt->objective != "time") {
      run_odds(*opt, ctx);
      return;
    }
    if (!opt->meet.empty()) {
      throw ValidationError("--meet is for --objective win or points", {"--meet", 0, ""});
    }
    if (opt->event.empty() == opt->events.empty()) {
      throw ValidationError("give exactly one of --event (one relay) or --events (a meet)",
                            {"--event", 0, ""});
    }
    if (!opt->event.empty()) {
      run_single(*opt, ctx);
    } else {
      if (!opt->locks.empty()) {
        throw ValidationError("--lock applies to one relay (--event)", {"--lock", 0, ""});
      }
      run_meet(*opt, ctx);
    }
  });
}

}  // namespace baton::cli
