// The one CSV reader behind the roster and results files (internal to the library).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace baton::csv {

/// One row of a CSV file.
struct Row {
  int line = 0;                    ///< 1-based line the row starts on
  std::vector<std::string> cells;  ///< cells as written, quotes removed, not trimmed
};

/// The rows of CSV text as RFC 4180 writes them: cells separated by commas, rows by LF or
/// CRLF, quoted cells holding commas, doubled quotes and line breaks. A UTF-8 byte-order mark
/// (spreadsheets write one) is skipped; so are blank lines. Spaces around a quoted cell are
/// ignored. Throws ParseError naming `source` and the line for a quote inside an unquoted
/// cell, text after a closing quote, or a quote left open. `separator` replaces the comma for
/// files that use semicolons or tabs.
std::vector<Row> read_rows(std::string_view text, const std::string& source, char separator = ',');

}  // namespace baton::csv
