// A raw HTTP client on 127.0.0.1 for tests and the load benchmark: the few socket calls that
// sending hand-made requests (slow, chunked, pipelined) needs, with no library in between.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <string>
#include <string_view>

namespace baton::testing {

/// A TCP connection to 127.0.0.1:`port`, or -1. A non-blocking one may still be connecting
/// (poll it for POLLOUT); a blocking one is connected.
inline int connect_loopback(int port, bool nonblocking = false) {
  const int fd = socket(AF_INET, SOCK_STREAM | (nonblocking ? SOCK_NONBLOCK : 0), 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 &&
      !(nonblocking && errno == EINPROGRESS)) {
    close(fd);
    return -1;
  }
  return fd;
}

/// Sends all of `bytes` on a blocking socket; false when the peer stopped taking them (a
/// server may answer, 413 say, before it has read everything).
inline bool send_all(int fd, std::string_view bytes) {
  for (size_t sent = 0; sent < bytes.size();) {
    const ssize_t n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<size_t>(n);
  }
  return true;
}

/// Everything the peer sends until it closes the connection.
inline std::string read_until_closed(int fd) {
  std::string in;
  char buf[8192];
  ssize_t n;
  while ((n = recv(fd, buf, sizeof buf, 0)) > 0) in.append(buf, static_cast<size_t>(n));
  return in;
}

/// The status of the first reply on `fd`, or 0 if none began within `timeout`.
inline int read_status(int fd, std::chrono::milliseconds timeout) {
  std::string raw;
  const auto until = std::chrono::steady_clock::now() + timeout;
  char buf[4096];
  while (raw.find("\r\n") == std::string::npos && std::chrono::steady_clock::now() < until) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) continue;
    const ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    raw.append(buf, static_cast<size_t>(n));
  }
  return raw.rfind("HTTP/1.1 ", 0) == 0 ? std::stoi(raw.substr(9, 3)) : 0;
}

}  // namespace baton::testing
