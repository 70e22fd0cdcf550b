// Small text helpers shared by the parsers (internal to the library).
#pragma once

#include <string>
#include <string_view>

namespace baton::text {

/// ASCII lower case.
std::string lowercase(std::string_view s);
/// Without leading and trailing spaces, tabs, carriage returns and newlines.
std::string_view trim(std::string_view s);

}  // namespace baton::text
