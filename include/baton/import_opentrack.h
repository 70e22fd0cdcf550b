// OpenTrack competition data: the JSON document a competition page serves at /json/
// (docs/FILE_FORMATS.md).
#pragma once

#include <string>
#include <string_view>

#include "baton/imported.h"

namespace baton {

/// True when `text` is a JSON object with "competitors" or "events" at its top level (as
/// OpenTrack's competition JSON has). Never throws.
bool looks_like_opentrack(std::string_view text);

/// Reads an OpenTrack competition: competitors (competitorId / sortBib, firstName, lastName,
/// gender or category, teamId, teamName) with the pb of each event in eventsEntered; events
/// (eventId, eventCode, name, units of results: bib, place, performance or rawTime, splits).
/// Flat races keep their marks (results dated with the competition's date); relay events give
/// relay results (team from the bib "CODE-A" or the teams list, runners when the result or
/// team lists them, DQ / DNF / DNS); hurdles, field events and other events no relay uses are
/// SkippedLine, numbered by the event's place in the file (1 = first event). Throws ParseError
/// naming `file` and, for malformed JSON, the line; for a wrong value, the JSON path
/// ("events.3.units.0.results.2.performance").
ImportedFile read_opentrack(std::string_view text, const std::string& file);

}  // namespace baton
