#include "io/csv.h"

#include "baton/error.h"

namespace baton::csv {
namespace {

bool blank(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

}  // namespace

std::vector<Row> read_rows(std::string_view text, const std::string& source, char separator) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 byte-order mark
  std::vector<Row> rows;
  Row row{1, {}};
  std::string cell;
  int line = 1;
  enum class State { plain, quoted, after_quote } state = State::plain;
  const auto end_cell = [&] {
    row.cells.push_back(std::move(cell));
    cell.clear();
    state = State::plain;
  };
  const auto end_row = [&] {
    end_cell();
    if (!(row.cells.size() == 1 && blank(row.cells[0]))) rows.push_back(std::move(row));
    row = Row{line, {}};
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (state == State::quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        state = State::after_quote;
      } else {
        if (c == '\n') ++line;
        cell += c;
      }
    } else if (c == separator) {
      end_cell();
    } else if (c == '\n') {
      ++line;
      end_row();
    } else if (c == '\r' ||
               (state == State::after_quote && (c == ' ' || (c == '\t' && separator != '\t')))) {
      // CRLF line ends; spaces after a closing quote
    } else if (state == State::after_quote) {
      throw ParseError("text after the closing quote of a cell", Location{source, line, ""});
    } else if (c == '"') {
      if (!blank(cell)) {
        throw ParseError("quote in the middle of a cell", Location{source, line, ""});
      }
      cell.clear();
      state = State::quoted;
    } else {
      cell += c;
    }
  }
  if (state == State::quoted) {
    throw ParseError("unterminated quoted cell", Location{source, row.line, ""});
  }
  end_row();
  return rows;
}

}  // namespace baton::csv
