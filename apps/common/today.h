// The wall clock, read only by the front ends: the library takes dates as arguments.
#pragma once

#include <string>

namespace baton {

/// Today's date on this machine's clock and time zone, YYYY-MM-DD (the default date of a
/// drill, a result or a practice report).
std::string today_date();

}  // namespace baton
