// What the readers of other programs' files share (internal to io): a file split into bounded
// lines and fields (or delimited rows with their separator sniffed); event names sorted into
// open races, relays and events no relay uses, whether written alone (a spreadsheet header) or
// inside a meet program's title or code; mark cells with their status words; and names, sexes,
// school years and dates as coaches' and meet programs write them.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "baton/athlete.h"
#include "baton/error.h"
#include "baton/imported.h"
#include "baton/units.h"
#include "io/csv.h"

namespace baton::import_text {

// ---- lines and fields ---------------------------------------------------------------------

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
/// kMaxFileBytes, holds a NUL byte or is not UTF-8.
std::vector<Line> lines(std::string_view text, const std::string& file);

/// The first non-blank line of `text`, without its break or a byte-order mark (for
/// looks_like checks and separator sniffing).
std::string_view first_line(std::string_view text);

/// `line` split at every `sep`, each field trimmed of spaces; fields are not quoted. Throws
/// ParseError at `where` when there are more than kMaxFields.
std::vector<std::string> split(std::string_view line, char sep, const Location& where);

/// Field `i` (0-based) or "" when the record is shorter.
std::string_view field(const std::vector<std::string>& fields, size_t i);

/// Where a field of a record file is, for messages: "field 11 (result mark)" for 0-based
/// `index` 10 of `line`.
Location field_at(const std::string& file, int line, size_t index, const char* name);

/// The separator of delimited text: whichever of tab, semicolon and comma occurs most often
/// (outside quotes) in the first non-blank line; a comma when none does.
char sniff_separator(std::string_view text);

/// The rows of delimited text (UTF-8 checked, byte-order mark and CRLF allowed, quotes as in
/// RFC 4180), separator sniffed. Throws ParseError naming `file` and the line.
std::vector<csv::Row> delimited_rows(std::string_view text, const std::string& file);

/// A header cell reduced for matching: ASCII lower case, letters and digits only
/// ("First Name" -> "firstname", "M/F" -> "mf").
std::string header_key(std::string_view cell);

/// The people of a file, one record each: lines with the same last name, first name and team
/// (any case) are one person. Only the index is kept here; the records are the file's athletes.
class People {
 public:
  /// The person `a` is among `athletes`: the one already read, or `a` appended. What a person
  /// read again takes from `a` (a sex or a school year the first line lacked) is the caller's.
  ImportedAthlete& find_or_add(std::vector<ImportedAthlete>& athletes, ImportedAthlete a,
                               std::string_view team);

