// The results CSV (include/baton/results_csv.h), as `baton results import` reads it, and the
// CSV reader under it (src/io/csv.cpp).
#include "baton/results_csv.h"

#include "fuzz_check.h"
#include "io/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = baton::fuzz::as_text(data, size);
  baton::fuzz::refuse_cleanly([&] {
    int previous = 0;
    for (const baton::csv::Row& row : baton::csv::read_rows(text, "fuzz.csv")) {
      FUZZ_CHECK(row.line > previous);  // rows come in file order, each on its own line
      previous = row.line;
    }
  });
  baton::fuzz::refuse_cleanly([&] {
    std::vector<int> lines;
    const std::vector<baton::RelayResult> results =
        baton::parse_results_csv(text, "fuzz.csv", "2026-04-01", &lines);
    FUZZ_CHECK(lines.size() == results.size());
    for (const baton::RelayResult& r : results) {
      FUZZ_CHECK(r.date.size() == 10);
      FUZZ_CHECK(baton::text::invalid_utf8_at(r.meet) == std::string_view::npos);
      for (const std::string& runner : r.order) {
        FUZZ_CHECK(baton::text::invalid_utf8_at(runner) == std::string_view::npos);
      }
    }
  });
  return 0;
}
