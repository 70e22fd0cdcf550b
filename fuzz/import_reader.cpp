// One harness for every reader of another program's file. Built with BATON_IMPORT_HEADER
// ("baton/import_hytek.h") and BATON_IMPORT_READ (read_hytek) it fuzzes that reader alone (a
// campaign on one format); built without them it fuzzes them all through read_import(), the
// first byte choosing the format ("auto" included, so detection is fuzzed too). What a reader
// returns must be safe to store and to show: text valid UTF-8, times finite and positive,
// lines within the file.
#include <cmath>

#ifdef BATON_IMPORT_HEADER
#include BATON_IMPORT_HEADER
#else
#include "baton/import_formats.h"
#endif
#include "baton/imported.h"
#include "fuzz_check.h"

namespace {

using namespace baton;

bool utf8(const std::string& s) { return text::invalid_utf8_at(s) == std::string_view::npos; }

void check_athlete(const ImportedAthlete& a, int lines) {
  FUZZ_CHECK(utf8(a.first) && utf8(a.last) && utf8(a.team_code) && utf8(a.team_name));
  FUZZ_CHECK(a.line >= 0 && a.line <= lines);
  for (const ImportedMark& m : a.marks) {
    FUZZ_CHECK(std::isfinite(m.distance_m) && m.distance_m > 0.0);
    FUZZ_CHECK(std::isfinite(m.mark.time_s) && m.mark.time_s > 0.0);
    FUZZ_CHECK(utf8(m.date) && utf8(m.source));
    FUZZ_CHECK(m.line >= 0 && m.line <= lines);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
#ifdef BATON_IMPORT_READ
  const std::string_view text = fuzz::as_text(data, size);
  const auto read = [](std::string_view t, const std::string& file) {
    return BATON_IMPORT_READ(t, file);
  };
#else
  if (size == 0) return 0;
  const auto names = import_format_names();
  const std::string_view format = data[0] % (names.size() + 1) == names.size()
                                      ? std::string_view("auto")
                                      : names[data[0] % (names.size() + 1)];
  const std::string_view text = fuzz::as_text(data + 1, size - 1);
  const auto read = [format](std::string_view t, const std::string& file) {
    return read_import(t, file, format);
  };
#endif
  // A generous bound on the number of lines or records a reader can name.
  const int lines = static_cast<int>(size) + 1;
  fuzz::refuse_cleanly([&] {
    const ImportedFile file = read(text, "fuzz.txt");
    for (const ImportedAthlete& a : file.athletes) check_athlete(a, lines);
    for (const ImportedRelay& r : file.relays) {
      FUZZ_CHECK(utf8(r.event) && utf8(r.team_code) && utf8(r.team_name) && utf8(r.meet));
      if (r.time) FUZZ_CHECK(std::isfinite(r.time->time_s) && r.time->time_s > 0.0);
      for (double s : r.splits_s) FUZZ_CHECK(std::isfinite(s) && s > 0.0);
      for (const ImportedAthlete& a : r.runners) check_athlete(a, lines);
      FUZZ_CHECK(r.line >= 0 && r.line <= lines);
    }
    for (const SkippedLine& s : file.skipped) {
      FUZZ_CHECK(utf8(s.reason));
      FUZZ_CHECK(s.line >= 0 && s.line <= lines);
    }
  });
  return 0;
}
