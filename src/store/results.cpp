#include "baton/results.h"

#include <fmt/format.h>

#include <cmath>
#include <set>

#include "baton/event.h"
#include "baton/practice.h"
#include "store/sqlite.h"

namespace baton {
namespace {

Location at(const Location& base, const char* field) { return with_field(base, field); }

RelayResult checked(const RelayResult& in, const Team& roster, const Location& where) {
  RelayResult r = in;
  r.date = parse_date(in.date, at(where, "date"));
  if (in.event.empty()) throw ValidationError("the event is missing", at(where, "event"));
  const Event event = find_event(in.event, roster.rules, at(where, "event"));
  const size_t legs = event.legs.size();
  if (in.order.size() != legs) {
    throw ValidationError(fmt::format("{} has {} legs but the order names {} runners", event.id,
                                      legs, in.order.size()),
                          at(where, "order"));
  }
  std::set<std::string> seen;
  std::vector<const Athlete*> runners;
  double record_sum_s = 0;
  for (size_t i = 0; i < legs; ++i) {
    const Athlete& a = roster.athlete(in.order[i], at(where, "order"));
    if (!seen.insert(a.name).second) {
      throw ValidationError(a.name + " is named for two legs", at(where, "order"));
    }
    r.order[i] = a.name;
    runners.push_back(&a);
    record_sum_s += world_record_s(event.legs[i].distance_m, a.sex);
  }
  const double total_m = event.total_m();
  if (in.team_time_s) {
    const double t = *in.team_time_s;
    if (!std::isfinite(t) || t < 0.95 * record_sum_s || t > total_m / 2.0) {
      throw ValidationError(
          fmt::format("{:.2f} s is impossible for {}: between {:.2f} s (95% of the legs' world "
                      "records) and {:.2f} s (a 2 m/s walk)",
                      t, event.id, 0.95 * record_sum_s, total_m / 2.0),
          at(where, "time"));
    }
  } else if (!in.dropped_leg && !in.dq) {
    throw ValidationError(
        "a finish time is needed unless the team dropped the baton or was "
        "disqualified",
        at(where, "time"));
  }
  if (in.dropped_leg && (*in.dropped_leg < 1 || *in.dropped_leg > static_cast<int>(legs))) {
    throw ValidationError(
        fmt::format("leg {} does not exist in {} (1-{})", *in.dropped_leg, event.id, legs),
        at(where, "drop"));
  }
  if (!in.splits_s.empty()) {
    if (in.splits_s.size() != legs) {
      throw ValidationError(fmt::format("{} splits for {} legs", in.splits_s.size(), legs),
                            at(where, "splits"));
    }
    double sum = 0;
    for (size_t i = 0; i < legs; ++i) {
      const double s = in.splits_s[i];
      const double d = event.legs[i].distance_m;
      // A flying leg can beat the open record; 85 % of it is beyond anyone.
      const double fastest = 0.85 * world_record_s(d, runners[i]->sex);
      if (!std::isfinite(s) || s < fastest || s > d / 2.0) {
        throw ValidationError(
            fmt::format("leg {} split {:.2f} s is impossible for {:g} m ({:.2f} - {:.2f} s)", i + 1,
                        s, d, fastest, d / 2.0),
            at(where, "splits"));
      }
      sum += s;
    }
    if (in.team_time_s && std::abs(sum - *in.team_time_s) > 0.02 * *in.team_time_s + 0.5) {
      throw ValidationError(fmt::format("the splits add up to {:.2f} s but the team time is "
                                        "{:.2f} s",
                                        sum, *in.team_time_s),
                            at(where, "splits"));
    }
  }
  return r;
}

long long insert(Database& db, const RelayResult& r) {
  const Database::Impl& impl = db.impl();
  Statement s(impl,
              "INSERT INTO results (event, date, meet, team_time_s, dropped_leg, dq) VALUES "
              "(?, ?, ?, ?, ?, ?)");
  s.bind(1, r.event).bind(2, r.date).bind(3, r.meet).bind(4, r.team_time_s);
  s.bind(5, r.dropped_leg).bind(6, r.dq ? 1 : 0).run();
  const long long id = sqlite3_last_insert_rowid(impl.db);
  Statement leg(impl,
                "INSERT INTO result_legs (result_id, leg, athlete_id, athlete, split_s) VALUES "
                "(?, ?, (SELECT id FROM athletes WHERE name = ?), ?, ?)");
  for (size_t i = 0; i < r.order.size(); ++i) {
    leg.bind(1, id).bind(2, static_cast<int>(i + 1)).bind(3, r.order[i]).bind(4, r.order[i]);
    if (r.splits_s.empty()) {
      leg.bind(5, std::nullopt);
    } else {
      leg.bind(5, r.splits_s[i]);
    }
    leg.run();
    leg.reset();
  }
  return id;
}

}  // namespace

RelayResult validate_result(const RelayResult& result, const Team& roster) {
  return checked(result, roster, {});
}

long long Results::add(const RelayResult& result) { return import({result}).front(); }

std::vector<long long> Results::import(const std::vector<RelayResult>& results,
                                       const std::string& source, const std::vector<int>& lines) {
  std::vector<long long> ids;
  db_.transaction([&] {
    const Team roster = Roster(db_).team();
    std::vector<RelayResult> ok;
    for (size_t i = 0; i < results.size(); ++i) {
      const int line = i < lines.size() ? lines[i] : (results.size() > 1 ? int(i) + 1 : 0);
      ok.push_back(checked(results[i], roster, Location{source, line, ""}));
    }
    for (const RelayResult& r : ok) ids.push_back(insert(db_, r));
  });
  return ids;
}

std::vector<RelayResult> Results::list() const {
  const Database::Impl& impl = db_.impl();
  Statement s(impl,
              "SELECT id, event, date, meet, team_time_s, dropped_leg, dq FROM results "
              "ORDER BY date, id");
  std::vector<RelayResult> out;
  while (s.step()) {
    RelayResult r;
    r.id = s.column_int(0);
    r.event = s.column_text(1);
    r.date = s.column_text(2);
    r.meet = s.column_text(3);
    if (!s.column_null(4)) r.team_time_s = s.column_double(4);
    if (!s.column_null(5)) r.dropped_leg = static_cast<int>(s.column_int(5));
    r.dq = s.column_int(6) != 0;
    Statement legs(impl,
                   "SELECT athlete, split_s FROM result_legs WHERE result_id = ? ORDER BY leg");
    legs.bind(1, r.id);
    bool all_splits = true;
    std::vector<double> splits;
    while (legs.step()) {
      r.order.push_back(legs.column_text(0));
      if (legs.column_null(1)) {
        all_splits = false;
      } else {
        splits.push_back(legs.column_double(1));
      }
    }
    if (all_splits) r.splits_s = splits;
    out.push_back(std::move(r));
  }
  return out;
}

void Results::remove(long long id) {
  db_.transaction([&] {
    Statement s(db_.impl(), "DELETE FROM results WHERE id = ?");
    s.bind(1, id).run();
    if (sqlite3_changes(db_.impl().db) == 0) {
      throw NotFoundError(fmt::format("no result with id {}", id), Location{"", 0, "id"});
    }
  });
}

}  // namespace baton
