// Plain socket helpers of the bounded server (bounded_server.h): addresses, the gate's own
// error replies, and the stream a worker answers a collected request on.
#pragma once

#include <httplib.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <string>

#include "server/tls_io.h"

namespace baton::server {

// How long and how much a refused request may still send after its error reply, so that the
// client reads the reply instead of a connection reset.
constexpr auto kDrainTime = std::chrono::milliseconds(2000);
constexpr size_t kDrainBytes = 16u << 20;

/// The IP address of a socket address, as text ("127.0.0.1", "::1"); empty for other families.
std::string ip_of(const sockaddr_storage& ss);
/// The port of a socket address; 0 for other families.
int port_of(const sockaddr_storage& ss);
/// A short reply the gate sends itself, in the API's error format.
std::string error_reply(int status, const char* reason, const char* message);
/// Sends error_reply() on a plain socket without waiting.
void send_error(socket_t fd, int status, const char* reason, const char* message);

// What a worker reads a request from (the complete request the gate collected) and writes the
// reply to (the socket, or its TLS session when `ssl` is set, waiting at most the write timeout
// for a stalled reader).
class RequestStream : public httplib::Stream {
 public:
  RequestStream(socket_t fd, SSL* ssl, const std::string& request,
                std::chrono::milliseconds write_timeout)
      : fd_(fd), ssl_(ssl), request_(request), write_timeout_(write_timeout) {}

  bool is_readable() const override { return pos_ < request_.size(); }
  bool is_writable() const override { return wait(POLLOUT, write_timeout_); }

  ssize_t read(char* ptr, size_t size) override {
    const size_t n = std::min(size, request_.size() - pos_);
    std::copy_n(request_.data() + pos_, n, ptr);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (ssl_) return tls_send(ssl_, ptr, size, write_timeout_);
    if (!wait(POLLOUT, write_timeout_)) return -1;
    return send(fd_, ptr, size, MSG_NOSIGNAL);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (getpeername(fd_, reinterpret_cast<sockaddr*>(&ss), &len) == 0) {
      ip = ip_of(ss);
      port = port_of(ss);
    }
  }

  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (getsockname(fd_, reinterpret_cast<sockaddr*>(&ss), &len) == 0) {
      ip = ip_of(ss);
      port = port_of(ss);
    }
  }

  socket_t socket() const override { return fd_; }

 private:
  bool wait(short events, std::chrono::milliseconds timeout) const {
    pollfd p{fd_, events, 0};
    int rc;
    do {
      rc = poll(&p, 1, static_cast<int>(timeout.count()));
    } while (rc < 0 && errno == EINTR);
    return rc > 0 && (p.revents & events) != 0;
  }

  socket_t fd_;
  SSL* ssl_;
  const std::string& request_;
  size_t pos_ = 0;
  std::chrono::milliseconds write_timeout_;
};

}  // namespace baton::server
