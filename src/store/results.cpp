#include "baton/results.h"

#include <fmt/format.h>

#include <cmath>
#include <set>

#include "store/sqlite.h"

namespace baton {
namespace {

long long insert(Database& db, const RelayResult& r) {
  const Connection& impl = connection(db);
  Statement s(impl,
              "INSERT INTO results (event, date, meet, team_time_s, dropped_leg, dq, dnf) VALUES "
              "(?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, r.event).bind(2, r.date).bind(3, r.meet).bind(4, r.team_time_s);
  s.bind(5, r.dropped_leg).bind(6, r.dq ? 1 : 0).bind(7, r.dnf ? 1 : 0).run();
  const long long id = sqlite3_last_insert_rowid(impl.db);
  Statement leg(
      impl,
      "INSERT INTO result_legs (result_id, leg, athlete_id, athlete, split_s, split_hand) "
      "VALUES (?, ?, (SELECT id FROM athletes WHERE name = ?), ?, ?, ?)");
  for (size_t i = 0; i < r.order.size(); ++i) {
    leg.bind(1, id).bind(2, static_cast<int>(i + 1)).bind(3, r.order[i]).bind(4, r.order[i]);
    if (r.splits_s.empty()) {
      leg.bind(5, std::nullopt);
    } else {
      leg.bind(5, r.splits_s[i]);
    }
    leg.bind(6, i < r.splits_hand.size() && r.splits_hand[i] ? 1 : 0);
    leg.run();
    leg.reset();
  }
  return id;
}

}  // namespace

long long Results::add(const RelayResult& result) { return import({result}).front(); }

std::vector<long long> Results::import(const std::vector<RelayResult>& results,
                                       const std::string& source, const std::vector<int>& lines) {
  std::vector<long long> ids;
  db_.transaction([&] {
    const Team roster = Roster(db_).team();
    std::vector<RelayResult> ok;
    for (size_t i = 0; i < results.size(); ++i) {
      const int line = i < lines.size() ? lines[i] : (results.size() > 1 ? int(i) + 1 : 0);
      ok.push_back(validate_result(results[i], roster, Location{source, line, ""}));
    }
    for (const RelayResult& r : ok) ids.push_back(insert(db_, r));
  });
  return ids;
}

std::vector<RelayResult> Results::list() const {
  const Connection& impl = connection(db_);
  Statement s(impl,
              "SELECT id, event, date, meet, team_time_s, dropped_leg, dq, dnf FROM results "
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
    r.dnf = s.column_int(7) != 0;
    Statement legs(impl,
                   "SELECT athlete, split_s, split_hand FROM result_legs WHERE result_id = ? "
                   "ORDER BY leg");
    legs.bind(1, r.id);
    bool all_splits = true;
    std::vector<double> splits;
    std::vector<bool> hand;
    bool any_hand = false;
    while (legs.step()) {
      r.order.push_back(legs.column_text(0));
      if (legs.column_null(1)) {
        all_splits = false;
      } else {
        splits.push_back(legs.column_double(1));
        hand.push_back(legs.column_int(2) != 0);
        any_hand = any_hand || hand.back();
      }
    }
    if (all_splits) r.splits_s = splits;
    if (all_splits && any_hand) r.splits_hand = hand;
    out.push_back(std::move(r));
  }
  return out;
}

void Results::remove(long long id) {
  db_.transaction([&] {
    Statement s(connection(db_), "DELETE FROM results WHERE id = ?");
    s.bind(1, id).run();
    if (sqlite3_changes(connection(db_).db) == 0) {
      throw NotFoundError(fmt::format("no result with id {}", id), Location{"", 0, "id"});
    }
  });
}

}  // namespace baton
