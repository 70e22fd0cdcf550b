// Telling whether two written names are the same person (internal to the workspace): files
// from different programs write "Smith, Jo", "JO SMITH", "Jo A. Smith" and "Jö Smith".
#pragma once

#include <string>
#include <string_view>

namespace baton::names {

/// The key two spellings of one person share: accents folded to ASCII (Latin letters), lower
/// case, punctuation dropped, middle initials dropped (a one-letter word, when at least two
/// longer words remain), words sorted. "Smith, Jo A." and "Jo Smith" both give "jo smith".
std::string match_key(std::string_view full_name);

/// True when two names that do not share a key may still be one person: the same last word
/// and first words where one starts the other ("Jo" / "Joanna") or that differ by one letter,
/// or the same first word and last words that differ by one letter.
bool likely_same(std::string_view a, std::string_view b);

}  // namespace baton::names
