// The gate's poll loop (connection_gate.h).
#include "server/connection_gate.h"

namespace baton::server {

void BoundedServer::Gate::run() {
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
    bool tls_pending = false;  // decrypted bytes already inside OpenSSL: poll() cannot see them
    for (const auto& c : conns) {
      fds.push_back(pollfd{c->fd, POLLIN, 0});
      next = std::min(next, c->deadline);
      tls_pending = tls_pending || (c->ssl && SSL_has_pending(c->ssl.get()));
    }
    if (tls_pending) next = now;
    const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next - now);
    const int rc = poll(fds.data(), fds.size(), static_cast<int>(std::max<long>(wait.count(), 0)));
    if (rc < 0 && errno != EINTR) break;
    if (fds[0].revents & POLLIN) {
      char sink[256];
      while (::read(wake_[0], sink, sizeof sink) > 0) {
      }
    }
    for (size_t i = 0; i < conns.size(); ++i) {
      Connection& c = *conns[i];
      if (fds[i + 1].revents == 0 && !(c.ssl && SSL_has_pending(c.ssl.get()))) continue;
      const ssize_t n = receive(c, chunk.data(), chunk.size());
      if (n < 0) continue;
      if (n == 0) {  // closed by the client, or reset
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
        send_text(*c, error_reply(408, "Request Timeout", "the request took too long to arrive"));
      }
      close(*c);
      c = nullptr;
    }
    std::erase(conns, nullptr);
  }
  for (auto& c : conns) close(*c);
}

}  // namespace baton::server
