// Calendar dates as the practice and results logs write them: YYYY-MM-DD.
#pragma once

#include <string>
#include <string_view>

#include "baton/error.h"

namespace baton {

/// Checks that `text` is a real calendar date written YYYY-MM-DD (leap years included, years
/// 1900-2200) and returns it; throws ParseError naming `where` otherwise.
/// Example: parse_date("2024-02-29") returns "2024-02-29"; "2023-02-29" throws.
std::string parse_date(std::string_view text, const Location& where = {});

/// Days from 1970-01-01 to a valid YYYY-MM-DD date (negative before); throws like parse_date.
long long days_since_epoch(std::string_view date);

}  // namespace baton
