// baton import FILE: athletes, marks and relay results from other programs' files (Hy-Tek,
// MeetPro, FinishLynx, OpenTrack, Athletic.net, TFRRS, spreadsheets), or with --as-field the
// opponents' seed times as a meet file (include/baton/file_import.h, docs/FILE_FORMATS.md).
#include <fmt/format.h>

#include <fstream>

#include "baton/file_import.h"
#include "baton/import_json.h"
#include "baton/roster_admin.h"
#include "baton/team_file.h"
#include "cli/context.h"
#include "cli/option_errors.h"

namespace baton::cli {
namespace {

struct ImportArgs {
  std::string file;
  std::string format = "auto";
  std::string team;
  std::string since;
  std::string sex;
  bool dry_run = false;
  bool as_field = false;
  std::string event;
  std::string out;
  std::string rules;
};

void run_field(const ImportArgs& a, const Context& ctx) {
  if (a.event.empty())
    throw ParseError("--as-field needs --event (such as 4x100/F)", {"--event", 0, ""});
  if (a.out.empty()) throw ParseError("--as-field needs --out meet.toml", {"--out", 0, ""});
  const Workspace ws = ctx.workspace();
  FieldRequest req;
  req.format = a.format;
  req.event = a.event;
  req.team = a.team;
  req.rules = a.rules.empty() ? entered_roster(ws).rules : parse_rules(a.rules, {"--rules", 0, ""});
  const std::string text = read_text_file(a.file);
  const Meet meet = naming_options([&] { return field_from_file(ws, text, a.file, req); });
  std::ofstream out(a.out, std::ios::binary);
  out << meet_to_toml(meet);
  if (!out) throw ParseError("cannot write the meet file", {a.out, 0, ""});
  size_t opponents = 0;
  for (const MeetEntry& e : meet.teams) opponents += e.own() ? 0 : 1;
  if (ctx.json) {
    nlohmann::json teams = nlohmann::json::array();
    for (const MeetEntry& e : meet.teams) {
      teams.push_back(e.own() ? nlohmann::json{{"team", e.name}, {"roster", true}}
                              : nlohmann::json{{"team", e.name}, {"seed_s", e.seed_time_s}});
    }
    ctx.print_json({{"file", a.file}, {"out", a.out}, {"event", meet.event.id}, {"teams", teams}});
  } else {
    ctx.print(fmt::format("Wrote {} with {} for {} (seeds from {})\n", a.out,
                          counted(static_cast<long long>(opponents), "opponent"), meet.event.id,
                          a.file));
  }
}

void run_import(const ImportArgs& a, const Context& ctx) {
  FileImportRequest req;
  req.format = a.format;
  req.team = a.team;
  req.since = a.since;
  req.dry_run = a.dry_run;
  if (!a.sex.empty()) req.sex = parse_sex(a.sex, {"--sex", 0, ""});
  const std::string text = read_text_file(a.file);
  const ImportReport r =
      naming_options([&] { return import_file(ctx.workspace(), text, a.file, req); });
  if (ctx.json) {
    nlohmann::json doc = import_report_to_json(r);
    doc["database"] = ctx.db_path;
    ctx.print_json(doc);
  } else {
    ctx.print(import_report_text(r));
  }
}

}  // namespace

void add_import_command(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<ImportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "import", "Read athletes, marks and relay results from another program's file");
  cmd->add_option("file", a->file, "The file (format told from its content)")->required();
  cmd->add_option("--format", a->format,
                  "auto|hytek|hytek-results|meetpro|lynx-evt|lynx-lif|opentrack|athletic-net|"
                  "tfrrs|csv (default auto)");
  cmd->add_option("--team", a->team, "The file's team to import, by name or code");
  cmd->add_flag("--dry-run", a->dry_run, "Report what would change; write nothing");
  cmd->add_option("--since", a->since, "YYYY-MM-DD: bests are the season's marks from this date");
  cmd->add_option("--sex", a->sex, "F or M for new athletes the file gives no sex for");
  cmd->add_flag("--as-field", a->as_field,
                "Write the other teams' seed times for --event as a meet file (--out)");
  cmd->add_option("--event", a->event, "--as-field: the relay and squad, such as 4x100/F");
  cmd->add_option("--out", a->out, "--as-field: the meet file to write");
  cmd->add_option("--rules", a->rules, "--as-field: the meet's rules (default the roster's)");
  cmd->callback([a, &ctx] {
    if (a->as_field) {
      run_field(*a, ctx);
    } else {
      run_import(*a, ctx);
    }
  });
}

}  // namespace baton::cli
