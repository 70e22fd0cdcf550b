// Own teams for the simulation: a running order of a roster turned into predicted splits and
// planned hand-offs, each exchange carrying the pair's record from the practice log.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "baton/event.h"
#include "baton/practice.h"
#include "baton/simulation.h"
#include "baton/store.h"
#include "baton/team.h"

namespace baton {

/// The drill record of the pair `from` -> `to` at exchange `exchange_index` (0 = legs 1 -> 2)
/// of the event; an empty record for a pair that never drilled.
using PracticeLookup = std::function<PracticeRecord(int exchange_index, const std::string& from,
                                                    const std::string& to)>;

/// What a pair's drills say for the simulation and the lineup: the number of drills, the
/// clean rate, and (blind passes, two drills or more) the timing spread, the RMS residual of
/// the go-mark calibration against the planned hand-off `nominal` and its baton position
/// `target_m`, with drill ages counted from the latest drill.
PracticeRecord practice_record(const std::vector<Drill>& drills, const HandoffParams& nominal,
                               double target_m);

/// Every pair's record from the practice log in `db`, for `team` (the database roster) running
/// `event`: its drills, and its passes in logged races (clean unless the result drops the baton
/// at that exchange; a disqualification without a drop is left out, its cause unknown), which
/// count like drills for the clean rate but not for the timing spread. Reads the logs once;
/// each pair's calibration is computed on first use and kept.
PracticeLookup practice_lookup(Database& db, const Team& team, const Event& event);

/// An own team running `order` (athlete names, one per leg): each leg's predicted split (its
/// spread from the runner's form_sd_percent when set) and each exchange's planned hand-off
/// (build_relay_plan: go-mark, reaction, reach, zone), with the pair's record from `practice` when
/// given. Throws like build_relay_plan().
SimTeam own_sim_team(const Team& team, const Event& event, const std::vector<std::string>& order,
                     std::string name, const PracticeLookup& practice = {});

}  // namespace baton
