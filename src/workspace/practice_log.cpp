#include "baton/practice_log.h"

namespace baton {

Drill log_drill(const Workspace& ws, const Drill& drill) { return log_drill_once(ws, drill).drill; }

LoggedDrill log_drill_once(const Workspace& ws, const Drill& drill) {
  Practice practice(ws.database());
  const Practice::Logged logged = practice.log_once(drill);
  return LoggedDrill{practice.get(logged.id), logged.repeat};
}

std::vector<Drill> list_drills(const Workspace& ws, const DrillFilter& filter) {
  return Practice(ws.database()).list(filter);
}

void remove_drill(const Workspace& ws, long long id) { Practice(ws.database()).remove(id); }

}  // namespace baton
