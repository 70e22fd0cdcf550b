// Small text helpers shared by the parsers and the store (internal to the library).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "baton/error.h"

namespace baton::text {

/// ASCII lower case.
std::string lowercase(std::string_view s);
/// ASCII lower case without any spaces, tabs, carriage returns or newlines ("Up Sweep" ->
/// "upsweep"): for matching words a user may space freely.
std::string lowercase_without_spaces(std::string_view s);
/// Without leading and trailing spaces, tabs, carriage returns and newlines.
std::string_view trim(std::string_view s);

/// Byte offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629:
/// no overlong forms, no surrogates, nothing above U+10FFFF), or std::string_view::npos when
/// the whole text is valid UTF-8.
size_t invalid_utf8_at(std::string_view s);

/// Number of Unicode code points in valid UTF-8 text (for invalid text: bytes that do not
/// continue a sequence).
size_t code_points(std::string_view s);

/// Throws ValidationError at `where` when `s` is not valid UTF-8 or holds a NUL character;
/// the message names the offending byte and its position (1-based, in bytes).
void require_utf8(std::string_view s, const Location& where);

/// Levenshtein distance between two byte strings (insertions, deletions and substitutions of
/// one byte each), for "did you mean" suggestions and matching names that differ by a typo.
size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace baton::text