 private:
  std::map<std::tuple<std::string, std::string, std::string>, size_t> index_;
};

// ---- event names --------------------------------------------------------------------------

/// Whether an event name or code names hurdles, steeplechase, a walk, a field event or a
/// combined event ("100m Hurdles", "100H", "3000SC", "Long Jump", "LJ", "Heptathlon", "HEP"),
/// with the kind in words for a skipped line's reason ("hurdles", "field event"); empty for a
/// flat race, a relay or anything else.
std::string non_running_kind(std::string_view title);

/// The reason a skipped event gives: "<kind> (<title>): no relay uses it".
std::string skip_reason(std::string_view kind, std::string_view title);

/// What an event name written alone means for Baton.
struct EventKind {
  enum Kind { open, relay, other } kind = other;
  double distance_m = 0.0;  ///< open: the race distance, metres
  std::string relay_id;     ///< relay: Baton's event id ("4x100", "dmr", ...)
  std::string reason;       ///< other: why no relay uses it ("field event (long jump): ...")
  bool hand_timed = false;  ///< the name declares hand timing ("100m (hand)")
};

/// Sorts an event name as a spreadsheet column or a results row writes it: "100 Meters",
/// "100m", "100", "100 M", "Mile", "4 x 400 Relay", "4x100", "Distance Medley Relay", "SMR" are
/// read; hurdles, steeplechase, walks, field events, combined events (non_running_kind()),
/// cross-country and road distances and open races longer than a mile come back as `other`
/// with the reason. Names that are not events at all come back as `other` with an empty reason.
EventKind classify_event(std::string_view name);

/// The relay id named in a meet program's event title: "Girls 4x100 Relay Varsity", "4 x 400m",
/// "4x800 Meter Relay", "Sprint Medley Relay", "SMR", "Distance Medley", "DMR". None for
/// anything else.
std::optional<std::string> relay_from_title(std::string_view title);

/// The flat-race distance of a meet program's individual event code or title ("100", "1600",
/// "100m", "100 Meters", "Girls 100 Meters Varsity", "Mile", "3000m"), metres; none when it is
/// not a flat race meet files keep marks for (60 m to 10000 m).
std::optional<double> flat_distance_m(std::string_view code_or_title);

/// The squad an event title names ("Girls", "Women", "Boys", "Men", "Mixed"): F, M, or none.
std::optional<Sex> sex_from_title(std::string_view title);

/// The Baton relay id ("4x100", "4x200", "4x400", "4x800", "smr", "dmr") of a Hy-Tek relay
/// event code: 400, 800, 1600, 3200, 1600S (sprint medley), 3200D (distance medley); none for
/// any other code (individual events, and relays Baton does not plan such as 1000S or 4800).
std::optional<std::string> relay_from_hytek_code(std::string_view code);

/// The Hy-Tek relay event code of a Baton relay id (relay_from_hytek_code() the other way); none
/// for a relay Hy-Tek has no code for.
std::optional<std::string> hytek_relay_code(std::string_view relay);

/// Why a relay record with Hy-Tek event code `code` is left out (a SkippedLine reason) when
/// relay_from_hytek_code() knows no relay for it.
std::string unplanned_hytek_relay(std::string_view code);

// ---- marks --------------------------------------------------------------------------------

/// The reason a mark cell holds no time: a status word ("did not start (DNS)"; also NT, DNF,
/// DQ, DSQ, SCR, NM, ND, FS, NH, FOUL, N/A, a dash; dots and spaces ignored, any case), or none
/// when the cell should hold a time.
std::optional<std::string> status_reason(std::string_view cell);

/// A time cell: "12.41", "1:58.32", "12.4h", "10.8H"; a trailing qualifier letter ("10.85q",
/// "10.85Q") is dropped. Any time in a `hand_column` is hand-timed. Throws ParseError at `where`.
Mark read_time(std::string_view cell, bool hand_column, const Location& where);

/// How a meet program's mark cell reads.
struct MarkCell {
  std::optional<Mark> mark;  ///< the time when there is one
  RelayStatus status = RelayStatus::finished;
  bool no_time = false;  ///< NT / blank / 0: no time and no verdict (an entry without a seed)
};

/// Reads a meet program's mark cell: a time as read_time() reads it, or a status word
/// (status_reason()): DQ, DSQ and FS (false start) are a DQ, DNF, DNS and SCR (or SCRATCH) their
/// own verdict, any other (NT, NM, ...) and a blank, "0" or "0.00" no time. Throws ParseError
/// at `where` for anything else.
MarkCell read_mark(std::string_view cell, const Location& where);

// ---- people and dates ---------------------------------------------------------------------

/// A person's name as written: "Smith, Jo" (last first) or "Jo Smith" (last word is the last
/// name). Returns {first, last}.
std::pair<std::string, std::string> split_name(std::string_view full);

/// Sex in its common spellings (F, M, W, G, B, Female, Male, Women, Men, Girls, Boys, Ladies, in
/// any case); none for anything else, a mixed squad (X, Mixed) and a blank cell included.
std::optional<Sex> read_sex(std::string_view cell);

/// As read_sex(cell), but a cell that is neither blank, X or Mixed nor a sex is a ParseError at
/// `where`.
std::optional<Sex> read_sex(std::string_view cell, const Location& where);

/// A school year: a grade 1-12 ("9", "12th") or a class ("FR", "SO", "JR", "SR", "Fr.",
/// "Senior"; 9-12); none for an empty cell. Throws ParseError at `where` otherwise.
std::optional<int> read_grade(std::string_view cell, const Location& where);

/// As read_grade(), but anything unreadable gives none (where years are informative only).
std::optional<int> read_school_year(std::string_view cell);

/// A date as YYYY-MM-DD from "2023-04-07", "4/7/2023", "04/07/23" or "Apr  7- 8, 2023" (a
/// meet over several days gives its first day; "Feb 29-Mar  1, 2020" too). Empty for an empty
/// cell; throws ParseError at `where` for anything else, a day the calendar lacks included.
std::string read_date(std::string_view cell, const Location& where);

/// As read_date(), but anything unreadable gives "" (where a date is optional).
std::string iso_date(std::string_view cell);

}  // namespace baton::import_text
