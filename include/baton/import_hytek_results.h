// Hy-Tek Meet Manager's semicolon-delimited results export (docs/FILE_FORMATS.md).
#pragma once

#include <string>
#include <string_view>

#include "baton/imported.h"

namespace baton {

/// True when the first record of `text` is a Hy-Tek results header ("H;meet name;...") and
/// an E or R record follows. Never throws.
bool looks_like_hytek_results(std::string_view text);

/// Reads Hy-Tek's results export: the H record (meet name and start date, MM/DD/YYYY, given to
/// every mark and relay), E records (one athlete's result in one round: fields 1-20 as Hy-Tek
/// documents them, T = running event, event code in field 5, round in field 10, mark in field
/// 11; the athlete as last; first; initial; gender; birth date; team code; team name; age;
/// school year after field 20) and R records (a relay's result: event code, gender, round and
/// mark as in E without its field 2, then team code; team name; letter and the runners in
/// blocks of last; first; initial; gender). Flat races keep their marks; field, combined and
/// hurdle events and relays Baton does not plan are SkippedLine; DQ / DNF / DNS / SCR marks
/// keep the relay with its verdict and skip an individual result. Throws ParseError naming
/// `file`, the line and the field for a wrong cell.
ImportedFile read_hytek_results(std::string_view text, const std::string& file);

}  // namespace baton
