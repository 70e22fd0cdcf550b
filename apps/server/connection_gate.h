// The gate of the bounded server (bounded_server.h): one thread that owns every connection
// between requests. Internal to bounded_server.cpp.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "server/bounded_server.h"
#include "server/socket_io.h"

namespace baton::server {

using Clock = std::chrono::steady_clock;

struct BoundedServer::Connection {
  socket_t fd = -1;
  SslPtr ssl;           ///< the TLS session, when the server speaks TLS
  std::string address;  ///< the client's IP address, for the per-address count
  std::string buffer;   ///< bytes received and not yet handed on
  std::unique_ptr<RequestReader> reader;
  std::string request;  ///< the complete request a worker is to answer
  Clock::time_point deadline;
  bool started = false;   ///< a byte of the current request has arrived
  bool draining = false;  ///< an error reply was sent: discard what still comes, then close
  size_t drained = 0;
  size_t requests = 0;  ///< requests answered on this connection
};

// One thread that owns every connection between requests (see bounded_server.h), and the
// worker pool it hands complete requests to.
class BoundedServer::Gate {
 public:
  using Serve = std::function<bool(Connection&)>;

  Gate(const ConnectionLimits& limits, Serve serve) : limits_(limits), serve_(std::move(serve)) {}
  ~Gate() { stop(); }

  /// Speak TLS with `ctx` on every connection admitted from now on (nullptr: plain HTTP).
  void set_tls(SSL_CTX* ctx) { tls_ = ctx; }

  void start() {
    std::lock_guard lock(mutex_);
    if (thread_.joinable()) return;
    stopping_ = false;
    if (pipe2(wake_, O_NONBLOCK | O_CLOEXEC) != 0) wake_[0] = wake_[1] = -1;
    workers_ = std::make_unique<httplib::ThreadPool>(limits_.worker_threads);
    thread_ = std::thread([this] { run(); });
  }

  // Closes every waiting connection, lets the workers finish the requests they hold.
  void stop() {
    {
      std::lock_guard lock(mutex_);
      if (!thread_.joinable()) return;
      stopping_ = true;
    }
    wake();
    thread_.join();
    workers_->shutdown();  // runs the requests already handed over, then joins
    workers_.reset();
    // Connections a worker gave back after the gate's last look: close() takes the mutex
    // itself, so they are taken out first (closing them under the lock would deadlock).
    std::vector<std::unique_ptr<Connection>> left;
    {
      std::lock_guard lock(mutex_);
      left.swap(incoming_);
    }
    for (auto& c : left) close(*c);
    ::close(wake_[0]);
    ::close(wake_[1]);
  }

  // A connection just accepted (on the accepting thread: quick, never waits for the client).
  void admit(socket_t fd) {
    auto c = std::make_unique<Connection>();
    c->fd = fd;
    // A reply goes out in several writes (status, headers, body): without this, each waits
    // for the client's delayed acknowledgement of the one before (40 ms on Linux).
    const int yes = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (getpeername(fd, reinterpret_cast<sockaddr*>(&ss), &len) == 0) c->address = ip_of(ss);
    if (tls_) {
      // The handshake is read by the gate like a request: never waiting for the client.
      fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
      c->ssl = accept_tls(tls_, fd);
    }
    {
      std::lock_guard lock(mutex_);
      size_t& open = per_address_[c->address];
      if (stopping_ || open >= limits_.max_connections_per_client || (tls_ && !c->ssl)) {
        if (open == 0) per_address_.erase(c->address);
        // A TLS client cannot read a plain reply before its handshake: it is just closed.
        if (!tls_) {
          send_error(fd, 503, "Service Unavailable", "too many connections from this address");
        }
        ::close(fd);
        return;
      }
      ++open;
    }
    give_back(std::move(c));
  }

 private:
  // A connection enters (or returns to) the gate to wait for its next request.
  void give_back(std::unique_ptr<Connection> c) {
    c->reader = std::make_unique<RequestReader>(limits_.request);
    c->started = false;
    c->deadline = Clock::now() + limits_.idle_timeout;
    {
      std::lock_guard lock(mutex_);
      if (!stopping_) {
        incoming_.push_back(std::move(c));
        c = nullptr;
      }
    }
    if (c) {
      close(*c);
      return;
    }
    wake();
  }

