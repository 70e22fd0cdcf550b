// FinishLynx start lists: lynx.evt (events with their competitors), lynx.ppl (people) and
// lynx.sch (the schedule), comma-separated text (docs/FILE_FORMATS.md).
#pragma once

#include <string>
#include <string_view>

#include "baton/imported.h"

namespace baton {

/// True when `text` reads as a lynx.evt file (an event line "number,round,heat,name,..."
/// followed by a competitor line starting with a comma, space or tab) or a lynx.ppl file
/// ("ID,last,first,affiliation" lines). Never throws.
bool looks_like_lynx_evt(std::string_view text);

/// Reads a lynx.evt start list: each relay event's teams become relay entries (team in the
/// last-name field, affiliation "CODE  A" giving the team code and letter, no runners); the
/// competitors of flat individual races become athletes; hurdles, field events and other
/// events no relay uses are SkippedLine. A lynx.ppl file gives its people; a lynx.sch file
/// holds no athletes and every line is SkippedLine. Lines starting with ';' are comments.
/// Throws ParseError naming `file`, the line and the field for a wrong cell (a lane that is not
/// a number, a competitor before any event).
ImportedFile read_lynx_evt(std::string_view text, const std::string& file);

}  // namespace baton
