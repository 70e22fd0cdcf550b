// Plain-text tables for the CLI's human output.
#pragma once

#include <string>
#include <vector>

namespace baton {

/// A table with a header row; columns are left-aligned unless marked numeric (right-aligned).
class TextTable {
 public:
  /// Column titles; a title starting with '>' is right-aligned (the '>' is not printed).
  explicit TextTable(std::vector<std::string> header);
  void add_row(std::vector<std::string> cells);
  /// The table with a rule under the header, each line ending in '\n'. Widths count UTF-8
  /// code points.
  std::string render() const;

 private:
  std::vector<std::string> header_;
  std::vector<bool> right_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace baton
