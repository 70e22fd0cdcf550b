#include "physics/running_costs.h"

#include <cmath>

#include "baton/event.h"

namespace baton {

double lane_radius_m(int lane) {
  const TrackGeometry track;
  if (lane <= 1) return track.bend_radius_m + 0.30;
  return track.bend_radius_m + (lane - 1) * track.lane_width_m + 0.20;
}

double bend_cost_s(double bend_m, double speed_mps, int lane, double coefficient) {
  if (!(bend_m > 0.0) || !(speed_mps > 0.0)) return 0.0;
  constexpr double kG = 9.81;
  return coefficient * bend_m * speed_mps / (kG * lane_radius_m(lane));
}

double open_race_bend_m(double d_m) {
  const double lap = 400.0;
  const double start = std::fmod(lap - std::fmod(d_m, lap), lap);
  return bend_metres(start, 0.0, d_m);
}

}  // namespace baton
