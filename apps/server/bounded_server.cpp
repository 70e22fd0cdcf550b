#include "server/bounded_server.h"

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

namespace baton::server {

using Clock = std::chrono::steady_clock;

struct BoundedServer::Connection {
  socket_t fd = -1;
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

namespace {

// How long and how much a refused request may still send after its error reply, so that the
// client reads the reply instead of a connection reset.
constexpr auto kDrainTime = std::chrono::milliseconds(2000);
constexpr size_t kDrainBytes = 16u << 20;

std::string ip_of(const sockaddr_storage& ss) {
  char text[INET6_ADDRSTRLEN] = "";
  if (ss.ss_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(ss).sin_addr, text, sizeof text);
  } else if (ss.ss_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6&>(ss).sin6_addr, text, sizeof text);
  }
  return text;
}

int port_of(const sockaddr_storage& ss) {
  if (ss.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in&>(ss).sin_port);
  if (ss.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6&>(ss).sin6_port);
  return 0;
}

// A short reply the gate sends itself, in the API's error format. It fits in the socket's
// send buffer, so it is written without waiting.
void send_error(socket_t fd, int status, const char* reason, const char* message) {
  const std::string body = std::string(R"({"error":")") + message + R"(","field":null})";
  std::string head = "HTTP/1.1 " + std::to_string(status) + " " + reason +
                     "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
                     std::to_string(body.size()) +
                     "\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n";
  if (status == 503) head += "Retry-After: 1\r\n";
  const std::string reply = head + "\r\n" + body;
  (void)send(fd, reply.data(), reply.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
}

// What a worker reads a request from (the complete request the gate collected) and writes the
// reply to (the socket, waiting at most the write timeout for a stalled reader).
class RequestStream : public httplib::Stream {
 public:
  RequestStream(socket_t fd, const std::string& request, std::chrono::milliseconds write_timeout)
      : fd_(fd), request_(request), write_timeout_(write_timeout) {}

  bool is_readable() const override { return pos_ < request_.size(); }
  bool is_writable() const override { return wait(POLLOUT, write_timeout_); }

  ssize_t read(char* ptr, size_t size) override {
    const size_t n = std::min(size, request_.size() - pos_);
    std::copy_n(request_.data() + pos_, n, ptr);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
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
  const std::string& request_;
  size_t pos_ = 0;
  std::chrono::milliseconds write_timeout_;
};

}  // namespace

// One thread that owns every connection between requests (see bounded_server.h), and the
// worker pool it hands complete requests to.
class BoundedServer::Gate {
 public:
  using Serve = std::function<bool(Connection&)>;

  Gate(const ConnectionLimits& limits, Serve serve) : limits_(limits), serve_(std::move(serve)) {}
  ~Gate() { stop(); }

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
    std::lock_guard lock(mutex_);
    for (auto& c : incoming_) close(*c);
    incoming_.clear();
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
    {
      std::lock_guard lock(mutex_);
      size_t& open = per_address_[c->address];
      if (stopping_ || open >= limits_.max_connections_per_client) {
        if (open == 0) per_address_.erase(c->address);
        send_error(fd, 503, "Service Unavailable", "too many connections from this address");
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
    ::shutdown(c.fd, SHUT_RDWR);
    ::close(c.fd);
    c.fd = -1;
    std::lock_guard lock(mutex_);
    const auto it = per_address_.find(c.address);
    if (it != per_address_.end() && --it->second == 0) per_address_.erase(it);
  }

  // Sends an error reply and keeps reading (and discarding) for a moment before closing.
  void refuse(Connection& c, int status, const char* reason, const char* message) {
    send_error(c.fd, status, reason, message);
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
          static const char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";
          (void)send(c->fd, kContinue, sizeof kContinue - 1, MSG_DONTWAIT | MSG_NOSIGNAL);
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

  void run() {
    std::vector<std::unique_ptr<Connection>> conns;
    std::vector<pollfd> fds;
    std::vector<char> chunk(64 * 1024);
    for (;;) {
      size_t first_new = conns.size();
      {
        std::lock_guard lock(mutex_);
        if (stopping_) break;
        for (auto& c : incoming_) conns.push_back(std::move(c));
        incoming_.clear();
      }
      // Returning connections may already hold the next (pipelined) request.
      for (size_t i = first_new; i < conns.size(); ++i) {
        if (!advance(conns[i])) conns[i] = nullptr;
      }
      std::erase(conns, nullptr);

      const auto now = Clock::now();
      auto next = now + std::chrono::seconds(1);
      fds.assign(1, pollfd{wake_[0], POLLIN, 0});
      for (const auto& c : conns) {
        fds.push_back(pollfd{c->fd, POLLIN, 0});
        next = std::min(next, c->deadline);
      }
      const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next - now);
      const int rc =
          poll(fds.data(), fds.size(), static_cast<int>(std::max<long>(wait.count(), 0)));
      if (rc < 0 && errno != EINTR) break;
      if (fds[0].revents & POLLIN) {
        char sink[256];
        while (::read(wake_[0], sink, sizeof sink) > 0) {
        }
      }
      for (size_t i = 0; i < conns.size(); ++i) {
        if (fds[i + 1].revents == 0) continue;
        Connection& c = *conns[i];
        const ssize_t n = recv(c.fd, chunk.data(), chunk.size(), MSG_DONTWAIT);
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
        if (n <= 0) {  // closed by the client, or reset
          close(c);
          conns[i] = nullptr;
          continue;
        }
        if (c.draining) {
          c.drained += static_cast<size_t>(n);
          if (c.drained > kDrainBytes) {
            close(c);
            conns[i] = nullptr;
          }
          continue;
        }
        c.buffer.append(chunk.data(), static_cast<size_t>(n));
        if (!advance(conns[i])) conns[i] = nullptr;
      }
      const auto after = Clock::now();
      for (auto& c : conns) {
        if (!c || c->deadline > after) continue;
        if (c->started && !c->draining) {
          send_error(c->fd, 408, "Request Timeout", "the request took too long to arrive");
        }
        close(*c);
        c = nullptr;
      }
      std::erase(conns, nullptr);
    }
    for (auto& c : conns) close(*c);
  }

  ConnectionLimits limits_;
  Serve serve_;
  std::mutex mutex_;
  bool stopping_ = false;
  std::vector<std::unique_ptr<Connection>> incoming_;
  std::map<std::string, size_t> per_address_;
  std::unique_ptr<httplib::ThreadPool> workers_;
  std::thread thread_;
  int wake_[2] = {-1, -1};
};

namespace {

// httplib's task queue for accepted sockets: hands each straight to the gate on the
// accepting thread; shutting it down stops the gate and its workers.
class GateQueue : public httplib::TaskQueue {
 public:
  explicit GateQueue(std::function<void()> stop) : stop_(std::move(stop)) {}
  void enqueue(std::function<void()> fn) override { fn(); }
  void shutdown() override { stop_(); }

 private:
  std::function<void()> stop_;
};

}  // namespace

BoundedServer::BoundedServer(const ConnectionLimits& limits)
    : limits_(limits),
      gate_(std::make_unique<Gate>(limits, [this](Connection& c) { return serve_request(c); })) {
  set_keep_alive_max_count(limits.max_requests_per_connection);
  set_keep_alive_timeout(
      std::chrono::duration_cast<std::chrono::seconds>(limits.idle_timeout).count());
  new_task_queue = [this] {
    gate_->start();
    return new GateQueue([this] { gate_->stop(); });
  };
}

BoundedServer::~BoundedServer() { gate_->stop(); }

bool BoundedServer::apply_listen_backlog() {
  // listen() on a listening socket only changes its backlog (the kernel caps it at somaxconn).
  return svr_sock_ != INVALID_SOCKET && ::listen(svr_sock_, limits_.listen_backlog) == 0;
}

bool BoundedServer::process_and_close_socket(socket_t sock) {
  gate_->admit(sock);
  return true;
}

bool BoundedServer::serve_request(Connection& c) {
  RequestStream stream(c.fd, c.request, limits_.write_timeout);
  const bool last = c.requests + 1 >= limits_.max_requests_per_connection;
  bool closed = false;
  const bool written = process_request(stream, last, closed, [](httplib::Request& req) {
    // httplib parses an application/x-www-form-urlencoded body as a form and refuses one over
    // 8 KB. No route reads form fields, and curl --data-binary sends a file with that type
    // unless told otherwise, so the body is passed on as the bytes it is.
    const auto it = req.headers.find("Content-Type");
    if (it != req.headers.end() && it->second.rfind("application/x-www-form-urlencoded", 0) == 0) {
      it->second = "application/octet-stream";
    }
  });
  ++c.requests;
  return written && !closed && !last;
}

}  // namespace baton::server
