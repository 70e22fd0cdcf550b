// baton roster import|list|add|edit|remove|team: the athletes in the database and the team
// (include/baton/roster_admin.h).
#include <fmt/format.h>

#include <set>

#include "baton/json.h"
#include "baton/roster_admin.h"
#include "baton/team_file.h"
#include "baton/text_table.h"
#include "cli/context.h"

namespace baton::cli {
namespace {

struct AthleteEdits {
  std::string name;                     // the athlete to add or edit
  std::string new_name;                 // --name
  std::string sex;                      // --sex
  std::vector<std::string> bests;       // --best 100m=12.31
  std::vector<std::string> drop_bests;  // --remove-best 200m
  std::vector<std::string> splits;      // --split 10=1.95
  bool clear_splits = false;
  std::optional<double> foot_length_m;
  std::optional<double> form_sd_percent;
  std::string hand;
  bool clear_hand = false;
  std::optional<std::string> entries;  // --entries "100m,LJ" ("" clears)
};

std::pair<std::string, std::string> split_pair(const std::string& text, const char* option) {
  const size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size()) {
    throw ParseError(fmt::format("expected DISTANCE=TIME such as 100m=12.31, not '{}'", text),
                     Location{option, 0, ""});
  }
  return {text.substr(0, eq), text.substr(eq + 1)};
}

void apply(const AthleteEdits& e, Athlete& a) {
  if (!e.new_name.empty()) a.name = e.new_name;
  if (!e.sex.empty()) a.sex = parse_sex(e.sex, {"--sex", 0, ""});
  for (const std::string& d : e.drop_bests) {
    const double distance = parse_distance(d, {"--remove-best", 0, ""});
    const auto it = std::find_if(a.bests.begin(), a.bests.end(), [&](const Best& b) {
      return std::abs(b.distance_m - distance) < 1e-3;
    });
    if (it == a.bests.end()) {
      throw NotFoundError(a.name + " has no best at " + distance_label(distance),
                          {"--remove-best", 0, ""});
    }
    a.bests.erase(it);
  }
  for (const std::string& text : e.bests) {
    const auto [d, t] = split_pair(text, "--best");
    const Location loc{"--best", 0, d};
    Best b{parse_distance(d, loc), parse_time(t, loc)};
    check_mark_plausible(b.distance_m, b.fat_s(), a.sex, loc);
    a.set_best(b);
  }
  if (e.clear_splits) a.splits.clear();
  for (const std::string& text : e.splits) {
    const auto [d, t] = split_pair(text, "--split");
    const Location loc{"--split", 0, d};
    const double distance = parse_distance(d, loc);
    std::erase_if(a.splits,
                  [&](const Split& s) { return std::abs(s.distance_m - distance) < 1e-3; });
    a.splits.push_back(Split{distance, parse_time(t, loc).time_s});
  }
  std::sort(a.splits.begin(), a.splits.end(),
            [](const Split& x, const Split& y) { return x.distance_m < y.distance_m; });
  if (e.foot_length_m) a.foot_length_m = *e.foot_length_m;
  if (e.form_sd_percent) a.form_sd_percent = *e.form_sd_percent;
  if (e.clear_hand) a.hand.reset();
  if (!e.hand.empty()) a.hand = parse_hand(e.hand, {"--hand", 0, ""});
  if (e.entries && e.entries->empty()) a.entries.clear();
  if (e.entries && !e.entries->empty()) a.entries = split_names(*e.entries, {"--entries", 0, ""});
}

std::string roster_table(const std::vector<Athlete>& athletes) {
  std::set<double> distances;
  for (const Athlete& a : athletes) {
    for (const Best& b : a.bests) distances.insert(b.distance_m);
  }
  std::vector<std::string> header = {"name", "sex"};
  for (double d : distances) header.push_back(">" + distance_label(d));
  header.push_back("splits");
  header.push_back("events");
  TextTable table(header);
  for (const Athlete& a : athletes) {
    std::vector<std::string> row = {a.name, std::string(to_string(a.sex))};
    for (double d : distances) {
      const Best* b = a.best_at(d);
      row.push_back(b ? format_mark(b->mark) : "");
    }
    row.push_back(a.splits.empty()
                      ? ""
                      : fmt::format("{} to {:g} m", a.splits.size(), a.splits.back().distance_m));
    row.push_back(fmt::format("{}", fmt::join(a.entries, ", ")));
    table.add_row(row);
  }
  return table.render();
}

void add_edit_options(CLI::App* cmd, AthleteEdits& e) {
  cmd->add_option("--sex", e.sex, "F or M");
  cmd->add_option("--best", e.bests, "A best mark, DISTANCE=TIME (100m=12.31, 200m=25.4h); repeat");
  cmd->add_option("--split", e.splits, "A sprint split, METRES=SECONDS (10=1.95); repeat");
  cmd->add_option("--foot-length", e.foot_length_m, "Shoe length in metres, for go-marks")
      ->check(CLI::Range(0.15, 0.40));
  cmd->add_option("--hand", e.hand, "Preferred carrying hand: right or left");
  cmd->add_option("--form-sd", e.form_sd_percent,
                  "Day-to-day spread of their legs, % of the leg (race odds; default 1)")
      ->check(CLI::Range(0.0, 10.0));
  cmd->add_option("--entries", e.entries,
                  "Individual events at the coming meet, e.g. \"100m,LJ\" (\"\" clears)");
}

}  // namespace

