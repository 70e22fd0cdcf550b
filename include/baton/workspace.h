// The use-case layer: what a coach asks Baton for, in a coach's terms. A Workspace is the team
// a request is about (the database roster, or a team file) with its logs; the use-case
// functions (include/baton/lineup_query.h, pair_report.h, ...: docs/ARCHITECTURE.md lists
// them) take a workspace and a request naming athletes and events as a coach does, and return
// results ready to format. The CLI and the web server call these and only translate: they read
// a request, call one function and print its answer.
//
// Errors carry the field of the request that was wrong, spelled as the web API spells it
// ("event", "order.2", "locks.3", "exclude"); cli_option_for_field() turns that into the
// command-line option that held the value.
//
// Example:
//   baton::Workspace ws = baton::Workspace::open_database("baton.db");
//   const baton::Team& team = ws.team();  // the roster as its race results taught it
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "baton/event.h"
#include "baton/pair_practice.h"
#include "baton/store.h"
#include "baton/team.h"

namespace baton {

/// How a workspace reads the team.
struct WorkspaceOptions {
  /// Predict with the roster as entered, without what logged race splits taught it, and price
  /// the pairs' practice records on their drills alone, without their passes in logged races.
  bool ignore_results = false;
};

class Workspace {
 public:
  /// The database at `db_path` (created and migrated when missing). Throws StoreError naming
  /// the path when it cannot be opened.
  static Workspace open_database(const std::string& db_path, const WorkspaceOptions& options = {});
  /// A database connection the caller keeps open (a server worker's, say), used for as long as
  /// the workspace lives: the caller keeps `db` alive until then.
  static Workspace borrow(Database& db, const WorkspaceOptions& options = {});
  /// A team file (TOML or CSV roster): no practice or results logs. Throws the team loader's
  /// errors (file, line, field).
  static Workspace open_team_file(const std::string& path);
  /// `team_file` when it is not empty, else the database at `db_path`.
  static Workspace open(const std::string& team_file, const std::string& db_path,
                        const WorkspaceOptions& options = {});

  Workspace(Workspace&&) noexcept;
  Workspace& operator=(Workspace&&) noexcept;
  ~Workspace();

  /// The team requests are about: the team file's, or the database roster with its athletes'
  /// marks updated from logged race splits (unless options.ignore_results). Read once, on first
  /// use. Throws NotFoundError when the database roster is empty (import a team first).
  const Team& team() const;
  /// True when the team comes from the database, which holds the practice and results logs.
  bool has_logs() const;
  /// The database; StoreError for a workspace opened on a team file.
  Database& database() const;
  /// Where the team comes from: the team file's path or the database's.
  const std::string& source() const;

  /// The roster index of the athlete called `name` (exact, then case-insensitive); throws
  /// NotFoundError with the closest name, naming `field`.
  int athlete_index(std::string_view name, const std::string& field) const;
  /// The athlete's name as the roster spells it; throws like athlete_index().
  const std::string& athlete_name(std::string_view name, const std::string& field) const;

  /// Every pair's practice record for `event` from the logs (drills and race passes; drills
  /// alone with options.ignore_results); an empty lookup for a team file.
  PracticeLookup practice(const Event& event) const;

 private:
  struct State;
  explicit Workspace(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

/// The command-line option that carries a request field, for error messages of the CLI:
/// "event" -> "--event", "order.2" -> "--order", "locks.3" -> "--lock", ... Fields the CLI has
/// no option for come back unchanged.
std::string cli_option_for_field(std::string_view field);

}  // namespace baton
