#include "baton/practice.h"

#include <fmt/format.h>

#include <cmath>
#include <numeric>

#include "store/sqlite.h"

namespace baton {
namespace {

void check(bool ok, const char* field, const std::string& message) {
  if (!ok) throw ValidationError(message, Location{"", 0, field});
}

struct Runner {
  long long id = 0;
  std::string name;
};

// The roster's athlete called `name` (exact, then case-insensitive); NotFoundError naming
// `field` with the closest name otherwise.
Runner resolve(Database& db, std::string_view name, const char* field) {
  const Team team = Roster(db).team();
  const Athlete& a = team.athlete(name, Location{"", 0, field});
  Statement s(db.impl(), "SELECT id FROM athletes WHERE name = ?");
  s.bind(1, a.name);
  if (!s.step()) throw NotFoundError("unknown athlete '" + std::string(name) + "'", {"", 0, field});
  return Runner{s.column_int(0), a.name};
}

constexpr const char* kSelect =
    "SELECT d.id, f.name, t.name, d.date, d.go_mark_m, d.exchange_at_m, d.baton_time_s, "
    "d.outcome, d.note, d.zone_length_m FROM drills d JOIN athletes f ON f.id = d.from_id "
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
  return d;
}

}  // namespace

void validate_drill(const Drill& d) {
  check(!d.from.empty(), "from", "the incoming runner is missing");
  check(!d.to.empty(), "to", "the outgoing runner is missing");
  parse_date(d.date, Location{"", 0, "date"});
  check(std::isfinite(d.zone_length_m) && d.zone_length_m > 0 &&
            d.zone_length_m <= kMaxDrillZoneLengthM,
        "zone_length_m",
        fmt::format("zone length must be above 0 and at most {:g} m (got {:g} m)",
                    kMaxDrillZoneLengthM, d.zone_length_m));
  check(std::isfinite(d.go_mark_m) && d.go_mark_m >= 0 && d.go_mark_m <= kMaxDrillGoMarkM,
        "go_mark_m",
        fmt::format("go-mark must be 0-{:g} m behind the outgoing runner (got {:g} m)",
                    kMaxDrillGoMarkM, d.go_mark_m));
  const double z = d.zone_length_m;
  check(std::isfinite(d.exchange_at_m) && d.exchange_at_m >= -z && d.exchange_at_m <= 2 * z,
        "exchange_at_m",
        fmt::format("exchange position {:g} m is impossible: it must lie within {:g} m of the "
                    "{:g} m zone ({:g} to {:g} m from the zone's start)",
                    d.exchange_at_m, z, z, -z, 2 * z));
  if (d.baton_time_s) {
    check(
        std::isfinite(*d.baton_time_s) && *d.baton_time_s > 0 && *d.baton_time_s <= kMaxBatonTimeS,
        "baton_time_s",
        fmt::format("baton time must be above 0 and at most {:g} s (got {:g} s)", kMaxBatonTimeS,
                    *d.baton_time_s));
  }
}

std::optional<double> PairRecord::p_clean() const {
  if (drills == 0) return std::nullopt;
  return static_cast<double>(clean) / drills;
}

double PairRecord::p_clean_smoothed() const { return (clean + 1.0) / (drills + 2.0); }

PairRecord summarize_drills(const std::vector<Drill>& drills) {
  PairRecord r;
  if (drills.empty()) return r;
  r.from = drills.front().from;
  r.to = drills.front().to;
  r.drills = static_cast<int>(drills.size());
  r.first_date = drills.front().date;
  r.last_date = drills.front().date;
  double sum = 0;
  for (const Drill& d : drills) {
    r.clean += d.outcome == DrillOutcome::clean;
    r.drops += d.outcome == DrillOutcome::drop;
    r.outside_zone += d.outcome == DrillOutcome::out;
    sum += d.exchange_at_m;
    r.first_date = std::min(r.first_date, d.date);
    r.last_date = std::max(r.last_date, d.date);
  }
  r.mean_exchange_at_m = sum / r.drills;
  if (r.drills > 1) {
    double ss = 0;
    for (const Drill& d : drills)
      ss += (d.exchange_at_m - r.mean_exchange_at_m) * (d.exchange_at_m - r.mean_exchange_at_m);
    r.sd_exchange_at_m = std::sqrt(ss / (r.drills - 1));
  }
  return r;
}

long long Practice::log(const Drill& drill) {
  validate_drill(drill);
  long long id = 0;
  db_.transaction([&] {
    const Runner from = resolve(db_, drill.from, "from");
    const Runner to = resolve(db_, drill.to, "to");
    if (from.id == to.id) {
      throw ValidationError(from.name + " cannot hand the baton to themselves: name two runners",
                            Location{"", 0, "to"});
    }
    Statement s(db_.impl(),
                "INSERT INTO drills (from_id, to_id, date, go_mark_m, exchange_at_m, "
                "baton_time_s, outcome, note, zone_length_m) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, from.id).bind(2, to.id).bind(3, drill.date).bind(4, drill.go_mark_m);
    s.bind(5, drill.exchange_at_m).bind(6, drill.baton_time_s).bind(7, to_string(drill.outcome));
    s.bind(8, drill.note).bind(9, drill.zone_length_m);
    s.run();
    id = sqlite3_last_insert_rowid(db_.impl().db);
  });
  return id;
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
  Statement s(db_.impl(), sql);
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
    Statement s(db_.impl(), "DELETE FROM drills WHERE id = ?");
    s.bind(1, id).run();
    if (sqlite3_changes(db_.impl().db) == 0) {
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
