#include "io/toml_limits.h"

#include <fmt/format.h>

#include <vector>

#include "baton/error.h"

namespace baton {

void check_toml_nesting(std::string_view text, const std::string& source) {
  std::vector<char> open;  // '[' or '{' not yet closed
  int line = 1;
  bool in_key = true;  // reading a key: at a line's start, in a [table] header, in { ... }
  int key_parts = 1;
  const auto refuse = [&] {
    throw ParseError(fmt::format("nesting deeper than {} levels (tables, lists, inline tables and "
                                 "dotted keys together)",
                                 kMaxTomlDepth),
                     Location{source, line, ""});
  };
  const auto check = [&] {
    if (static_cast<int>(open.size()) + key_parts > kMaxTomlDepth) refuse();
  };
  const auto start_key = [&] {
    in_key = true;
    key_parts = 1;
  };
  const size_t n = text.size();
  size_t i = 0;
  // Skips a string starting at text[i] (a quote), counting the lines it spans.
  const auto skip_string = [&] {
    const char q = text[i];
    const bool multi = i + 2 < n && text[i + 1] == q && text[i + 2] == q;
    const bool escapes = q == '"';
    i += multi ? 3 : 1;
    while (i < n) {
      const char c = text[i];
      if (c == '\n') {
        if (!multi) return;  // unterminated: the parser reports it
        ++line;
      } else if (escapes && c == '\\') {
        if (i + 1 < n && text[i + 1] == '\n') ++line;
        i += 2;
        continue;
      } else if (c == q) {
        if (!multi) {
          ++i;
          return;
        }
        if (i + 2 < n && text[i + 1] == q && text[i + 2] == q) {
          i += 3;
          while (i < n && text[i] == q) ++i;  // up to two quotes may end the content
          return;
        }
      }
      ++i;
    }
  };
  while (i < n) {
    const char c = text[i];
    if (c == '"' || c == '\'') {
      skip_string();
      continue;
    }
    if (c == '#') {
      while (i < n && text[i] != '\n') ++i;
      continue;
    }
    if (c == '\n') {
      ++line;
      if (open.empty()) start_key();
    } else if (c == '[' || c == '{') {
      // A '[' where a key is expected opens a [table] or [[array of tables]] header.
      open.push_back(c);
      if (c == '{' || in_key) start_key();
      check();
    } else if (c == ']' || c == '}') {
      if (!open.empty()) open.pop_back();
      in_key = false;
    } else if (c == '.' && in_key) {
      ++key_parts;
      check();
    } else if (c == '=') {
      in_key = false;
    } else if (c == ',') {
      if (!open.empty() && open.back() == '{') start_key();
    }
    ++i;
  }
}

}  // namespace baton
