#include "baton/practice_log.h"

namespace baton {

Drill log_drill(const Workspace& ws, const Drill& drill) {
  Practice practice(ws.database());
  const long long id = practice.log(drill);
  // The drill just logged, wherever its date puts it among the pair's drills.
  for (Drill& stored : practice.list({drill.from, drill.to, ""})) {
    if (stored.id == id) return stored;
  }
  throw StoreError("drill " + std::to_string(id) + " was not stored", Location{"", 0, "id"});
}

std::vector<Drill> list_drills(const Workspace& ws, const DrillFilter& filter) {
  return Practice(ws.database()).list(filter);
}

void remove_drill(const Workspace& ws, long long id) { Practice(ws.database()).remove(id); }

}  // namespace baton
