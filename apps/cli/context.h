// What every subcommand shares: the global options and the ways to reach data and print.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "baton/simulation.h"
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

/// Checks simulation settings given on the command line (validate_simulation_options), naming
/// the option (--runs, --threads) in the error.
void check_simulation_options(const SimulationOptions& options);

/// Parses a finite number given to `option`; throws ParseError naming the option otherwise.
double parse_number(const std::string& text, const char* option);

// One registration function per subcommand file.
void add_events_command(CLI::App& app, Context& ctx);
void add_lineup_command(CLI::App& app, Context& ctx);
void add_roster_command(CLI::App& app, Context& ctx);
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

}  // namespace baton::cli
