// What the meet-software readers share (internal to io): splitting a file into bounded lines and
// fields, naming a relay event from a meet program's code or title, and reading a mark cell
// that may say NT, DQ, DNF, DNS or SCR instead of a time.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baton/athlete.h"
#include "baton/error.h"
#include "baton/imported.h"
#include "baton/units.h"

namespace baton::meet_text {

/// Largest file a reader accepts, bytes (a season's meet file is well under 1 MB).
inline constexpr size_t kMaxFileBytes = 16u << 20;
/// Most fields one record may hold (a Hy-Tek relay record with 8 runners has 79).
inline constexpr size_t kMaxFields = 256;

/// One line of a file: its 1-based number and its text without the line break.
struct Line {
  int number = 0;
  std::string_view text;
};

/// The lines of `text` (LF, CRLF or lone CR breaks; a leading UTF-8 byte-order mark dropped;
/// blank lines left out). Throws ParseError naming `file` when the text is larger than
/// kMaxFileBytes or holds a NUL byte.
std::vector<Line> lines(std::string_view text, const std::string& file);

/// `line` split at every `sep`, each field trimmed of spaces; fields are not quoted. Throws
/// ParseError at `where` when there are more than kMaxFields.
std::vector<std::string> split(std::string_view line, char sep, const Location& where);

/// Field `i` (0-based) or "" when the record is shorter.
std::string_view field(const std::vector<std::string>& fields, size_t i);

/// The first non-blank line of `text`, without its break (for looks_like checks).
std::string_view first_line(std::string_view text);

/// How a mark cell reads.
struct MarkCell {
  std::optional<Mark> mark;  ///< the time when there is one
  RelayStatus status = RelayStatus::finished;
  bool no_time = false;  ///< NT / blank: no time and no verdict (an entry without a seed)
};

/// Reads a time cell: "10.85", "1:58.32", "4:05.1h" (hand), "10.8H"; and the marks a meet
/// program writes instead of a time: NT / blank (no time), DQ, DNF, DNS, SCR, FS (false start,
/// a DQ). A trailing qualifier letter after a time ("10.85q", "10.85Q") is dropped. Throws
/// ParseError at `where` for anything else.
MarkCell read_mark(std::string_view cell, const Location& where);

/// The Baton relay id ("4x100", "4x200", "4x400", "4x800", "smr", "dmr") of a Hy-Tek relay
/// event code: 400, 800, 1600, 3200, 1600S (sprint medley), 3200D (distance medley); none for
/// any other code (individual events, and relays Baton does not plan such as 1000S or 4800).
std::optional<std::string> relay_from_hytek_code(std::string_view code);

/// Why a relay record with Hy-Tek event code `code` is left out (a SkippedLine reason) when
/// relay_from_hytek_code() knows no relay for it.
std::string unplanned_hytek_relay(std::string_view code);

/// The relay id named in an event title: "Girls 4x100 Relay Varsity", "4 x 400m", "4x800 Meter
/// Relay", "Sprint Medley Relay", "SMR", "Distance Medley", "DMR". None for anything else.
std::optional<std::string> relay_from_title(std::string_view title);

/// Whether an event title names hurdles, steeplechase, a walk, a field event or a combined
/// event, with the kind in words for a skipped line's reason ("hurdles", "field event"); empty
/// for a flat race.
std::string non_running_kind(std::string_view title);

/// The flat-race distance of an individual event code or title ("100", "1600", "100m",
/// "100 Meters", "Mile", "1 Mile", "3000m"), metres; none when it is not a flat race Baton
/// keeps marks for (60 m to 10000 m).
std::optional<double> flat_distance_m(std::string_view code_or_title);

/// The squad an event title names ("Girls", "Women", "Boys", "Men", "Mixed"): F, M, or none.
std::optional<Sex> sex_from_title(std::string_view title);

/// "F"/"W"/"G"/"Female" -> female, "M"/"B"/"Male" -> male, "X"/"" -> none; throws ParseError at
/// `where` otherwise.
std::optional<Sex> read_sex(std::string_view cell, const Location& where);

/// A school year cell: "9".."12" or a college year "1".."5", or FR/SO/JR/SR (9 to 12, the US
/// high-school grades), "" -> none. Anything else gives none (years are informative only).
std::optional<int> read_school_year(std::string_view cell);

/// "MM/DD/YYYY" or "YYYY-MM-DD" as "YYYY-MM-DD"; "" for anything else.
std::string iso_date(std::string_view cell);

/// The reason a skipped event gives: "<kind> (<title>): no relay uses it".
std::string skip_reason(std::string_view kind, std::string_view title);

}  // namespace baton::meet_text
