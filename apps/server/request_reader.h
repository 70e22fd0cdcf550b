// Reads one HTTP/1.1 request from the bytes a connection has delivered so far, before any
// worker thread sees it: the server hands a worker only whole requests, so a client that sends
// slowly, or sends too much, never holds one.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace baton::server {

/// How large a request may be.
struct RequestLimits {
  size_t max_header_bytes = 64 * 1024;  ///< request line and header lines together, bytes
  size_t max_body_bytes = 1u << 20;     ///< body after chunked decoding, bytes
};

/// What the bytes received so far hold.
enum class RequestState {
  kIncomplete,      ///< wait for more bytes
  kReady,           ///< `request` holds the whole request
  kHeaderTooLarge,  ///< answer 431 and close
  kBodyTooLarge,    ///< answer 413 and close (declared or, when chunked, counted)
  kMalformed,       ///< answer 400 and close (bad framing: chunk sizes, conflicting lengths)
};

/// Incremental reader for one request; keeps its place in a chunked body between calls, so
/// each byte is decoded once however it trickles in.
class RequestReader {
 public:
  explicit RequestReader(const RequestLimits& limits) : limits_(limits) {}

  /// Looks at `received` (all bytes of this request so far, and maybe of the next ones).
  /// kReady fills request() with the request as a worker should read it: a chunked body
  /// decoded and announced with Content-Length, "Expect: 100-continue" answered here and
  /// dropped. consumed() then says how many bytes of `received` it took.
  RequestState update(std::string_view received);

  const std::string& request() const { return request_; }
  size_t consumed() const { return consumed_; }
  /// True once, when the client waits for "100 Continue" before sending its body.
  bool take_continue();

 private:
  RequestState read_chunks(std::string_view received);

  RequestLimits limits_;
  bool header_done_ = false;
  size_t body_start_ = 0;
  bool chunked_ = false;
  size_t content_length_ = 0;
  bool expects_continue_ = false;
  bool continue_sent_ = false;
  std::string header_;    ///< the header as it will be passed on, ending in the blank line
  size_t chunk_pos_ = 0;  ///< next unread byte of a chunked body in `received`
  std::string body_;      ///< decoded chunked body so far
  std::string request_;
  size_t consumed_ = 0;
};

}  // namespace baton::server
