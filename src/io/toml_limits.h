// Limits checked on untrusted TOML text before it reaches the TOML parser (internal to io).
#pragma once

#include <string>
#include <string_view>

namespace baton {

/// Deepest nesting accepted in a TOML file: tables, lists and inline tables opened inside one
/// another plus the parts of a dotted key (`a.b.c = 1` is 3 levels). Baton's files need 4.
inline constexpr int kMaxTomlDepth = 32;

/// Scans TOML text (strings and comments skipped, one pass, no recursion) and throws
/// ParseError naming `source` and the line when its nesting exceeds kMaxTomlDepth. The TOML
/// parser recurses once per level, so without this bound a small hostile file (a key with
/// 50,000 dots) exhausts the stack.
void check_toml_nesting(std::string_view text, const std::string& source);

}  // namespace baton
