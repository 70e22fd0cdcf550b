// The blind-exchange kinematics of handoff.h solved without bisection, for building the
// exchange tables: the speed match in closed form when the incoming runner holds speed, and the
// catch-up time by Newton's method from the left. The gap between the runners is convex in
// time (the outgoing runner's speed rises, the incoming runner's falls), so Newton iterates
// started where the gap is still too large stay on that side and rise monotonically to the
// first crossing: the same root the reference solver brackets by bisection, found in a handful
// of steps. It agrees with solve_handoff() to about 1e-12 (tests/sim/pass_solver_test.cpp).
#pragma once

#include "baton/handoff.h"
#include "sim/exchange_model.h"

namespace baton::sim {

/// The pass that solve_handoff(p) reports, reduced to what the simulation uses. `p` must be
/// valid (validate_handoff); it is not checked here. When no exchange happens, baton_m and
/// mismatch_mps describe the closest approach, as solve_handoff() reports it.
PassOutcome solve_pass(const HandoffParams& p);

}  // namespace baton::sim
