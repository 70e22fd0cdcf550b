// The `baton` command: parses, calls the library, formats. Errors become one line on stderr
// and a non-zero exit: 1 for bad input or a failed operation, 2 for a malformed command line.
#include <cstdlib>
#include <iostream>

#include "baton/error.h"
#include "cli/context.h"

int main(int argc, char** argv) {
  CLI::App app{"Baton: relay lineups, hand-offs, pacing and race odds for track coaches"};
  app.name("baton");
  app.set_version_flag("--version", "baton 0.1.0");
  app.require_subcommand(1);
  app.fallthrough();

  baton::cli::Context ctx;
  const char* env = std::getenv("BATON_DB");
  ctx.db_path = env && *env ? env : baton::kDefaultDatabasePath;
  app.add_option("--db", ctx.db_path, "SQLite database file (default ./baton.db or $BATON_DB)");
  app.add_flag("--json", ctx.json, "Print one JSON document on stdout instead of tables");
  app.add_flag("--ignore-results", ctx.ignore_results,
               "Use the roster's marks and the pairs' drills as entered, without what logged "
               "races say");

  baton::cli::add_events_command(app, ctx);
  baton::cli::add_lineup_command(app, ctx);
  baton::cli::add_roster_command(app, ctx);
  baton::cli::add_import_command(app, ctx);
  baton::cli::add_practice_command(app, ctx);
  baton::cli::add_results_command(app, ctx);
  baton::cli::add_handoff_command(app, ctx);
  baton::cli::add_plan_command(app, ctx);
  baton::cli::add_simulate_command(app, ctx);
  baton::cli::add_profile_command(app, ctx);
  baton::cli::add_predict_command(app, ctx);
  baton::cli::add_pacing_command(app, ctx);
  baton::cli::add_timeline_command(app, ctx);
  baton::cli::add_cards_command(app, ctx);
  baton::cli::add_report_command(app, ctx);
  baton::cli::add_serve_command(app, ctx);
  baton::cli::add_users_command(app, ctx);
  baton::cli::add_export_command(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help, version or the usage error
    return code == 0 ? 0 : 2;
  } catch (const baton::Error& e) {
    std::cerr << "baton: " << baton::cli::error_message(e) << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "baton: internal error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
