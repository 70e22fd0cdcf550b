#include "baton/results_log.h"

#include "baton/results.h"
#include "baton/results_csv.h"

namespace baton {

RelayResult add_result(const Workspace& ws, const ResultEntry& entry) {
  Database& db = ws.database();
  RelayResult r;
  r.event = entry.event;
  r.date = entry.date;
  r.meet = entry.meet;
  r.order = entry.order;
  r.splits_s = entry.splits_s;
  r.splits_hand = entry.splits_hand;
  r.dropped_leg = entry.dropped_leg;
  r.dq = entry.dq;
  r.dnf = entry.dnf;
  if (entry.time) {
    // Hand times convert to FAT by the event's total distance, under the roster's rules.
    const Event e = find_event(entry.event, Roster(db).team().rules, Location{"", 0, "event"});
    r.team_time_s = to_fat_s(*entry.time, e.total_m());
  }
  Results results(db);
  const long long id = results.add(r);
  for (RelayResult& stored : results.list()) {
    if (stored.id == id) return stored;
  }
  throw StoreError("result " + std::to_string(id) + " was not stored", Location{"", 0, "id"});
}

std::vector<long long> import_results(const Workspace& ws, std::string_view csv_text,
                                      const std::string& source, const std::string& default_date) {
  std::vector<int> lines;
  const std::vector<RelayResult> parsed = parse_results_csv(csv_text, source, default_date, &lines);
  return Results(ws.database()).import(parsed, source, lines);
}

std::vector<RelayResult> list_results(const Workspace& ws) { return Results(ws.database()).list(); }

void remove_result(const Workspace& ws, long long id) { Results(ws.database()).remove(id); }

}  // namespace baton
