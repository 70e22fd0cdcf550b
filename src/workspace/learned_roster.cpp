#include "baton/learned_roster.h"

#include "baton/exchange_learning.h"
#include "baton/results.h"

namespace baton {

Team learned_roster(Database& db) {
  return team_learned_from_races(Roster(db).team(), Results(db).list());
}

}  // namespace baton
