// Hand-off physics shared by the solver, go-mark, calibration and practice-report tests.
#pragma once

#include "baton/handoff.h"

namespace baton::testing {

/// Incoming runner at a steady 10 m/s; outgoing runner with MSS 10 m/s, TAU 1 s, no reaction,
/// 1.5 m free distance, a 30 m zone. Then gap(t) = M + 10 (e^-t - 1) for a go-mark M: it
/// reaches 1.5 m when e^-t = 1 - (M - 1.5) / 10, which the tests derive by hand.
inline HandoffParams steady_pair() {
  HandoffParams p;
  p.incoming_speed_mps = 10.0;
  p.outgoing = {10.0, 1.0};
  p.reaction_s = 0.0;
  p.free_distance_m = 1.5;
  p.zone_length_m = 30.0;
  p.start_m = 0.0;
  return p;
}

/// A high-school boys' pair: incoming at 9.5 m/s, outgoing runner with MSS 9.8 m/s, TAU 1.1 s,
/// leaving 0.15 s after the mark; 1.5 m free distance, a 30 m zone.
inline HandoffParams high_school_pair() {
  HandoffParams p;
  p.incoming_speed_mps = 9.5;
  p.outgoing = {9.8, 1.1};
  p.reaction_s = 0.15;
  p.free_distance_m = 1.5;
  p.zone_length_m = 30.0;
  return p;
}

}  // namespace baton::testing
