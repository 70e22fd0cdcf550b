// Hy-Tek Meet Manager (track and field) semicolon-delimited entry files: the file a team sends a
// meet host, and the one most US meet software reads and writes (docs/FILE_FORMATS.md).
#pragma once

#include <string>
#include <string_view>

#include "baton/imported.h"

namespace baton {

/// True when the first record of `text` is a Hy-Tek entry record (I, D, E, Q or R followed by
/// semicolon-separated fields). Never throws.
bool looks_like_hytek(std::string_view text);

/// Reads a Hy-Tek semicolon entry file: I records (athletes), D and E records (an athlete's seed
/// mark in an individual event), Q records (a relay entry with up to 8 runners in blocks of 8
/// fields from field 16) and R records (a relay entry without runners). Relay event codes 400,
/// 800, 1600, 3200, 1600S and 3200D are 4x100, 4x200, 4x400, 4x800, sprint and distance
/// medley; individual flat races from 60 m to 10000 m keep their seed marks; hurdles, field
/// events, walks and relays Baton does not plan are SkippedLine with the reason. Entry times
/// "NT" or blank leave the mark out. Throws ParseError naming `file`, the line and the field
/// ("field 12 (mark)") for a wrong cell, and for a file over 16 MB.
ImportedFile read_hytek(std::string_view text, const std::string& file);

}  // namespace baton
