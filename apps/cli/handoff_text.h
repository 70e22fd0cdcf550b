// The hand-off of a named pair (baton handoff --from A --to B), as text and as JSON.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "baton/handoff_pair.h"

namespace baton::cli {

/// exchange_to_json() of the pair's exchange plus "chosen_by" ("best", "go_mark" or "target")
/// and, for a mark the coach chose, the best mark's "best_go_mark_m", "best_p_illegal" and
/// "best_expected_time_s".
nlohmann::json pair_handoff_json(const PairHandoff& h);

/// The pair's exchange in words: speeds, mark, pass point, times, risk and cue; for a mark the
/// coach chose, the best mark for comparison.
std::string pair_handoff_text(const PairHandoff& h);

/// What putting the mark wrong does to the expected baton time, in hundredths of a second:
/// "costs 20 hundredths", "saves 5 hundredths" (a planned mark a little long of the one with
/// the least expected time: a shorter mark has fewer late passes), "changes it by under a
/// hundredth".
std::string mark_error_text(double cost_s);

}  // namespace baton::cli
