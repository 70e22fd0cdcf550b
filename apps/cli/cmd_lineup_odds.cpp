// baton lineup --objective win|points --meet FILE: the fastest orders compared by their odds
// against the meet's field, each with the same random numbers.
#include <fmt/format.h>

#include <cmath>
#include <optional>

#include "baton/chance.h"
#include "baton/meet.h"
#include "baton/race_query.h"
#include "baton/simulation_json.h"
#include "baton/text_table.h"
#include "baton/units.h"
#include "cli/lineup_command.h"

namespace baton::cli {
namespace {

std::string joined(const std::vector<std::string>& names) {
  return fmt::format("{}", fmt::join(names, ", "));
}

void print_table(const LineupOddsAnswer& a, const std::string& meet_file, const Context& ctx) {
  const LineupOddsResult& r = a.result;
  const bool win = r.objective == LineupObjective::win;
  ctx.print(fmt::format(
      "{} for {}: the {} fastest orders by the {} against the field of {} ({} races each, "
      "seed {}, the same races for every order)\n",
      a.event.name, a.team, r.candidates.size(), win ? "chance to win" : "expected points",
      meet_file, r.runs, r.seed));
  TextTable table(
      {">#", "order", ">predicted", ">mean", ">win", ">podium", ">DQ", ">drop", ">exp. points"});
  for (size_t i = 0; i < r.candidates.size(); ++i) {
    const OddsCandidate& c = r.candidates[i];
    table.add_row({std::to_string(i + 1) + (i == r.chosen ? " *" : ""), joined(c.order),
                   format_duration(c.team_time_s),
                   c.odds.finishes > 0 ? format_duration(c.odds.mean_time_s) : "--",
                   chance_text(c.odds.p_win), chance_text(c.odds.p_podium),
                   chance_text(c.odds.p_dq), chance_text(c.odds.p_drop),
                   fmt::format("{:.2f}", c.odds.expected_points)});
  }
  ctx.print(table.render());
  ctx.print(
      "predicted: as baton predict gives it; mean: of the simulated races that finished, each "
      "pass scattered (late passes) and dropped batons included\n");
  const auto value = [&](const OddsCandidate& c) {
    return win ? chance_text(c.odds.p_win) : fmt::format("{:.2f} points", c.odds.expected_points);
  };
  const std::string se =
      win ? chance_text(r.standard_error) : fmt::format("{:.2f} points", r.standard_error);
  const OddsCandidate& chosen = r.candidates[r.chosen];
  const OddsCandidate& fastest = r.candidates[r.fastest];
  if (r.chosen == r.fastest) {
    ctx.print(fmt::format("* best: the fastest order, {} ({}; Monte Carlo standard error {})\n",
                          joined(chosen.order), value(chosen), se));
  } else {
    ctx.print(fmt::format(
        "* best: {} ({}), predicted {:.2f} s slower than the fastest order {} ({}); Monte "
        "Carlo standard error {}\n",
        joined(chosen.order), value(chosen), chosen.team_time_s - fastest.team_time_s,
        joined(fastest.order), value(fastest), se));
  }
}

}  // namespace

void run_lineup_odds(const LineupOptions& opt, const Context& ctx) {
  LineupOddsQuery query;
  query.objective = parse_lineup_objective(opt.objective, {"--objective", 0, ""});
  if (opt.meet.empty()) {
    throw ValidationError("--objective win|points needs the field: --meet FILE", {"--meet", 0, ""});
  }
  if (!opt.events.empty()) {
    throw ValidationError("--objective win is for one relay (--event); with --events use points",
                          {"--objective", 0, ""});
  }
  if (!opt.team_file.empty()) {
    throw ValidationError("with --meet the team comes from the meet file (file = or roster = true)",
                          {"--team", 0, ""});
  }
  query.lineup = lineup_query(opt);
  query.candidates = opt.candidates;
  query.simulation = opt.sim;
  const Meet meet = load_meet(opt.meet);
  // Only a meet that runs the database roster opens the database.
  std::optional<Workspace> roster;
  if (uses_roster(meet)) roster = ctx.workspace();
  const LineupOddsAnswer a = lineup_odds_at_meet(meet, roster ? &*roster : nullptr, query,
                                                 progress_line("comparing orders"));
  if (ctx.json) {
    nlohmann::json doc = to_json(a.result);
    doc["event"] = a.event.id;
    doc["team"] = a.team;
    doc["order"] = a.order();
    doc["team_time_s"] = std::round(a.result.candidates[a.result.chosen].team_time_s * 1e4) / 1e4;
    ctx.print_json(doc);
    return;
  }
  print_table(a, opt.meet, ctx);
}

}  // namespace baton::cli
