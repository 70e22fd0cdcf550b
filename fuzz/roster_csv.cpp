// The CSV roster (docs/FILE_FORMATS.md), as `baton roster import x.csv` and
// POST /api/import?format=csv read it.
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  baton::fuzz::refuse_cleanly([&] {
    const baton::Team team = baton::parse_roster_csv(baton::fuzz::as_text(data, size), "fuzz.csv");
    baton::fuzz::check_team(team);
  });
  return 0;
}
