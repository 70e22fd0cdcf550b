// The wall clock, read only by the front ends: the library takes dates as arguments.
#pragma once

#include <string>

namespace baton {

/// Today's date on this machine's clock and time zone, YYYY-MM-DD (the default date of a
/// drill, a result or a practice report).
std::string today_date();

/// Now, as Unix time in seconds (session expiry, login throttling).
long long unix_now_s();

/// Now in UTC, YYYY-MM-DDTHH:MM:SSZ (the audit log).
std::string utc_timestamp();

}  // namespace baton
