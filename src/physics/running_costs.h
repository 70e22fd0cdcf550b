// Small costs of running a relay leg that the open-race marks do not contain: bends in a given
// lane and carrying a baton. Internal to the physics module.
#pragma once

namespace baton {

/// Lane used for bends run in lanes (a mid-track final lane) and for open 200 m / 400 m marks.
inline constexpr int kOpenRaceLane = 4;
/// Lane used once the runners have broken from their lanes (running close to the kerb).
inline constexpr int kBreakLane = 1;

/// Radius of the running line in a lane, metres: kerb radius 36.5 m plus 0.30 m in lane 1,
/// 0.20 m from the inner line in the other lanes (WA Track and Field Facilities Manual).
double lane_radius_m(int lane);

/// Extra time for `bend_m` metres of bend at average speed v in `lane`, seconds:
/// c * bend_m * v / (g r), i.e. a time penalty proportional to the centripetal demand v^2 / r
/// (Greene 1985, "Running on flat turns"), with c = 0.06: about 1.5 % of the time on the bend
/// at 10 m/s in lane 4.
double bend_cost_s(double bend_m, double speed_mps, int lane, double coefficient = 0.06);

/// Metres of bend in an open race of d metres that finishes on the finish line.
double open_race_bend_m(double d_m);

}  // namespace baton
