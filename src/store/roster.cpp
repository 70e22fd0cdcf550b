#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "core/text.h"
#include "store/sqlite.h"

namespace baton {
namespace {

constexpr const char* kNow = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";

// The athlete in a row of "SELECT id, name, sex, foot_length_m, hand, form_sd_percent", without
// marks and entries.
Athlete read_athlete_row(Statement& row) {
  Athlete a;
  a.name = row.column_text(1);
  a.sex = row.column_text(2) == "M" ? Sex::male : Sex::female;
  if (!row.column_null(3)) a.foot_length_m = row.column_double(3);
  if (!row.column_null(4)) a.hand = row.column_text(4) == "left" ? Hand::left : Hand::right;
  if (!row.column_null(5)) a.form_sd_percent = row.column_double(5);
  return a;
}

void add_best(Athlete& a, Statement& row) {
  a.bests.push_back(Best{row.column_double(1), Mark{row.column_double(2), row.column_int(3) != 0}});
}
void add_split(Athlete& a, Statement& row) {
  a.splits.push_back(Split{row.column_double(1), row.column_double(2)});
}
void add_entry(Athlete& a, Statement& row) { a.entries.push_back(row.column_text(1)); }

// One athlete, marks and entries included.
Athlete read_athlete(const Connection& impl, Statement& row) {
  Athlete a = read_athlete_row(row);
  const long long id = row.column_int(0);
  Statement bests(impl,
                  "SELECT athlete_id, distance_m, time_s, hand_timed FROM bests "
                  "WHERE athlete_id = ? ORDER BY distance_m");
  bests.bind(1, id);
  while (bests.step()) add_best(a, bests);
  Statement splits(impl,
                   "SELECT athlete_id, distance_m, time_s FROM splits WHERE athlete_id = ? "
                   "ORDER BY distance_m");
  splits.bind(1, id);
  while (splits.step()) add_split(a, splits);
  Statement entries(impl,
                    "SELECT athlete_id, event FROM athlete_entries WHERE athlete_id = ? "
                    "ORDER BY position");
  entries.bind(1, id);
  while (entries.step()) add_entry(a, entries);
  return a;
}

// Every athlete, sorted by name, marks and entries included: one query per table for the whole
// roster rather than three per athlete (the server reads the roster for most requests).
std::vector<Athlete> read_athletes(const Connection& impl) {
  ReadTransaction snapshot(impl);
  std::vector<Athlete> out;
  std::unordered_map<long long, size_t> at;  // athlete id -> index in `out`
  Statement s(impl,
              "SELECT id, name, sex, foot_length_m, hand, form_sd_percent FROM athletes "
              "ORDER BY name");
  while (s.step()) {
    at.emplace(s.column_int(0), out.size());
    out.push_back(read_athlete_row(s));
  }
  // Rows come ordered by athlete and then as read_athlete orders them.
  const auto fill = [&](const char* sql, void (*add)(Athlete&, Statement&)) {
    Statement rows(impl, sql);
    while (rows.step()) {
      const auto it = at.find(rows.column_int(0));
      if (it != at.end()) add(out[it->second], rows);
    }
  };
  fill(
      "SELECT athlete_id, distance_m, time_s, hand_timed FROM bests "
      "ORDER BY athlete_id, distance_m",
      add_best);
  fill("SELECT athlete_id, distance_m, time_s FROM splits ORDER BY athlete_id, distance_m",
       add_split);
  fill("SELECT athlete_id, event FROM athlete_entries ORDER BY athlete_id, position", add_entry);
  return out;
}

std::optional<long long> find_id(const Connection& impl, std::string_view name) {
  Statement s(impl, "SELECT id FROM athletes WHERE name = ?");
  s.bind(1, name);
  if (s.step()) return s.column_int(0);
  return std::nullopt;
}

void write_marks(const Connection& impl, long long id, const Athlete& a) {
  Statement clear_bests(impl, "DELETE FROM bests WHERE athlete_id = ?");
  clear_bests.bind(1, id).run();
  Statement clear_splits(impl, "DELETE FROM splits WHERE athlete_id = ?");
  clear_splits.bind(1, id).run();
  Statement best(impl, std::string("INSERT INTO bests (athlete_id, distance_m, time_s, hand_timed, "
                                   "updated_at) VALUES (?, ?, ?, ?, ") +
                           kNow + ")");
  for (const Best& b : a.bests) {
    best.bind(1, id)
        .bind(2, b.distance_m)
        .bind(3, b.mark.time_s)
        .bind(4, b.mark.hand_timed ? 1 : 0);
    best.run();
    best.reset();
  }
  Statement split(impl, "INSERT INTO splits (athlete_id, distance_m, time_s) VALUES (?, ?, ?)");
  for (const Split& s : a.splits) {
    split.bind(1, id).bind(2, s.distance_m).bind(3, s.time_s);
    split.run();
    split.reset();
  }
  Statement clear_entries(impl, "DELETE FROM athlete_entries WHERE athlete_id = ?");
  clear_entries.bind(1, id).run();
  Statement entry(impl,
                  "INSERT INTO athlete_entries (athlete_id, position, event) VALUES (?, ?, ?)");
  for (size_t i = 0; i < a.entries.size(); ++i) {
    entry.bind(1, id).bind(2, static_cast<long long>(i)).bind(3, a.entries[i]);
    entry.run();
    entry.reset();
  }
}

std::optional<std::string> hand_text(const Athlete& a) {
  if (!a.hand) return std::nullopt;
  return std::string(to_string(*a.hand));
}

long long insert_athlete(const Connection& impl, const Athlete& a) {
  Statement s(impl, std::string("INSERT INTO athletes (name, sex, foot_length_m, hand, "
                                "form_sd_percent, updated_at) VALUES (?, ?, ?, ?, ?, ") +
                        kNow + ")");
  s.bind(1, a.name).bind(2, to_string(a.sex)).bind(3, a.foot_length_m).bind(4, hand_text(a));
  s.bind(5, a.form_sd_percent);
  s.run();
  const long long id = sqlite3_last_insert_rowid(impl.db);
  write_marks(impl, id, a);
  return id;
}

void update_athlete(const Connection& impl, long long id, const Athlete& a) {
  Statement s(impl, std::string("UPDATE athletes SET name = ?, sex = ?, foot_length_m = ?, "
                                "hand = ?, form_sd_percent = ?, updated_at = ") +
                        kNow + " WHERE id = ?");
  s.bind(1, a.name).bind(2, to_string(a.sex)).bind(3, a.foot_length_m).bind(4, hand_text(a));
  s.bind(5, a.form_sd_percent).bind(6, id).run();
  write_marks(impl, id, a);
}

std::string setting(const Connection& impl, const char* key, const std::string& fallback) {
  Statement s(impl, "SELECT value FROM settings WHERE key = ?");
  s.bind(1, key);
  return s.step() ? s.column_text(0) : fallback;
}

// The team's name, rule set and level (none: the level is inferred from the marks).
void write_team_info(const Connection& impl, const std::string& name, RuleSet rules,
                     std::optional<Level> level) {
  Statement s(impl, "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)");
  s.bind(1, "team_name").bind(2, name).run();
  s.reset();
  s.bind(1, "rules").bind(2, to_string(rules)).run();
  if (level) {
    s.reset();
    s.bind(1, "level").bind(2, std::string(to_string(*level))).run();
  } else {
    Statement d(impl, "DELETE FROM settings WHERE key = 'level'");
    d.run();
  }
}

// A team name: valid UTF-8 text of at most kMaxTeamNameCodePoints characters, no control
// characters.
void check_team_name(const std::string& name) {
  const Location where{"", 0, "team_name"};
  text::require_utf8(name, where);
  if (text::code_points(name) > kMaxTeamNameCodePoints) {
    throw ValidationError(
        fmt::format("team name must be at most {} characters", kMaxTeamNameCodePoints), where);
  }
  for (char c : name) {
    if (static_cast<unsigned char>(c) < 0x20) {
      throw ValidationError("team name must not contain control characters", where);
    }
  }
}

}  // namespace

std::vector<Athlete> Roster::athletes() const { return read_athletes(connection(db_)); }

Team Roster::team_info() const {
  const Connection& impl = connection(db_);
  ReadTransaction snapshot(impl);
  Team team;
  team.name = setting(impl, "team_name", "");
  team.rules = parse_rules(setting(impl, "rules", "nfhs"), Location{db_.path(), 0, "rules"});
  const std::string level = setting(impl, "level", "");
  if (!level.empty()) team.level = parse_level(level, Location{db_.path(), 0, "level"});
  return team;
}

Team Roster::team() const {
  ReadTransaction snapshot(connection(db_));
  Team team = team_info();
  team.athletes = athletes();
  return team;
}

std::optional<Athlete> Roster::find(std::string_view name) const {
  const Connection& impl = connection(db_);
  ReadTransaction snapshot(impl);
  Statement s(impl,
              "SELECT id, name, sex, foot_length_m, hand, form_sd_percent FROM athletes "
              "WHERE name = ?");
  s.bind(1, name);
  if (s.step()) return read_athlete(impl, s);
  return std::nullopt;
}

void Roster::add(const Athlete& athlete) {
  validate_athlete(athlete);
  db_.transaction([&] {
    if (find_id(connection(db_), athlete.name)) {
      throw ValidationError("an athlete called '" + athlete.name + "' is already on the roster",
                            Location{"", 0, "name"});
    }
    insert_athlete(connection(db_), athlete);
  });
}

void Roster::update(std::string_view name, const Athlete& athlete) {
  validate_athlete(athlete);
  db_.transaction([&] {
    const auto id = find_id(connection(db_), name);
    if (!id) throw NotFoundError("no athlete called '" + std::string(name) + "' on the roster");
    const auto other = find_id(connection(db_), athlete.name);
    if (other && *other != *id) {
      throw ValidationError("an athlete called '" + athlete.name + "' is already on the roster",
                            Location{"", 0, "name"});
    }
    update_athlete(connection(db_), *id, athlete);
  });
}

void Roster::remove(std::string_view name) {
  db_.transaction([&] {
    const auto id = find_id(connection(db_), name);
    if (!id) throw NotFoundError("no athlete called '" + std::string(name) + "' on the roster");
    Statement s(connection(db_), "DELETE FROM athletes WHERE id = ?");
    s.bind(1, *id).run();
  });
}

void Roster::set_team_info(const std::string& name, RuleSet rules, std::optional<Level> level) {
  check_team_name(name);
  db_.transaction([&] { write_team_info(connection(db_), name, rules, level); });
}

ImportSummary Roster::import(const Team& team, bool replace_all,
                             const std::function<void(size_t)>& after_each) {
  for (const Athlete& a : team.athletes) validate_athlete(a);
  if (team.has_team_info) check_team_name(team.name);
  ImportSummary summary;
  db_.transaction([&] {
    const Connection& impl = connection(db_);
    if (replace_all) {
      Statement all(impl, "SELECT id, name FROM athletes");
      std::vector<long long> drop;
      while (all.step()) {
        // Names compare case-insensitively, as the column does.
        const std::string n = all.column_text(1);
        const bool kept = std::any_of(
            team.athletes.begin(), team.athletes.end(),
            [&](const Athlete& a) { return sqlite3_stricmp(a.name.c_str(), n.c_str()) == 0; });
        if (!kept) drop.push_back(all.column_int(0));
      }
      Statement del(impl, "DELETE FROM athletes WHERE id = ?");
      for (long long id : drop) {
        del.bind(1, id).run();
        del.reset();
      }
      summary.removed = static_cast<int>(drop.size());
    }
    size_t written = 0;
    for (const Athlete& a : team.athletes) {
      if (const auto id = find_id(impl, a.name)) {
        update_athlete(impl, *id, a);
        ++summary.updated;
      } else {
        insert_athlete(impl, a);
        ++summary.added;
      }
      ++written;
      if (after_each) after_each(written);
    }
    if (team.has_team_info) write_team_info(impl, team.name, team.rules, team.level);
  });
  return summary;
}

}  // namespace baton