void add_roster_command(CLI::App& app, Context& ctx) {
  CLI::App* roster_cmd = app.add_subcommand("roster", "Athletes and their marks in the database");
  roster_cmd->require_subcommand(1);

  // import
  auto file = std::make_shared<std::string>();
  auto replace = std::make_shared<bool>(false);
  CLI::App* import_cmd =
      roster_cmd->add_subcommand("import", "Import a TOML team file or a CSV roster");
  import_cmd->add_option("file", *file, "team.toml or roster.csv")->required();
  import_cmd->add_flag("--replace", *replace, "Remove athletes that are not in the file");
  import_cmd->callback([file, replace, &ctx] {
    const Team team = load_team(*file);
    const ImportSummary s = import_roster(ctx.workspace(), team, *replace);
    if (ctx.json) {
      ctx.print_json({{"file", *file},
                      {"database", ctx.db_path},
                      {"team", team.name},
                      {"rules", to_string(team.rules)},
                      {"added", s.added},
                      {"updated", s.updated},
                      {"removed", s.removed}});
    } else {
      ctx.print(fmt::format("Imported {} from {} into {} ({} new, {} updated{})\n",
                            counted(static_cast<long long>(team.athletes.size()), "athlete"), *file,
                            ctx.db_path, s.added, s.updated,
                            *replace ? fmt::format(", {} removed", s.removed) : ""));
    }
  });

  // list
  CLI::App* list = roster_cmd->add_subcommand("list", "List athletes with their best marks");
  list->callback([&ctx] {
    const Team team = entered_roster(ctx.workspace());
    if (ctx.json) {
      nlohmann::json athletes = nlohmann::json::array();
      for (const Athlete& a : team.athletes) athletes.push_back(to_json(a));
      ctx.print_json(
          {{"team", team.name}, {"rules", to_string(team.rules)}, {"athletes", athletes}});
      return;
    }
    if (team.athletes.empty()) {
      ctx.print(fmt::format("The roster in {} is empty: baton roster import FILE\n", ctx.db_path));
      return;
    }
    ctx.print(fmt::format("{} ({} rules): {}; times as written, h = hand-timed\n",
                          team.name.empty() ? ctx.db_path : team.name, to_string(team.rules),
                          counted(static_cast<long long>(team.athletes.size()), "athlete")));
    ctx.print(roster_table(team.athletes));
  });

  // add
  auto add_edits = std::make_shared<AthleteEdits>();
  CLI::App* add = roster_cmd->add_subcommand("add", "Add an athlete");
  add->add_option("name", add_edits->name, "Full name")->required();
  add_edit_options(add, *add_edits);
  add->get_option("--sex")->required();
  add->callback([add_edits, &ctx] {
    Athlete a;
    a.name = add_edits->name;
    apply(*add_edits, a);
    a = add_athlete(ctx.workspace(), a);
    if (ctx.json) {
      ctx.print_json({{"added", to_json(a)}});
    } else {
      ctx.print(fmt::format("Added {}\n", a.name));
    }
  });

  // edit
  auto edits = std::make_shared<AthleteEdits>();
  CLI::App* edit = roster_cmd->add_subcommand("edit", "Change an athlete's name, sex or marks");
  edit->add_option("name", edits->name, "The athlete's current name")->required();
  edit->add_option("--name", edits->new_name, "New name");
  add_edit_options(edit, *edits);
  edit->add_option("--remove-best", edits->drop_bests, "Remove the best at a distance; repeat");
  edit->add_flag("--clear-splits", edits->clear_splits, "Remove all split times first");
  edit->add_flag("--clear-hand", edits->clear_hand, "Forget the preferred hand");
  edit->callback([edits, &ctx] {
    const Athlete a =
        edit_athlete(ctx.workspace(), edits->name, [&](Athlete& x) { apply(*edits, x); });
    if (ctx.json) {
      ctx.print_json({{"updated", to_json(a)}});
    } else {
      ctx.print(fmt::format("Updated {}\n", a.name));
    }
  });

  // remove
  auto remove_name = std::make_shared<std::string>();
  CLI::App* remove = roster_cmd->add_subcommand("remove", "Remove an athlete and their marks");
  remove->add_option("name", *remove_name, "Full name")->required();
  remove->callback([remove_name, &ctx] {
    const std::string removed = remove_athlete(ctx.workspace(), *remove_name);
    if (ctx.json) {
      ctx.print_json({{"removed", removed}});
    } else {
      ctx.print(fmt::format("Removed {}\n", removed));
    }
  });

  add_roster_team_command(roster_cmd, ctx);
}

}  // namespace baton::cli
