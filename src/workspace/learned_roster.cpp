#include "baton/learned_roster.h"

#include "baton/calibration.h"
#include "baton/results.h"

namespace baton {

Team learned_roster(Database& db) {
  return team_learned_from_results(Roster(db).team(), Results(db).list());
}

}  // namespace baton
