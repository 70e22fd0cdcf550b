// FinishLynx results: one .lif file per event, round and heat (docs/FILE_FORMATS.md).
#pragma once

#include <string>
#include <string_view>

#include "baton/imported.h"

namespace baton {

/// True when the first line of `text` is a .lif header ("event,round,heat,name,...", three
/// numbers then a name) and a result row follows. Never throws.
bool looks_like_lynx_lif(std::string_view text);

/// Reads a .lif result: the header `event, round, heat, name, wind, wind unit, ...,
/// distance, start time` and rows `place, ID, lane, last, first, affiliation, time, license,
/// delta, reaction, splits, ...`. In a relay event (named in the header: "4x100 Relay", ...)
/// rows have no ID and the team in the last-name field; they become relay results with their
/// time, DQ / DNF / DNS / SCR from the place or time cell, and leg splits when the file gives
/// one cumulative split per leg. In a flat race each row is an athlete with a mark at the
/// race's distance. Hurdles, field events and other events no relay uses give one SkippedLine
/// (the header). Throws ParseError naming `file`, the line and the field for a wrong cell.
ImportedFile read_lynx_lif(std::string_view text, const std::string& file);

}  // namespace baton
