// Small text helpers shared by the parsers (internal to the library).
#pragma once

#include <string>
#include <string_view>

namespace baton::text {

/// ASCII lower case.
std::string lowercase(std::string_view s);
/// ASCII lower case without any spaces, tabs, carriage returns or newlines ("Up Sweep" ->
/// "upsweep"): for matching words a user may space freely.
std::string lowercase_without_spaces(std::string_view s);
/// Without leading and trailing spaces, tabs, carriage returns and newlines.
std::string_view trim(std::string_view s);

}  // namespace baton::text
