// Checks on CSV text before its cells are read (internal to io).
#pragma once

#include <string>
#include <string_view>

namespace baton {

/// Throws ParseError naming `source`, the line and the column (the header's name for it) of the
/// first byte that is not valid UTF-8 or is a NUL character. CSV files are read as UTF-8 only
/// (a leading byte-order mark is allowed): text in Latin-1 or Windows-1252 is refused with a
/// hint to save the file as UTF-8, never guessed at (docs/FILE_FORMATS.md).
void check_csv_utf8(std::string_view text, const std::string& source);

}  // namespace baton
