// What every harness checks besides the sanitizers: a parser either returns what it promises or
// refuses with a baton::Error naming the input; any other exception escapes the harness and
// libFuzzer reports it as a crash, as is a broken promise (FUZZ_CHECK aborts).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "baton/athlete.h"
#include "baton/error.h"
#include "baton/json.h"
#include "baton/team.h"
#include "baton/team_file.h"
#include "core/text.h"

namespace baton::fuzz {

/// The fuzzer's bytes as text.
inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Aborts, naming the broken promise, when `ok` is false.
inline void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz check failed: %s\n", what);
    std::abort();
  }
}
#define FUZZ_CHECK(cond) ::baton::fuzz::check((cond), #cond)

/// Runs `parse`; a baton::Error is a clean refusal, anything else escapes.
template <class F>
void refuse_cleanly(F&& parse) {
  try {
    parse();
  } catch (const baton::Error&) {
  }
}

/// What an accepted team promises: names valid UTF-8 without NUL, every athlete valid with a
/// usable running model (an accepted athlete never breaks a later command), and JSON output
/// that does not throw.
inline void check_team(const Team& team) {
  FUZZ_CHECK(text::invalid_utf8_at(team.name) == std::string_view::npos);
  for (const Athlete& a : team.athletes) {
    FUZZ_CHECK(text::invalid_utf8_at(a.name) == std::string_view::npos);
    FUZZ_CHECK(a.name.find('\0') == std::string::npos);
    try {
      validate_athlete(a);
      check_athlete_model(a);
    } catch (const baton::Error& e) {
      std::fprintf(stderr, "fuzz check failed: accepted athlete refused later: %s\n", e.what());
      std::abort();
    }
  }
  (void)to_json(team).dump();
}

}  // namespace baton::fuzz
