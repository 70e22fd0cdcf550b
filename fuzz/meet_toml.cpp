// The meet file (docs/FILE_FORMATS.md), as `baton simulate --meet` and `baton report --meet`
// read it, and in either form as `baton lineup --events --objective points --meet` reads it.
#include "baton/meet.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  baton::fuzz::refuse_cleanly([&] {
    const baton::Meet meet = baton::parse_meet_toml(baton::fuzz::as_text(data, size), "fuzz.toml");
    for (const baton::MeetEntry& entry : meet.teams) {
      FUZZ_CHECK(baton::text::invalid_utf8_at(entry.name) == std::string_view::npos);
      for (const std::string& runner : entry.order) {
        FUZZ_CHECK(baton::text::invalid_utf8_at(runner) == std::string_view::npos);
      }
    }
  });
  baton::fuzz::refuse_cleanly([&] {
    const baton::MeetRelays meet =
        baton::parse_meet_relays_toml(baton::fuzz::as_text(data, size), "fuzz.toml");
    FUZZ_CHECK(!meet.relays.empty());
    for (const baton::MeetRelayField& relay : meet.relays) {
      FUZZ_CHECK(!relay.teams.empty());
      for (const baton::MeetEntry& entry : relay.teams) {
        FUZZ_CHECK(!entry.own() && entry.seed_time_s > 0.0);
        FUZZ_CHECK(baton::text::invalid_utf8_at(entry.name) == std::string_view::npos);
      }
    }
  });
  return 0;
}
