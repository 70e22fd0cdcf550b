// Validation of simulation settings and the team descriptions that enter the simulation.
#include <fmt/format.h>

#include <cmath>

#include "baton/error.h"
#include "baton/simulation.h"

namespace baton {
namespace {

void check(double value, double lo, double hi, const char* field) {
  if (!std::isfinite(value) || value < lo || value > hi) {
    throw ValidationError(
        fmt::format("{} must be between {:g} and {:g} (got {:g})", field, lo, hi, value),
        Location{"", 0, field});
  }
}

}  // namespace

void validate_simulation_options(const SimulationOptions& o) {
  if (o.runs < 1 || o.runs > 10'000'000'000LL) {
    throw ValidationError(fmt::format("runs must be between 1 and 1e10 (got {})", o.runs),
                          Location{"", 0, "runs"});
  }
  if (o.threads < 0 || o.threads > 256) {
    throw ValidationError(fmt::format("threads must be between 0 and 256 (got {})", o.threads),
                          Location{"", 0, "threads"});
  }
  for (double p : o.scoring) check(p, 0.0, 1e6, "scoring");
  validate_exchange_settings(o.exchange);
  check(o.fatigue_sd_fraction, 0.0, 0.2, "fatigue_sd_fraction");
  check(o.visual_error_scale, 0.0, 1.0, "visual_error_scale");
  check(o.drop_base_probability, 0.0, 1.0, "drop_base_probability");
  check(o.drop_mismatch_ref_mps, 0.01, 20.0, "drop_mismatch_ref_mps");
  check(o.visual_drop_probability, 0.0, 1.0, "visual_drop_probability");
  check(o.drop_recovery_s, 0.0, 60.0, "drop_recovery_s");
  check(o.drop_recovery_sd_s, 0.0, 30.0, "drop_recovery_sd_s");
  check(o.drop_abandon_probability, 0.0, 1.0, "drop_abandon_probability");
  check(o.seed_sd_fraction, 0.0, 0.2, "seed_sd_fraction");
  check(o.seed_fail_per_blind_exchange, 0.0, 1.0, "seed_fail_per_blind_exchange");
  check(o.seed_fail_per_visual_exchange, 0.0, 1.0, "seed_fail_per_visual_exchange");
}

double drop_recovery_mean_s(RuleSet rules) {
  // Stop, turn, pick up and get going again. No published timing study exists; 2-3 s is what
  // race footage of recovered drops shows. NFHS lets the outgoing runner, already moving and
  // inside the zone, pick the baton up too, which usually saves a stride or two.
  switch (rules) {
    case RuleSet::nfhs:
      return 2.0;
    case RuleSet::wa:
    case RuleSet::ncaa:
      break;
  }
  return 2.5;
}

SimTeam SimTeam::from_seed(std::string name, double seed_time_s, double sd_s, double fail_rate) {
  SimTeam t;
  t.name = std::move(name);
  t.seed_time_s = seed_time_s;
  t.seed_sd_s = sd_s;
  t.fail_rate = fail_rate;
  return t;
}

}  // namespace baton
