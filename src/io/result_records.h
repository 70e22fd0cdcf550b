// What the readers of meet programs' results exports share (internal to io): Hy-Tek's
// semicolon results and MeetPro's CSV both write an H record (the meet), E records (one
// athlete's result in one round) and R records (a relay's result, Hy-Tek's event codes). The
// Builder reads the H record, sorts events into flat races and lines to skip, merges people by
// name and team code, and gives every mark and relay the meet's name and date.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baton/imported.h"
#include "io/import_text.h"

namespace baton::result_records {

class Builder {
 public:
  Builder(std::string format, const std::string& file);

  /// Reads every line of `text`, its fields separated by `sep`: an H record gives the meet's
  /// name (field 2) and start date (field 3), E records go to `individual(fields, line)` and R
  /// records to `relay(fields, line)`, any other type is a skipped line.
  template <class Individual, class Relay>
  void read_all(std::string_view text, char sep, Individual&& individual, Relay&& relay) {
    for (const import_text::Line& line : import_text::lines(text, out_.file)) {
      std::vector<std::string> fields;
      const char type = read(line, sep, fields);
      if (type == 'e') individual(fields, line.number);
      if (type == 'r') relay(fields, line.number);
    }
  }

  /// A field of the file for messages: "field 11 (result mark)" at 0-based `index`.
  Location at(int line, size_t index, const char* name) const;

  /// The flat-race distance of an individual result with event code `code`, metres; none, with
  /// a skipped line, for anything no relay uses. `not_running` names what the result's kind cell
  /// says it is ("field event") when it is not a running event, nullptr when it is.
  std::optional<double> flat_race(std::string_view code, const char* not_running, int line);

  /// Adds `a` (or the person already read with the same last name, first name and team code,
  /// any case, who takes a school year they lacked) and gives them the mark of `cell` at
  /// `distance_m` with the meet's date and name; a cell without a time (DNS, DQ, ...) is a
  /// skipped line instead. Throws ParseError at `where` for a cell that is neither.
  void add_result(ImportedAthlete a, double distance_m, std::string_view code,
                  std::string_view cell, const Location& where);

  /// The relay of Hy-Tek event code `code` with its gender and mark cells read and the meet's
  /// name and date; none, with a skipped line, for a relay Baton does not plan. Throws
  /// ParseError at the cell's location for a wrong gender or mark.
  std::optional<ImportedRelay> relay(std::string_view code, std::string_view gender,
                                     const Location& gender_at, std::string_view mark,
                                     const Location& mark_at, int line);
  /// Keeps a relay made by relay() and its runners (each also one of the file's people).
  void keep(ImportedRelay r);

  /// The team of the record being read (an E record's athlete's, an R record's): the lines it
  /// skips are that team's (SkippedLine::team_code). Each record starts without one.
  void record_team(std::string_view code, std::string_view name);
  void skip(int line, std::string reason);
  ImportedFile finish() { return std::move(out_); }

 private:
  // The record's fields and its type in lower case for E and R records ('e', 'r'); 0 for the
  // others, which it handles.
  char read(const import_text::Line& line, char sep, std::vector<std::string>& fields);
  ImportedAthlete& add(ImportedAthlete a);

  ImportedFile out_;
  std::string meet_, date_;
  std::string team_code_, team_name_;  // record_team()
  import_text::People people_;
};

}  // namespace baton::result_records
