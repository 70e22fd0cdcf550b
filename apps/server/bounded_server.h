// An httplib server that stays responsive under slow, greedy and bursty clients.
//
// httplib gives each connection a worker thread that reads the request itself, so eight
// clients trickling header lines take every worker, and a chunked body is read whole before
// any limit applies. Here one thread (the gate) watches every open connection with poll(),
// collects each request until it is complete (header and body, a chunked body decoded), and
// only then hands it to a worker: workers never wait for a client to send. The gate also
// enforces the time and size limits below and the number of connections per client address.
#pragma once

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>

#include "server/request_reader.h"
#include "server/tls_io.h"

namespace baton::server {

/// Limits on connections and requests, with defaults for a coach's laptop serving a team.
struct ConnectionLimits {
  size_t worker_threads = 8;  ///< requests handled at once (the gate is one more thread)
  int listen_backlog = 1024;  ///< connections the kernel queues before they are accepted
  /// Open connections from one address; more are answered 503 and closed. High enough for a
  /// burst of a thousand clients on this machine, low enough that one address cannot take
  /// every file descriptor.
  size_t max_connections_per_client = 2048;
  RequestLimits request;  ///< header and body sizes (more: 431 and 413)
  /// From a request's first byte to its last (header and body): a client trickling one header
  /// line every few seconds is answered 408 and closed.
  std::chrono::milliseconds request_timeout{10000};
  std::chrono::milliseconds idle_timeout{5000};   ///< a kept-alive connection with no request
  std::chrono::milliseconds write_timeout{5000};  ///< one write of a reply to a stalled reader
  size_t max_requests_per_connection = 100;       ///< then the connection is closed
};

/// httplib::Server with a gate in front of its workers (see the file comment). Configure and
/// route it as any httplib::Server; call apply_listen_backlog() after binding.
class BoundedServer : public httplib::Server {
 public:
  explicit BoundedServer(const ConnectionLimits& limits);
  ~BoundedServer() override;

  /// Sets the bound socket's listen backlog to limits.listen_backlog (httplib listens with 5,
  /// which refuses connections in a burst). False when the socket is not bound.
  bool apply_listen_backlog();

  /// Serves TLS with `ctx` (kept alive by the caller for the server's life); call before
  /// listening. Handshakes go through the gate with the same timeouts as requests.
  void set_tls(SSL_CTX* ctx);
  /// Called with each request as read, before routing: it may add or remove header fields.
  void set_request_setup(std::function<void(httplib::Request&)> setup) {
    request_setup_ = std::move(setup);
  }

  struct Connection;
  class Gate;

 private:
  bool process_and_close_socket(socket_t sock) override;
  // Runs one complete request on a worker; true when the connection stays open for another.
  bool serve_request(Connection& c);

  ConnectionLimits limits_;
  std::unique_ptr<Gate> gate_;
  std::function<void(httplib::Request&)> request_setup_;
};

}  // namespace baton::server
