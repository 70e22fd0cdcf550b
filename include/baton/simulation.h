// Monte Carlo relay races against a field: finish-time distributions, place probabilities,
// expected points, and the chance of a dropped baton or a disqualification
// (docs/SIMULATION.md describes the model and the sources of its constants).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "baton/event.h"
#include "baton/exchange_settings.h"
#include "baton/handoff.h"
#include "baton/pair_practice.h"

namespace baton {

/// How a race is simulated. Plain settings with defaults; validate_simulation_options() checks
/// them once where they enter. Defaults are calibrated for championship-level 4x100 teams to
/// fail about 4 % per blind exchange (docs/SIMULATION.md).
struct SimulationOptions {
  std::int64_t runs = 100000;  ///< races to simulate, >= 1
  std::uint64_t seed = 1;      ///< the same seed gives the same numbers for any thread count
  int threads = 0;             ///< worker threads; 0 = every hardware thread
  /// Points for 1st, 2nd, ... place; places beyond the table score nothing.
  std::vector<double> scoring = {10, 8, 6, 5, 4, 3, 2, 1};

  /// The team's exchange settings: day form (form_sd_fraction), the reaction and mark spreads,
  /// the practice prior, and the plan of every own team's exchanges.
  ExchangeSettings exchange;
  double fatigue_sd_fraction = 0.01;       ///< sd of the incoming speed at the mark, fraction
  double visual_error_scale = 0.3;         ///< timing errors in visual (4x400) exchanges, x blind
  double drop_base_probability = 0.006;    ///< drop chance of a matched blind pass, per exchange
  double drop_mismatch_ref_mps = 1.5;      ///< speed mismatch that doubles the drop chance, m/s
  double visual_drop_probability = 0.002;  ///< drop chance of a visual pass, per exchange
  double drop_recovery_s = 0.0;     ///< mean time to pick a dropped baton up, s; 0 = by rule set
  double drop_recovery_sd_s = 0.7;  ///< sd of that time, s
  double drop_abandon_probability = 0.5;  ///< a drop ends the race (stop, lane, impeding)
  double seed_sd_fraction = 0.006;  ///< spread of a seed-only team's time, fraction of the seed
  /// A seed-only team's failure per blind pass: 4.5 % per championship 4x100 race (4-5 % per
  /// round, world championships 1999-2010; docs/SIMULATION.md) spread over its three blind
  /// passes, 1 - (1 - 0.045)^(1/3).
  double seed_fail_per_blind_exchange = 0.01523;
  double seed_fail_per_visual_exchange = 0.003;  ///< ... and per visual pass
  /// Solve every exchange with the exact root-finding solver instead of the precomputed
  /// tables (the slow reference the tables are checked and benchmarked against).
  bool exact_exchanges = false;
};

/// Throws ValidationError naming the field for a value out of range (the exchange settings by
/// validate_exchange_settings()).
void validate_simulation_options(const SimulationOptions& o);

/// Mean time for a dropped baton to be recovered under a rule set, seconds. WA Rule 24 (from
/// 1 Nov 2025) and NCAA: the runner who dropped it picks it up; NFHS 5-10 lets either runner
/// retrieve it in the zone, which is a little quicker.
double drop_recovery_mean_s(RuleSet rules);

/// One leg of an own team: the predicted split and its day-to-day spread.
struct SimLeg {
  double split_mean_s = 0.0;  ///< predicted split, seconds (includes the planned exchanges)
  double split_sd_s = -1.0;   ///< sd of the split, seconds; < 0 = exchange.form_sd_fraction
};

/// One exchange of an own team as planned: nominal kinematics plus the pair's record.
struct SimExchange {
  HandoffParams handoff;  ///< planned hand-off, with the go-mark the pair will use
  bool blind = true;      ///< blind (sprint) pass; false = visual pass
  PairRecord practice;    ///< the pair's drill record (may be empty)
  /// How much of the scatter of reactions and marks the next leg's split already holds,
  /// seconds (LevelProfile::blind_scatter_cost_s for a blind pass, 0 otherwise): the
  /// simulation races the scatter itself, so it takes this back out of that split.
  double scatter_allowance_s = 0.0;
};

/// A team in the simulated field: either an own team (legs + exchanges) or an opponent known
/// only by a seed time (legs empty).
struct SimTeam {
  std::string name;
  std::vector<SimLeg> legs;            ///< own team: one per leg
  std::vector<SimExchange> exchanges;  ///< own team: legs.size() - 1 of them
  double seed_time_s = 0.0;            ///< opponent: expected time, seconds
  double seed_sd_s = 0.0;              ///< opponent: sd of the time, seconds
  double fail_rate = 0.0;              ///< opponent: chance to fail (DQ/DNF) per race
  /// Own team: the runners by name, leg 1 first (the order raced); empty for an opponent.
  std::vector<std::string> runners;

