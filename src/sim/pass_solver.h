// The blind-exchange kinematics of handoff.h solved without bisection, for building the
// exchange tables: the speed match in closed form when the incoming runner holds speed, and the
// catch-up time by Newton's method from the left. The gap between the runners is convex in
// time (the outgoing runner's speed rises, the incoming runner's falls), so Newton iterates
// started where the gap is still too large stay on that side and rise monotonically to the
// first crossing: the same root the reference solver brackets by bisection, found in a handful
// of steps. A late pass (the gap stuck above the reach) is late_pass()'s closed form without
// its reasons, ease cost included. It agrees with solve_handoff() to about 1e-12
// (PassSolver.AgreesWithSolveHandoff in tests/sim/fast_paths_test.cpp).
#pragma once

#include "baton/handoff.h"
#include "sim/exchange_model.h"

namespace baton::sim {

/// The pass that solve_handoff(p) reports, reduced to what the simulation uses. `p` must be
/// valid (validate_handoff); it is not checked here. When no exchange happens, baton_m and
/// mismatch_mps describe the closest approach, as solve_handoff() reports it.
PassOutcome solve_pass(const HandoffParams& p);

/// How far beyond the reach the gap stays where the runners' speeds match, metres: > 0 when
/// the gap never closes to the reach (a late pass, or none without easing), <= 0 when it does
/// (-1 when the speeds never match, the gap at the mark minus the reach when the runners are
/// within reach there). The pass changes from late to planned where it crosses 0.
double excess_gap_m(const HandoffParams& p);

}  // namespace baton::sim
