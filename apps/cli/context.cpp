#include "cli/context.h"

#include "baton/team_file.h"

namespace baton::cli {

Database Context::open_database() const { return Database::open(db_path); }

Team Context::load_team(const std::string& file) const {
  if (!file.empty()) return baton::load_team(file);
  Database db = open_database();
  Team team = Roster(db).team();
  if (team.athletes.empty()) {
    throw NotFoundError("the roster in " + db_path +
                        " is empty: import a team first (baton roster import FILE) or pass "
                        "--team FILE");
  }
  return team;
}

void Context::print_json(const nlohmann::json& doc) const { std::cout << doc.dump(2) << "\n"; }

void Context::print(const std::string& text) const { std::cout << text; }

}  // namespace baton::cli