  bool seed_only() const { return legs.empty(); }
  /// An opponent known by a seed time.
  static SimTeam from_seed(std::string name, double seed_time_s, double sd_s, double fail_rate);
};

/// A reference team for a seed time: the time split over the event's legs (leg 1 from blocks
/// weighted 1.08) and an exchange plan of championship quality under `settings` (where the
/// outgoing runner stands, reaction and reach of the technique; the pass planned where the
/// outgoing runner has reached 80 % of the incoming speed in a blind zone, at most three
/// quarters into it, and settings.visual_speed_fraction in a visual zone). Used to give
/// seed-only entries the full exchange model.
SimTeam reference_team(std::string name, double seed_time_s, const Event& event,
                       const ExchangeSettings& settings = {});

/// What the simulation says about one exchange of an own team.
struct ExchangeOdds {
  double p_illegal = 0.0;          ///< pass outside the zone or no pass at all
  double p_drop = 0.0;             ///< baton dropped (legal pass)
  double mean_baton_m = 0.0;       ///< mean baton position of legal passes, m from zone start
  double mean_mismatch_mps = 0.0;  ///< mean incoming minus outgoing speed at legal passes, m/s
  double p_late = 0.0;             ///< legal late (eased) pass: the gap stopped closing
  /// Mean time a legal pass loses to coming late, s (planned passes count 0): the outgoing
  /// runner's ease cost plus ExchangeSettings::late_pass_cost_s, what the go-mark planner
  /// charges. Summed over a team's exchanges it is what late passes add to its mean time.
  double mean_late_cost_s = 0.0;
};

/// What the simulation says about one team.
struct TeamOdds {
  std::string team;
  std::vector<std::string> order;        ///< own teams: the order raced, leg 1 first
  std::int64_t finishes = 0;             ///< races finished with a legal result
  double mean_time_s = 0.0;              ///< mean finish time of finished races, s (0 if none)
  double sd_time_s = 0.0;                ///< sd of those times, s
  double p10_time_s = 0.0;               ///< 10th percentile finish time, s (from the histogram)
  double p50_time_s = 0.0;               ///< median finish time, s
  double p90_time_s = 0.0;               ///< 90th percentile finish time, s
  double p_win = 0.0;                    ///< chance to finish 1st
  std::vector<double> p_place;           ///< chance to finish in each place, 1st first
  double p_podium = 0.0;                 ///< chance of a top-3 place
  double p_score = 0.0;                  ///< chance of a place that scores points
  double p_dq = 0.0;                     ///< chance of no legal finish (DQ or DNF)
  double p_drop = 0.0;                   ///< chance of at least one dropped baton
  double expected_points = 0.0;          ///< mean points under the scoring table
  std::vector<ExchangeOdds> exchanges;   ///< own teams only
  double histogram_start_s = 0.0;        ///< left edge of the first histogram bin, s
  double histogram_bin_s = 0.0;          ///< bin width, s
  std::vector<std::uint64_t> histogram;  ///< finish times of finished races per bin
};

struct SimulationResult {
  std::int64_t runs = 0;
  std::uint64_t seed = 0;
  std::vector<TeamOdds> teams;  ///< in the order of the field
  /// Passes the exchange tables left to the exact pass solver (every pass with
  /// exact_exchanges): a count of work, not an outcome; the same for any thread count.
  std::int64_t solved_passes = 0;
};

/// Called from the calling thread with the fraction of races done, [0, 1].
using SimulationProgress = std::function<void(double fraction_done)>;

/// Simulates `options.runs` races of `field` under `rules`. Throws ValidationError for invalid
/// options, an empty field, an own team whose exchanges do not match its legs, or an invalid
/// hand-off. Disqualifications and drops are outcomes, never errors.
/// Example: a team file's girls' 4x100 (own_sim_team(), include/baton/sim_team.h) against a
/// team seeded at 46.55 s.
///   const Event event = find_event("4x100", team.rules);
///   const std::vector<SimTeam> field = {
///       own_sim_team(team, event, best_order(team, event, Sex::female), "Riverside"),
///       reference_team("Central HS", 46.55, event)};
///   SimulationOptions options;
///   options.runs = 20000;
///   const SimulationResult r = simulate_race(field, event.rules, options);
///   // r.teams[0].p_win, r.teams[0].mean_time_s (seconds), r.teams[0].exchanges[i].p_illegal
SimulationResult simulate_race(const std::vector<SimTeam>& field, RuleSet rules,
                               const SimulationOptions& options,
                               const SimulationProgress& progress = {});

}  // namespace baton
