#include "baton/import_formats.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <array>

#include "baton/import_hytek.h"
#include "baton/import_hytek_results.h"
#include "baton/import_lynx_evt.h"
#include "baton/import_lynx_lif.h"
#include "baton/import_meetpro.h"
#include "baton/import_opentrack.h"
#include "core/text.h"
#include "io/import_readers.h"

namespace baton {
namespace {

// Most specific first: detection takes the first that accepts the text, so the spreadsheet
// (any table with a name column) comes last.
const ImportFormat kFormats[] = {
    {"hytek", looks_like_hytek, read_hytek},
    {"hytek-results", looks_like_hytek_results, read_hytek_results},
    {"meetpro", looks_like_meetpro, read_meetpro},
    {"lynx-lif", looks_like_lynx_lif, read_lynx_lif},
    {"lynx-evt", looks_like_lynx_evt, read_lynx_evt},
    {"opentrack", looks_like_opentrack, read_opentrack},
    {"tfrrs", looks_like_tfrrs, read_tfrrs},
    {"athletic-net", looks_like_athletic_net, read_athletic_net},
    {"csv", looks_like_spreadsheet, read_spreadsheet},
};

// The names of the import contract (docs/FILE_FORMATS.md), each one a reader of kFormats
// (tested).
constexpr std::array<std::string_view, 9> kNames = {"hytek",        "hytek-results", "meetpro",
                                                    "lynx-evt",     "lynx-lif",      "opentrack",
                                                    "athletic-net", "tfrrs",         "csv"};

const ImportFormat* looks_like(std::string_view text) {
  for (const ImportFormat& f : kFormats) {
    if (f.looks_like(text)) return &f;
  }
  return nullptr;
}

}  // namespace

std::span<const ImportFormat> import_formats() { return kFormats; }

std::span<const std::string_view> import_format_names() { return kNames; }

const ImportFormat& detect_import_format(std::string_view text, const std::string& file) {
  if (const ImportFormat* f = looks_like(text)) return *f;
  throw ParseError(fmt::format("not a format Baton reads (it reads {}; see docs/FILE_FORMATS.md)",
                               fmt::join(kNames, ", ")),
                   Location{file, 0, ""});
}

ImportedFile read_import(std::string_view text, const std::string& file, std::string_view format) {
  const std::string name = text::lowercase(text::trim(format));
  if (name.empty() || name == "auto") return detect_import_format(text, file).read(text, file);
  for (const ImportFormat& f : kFormats) {
    if (f.name != name) continue;
    if (!f.looks_like(text)) {
      const ImportFormat* other = looks_like(text);
      throw ParseError(other
                           ? fmt::format("this is not a {} file: it looks like {} (--format {})",
                                         name, other->name, other->name)
                           : fmt::format("this is not a {} file, nor any format Baton reads", name),
                       Location{file, 0, "format"});
    }
    return f.read(text, file);
  }
  throw ParseError(fmt::format("unknown format '{}' (auto, {})", name, fmt::join(kNames, ", ")),
                   Location{"", 0, "format"});
}

}  // namespace baton
