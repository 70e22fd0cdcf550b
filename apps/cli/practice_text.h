// How `baton practice` shows drills, reports and progress: text tables and JSON documents.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "baton/drill.h"
#include "baton/pair_report.h"

namespace baton::cli {

/// "Logged drill ID: A -> B on DATE, mark M m, exchange at P m (OUTCOME)" and a newline.
std::string drill_line(const Drill& drill);
/// The drills as a table, one a row, with units.
std::string drills_table(const std::vector<Drill>& drills);
/// The pair report for people: record, recommended go-mark (metres and foot lengths), reaction.
std::string report_text(const PracticeReport& report);
/// {"pair": {"from", "to"}, "target_m", "dates": [{"date", "drills", "total_drills",
/// "mean_exchange_at_m", "p_clean", "recommended_go_mark_m" (null: none),
/// "effective_reaction_s"}], "svg" (null without a chart)}.
nlohmann::json progress_json(const PairProgress& progress, const std::string& svg);
/// The progress as a table, or a line saying there are no drills yet.
std::string progress_text(const PairProgress& progress);

}  // namespace baton::cli
