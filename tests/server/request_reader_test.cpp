// The server's request reader (apps/server/request_reader.cpp) on its own, without sockets.
#include "server/request_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <utility>

namespace baton::server {
namespace {

TEST(RequestReader, PassesOnAWholeRequestWithItsBody) {
  RequestReader r(RequestLimits{});
  const std::string wire = "POST /api/x HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}GET";
  EXPECT_EQ(r.update(wire.substr(0, 30)), RequestState::kIncomplete);
  ASSERT_EQ(r.update(wire), RequestState::kReady);
  EXPECT_EQ(r.request(), "POST /api/x HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}");
  EXPECT_EQ(r.consumed(), wire.size() - 3);  // the next request's first bytes stay
}

// Found by fuzz_http_request: a blank line where the request line belongs was passed on as the
// request "\r\n" (no request line, no end of header) for a worker to answer.
TEST(RequestReader, ARequestWithoutARequestLineIsMalformed) {
  RequestReader r(RequestLimits{});
  EXPECT_EQ(r.update("\r\n\r\n"), RequestState::kMalformed);
  RequestReader lf(RequestLimits{});
  EXPECT_EQ(lf.update("\n\nGET / HTTP/1.1\r\n\r\n"), RequestState::kMalformed);
}

// Found by the 1-hour fuzz_http_request campaign: a chunked body's trailer line (or chunk-size
// line) longer than the limit was refused when its bytes trickled in, but accepted when its end
// arrived in the same read. Both now refuse it, whatever the reads.
TEST(RequestReader, ALongTrailerOrChunkLineGetsOneVerdictHoweverItArrives) {
  const RequestLimits limits{.max_header_bytes = 512, .max_body_bytes = 1024};
  const std::string head = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
  const std::string long_trailer = head + "0\r\nX-Note: " + std::string(600, 'a') + "\r\n\r\n";
  const std::string long_size = head + "2;" + std::string(1100, 'e') + "\r\n{}\r\n0\r\n\r\n";
  for (const auto& [wire, verdict] : {std::pair{long_trailer, RequestState::kHeaderTooLarge},
                                      std::pair{long_size, RequestState::kMalformed}}) {
    RequestReader whole(limits);
    EXPECT_EQ(whole.update(wire), verdict);
    for (size_t step : {1, 7, 64, 700}) {
      RequestReader trickle(limits);
      RequestState state = RequestState::kIncomplete;
      for (size_t n = step; state == RequestState::kIncomplete; n += step) {
        state = trickle.update(std::string_view(wire).substr(0, std::min(n, wire.size())));
        if (n >= wire.size()) break;
      }
      EXPECT_EQ(state, verdict) << "in reads of " << step << " bytes";
    }
  }
  // Within the limits the same framing is read as usual.
  RequestReader fine(limits);
  ASSERT_EQ(fine.update(head + "2;ext=1\r\n{}\r\n0\r\nX-Note: a\r\n\r\n"), RequestState::kReady);
  EXPECT_EQ(fine.request(), "POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}");
}

}  // namespace
}  // namespace baton::server
