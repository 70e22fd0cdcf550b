#include "baton/mark_history.h"

#include "baton/date.h"
#include "store/sqlite.h"

namespace baton {

int MarkHistory::add(std::string_view athlete, const std::vector<DatedMark>& marks) {
  // SQLite's date() takes 2024-02-30 for a date, so the calendar is checked here as well.
  for (const DatedMark& m : marks) {
    if (!m.date.empty()) parse_date(m.date, Location{"", 0, "date"});
    if (!(m.mark.time_s > 0.0) || !(m.distance_m > 0.0)) {
      throw ValidationError("a mark needs a time and a distance above zero",
                            Location{"", 0, "mark"});
    }
  }
  int added = 0;
  db_.transaction([&] {
    const Connection& impl = connection(db_);
    Statement find(impl, "SELECT id FROM athletes WHERE name = ?");
    find.bind(1, athlete);
    if (!find.step()) {
      throw NotFoundError("no athlete called '" + std::string(athlete) + "' on the roster",
                          Location{"", 0, "athlete"});
    }
    const long long id = find.column_int(0);
    // Only a mark already kept is passed over: a bad date or time still fails its CHECK (OR
    // IGNORE would drop it silently).
    Statement insert(impl,
                     "INSERT INTO marks (athlete_id, distance_m, time_s, hand_timed, date, source) "
                     "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (athlete_id, distance_m, time_s, "
                     "hand_timed, date, source) DO NOTHING");
    for (const DatedMark& m : marks) {
      insert.bind(1, id).bind(2, m.distance_m).bind(3, m.mark.time_s);
      insert.bind(4, m.mark.hand_timed ? 1 : 0).bind(5, m.date).bind(6, m.source).run();
      added += sqlite3_changes(impl.db);
      insert.reset();
    }
  });
  return added;
}

std::vector<DatedMark> MarkHistory::list(std::string_view athlete) const {
  Statement s(connection(db_),
              "SELECT m.distance_m, m.time_s, m.hand_timed, m.date, m.source FROM marks m "
              "JOIN athletes a ON a.id = m.athlete_id WHERE a.name = ? "
              "ORDER BY m.distance_m, m.date, m.id");
  s.bind(1, athlete);
  std::vector<DatedMark> out;
  while (s.step()) {
    out.push_back(DatedMark{s.column_double(0), Mark{s.column_double(1), s.column_int(2) != 0},
                            s.column_text(3), s.column_text(4)});
  }
  return out;
}

}  // namespace baton
