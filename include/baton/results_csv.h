// The results CSV: relays raced, one per row, as `baton results import` reads them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "baton/relay_result.h"

namespace baton {

/// A results CSV: a header row with `event`, `order` and `time` (empty when the team has no
/// finish time), optional `splits`, `drop`, `dq` and `dnf` (yes/no, 1/0, true/false, or the
/// column's own name), `date`, `meet`. `order` and
/// `splits` list legs separated by ';' (or by ',' inside a quoted cell). `default_date` fills
/// empty dates. Returns the results and, in `lines`, each one's line in the file. Throws
/// ParseError naming `source`, line and column.
std::vector<RelayResult> parse_results_csv(std::string_view text, const std::string& source,
                                           const std::string& default_date,
                                           std::vector<int>* lines = nullptr);

}  // namespace baton
