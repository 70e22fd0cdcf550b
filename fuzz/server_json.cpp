// The JSON request bodies of the server's API (apps/server/request_fields.h,
// athlete_request.h, meet_request.h, simulation_request.h): one body goes through every reader,
// as any route might receive it.
#include "baton/json.h"
#include "fuzz_check.h"
#include "server/athlete_request.h"
#include "server/meet_request.h"
#include "server/request_fields.h"
#include "server/simulation_request.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace baton;
  using namespace baton::server;
  nlohmann::json body;
  try {
    body = parse_json_object(fuzz::as_text(data, size));
  } catch (const Error&) {
    return 0;
  }
  fuzz::refuse_cleanly([&] {
    Athlete athlete;
    athlete.name = "Ava Brooks";
    athlete.sex = Sex::female;
    apply_athlete_json(body, athlete);
    FUZZ_CHECK(text::invalid_utf8_at(athlete.name) == std::string_view::npos);
    (void)to_json(athlete).dump();
  });
  fuzz::refuse_cleanly([&] { (void)order_request(body); });
  fuzz::refuse_cleanly([&] {
    const LineupQuery q = lineup_query(body, 10);
    (void)q;
  });
  fuzz::refuse_cleanly([&] {
    if (body.contains("names")) {
      FUZZ_CHECK(names_field(body["names"], "names", 8).size() <= 8);
    }
  });
  fuzz::refuse_cleanly([&] {
    const std::int64_t top = whole_number(body, "top", 5, 0, 50);
    FUZZ_CHECK(top >= 0 && top <= 50);
  });
  fuzz::refuse_cleanly([&] {
    const MeetLineupQuery q = meet_lineup_query(body, 23);
    FUZZ_CHECK(q.relays.size() <= 23 && q.weights.size() <= 64 && q.locks.size() <= 64);
    for (const MeetRelayWeight& w : q.weights) (void)w.weight;
  });
  fuzz::refuse_cleanly([&] {
    const std::vector<Opponent> field = opponents(body, 400.0);
    FUZZ_CHECK(field.size() <= kMaxOpponents);
  });
  fuzz::refuse_cleanly([&] {
    const SimulationOptions o = simulation_options(body, 20000, 1000, 200000);
    FUZZ_CHECK(o.runs >= 1000 && o.runs <= 200000);
  });
  fuzz::refuse_cleanly([&] { (void)optional_sex(body, "sex"); });
  fuzz::refuse_cleanly([&] { only_fields(body, {"event", "sex", "order", "top"}); });
  return 0;
}
