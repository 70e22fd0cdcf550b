// Compiled as part of the plan module: headers of plan itself and of the modules below it
// (physics, core) are found. The control for plan_includes_store.cpp.
#include "baton/handoff.h"
#include "baton/lineup.h"
#include "baton/team.h"

namespace baton {
double plan_reads_a_handoff(const HandoffParams& p) { return solve_handoff(p).exchange_time_s; }
}  // namespace baton
