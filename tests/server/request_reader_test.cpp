// The server's request reader (apps/server/request_reader.cpp) on its own, without sockets.
#include "server/request_reader.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace baton::server
