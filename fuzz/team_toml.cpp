// The TOML team file (docs/FILE_FORMATS.md), as `baton roster import`, `--team` and
// POST /api/import?format=toml read it.
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  baton::fuzz::refuse_cleanly([&] {
    const baton::Team team = baton::parse_team_toml(baton::fuzz::as_text(data, size), "fuzz.toml");
    baton::fuzz::check_team(team);
  });
  return 0;
}
