// The readers behind import_formats() (internal to io): each format's looks_like and read,
// with the signatures of ImportFormat (include/baton/import_formats.h).
#pragma once

#include <string>
#include <string_view>

#include "baton/imported.h"

namespace baton {

// Spreadsheets: one athlete a row, one event a column (src/io/import_spreadsheet.cpp).
bool looks_like_spreadsheet(std::string_view text);
ImportedFile read_spreadsheet(std::string_view text, const std::string& file);

// TFRRS athlete histories: Athlete, Event, Mark, Date (src/io/import_tfrrs.cpp).
bool looks_like_tfrrs(std::string_view text);
ImportedFile read_tfrrs(std::string_view text, const std::string& file);

// Athletic.net roster uploads and delimited results (src/io/import_athletic_net.cpp).
bool looks_like_athletic_net(std::string_view text);
ImportedFile read_athletic_net(std::string_view text, const std::string& file);

}  // namespace baton
