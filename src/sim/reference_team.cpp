// A championship-quality team for a seed time (see simulation.h).
#include <algorithm>
#include <cmath>

#include "baton/simulation.h"
#include "baton/sprint_model.h"

namespace baton {

SimTeam reference_team(std::string name, double seed_time_s, const Event& event,
                       const ExchangeSettings& settings) {
  validate_exchange_settings(settings);
  SimTeam team;
  team.name = std::move(name);
  // Leg 1 starts from blocks and is weighted 8 % slower than a flying leg of the same length.
  // A block start costs about a second whatever the leg: elite 4x100 first legs run about
  // 10.2 s against 8.9-9.2 s for the others (11-15 % slower), a 4x400 first leg about 1 s of
  // 44-45 s (2-3 %). The single weight sits between the two.
  double weight_sum = 0.0;
  for (const Leg& l : event.legs) weight_sum += l.distance_m * (l.block_start ? 1.08 : 1.0);
  for (const Leg& l : event.legs) {
    team.legs.push_back(
        {seed_time_s * l.distance_m * (l.block_start ? 1.08 : 1.0) / weight_sum, -1.0});
  }
  const double mean_speed = event.total_m() / seed_time_s;
  for (const ExchangeZone& z : event.exchanges) {
    SimExchange e;
    e.blind = z.blind;
    HandoffParams& h = e.handoff;
    h.zone_length_m = z.zone_length_m;
    h.start_m =
        std::min(z.blind ? settings.blind_start_m : settings.visual_start_m, z.zone_length_m);
    h.free_distance_m = settings.exchange_reach_m(z.blind);
    if (z.blind) {
      // A sprinter arrives near top speed; the outgoing runner is as fast.
      h.incoming_speed_mps = std::min(14.0, 1.02 * mean_speed);
      h.outgoing = {std::min(14.5, 1.06 * h.incoming_speed_mps), 1.2};
      h.reaction_s = settings.blind_reaction_s;
    } else {
      // A tired 400 m runner and an outgoing runner who watches them come in.
      h.incoming_speed_mps = 0.85 * mean_speed;
      h.outgoing = {std::min(14.5, 1.2 * mean_speed), 1.0};
      h.reaction_s = settings.visual_reaction_s;
    }
    // Plan the pass where the outgoing runner has reached 80 % of the incoming speed (the
    // team's visual_speed_fraction in a visual pass), at most three quarters into the zone: a
    // margin against leaving too early, which the sprint curve makes the tighter side of a
    // blind pass.
    const double share = z.blind ? 0.8 : settings.visual_speed_fraction;
    const double t_share = sprint_time_at_speed_s(h.outgoing, share * h.incoming_speed_mps);
    const double at_share =
        h.start_m + sprint_distance_m(h.outgoing, t_share) - 0.5 * h.free_distance_m;
    const double target = std::clamp(at_share, 0.5, 0.75 * h.zone_length_m);
    const HandoffResult r = handoff_for_target(h, target);
    h.go_mark_m = r.exchanged ? r.go_mark_m : 0.0;
    team.exchanges.push_back(e);
  }
  return team;
}

}  // namespace baton