  void wake() {
    const char byte = 1;
    (void)!::write(wake_[1], &byte, 1);
  }

  void close(Connection& c) {
    if (c.ssl) {
      tls_close(c.ssl.get());
      c.ssl.reset();
    }
    ::shutdown(c.fd, SHUT_RDWR);
    ::close(c.fd);
    c.fd = -1;
    std::lock_guard lock(mutex_);
    const auto it = per_address_.find(c.address);
    if (it != per_address_.end() && --it->second == 0) per_address_.erase(it);
  }

  // Sends an error reply and keeps reading (and discarding) for a moment before closing.
  void refuse(Connection& c, int status, const char* reason, const char* message) {
    send_text(c, error_reply(status, reason, message));
    ::shutdown(c.fd, SHUT_WR);
    c.draining = true;
    c.buffer.clear();
    c.deadline = Clock::now() + kDrainTime;
  }

  // Looks at what a connection has received; returns false when it left the gate (handed to
  // a worker or closed).
  bool advance(std::unique_ptr<Connection>& c) {
    if (c->buffer.empty()) return true;
    if (!c->started) {
      c->started = true;
      c->deadline = Clock::now() + limits_.request_timeout;
    }
    const RequestLimits& r = limits_.request;
    switch (c->reader->update(c->buffer)) {
      case RequestState::kIncomplete:
        if (c->reader->take_continue()) {
          send_text(*c, "HTTP/1.1 100 Continue\r\n\r\n");
        }
        // Chunk framing may add to the body, but not without bound.
        if (c->buffer.size() > r.max_header_bytes + 2 * r.max_body_bytes + 65536) {
          refuse(*c, 413, "Payload Too Large", "the request body is too large");
        }
        return true;
      case RequestState::kHeaderTooLarge:
        refuse(*c, 431, "Request Header Fields Too Large", "the request header is too large");
        return true;
      case RequestState::kBodyTooLarge:
        refuse(*c, 413, "Payload Too Large", "the request body is too large");
        return true;
      case RequestState::kMalformed:
        refuse(*c, 400, "Bad Request", "bad request framing");
        return true;
      case RequestState::kReady:
        break;
    }
    c->request = c->reader->request();
    c->buffer.erase(0, c->reader->consumed());
    std::shared_ptr<Connection> job(std::move(c));
    workers_->enqueue([this, job] {
      const bool keep = serve_(*job);
      job->request.clear();
      auto back = std::make_unique<Connection>(std::move(*job));
      if (keep) {
        give_back(std::move(back));
      } else {
        close(*back);
      }
    });
    return false;
  }

  // A short text sent now if it fits (an error reply, "100 Continue"), plain or through TLS.
  void send_text(Connection& c, const std::string& text) {
    if (c.ssl) {
      tls_send_now(c.ssl.get(), text);
    } else {
      (void)send(c.fd, text.data(), text.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
    }
  }

  // Bytes received on `c`: > 0 read, 0 closed or broken, -1 nothing yet.
  static ssize_t receive(Connection& c, char* buffer, size_t size) {
    if (c.ssl) return tls_receive(c.ssl.get(), buffer, size);
    const ssize_t n = recv(c.fd, buffer, size, MSG_DONTWAIT);
    return n < 0 && (errno == EAGAIN || errno == EINTR) ? -1 : n < 0 ? 0 : n;
  }

  void run();

  ConnectionLimits limits_;
  Serve serve_;
  std::mutex mutex_;
  bool stopping_ = false;
  std::vector<std::unique_ptr<Connection>> incoming_;
  std::map<std::string, size_t> per_address_;
  std::unique_ptr<httplib::ThreadPool> workers_;
  std::thread thread_;
  int wake_[2] = {-1, -1};
  SSL_CTX* tls_ = nullptr;
};

}  // namespace baton::server
