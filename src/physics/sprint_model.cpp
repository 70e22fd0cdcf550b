#include "baton/sprint_model.h"

#include <boost/math/special_functions/lambert_w.hpp>
#include <cmath>
#include <limits>

namespace baton {

double sprint_speed_mps(const SprintCurve& c, double t_s) {
  if (t_s <= 0.0) return 0.0;
  return c.mss_mps * -std::expm1(-t_s / c.tau_s);
}

double sprint_distance_m(const SprintCurve& c, double t_s) {
  if (t_s <= 0.0) return 0.0;
  // expm1 keeps precision for t << TAU, where t + TAU (e^(-t/TAU) - 1) cancels.
  return c.mss_mps * (t_s + c.tau_s * std::expm1(-t_s / c.tau_s));
}

double sprint_time_s(const SprintCurve& c, double d_m) {
  if (d_m <= 0.0) return 0.0;
  const double z = -std::exp(-d_m / (c.mss_mps * c.tau_s) - 1.0);
  return c.tau_s * boost::math::lambert_w0(z) + d_m / c.mss_mps + c.tau_s;
}

double sprint_time_at_speed_s(const SprintCurve& c, double v_mps) {
  if (v_mps <= 0.0) return 0.0;
  if (v_mps >= c.mss_mps) return std::numeric_limits<double>::infinity();
  return -c.tau_s * std::log1p(-v_mps / c.mss_mps);
}

double sprint_pmax_wkg(const SprintCurve& c) { return c.mss_mps * c.mac_mps2() / 4.0; }

}  // namespace baton
