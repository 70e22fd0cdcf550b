// What practice does to a lineup: each drilled pair's exchange cost moves by what its record
// says about fumbles and timing, so a well-drilled pair can beat a slightly faster stranger.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "baton/event.h"
#include "baton/exchange_settings.h"
#include "baton/pair_calibration.h"
#include "baton/pair_practice.h"
#include "baton/relay_costs.h"
#include "baton/team.h"

namespace baton {

/// How a pair's practice record is priced.
struct PracticeCostOptions {
  /// The team's exchange settings: the practice prior (practice_prior_fail_rate,
  /// practice_prior_drills), the default spreads, the failure cost and the plan of each pair,
  /// the same the simulation reads, so that the lineup and the odds agree.
  ExchangeSettings exchange;
  /// Seconds one non-clean pass costs on average: stutters and checked strides cost tenths, a
  /// drop seconds or the race; half a second weighs them at a few drops in ten misses.
  double fumble_cost_s = 0.5;
  /// Each drilled pair's calibrated hand-off (the practice use case's calibration_lookup());
  /// empty: the models' hand-off. A calibrated pair's timing spread is priced at its
  /// calibrated plan (mark and pass), the one `baton plan` shows.
  PairCalibrationLookup calibrated;
};

/// Throws ValidationError naming the field: validate_exchange_settings(), fumble_cost_s in
/// [0, 60].
void validate_practice_cost_options(const PracticeCostOptions& o);

/// The practice term of one pair at one blind or visual exchange, seconds (negative for a pair
/// that drills better than the prior):
///   fumble_cost_s * (practice_fail_rate(record) - practice_prior_fail_rate)
/// plus, for a blind pass with a timing record, the expected baton time lost (or gained) by
/// planning the go-mark under the pair's own timing spread instead of the default spread
/// (best_go_mark() with the spreads scaled by practice_spread_scale(), failure counted at
/// `failure_cost_s`). `default_expected_s`, when given, is the expected baton time an undrilled
/// pair of the same speeds has (the models' plan under the default spread at that failure
/// cost, ExchangePlan::expected_time_s): the pair's own plan (nominal.go_mark_m, calibrated when
/// it has drilled) is then priced under its own spread against it. 0 for a pair that never drilled.
/// A pair whose every pass was clean never costs more than one that never drilled: clean passes are
/// legal passes, whatever their scatter, so their spread term is at most 0 (what goes wrong is
/// priced by the fumble term). A pair that failed more often than practice_prior_fail_rate
/// never costs less than the fumble term: its spread term is at least 0.
double practice_cost_s(const PairRecord& record, const HandoffParams& nominal, bool blind,
                       double failure_cost_s, const PracticeCostOptions& o = {},
                       std::optional<double> default_expected_s = std::nullopt);

/// Adds practice_cost_s() to every finite pair term of `costs` (built by relay_costs() for
/// `team` and `event`) whose pair has drilled, each blind pair planned by plan_pair() under
/// o.exchange. Returns how many pair terms changed.
int add_practice_costs(RelayCosts& costs, const Team& team, const Event& event,
                       const PracticeLookup& practice, const PracticeCostOptions& o = {});

/// The practice term of each exchange of one running order (athlete names, leg 1 first),
/// seconds, exchange 1 first: what add_practice_costs() adds to that pair's term, 0 for a pair
/// that never drilled; empty when there is no practice lookup. Predictions of the order carry
/// it (PredictOptions::order_practice_s), so they give the time `baton lineup` gives.
std::vector<double> order_practice_s(const Team& team, const Event& event,
                                     const std::vector<std::string>& order,
                                     const PracticeLookup& practice,
                                     const PracticeCostOptions& o = {});

}  // namespace baton
