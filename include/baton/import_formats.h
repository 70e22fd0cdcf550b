// The readers of other programs' files, one per format, and how a file's format is told from
// its content (docs/FILE_FORMATS.md describes each format).
//
// Example:
//   const std::string text = baton::read_text_file("lehigh.csv");
//   const baton::ImportFormat& f = baton::detect_import_format(text, "lehigh.csv");  // tfrrs
//   const baton::ImportedFile file = f.read(text, "lehigh.csv");
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "baton/imported.h"

namespace baton {

/// One format Baton reads.
struct ImportFormat {
  std::string_view name;  ///< as `baton import --format` spells it: "csv", "tfrrs", ...
  /// True when the text looks like this format (cheap: the first lines decide). Never throws.
  bool (*looks_like)(std::string_view text);
  /// Reads the whole file. Throws ParseError / ValidationError naming `file`, the line and the
  /// column of a wrong cell; lines Baton has no use for go to ImportedFile::skipped.
  ImportedFile (*read)(std::string_view text, const std::string& file);
};

/// Every registered reader, most specific first (the order detection tries them in).
std::span<const ImportFormat> import_formats();

/// Every format name `baton import --format` accepts besides "auto", registered or not.
std::span<const std::string_view> import_format_names();

/// The first registered format whose looks_like() accepts `text`. Throws ParseError naming
/// `file` ("not a format Baton reads", with the formats it knows) when none does.
const ImportFormat& detect_import_format(std::string_view text, const std::string& file);

/// Reads `text` as `format` ("auto" detects it). A named format the text does not look like is
/// refused with the format it does look like (ParseError naming `file` and "format"); a name
/// Baton does not know, or whose reader this build lacks, is a ParseError naming "format".
ImportedFile read_import(std::string_view text, const std::string& file, std::string_view format);

}  // namespace baton
