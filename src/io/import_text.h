// What the readers of other programs' files share (internal to io): delimited rows with their
// separator sniffed, event names sorted into open races, relays and events no relay uses, mark
// cells with their status words, names, sexes, grades and dates as coaches' programs write them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baton/athlete.h"
#include "baton/error.h"
#include "baton/units.h"
#include "io/csv.h"

namespace baton::import_text {

/// The separator of delimited text: whichever of tab, semicolon and comma occurs most often
/// (outside quotes) in the first non-blank line; a comma when none does.
char sniff_separator(std::string_view text);

/// The rows of delimited text (UTF-8 checked, byte-order mark and CRLF allowed), separator
/// sniffed. Throws ParseError naming `file` and the line.
std::vector<csv::Row> delimited_rows(std::string_view text, const std::string& file);

/// A header cell reduced for matching: ASCII lower case, letters and digits only
/// ("First Name" -> "firstname", "M/F" -> "mf").
std::string header_key(std::string_view cell);

/// What an event name means for Baton.
struct EventKind {
  enum Kind { open, relay, other } kind = other;
  double distance_m = 0.0;  ///< open: the race distance, metres
  std::string relay_id;     ///< relay: Baton's event id ("4x100", "dmr", ...)
  std::string reason;       ///< other: why no relay uses it ("field event (long jump)")
  bool hand_timed = false;  ///< the name declares hand timing ("100m (hand)")
};

/// Sorts an event name as meet programs write it: "100 Meters", "100m", "100", "100 M", "Mile",
/// "4 x 400 Relay", "4x100", "Distance Medley Relay", "SMR" are read; hurdles, steeplechase,
/// walks, field events, combined events, cross-country and road distances and open races
/// longer than a mile come back as `other` with the reason. Names that are not events at all
/// come back as `other` with an empty reason.
EventKind classify_event(std::string_view name);

/// The reason a mark cell holds no time ("did not start" for DNS; also NT, DNF, DQ, SCR, NM,
/// FS, NH, FOUL, a dash), or none when the cell should hold a time.
std::optional<std::string> status_reason(std::string_view cell);

/// A time cell: "12.41", "1:58.32", "12.4h"; any time in a `hand_column` is hand-timed.
/// Throws ParseError at `where`.
Mark read_mark(std::string_view cell, bool hand_column, const Location& where);

/// A person's name as written: "Smith, Jo" (last first) or "Jo Smith" (last word is the last
/// name). Returns {first, last}.
std::pair<std::string, std::string> split_name(std::string_view full);

/// Sex in its common spellings (F, M, W, G, B, Female, Male, Women, Men, Girls, Boys, in any
/// case); none for anything else.
std::optional<Sex> read_sex(std::string_view cell);

/// A school year: a grade 1-12 ("9", "12th") or a class ("FR", "SO", "JR", "SR", "Fr.",
/// "Senior"; 9-12); none for an empty cell. Throws ParseError at `where` otherwise.
std::optional<int> read_grade(std::string_view cell, const Location& where);

/// A date as YYYY-MM-DD from "2023-04-07", "4/7/2023", "04/07/23" or "Apr  7- 8, 2023" (a
/// meet over several days gives its first day; "Feb 29-Mar  1, 2020" too). Empty for an empty
/// cell; throws ParseError at `where` for anything else.
std::string read_date(std::string_view cell, const Location& where);

}  // namespace baton::import_text
