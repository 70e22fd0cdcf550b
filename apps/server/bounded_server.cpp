#include "server/bounded_server.h"

#include <sys/socket.h>

#include "server/connection_gate.h"
#include "server/socket_io.h"

namespace baton::server {

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

void BoundedServer::set_tls(SSL_CTX* ctx) { gate_->set_tls(ctx); }

bool BoundedServer::process_and_close_socket(socket_t sock) {
  gate_->admit(sock);
  return true;
}

bool BoundedServer::serve_request(Connection& c) {
  RequestStream stream(c.fd, c.ssl.get(), c.request, limits_.write_timeout);
  const bool last = c.requests + 1 >= limits_.max_requests_per_connection;
  bool closed = false;
  const bool written = process_request(stream, last, closed, [this](httplib::Request& req) {
    // httplib parses an application/x-www-form-urlencoded body as a form and refuses one over
    // 8 KB. No route reads form fields, and curl --data-binary sends a file with that type
    // unless told otherwise, so the body is passed on as the bytes it is.
    const auto it = req.headers.find("Content-Type");
    if (it != req.headers.end() && it->second.rfind("application/x-www-form-urlencoded", 0) == 0) {
      it->second = "application/octet-stream";
    }
    if (request_setup_) request_setup_(req);
  });
  ++c.requests;
  return written && !closed && !last;
}

}  // namespace baton::server
