// The server's HTTP request reader (apps/server/request_reader.h), which sees every byte a
// client sends before any worker does. The first byte sets how many bytes arrive at a time;
// the rest is the stream, maybe several pipelined requests. Whether the bytes come at once or
// trickle in, the reader must reach the same verdict and pass on the same request.
#include <algorithm>

#include "fuzz_check.h"
#include "server/request_reader.h"

namespace {

using baton::server::RequestLimits;
using baton::server::RequestReader;
using baton::server::RequestState;

// Small limits, so that the fuzzer reaches them with small inputs.
constexpr RequestLimits kLimits{.max_header_bytes = 512, .max_body_bytes = 1024};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t step = 1 + data[0] % 32;
  std::string_view stream = baton::fuzz::as_text(data + 1, size - 1);
  for (int request = 0; request < 4 && !stream.empty(); ++request) {
    RequestReader whole(kLimits);
    const RequestState at_once = whole.update(stream);

    RequestReader trickle(kLimits);
    RequestState in_steps = RequestState::kIncomplete;
    for (size_t n = std::min(step, stream.size());; n = std::min(n + step, stream.size())) {
      in_steps = trickle.update(stream.substr(0, n));
      if (in_steps != RequestState::kIncomplete || n == stream.size()) break;
    }
    FUZZ_CHECK(at_once == in_steps);
    if (at_once != RequestState::kReady) break;
    FUZZ_CHECK(whole.request() == trickle.request());
    FUZZ_CHECK(whole.consumed() == trickle.consumed());
    FUZZ_CHECK(whole.consumed() > 0 && whole.consumed() <= stream.size());
    FUZZ_CHECK(whole.request().find("\r\n\r\n") != std::string::npos);
    FUZZ_CHECK(whole.request().size() <= kLimits.max_header_bytes + kLimits.max_body_bytes + 64);
    stream.remove_prefix(whole.consumed());
  }
  return 0;
}
