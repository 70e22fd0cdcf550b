// The simplest honest relay cost model: a team runs the sum of its members' open times.
#pragma once

#include "baton/event.h"
#include "baton/relay_costs.h"
#include "baton/team.h"

namespace baton {

/// "Sum of open times" costs: leg(a, l) is athlete a's FAT-equivalent best at exactly leg l's
/// distance, +infinity without one; every exchange term is 0. It ignores flying starts, bends
/// and baton passing (a real 4x100 runs 2-3 s faster than this sum), so its team times are
/// pessimistic, but it ranks orders by the marks coaches already trust and needs nothing
/// beyond them. Kept as the `--model open` choice next to the physics-based model.
RelayCosts open_time_costs(const Team& team, const Event& event);

}  // namespace baton
