// Baton-to-baton splits: the one leg time every command and page shows. Leg 1 runs from the
// gun to the first pass, a middle leg from the pass that gives it the baton to the pass that
// takes it, the anchor from the last pass to the finish; the splits add up to the team time.
//
// The team time is built from each runner's own run between scratch lines and the pair terms
// of the exchanges (leg_prediction.h). The pass of exchange k happens `offset_k` seconds after
// the incoming runner crosses scratch line k (negative: before it): for a blind exchange the
// hand-off kinematics at the go-mark the prediction uses, for a visual one 0 (the pass at the
// scratch line, the middle of the 20 m zone). Pass times are kept to the hundredth, as split
// timers record them, so splits printed to the hundredth add up to the printed team time.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "baton/event.h"
#include "baton/leg_prediction.h"
#include "baton/relay_costs.h"
#include "baton/team.h"

namespace baton {

/// For each exchange of `order` (roster indices, one per leg): seconds from the incoming
/// runner's body crossing the scratch line to the pass, on the pass predict_relay() plans
/// (RelayLegResult::pass_offset_s). 0 for visual exchanges. Throws like predict_relay().
std::vector<double> pass_offsets_s(const Team& team, const Event& event, std::span<const int> order,
                                   const PredictOptions& options = {});

/// For each exchange of `order` (roster indices, one per leg): where the baton changes hands,
/// metres past the scratch line (negative: before it), on the same pass as pass_offsets_s().
/// 0 for visual exchanges (taken at the line). Throws like predict_relay().
std::vector<double> pass_positions_m(const Team& team, const Event& event,
                                     std::span<const int> order,
                                     const PredictOptions& options = {});

/// The baton-to-baton splits of `order` priced by `costs` (any cost model, practice records
/// included), seconds, leg 1 first. `pass_offsets` has one entry per exchange (pass_offsets_s(),
/// or zeros for the sum of open bests); empty means zeros. The splits add up to
/// costs.team_time_s(order).
std::vector<double> baton_splits_s(const RelayCosts& costs, std::span<const int> order,
                                   std::span<const double> pass_offsets = {});

/// Roster indices of the names of `order`; NotFoundError for an unknown name.
std::vector<int> order_indices(const Team& team, const std::vector<std::string>& order);

/// predict_relay() with baton-to-baton splits: each leg's split_s goes from the pass (the gun)
/// that starts it to the pass (the finish) that ends it. Throws like predict_relay().
/// Example:
///   const RelayPrediction r = predict_splits(team, find_event("4x100", team.rules),
///                                            {"Zoe Carter", "Lily Nguyen", "Ava Brooks",
///                                             "Maya Johnson"});
///   // r.legs[0].split_s: gun to the first pass, seconds; the splits add up to r.team_time_s
RelayPrediction predict_splits(const Team& team, const Event& event,
                               const std::vector<std::string>& order,
                               const PredictOptions& options = {});

}  // namespace baton
