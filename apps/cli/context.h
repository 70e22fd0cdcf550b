// What every subcommand shares: the global options and the ways to reach data and print.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "baton/error.h"
#include "baton/relay_order.h"
#include "baton/store.h"
#include "baton/team.h"
#include "baton/workspace.h"

namespace baton::cli {

struct Context {
  std::string db_path;  ///< --db, else $BATON_DB, else ./baton.db
  bool json = false;    ///< --json: print exactly one JSON document on stdout
  /// --ignore-results: the database roster as entered, without what race splits taught it.
  bool ignore_results = false;

  /// Opens (creating and migrating) the database.
  Database open_database() const;
  /// The team from `file` when given, else the database roster with its athletes' marks
  /// updated from the logged race splits (team_learned_from_results) unless --ignore-results.
  Team load_team(const std::string& file) const;
  /// The workspace a command works on: the team file `file` when given, else the database
  /// (--db), with --ignore-results applied.
  Workspace workspace(const std::string& file = "") const;
  /// Prints a JSON document (pretty, one document, trailing newline) to stdout.
  void print_json(const nlohmann::json& doc) const;
  /// Prints text to stdout.
  void print(const std::string& text) const;
};

/// A progress line on stderr ("<what>:  42 %") for work that takes more than a second, only
/// when stderr is a terminal (never in --json stdout); empty otherwise.
std::function<void(double)> progress_line(const char* what);

/// The message of a library error as the command line shows it: a request field ("locks.2",
/// "exclude", "runs") becomes the option that carried it ("--lock", "--exclude", "--runs";
/// option_location()); errors located in a file keep their location.
std::string error_message(const Error& e);

/// The relay and running order of --event, --rules (empty: the team's), --order "A,B,C,D"
/// (empty: the fastest order) and --sex (the squad of the fastest order), for
/// requested_order(). Throws ParseError naming the option for a malformed value.
OrderRequest order_request(const std::string& event, const std::string& rules,
                           const std::string& order, const std::string& sex = "");

/// Parses a finite number given to `option`; throws ParseError naming the option otherwise.
double parse_number(const std::string& text, const char* option);

// One registration function per subcommand file.
void add_events_command(CLI::App& app, Context& ctx);
void add_lineup_command(CLI::App& app, Context& ctx);
void add_roster_command(CLI::App& app, Context& ctx);
/// `roster team`, a subcommand of `roster`.
void add_roster_team_command(CLI::App* roster_cmd, Context& ctx);
void add_import_command(CLI::App& app, Context& ctx);
void add_practice_command(CLI::App& app, Context& ctx);
void add_results_command(CLI::App& app, Context& ctx);
void add_handoff_command(CLI::App& app, Context& ctx);
void add_plan_command(CLI::App& app, Context& ctx);
void add_simulate_command(CLI::App& app, Context& ctx);
void add_profile_command(CLI::App& app, Context& ctx);
void add_predict_command(CLI::App& app, Context& ctx);
void add_pacing_command(CLI::App& app, Context& ctx);
void add_timeline_command(CLI::App& app, Context& ctx);
void add_cards_command(CLI::App& app, Context& ctx);
void add_report_command(CLI::App& app, Context& ctx);
void add_serve_command(CLI::App& app, Context& ctx);
void add_users_command(CLI::App& app, Context& ctx);
void add_export_command(CLI::App& app, Context& ctx);

}  // namespace baton::cli
