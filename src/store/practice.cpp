#include "baton/practice.h"

#include <fmt/format.h>

#include <cmath>
#include <numeric>

#include "baton/date.h"
#include "store/sqlite.h"

namespace baton {
namespace {

struct Runner {
  long long id = 0;
  std::string name;
};

// The roster's athlete called `name` (exact, then case-insensitive); NotFoundError naming
// `field` with the closest name otherwise.
Runner resolve(Database& db, std::string_view name, const char* field) {
  const Team team = Roster(db).team();
  const Athlete& a = team.athlete(name, Location{"", 0, field});
  Statement s(connection(db), "SELECT id FROM athletes WHERE name = ?");
  s.bind(1, a.name);
  if (!s.step()) throw NotFoundError("unknown athlete '" + std::string(name) + "'", {"", 0, field});
  return Runner{s.column_int(0), a.name};
}

constexpr const char* kSelect =
    "SELECT d.id, f.name, t.name, d.date, d.go_mark_m, d.exchange_at_m, d.baton_time_s, "
    "d.outcome, d.note, d.zone_length_m, d.key FROM drills d JOIN athletes f ON f.id = d.from_id "
    "JOIN athletes t ON t.id = d.to_id";

Drill read_drill(Statement& s) {
  Drill d;
  d.id = s.column_int(0);
  d.from = s.column_text(1);
  d.to = s.column_text(2);
  d.date = s.column_text(3);
  d.go_mark_m = s.column_double(4);
  d.exchange_at_m = s.column_double(5);
  if (!s.column_null(6)) d.baton_time_s = s.column_double(6);
  d.outcome = parse_drill_outcome(s.column_text(7));
  d.note = s.column_text(8);
  d.zone_length_m = s.column_double(9);
  if (!s.column_null(10)) d.key = s.column_text(10);
  return d;
}

}  // namespace

long long Practice::log(const Drill& drill) { return log_once(drill).id; }

Practice::Logged Practice::log_once(const Drill& drill) {
  validate_drill(drill);
  Logged logged;
  long long& id = logged.id;
  db_.transaction([&] {
    // Inside the write transaction (BEGIN IMMEDIATE), so two requests with one key cannot
    // both miss it.
    if (!drill.key.empty()) {
      Statement k(connection(db_), "SELECT id FROM drills WHERE key = ?");
      k.bind(1, drill.key);
      if (k.step()) {
        id = k.column_int(0);
        logged.repeat = true;
        return;
      }
    }
    const Runner from = resolve(db_, drill.from, "from");
    const Runner to = resolve(db_, drill.to, "to");
    if (from.id == to.id) {
      throw ValidationError(from.name + " cannot hand the baton to themselves: name two runners",
                            Location{"", 0, "to"});
    }
    Statement s(connection(db_),
                "INSERT INTO drills (from_id, to_id, date, go_mark_m, exchange_at_m, "
                "baton_time_s, outcome, note, zone_length_m, key) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, from.id).bind(2, to.id).bind(3, drill.date).bind(4, drill.go_mark_m);
    s.bind(5, drill.exchange_at_m).bind(6, drill.baton_time_s).bind(7, to_string(drill.outcome));
    s.bind(8, drill.note).bind(9, drill.zone_length_m);
    if (drill.key.empty()) {
      s.bind(10, std::nullopt);
    } else {
      s.bind(10, drill.key);
    }
    s.run();
    id = sqlite3_last_insert_rowid(connection(db_).db);
  });
  return logged;
}

Drill Practice::get(long long id) const {
  Statement s(connection(db_), std::string(kSelect) + " WHERE d.id = ?");
  s.bind(1, id);
  if (!s.step()) throw NotFoundError(fmt::format("no drill with id {}", id), Location{"", 0, "id"});
  return read_drill(s);
}

std::vector<Drill> Practice::list(const DrillFilter& filter) const {
  std::string sql = kSelect;
  std::vector<std::string> where;
  std::vector<long long> ids;
  if (!filter.from.empty()) {
    where.push_back("d.from_id = ?");
    ids.push_back(resolve(db_, filter.from, "from").id);
  }
  if (!filter.to.empty()) {
    where.push_back("d.to_id = ?");
    ids.push_back(resolve(db_, filter.to, "to").id);
  }
  if (!filter.until.empty()) {
    parse_date(filter.until, Location{"", 0, "until"});
    where.push_back("d.date <= ?");
  }
  for (size_t i = 0; i < where.size(); ++i) sql += (i == 0 ? " WHERE " : " AND ") + where[i];
  sql += " ORDER BY d.date, d.id";
  Statement s(connection(db_), sql);
  int i = 1;
  for (long long id : ids) s.bind(i++, id);
  if (!filter.until.empty()) s.bind(i++, filter.until);
  std::vector<Drill> out;
  while (s.step()) out.push_back(read_drill(s));
  return out;
}

std::vector<Drill> Practice::pair(std::string_view from, std::string_view to) const {
  return list(DrillFilter{std::string(from), std::string(to), ""});
}

void Practice::remove(long long id) {
  db_.transaction([&] {
    Statement s(connection(db_), "DELETE FROM drills WHERE id = ?");
    s.bind(1, id).run();
    if (sqlite3_changes(connection(db_).db) == 0) {
      throw NotFoundError(fmt::format("no drill with id {}", id), Location{"", 0, "id"});
    }
  });
}

PairRecord pair_record(const Practice& practice, std::string_view from, std::string_view to) {
  PairRecord r = summarize_drills(practice.pair(from, to));
  if (r.drills == 0) {
    r.from = std::string(from);
    r.to = std::string(to);
  }
  return r;
}

}  // namespace baton
