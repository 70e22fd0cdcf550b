// A hand-off drill as POST /api/practice receives it (apps/server/drill_request.h), checked as
// the practice log checks it before storing (validate_drill).
#include "server/drill_request.h"

#include "baton/drill.h"
#include "baton/practice_json.h"
#include "fuzz_check.h"
#include "server/request_fields.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace baton;
  fuzz::refuse_cleanly([&] {
    const nlohmann::json body = server::parse_json_object(fuzz::as_text(data, size));
    const Drill drill = server::drill_from_json(body, "2026-04-01");
    validate_drill(drill);
    FUZZ_CHECK(drill.note.size() <= server::kMaxNoteChars);
    FUZZ_CHECK(text::invalid_utf8_at(drill.note) == std::string_view::npos);
    FUZZ_CHECK(drill.from != drill.to);
    (void)drill_to_json(drill).dump();
  });
  return 0;
}
