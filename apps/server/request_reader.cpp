#include "server/request_reader.h"

#include <algorithm>
#include <cctype>

namespace baton::server {
namespace {

// A chunk-size line: at most 15 hex digits, the rest extensions, which nothing here needs.
constexpr size_t kMaxChunkLineBytes = 1024;

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Where the blank line that ends the header ends, or npos. Lines may end in CRLF or LF.
size_t header_end(std::string_view s) {
  for (size_t nl = s.find('\n'); nl != std::string_view::npos; nl = s.find('\n', nl + 1)) {
    if (nl + 1 < s.size() && s[nl + 1] == '\n') return nl + 2;
    if (nl + 2 < s.size() && s[nl + 1] == '\r' && s[nl + 2] == '\n') return nl + 3;
  }
  return std::string_view::npos;
}

// Decimal digits only, no sign; false on overflow past `limit` (reported as too large).
bool parse_length(std::string_view s, size_t& out, bool& too_large) {
  if (s.empty()) return false;
  size_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    if (v > (SIZE_MAX - 9) / 10) {
      too_large = true;
      return true;
    }
    v = v * 10 + static_cast<size_t>(c - '0');
  }
  out = v;
  return true;
}

// A chunk-size line: hex digits, then optional ";extensions". False when malformed.
bool parse_chunk_size(std::string_view line, size_t& out) {
  line = trim(line.substr(0, line.find(';')));
  if (line.empty() || line.size() > 15) return false;  // 15 hex digits: beyond any limit
  size_t v = 0;
  for (char c : line) {
    const int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                  : (c >= 'a' && c <= 'f')                    ? c - 'a' + 10
                  : (c >= 'A' && c <= 'F')                    ? c - 'A' + 10
                                                              : -1;
    if (d < 0) return false;
    v = v * 16 + static_cast<size_t>(d);
  }
  out = v;
  return true;
}

}  // namespace

bool RequestReader::take_continue() {
  if (!expects_continue_ || continue_sent_ || !header_done_) return false;
  continue_sent_ = true;
  return true;
}

RequestState RequestReader::update(std::string_view received) {
  if (!header_done_) {
    const size_t end = header_end(received);
    if (end == std::string_view::npos) {
      return received.size() > limits_.max_header_bytes ? RequestState::kHeaderTooLarge
                                                        : RequestState::kIncomplete;
    }
    if (end > limits_.max_header_bytes) return RequestState::kHeaderTooLarge;

    // Rebuild the header line by line: the same fields, minus the framing this reader has
    // taken care of (Transfer-Encoding, Expect), with CRLF line ends.
    bool has_length = false;
    bool length_too_large = false;
    size_t pos = 0;
    bool first = true;
    while (pos < end) {
      const size_t nl = received.find('\n', pos);
      std::string_view line = received.substr(pos, nl - pos);
      pos = nl + 1;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      // No request line: nothing a worker could answer.
      if (first && line.empty()) return RequestState::kMalformed;
      if (line.empty()) break;
      if (first) {
        first = false;
        header_.append(line).append("\r\n");
        continue;
      }
      const size_t colon = line.find(':');
      const std::string name = lower(trim(line.substr(0, colon)));
      const std::string_view value =
          colon == std::string_view::npos ? std::string_view() : trim(line.substr(colon + 1));
      if (name == "transfer-encoding") {
        if (lower(value) != "chunked") return RequestState::kMalformed;
        chunked_ = true;
        continue;
      }
      if (name == "expect") {
        if (lower(value) == "100-continue") expects_continue_ = true;
        continue;
      }
      if (name == "content-length") {
        size_t n = 0;
        bool too_large = false;
        if (!parse_length(value, n, too_large)) return RequestState::kMalformed;
        if (too_large) {
          length_too_large = true;
        } else if (has_length && n != content_length_) {
          return RequestState::kMalformed;
        }
        has_length = true;
        content_length_ = n;
      }
      header_.append(line).append("\r\n");
    }
    // Both framings at once is how requests are smuggled past proxies: refuse it.
    if (chunked_ && has_length) return RequestState::kMalformed;
    if (length_too_large || content_length_ > limits_.max_body_bytes) {
      return RequestState::kBodyTooLarge;
    }
    header_done_ = true;
    body_start_ = end;
    chunk_pos_ = end;
  }

  if (chunked_) return read_chunks(received);
  const size_t need = body_start_ + content_length_;
  if (received.size() < need) return RequestState::kIncomplete;
  request_ = header_ + "\r\n";
  request_.append(received.substr(body_start_, content_length_));
  consumed_ = need;
  return RequestState::kReady;
}

RequestState RequestReader::read_chunks(std::string_view received) {
  // A line is judged by its length whether or not its end has arrived: the verdict must not
  // depend on how the bytes trickle in.
  for (;;) {
    const size_t nl = received.find('\n', chunk_pos_);
    const size_t line_bytes = (nl == std::string_view::npos ? received.size() : nl) - chunk_pos_;
    if (line_bytes > kMaxChunkLineBytes) return RequestState::kMalformed;
    if (nl == std::string_view::npos) return RequestState::kIncomplete;
    size_t size = 0;
    if (!parse_chunk_size(received.substr(chunk_pos_, nl - chunk_pos_), size)) {
      return RequestState::kMalformed;
    }
    if (size == 0) {
      // The last chunk: skip trailer fields up to the blank line.
      size_t p = nl + 1;
      for (;;) {
        const size_t e = received.find('\n', p);
        const size_t trailer_bytes = (e == std::string_view::npos ? received.size() : e) - p;
        if (trailer_bytes > limits_.max_header_bytes) return RequestState::kHeaderTooLarge;
        if (e == std::string_view::npos) return RequestState::kIncomplete;
        const std::string_view line = trim(received.substr(p, e - p));
        p = e + 1;
        if (line.empty()) break;
      }
      request_ = header_ + "Content-Length: " + std::to_string(body_.size()) + "\r\n\r\n";
      request_ += body_;
      consumed_ = p;
      return RequestState::kReady;
    }
    if (size > limits_.max_body_bytes - body_.size()) return RequestState::kBodyTooLarge;
    const size_t data = nl + 1;
    if (received.size() < data + size + 2) return RequestState::kIncomplete;
    if (received.substr(data + size, 2) != "\r\n") return RequestState::kMalformed;
    body_.append(received.substr(data, size));
    chunk_pos_ = data + size + 2;
  }
}

}  // namespace baton::server
