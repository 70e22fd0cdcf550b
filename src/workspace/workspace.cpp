#include "baton/workspace.h"

#include <array>
#include <utility>

#include "baton/learned_roster.h"
#include "baton/practice_lookup.h"
#include "baton/team_file.h"

namespace baton {

struct Workspace::State {
  std::string source;
  std::optional<Database> owned;  ///< the connection, when the workspace opened it
  Database* db = nullptr;         ///< the database, owned or borrowed; null for a team file
  WorkspaceOptions options;
  mutable std::optional<Team> team;
};

Workspace::Workspace(std::unique_ptr<State> state) : state_(std::move(state)) {}
Workspace::Workspace(Workspace&&) noexcept = default;
Workspace& Workspace::operator=(Workspace&&) noexcept = default;
Workspace::~Workspace() = default;

Workspace Workspace::open_database(const std::string& db_path, const WorkspaceOptions& options) {
  auto state = std::make_unique<State>();
  state->source = db_path;
  state->owned.emplace(Database::open(db_path));
  state->db = &*state->owned;
  state->options = options;
  return Workspace(std::move(state));
}

Workspace Workspace::borrow(Database& db, const WorkspaceOptions& options) {
  auto state = std::make_unique<State>();
  state->source = db.path();
  state->db = &db;
  state->options = options;
  return Workspace(std::move(state));
}

Workspace Workspace::open_team_file(const std::string& path) {
  auto state = std::make_unique<State>();
  state->source = path;
  state->team = load_team(path);
  return Workspace(std::move(state));
}

Workspace Workspace::open(const std::string& team_file, const std::string& db_path,
                          const WorkspaceOptions& options) {
  return team_file.empty() ? open_database(db_path, options) : open_team_file(team_file);
}

const Team& Workspace::team() const {
  if (!state_->team) {
    Database& db = *state_->db;
    Team team = state_->options.ignore_results ? Roster(db).team() : learned_roster(db);
    if (team.athletes.empty()) {
      throw NotFoundError("the roster in " + state_->source +
                          " is empty: import a team first (baton roster import FILE) or pass "
                          "--team FILE");
    }
    state_->team = std::move(team);
  }
  return *state_->team;
}

bool Workspace::has_logs() const { return state_->db != nullptr; }

Database& Workspace::database() const {
  if (!state_->db) {
    throw StoreError(state_->source +
                     " is a team file: the practice and results logs live in "
                     "the database (--db)");
  }
  return *state_->db;
}

const std::string& Workspace::source() const { return state_->source; }

int Workspace::athlete_index(std::string_view name, const std::string& field) const {
  const Team& t = team();
  const Athlete& a = t.athlete(name, Location{"", 0, field});
  return static_cast<int>(&a - t.athletes.data());
}

const std::string& Workspace::athlete_name(std::string_view name, const std::string& field) const {
  return team().athletes[static_cast<size_t>(athlete_index(name, field))].name;
}

PracticeLookup Workspace::practice(const Event& event) const {
  if (!has_logs()) return {};
  return practice_lookup(*state_->db, team(), event, !state_->options.ignore_results);
}

std::string cli_option_for_field(std::string_view field) {
  // The request field (its part before the first '.') and the option that carries it.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 24> kOptions = {{
      {"event", "--event"},
      {"events", "--events"},
      {"relays", "--events"},
      {"order", "--order"},
      {"locks", "--lock"},
      {"exclude", "--exclude"},
      {"exclude_from", "--exclude"},
      {"conflicts", "--conflict"},
      {"weights", "--weights"},
      {"allow_estimates", "--allow-estimates"},
      {"entries", "--entries"},
      {"sex", "--sex"},
      {"top", "--top"},
      {"model", "--model"},
      {"rules", "--rules"},
      {"as_of", "--as-of"},
      {"teams_per_relay", "--teams-per-relay"},
      {"max_relays_per_athlete", "--max-relays-per-athlete"},
      {"max_events", "--max-events"},
      {"objective", "--objective"},
      {"candidates", "--candidates"},
      {"runs", "--runs"},
      {"seed", "--seed"},
      {"threads", "--threads"},
  }};
  // Drills, pair reports, results, race learning and the hand-off of a pair.
  static constexpr std::pair<std::string_view, std::string_view> kLogOptions[] = {
      {"from", "--from"},
      {"to", "--to"},
      {"exchange", "--exchange"},
      {"date", "--date"},
      {"outcome", "--outcome"},
      {"go_mark_m", "--go-mark"},
      {"exchange_at_m", "--exchange-at"},
      {"baton_time_s", "--baton-time"},
      {"zone_length_m", "--zone-length"},
      {"until", "--as-of"},
      {"incoming_speed_mps", "--incoming-speed"},
      {"outgoing_mss_mps", "--outgoing-mss"},
      {"outgoing_tau_s", "--outgoing-tau"},
      {"reaction_s", "--reaction"},
      {"free_distance_m", "--free-distance"},
      {"start_m", "--start"},
      {"incoming_decel_mps2", "--incoming-decel"},
      {"target_m", "--target"},
      {"half_life_days", "--half-life"},
      {"time", "--time"},
      {"splits", "--splits"},
      {"drop", "--drop"},
      {"dnf", "--dnf"},
      {"athlete", "--athlete"},
      {"svg", "--svg"},
      {"technique", "--technique"},
      {"reaction_sd_s", "--reaction-sd"},
      {"mark_sd_m", "--mark-sd"},
      {"failure_cost_s", "--failure-cost"},
      {"team", "--team"},
      {"since", "--since"},
      {"format", "--format"},
      // Relay entries for a meet host (export entries).
      {"orders", "--order"},
      {"alternates", "--alternates"},
      {"team_code", "--team-code"},
  };
  const std::string_view head = field.substr(0, field.find('.'));
  for (const auto& [name, option] : kOptions) {
    if (head == name) return std::string(option);
  }
  for (const auto& [name, option] : kLogOptions) {
    if (head == name) return std::string(option);
  }
  return std::string(field);
}

}  // namespace baton
