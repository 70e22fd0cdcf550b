// DirectAthletics MeetPro's comma-separated results export (docs/FILE_FORMATS.md).
#pragma once

#include <string>
#include <string_view>

#include "baton/imported.h"

namespace baton {

/// True when the first record of `text` is a MeetPro header ("H,meet name,...") and the next
/// record is an E (individual) or R (relay) result. Never throws.
bool looks_like_meetpro(std::string_view text);

/// Reads MeetPro's results export, one record a line, fields separated by commas and never
/// quoted:
/// - H: meet name, start date (M/D/YYYY, given to every mark and relay), end date, the
///   program's name, the time of the export;
/// - E: one athlete's result in one round: T (running) or F (field) in field 2, event code in
///   field 5 ("100", "1600", "LJ"), gender in 6, division in 9 ("7th grade"), round in 10,
///   mark in 11, places and heat in 14-16, then last name (23), first name (24), gender (26),
///   team code (28), team name (29) and the athlete's number (32);
/// - R: a relay's result: team name in field 2, event code in 5 (400 = 4x100, 800 = 4x200,
///   1600 = 4x400, 3200 = 4x800, 1600S = sprint medley, 3200D = distance medley, as Hy-Tek
///   codes them), gender in 6, mark in 11, team code in 13, then from field 19 the runners in
///   running order, seven fields each: last name, first name, gender, (blank), grade, two blanks.
/// Flat races keep their marks (the division's grade becomes the athlete's school year); field
/// events, hurdles and relays Baton does not plan (such as the youth medleys 400S and 800S) are
/// SkippedLine; DQ / DNF / DNS / SCR marks keep the relay with its verdict and skip an
/// individual result. Throws ParseError naming `file`, the line and the field for a wrong cell.
ImportedFile read_meetpro(std::string_view text, const std::string& file);

}  // namespace baton
