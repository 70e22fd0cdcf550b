// What the FinishLynx readers share (internal to io).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/import_text.h"

namespace baton::lynx {

/// The cells of one Lynx line: comma-separated, a cell in double quotes may hold commas
/// ("Jones, Jr."), cells trimmed. Throws ParseError at `where` for more than kMaxFields cells
/// or a quote left open.
std::vector<std::string> cells(std::string_view line, const Location& where);

/// Splits an affiliation such as "RICO  A" or "Riverview B" into the team and a relay letter
/// (a single capital A-H after a space); no letter leaves the team as written.
std::pair<std::string, std::string> team_and_letter(std::string_view affiliation);

}  // namespace baton::lynx
