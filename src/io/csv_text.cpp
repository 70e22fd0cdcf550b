#include "io/csv_text.h"

#include <fmt/format.h>

#include <vector>

#include "baton/error.h"
#include "core/text.h"

namespace baton {

void check_csv_utf8(std::string_view text, const std::string& source) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  size_t bad = text.find('\0');
  const size_t invalid = text::invalid_utf8_at(text.substr(0, bad));
  if (invalid != std::string_view::npos) bad = invalid;
  if (bad == std::string_view::npos) return;
  // Find the line and column of the bad byte with the CSV quoting rules, collecting the
  // header's names on the way.
  int line = 1;
  bool quoted = false;
  bool in_header = true;
  size_t column = 0;
  std::vector<std::string> header(1);
  for (size_t i = 0; i < bad; ++i) {
    const char c = text[i];
    if (c == '"') {
      quoted = !quoted;  // a doubled quote toggles twice
    } else if (c == '\n') {
      ++line;
      if (!quoted) {
        in_header = false;
        column = 0;
      }
    } else if (c == ',' && !quoted) {
      ++column;
      if (in_header) header.emplace_back();
    } else if (in_header && c != '\r') {
      header.back() += c;
    }
  }
  std::string field = "header";
  if (!in_header) {
    field = column < header.size() ? text::lowercase(text::trim(header[column]))
                                   : fmt::format("column {}", column + 1);
  }
  const unsigned char byte = static_cast<unsigned char>(text[bad]);
  if (byte == 0)
    throw ParseError("the file holds a NUL character: it is not text", {source, line, field});
  throw ParseError(
      fmt::format("byte 0x{:02X} is not UTF-8: save the file as UTF-8 (in a spreadsheet, \"CSV "
                  "UTF-8\"); Latin-1 and Windows-1252 text is not converted",
                  byte),
      Location{source, line, field});
}

}  // namespace baton
