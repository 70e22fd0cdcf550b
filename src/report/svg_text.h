// Helpers shared by the SVG and HTML writers (internal to the library).
#pragma once

#include <string>
#include <string_view>

namespace baton::report {

/// Escapes &, <, >, " and ' for XML/HTML text and attribute values.
std::string xml_escape(std::string_view text);

/// A tick step of 1, 2 or 5 times a power of ten giving about `count` ticks over `span`
/// (1 when the span is not positive).
double nice_tick_step(double span, int count);

}  // namespace baton::report
