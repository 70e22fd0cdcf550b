// baton_load: HTTP load on a `baton serve` running on this machine (127.0.0.1 only).
//
//   baton_load --port P [--clients N] [--requests R] [--path /api/athletes] [--time-limit-s T]
//     N connections at once, each sending one GET (Connection: close) and opening the next
//     when the answer is complete, until R requests are done or T seconds pass. Prints
//     requests/s, latency p50/p99/max in ms and failures (refused or reset connections,
//     non-2xx answers, requests unanswered after 30 s).
//   baton_load --port P --slow K
//     K clients send a request header one line every 3 s while one normal GET a second runs
//     for 9 s; prints the normal requests' worst latency.
//
// One thread with poll() drives every connection, so the client costs little CPU next to the
// server on a 2-core machine. Bounded: at most 5,000 clients, 1,000,000 requests, 600 s.
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "support/loopback_socket.h"

namespace {

using baton::testing::connect_loopback;
using baton::testing::read_until_closed;
using baton::testing::send_all;
using Clock = std::chrono::steady_clock;

struct Options {
  int port = 0;
  int clients = 100;
  long requests = 10000;
  std::string path = "/api/athletes";
  int time_limit_s = 120;
  int slow = 0;
};

struct Conn {
  int fd = -1;
  Clock::time_point start;
  std::string out;  // request bytes not yet sent
  std::string in;   // answer so far
};

double percentile(std::vector<double>& ms, double p) {
  if (ms.empty()) return 0;
  const size_t k = std::min(ms.size() - 1, static_cast<size_t>(p * static_cast<double>(ms.size())));
  std::nth_element(ms.begin(), ms.begin() + static_cast<long>(k), ms.end());
  return ms[k];
}

// One blocking GET; returns its latency in ms, or -1 on failure.
double one_get(int port, const std::string& path) {
  const auto t0 = Clock::now();
  const int fd = connect_loopback(port);
  if (fd < 0) return -1;
  if (!send_all(fd, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")) {
    close(fd);
    return -1;
  }
  const std::string in = read_until_closed(fd);
  close(fd);
  if (in.rfind("HTTP/1.1 2", 0) != 0) return -1;
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

int run_slow(const Options& o) {
  std::vector<int> slow;
  for (int i = 0; i < o.slow; ++i) {
    const int fd = connect_loopback(o.port);
    if (fd >= 0) {
      (void)send_all(fd, "GET " + o.path + " HTTP/1.1\r\n");
      slow.push_back(fd);
    }
  }
  std::printf("slow clients: %zu connected, each sending one header line every 3 s\n", slow.size());
  double worst = 0;
  int failures = 0;
  const auto t0 = Clock::now();
  auto next_line = t0 + std::chrono::seconds(3);
  for (int i = 0; i < 9; ++i) {
    const double ms = one_get(o.port, o.path);
    if (ms < 0) ++failures;
    worst = std::max(worst, ms);
    std::this_thread::sleep_until(t0 + std::chrono::seconds(i + 1));
    if (Clock::now() >= next_line) {
      for (int fd : slow) (void)send(fd, "X-Slow: 1\r\n", 11, MSG_NOSIGNAL);
      next_line += std::chrono::seconds(3);
    }
  }
  for (int fd : slow) close(fd);
  std::printf("normal requests during them: 9, worst latency %.1f ms, failures %d\n", worst,
              failures);
  return failures == 0 ? 0 : 1;
}

int run_load(const Options& o) {
  std::vector<Conn> conns(static_cast<size_t>(o.clients));
  std::vector<pollfd> fds(conns.size());
  std::vector<double> ms;
  ms.reserve(static_cast<size_t>(o.requests));
  long started = 0, done = 0, failures = 0;
  const std::string request =
      "GET " + o.path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  const auto t0 = Clock::now();
  const auto stop_at = t0 + std::chrono::seconds(o.time_limit_s);

  auto start = [&](Conn& c) {
    c.fd = -1;
    if (started >= o.requests || Clock::now() >= stop_at) return;
    ++started;
    c.start = Clock::now();
    c.out = request;
    c.in.clear();
    c.fd = connect_loopback(o.port, /*nonblocking=*/true);
    if (c.fd < 0) ++failures, ++done;
  };
  auto finish = [&](Conn& c, bool ok) {
    close(c.fd);
    ++done;
    if (ok && c.in.rfind("HTTP/1.1 2", 0) == 0) {
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - c.start).count());
    } else {
      ++failures;
    }
    start(c);
  };
  for (Conn& c : conns) start(c);

  char buf[16384];
  while (done < started) {
    for (size_t i = 0; i < conns.size(); ++i) {
      fds[i] = pollfd{conns[i].fd, static_cast<short>(conns[i].out.empty() ? POLLIN : POLLOUT), 0};
    }
    if (poll(fds.data(), fds.size(), 100) < 0 && errno != EINTR) break;
    const auto now = Clock::now();
    for (size_t i = 0; i < conns.size(); ++i) {
      Conn& c = conns[i];
      if (c.fd < 0) continue;
      if (now - c.start > std::chrono::seconds(30)) {
        finish(c, false);
        continue;
      }
      if (fds[i].revents == 0) continue;
      if (!c.out.empty()) {
        const ssize_t n = send(c.fd, c.out.data(), c.out.size(), MSG_NOSIGNAL);
        if (n < 0 && errno != EAGAIN) {
          finish(c, false);
        } else if (n > 0) {
          c.out.erase(0, static_cast<size_t>(n));
        }
        continue;
      }
      const ssize_t n = recv(c.fd, buf, sizeof buf, 0);
      if (n > 0) {
        c.in.append(buf, static_cast<size_t>(n));
      } else if (n == 0) {
        finish(c, true);
      } else if (errno != EAGAIN) {
        finish(c, false);
      }
    }
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  const size_t ok = ms.size();
  std::printf("clients %d, requests %ld, GET %s\n", o.clients, done, o.path.c_str());
  std::printf("%.0f req/s over %.2f s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
              static_cast<double>(ok) / seconds, seconds, percentile(ms, 0.50),
              percentile(ms, 0.99), ms.empty() ? 0.0 : *std::max_element(ms.begin(), ms.end()));
  std::printf("failures %ld of %ld\n", failures, done);
  return failures == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    const char* v = argv[i + 1];
    if (k == "--port")
      o.port = std::atoi(v);
    else if (k == "--clients")
      o.clients = std::atoi(v);
    else if (k == "--requests")
      o.requests = std::atol(v);
    else if (k == "--path")
      o.path = v;
    else if (k == "--time-limit-s")
      o.time_limit_s = std::atoi(v);
    else if (k == "--slow")
      o.slow = std::atoi(v);
    else {
      std::fprintf(stderr, "baton_load: unknown option %s\n", k.c_str());
      return 2;
    }
  }
  if (o.port <= 0 || o.port > 65535 || o.clients < 1 || o.clients > 5000 || o.requests < 1 ||
      o.requests > 1000000 || o.time_limit_s < 1 || o.time_limit_s > 600 || o.slow < 0 ||
      o.slow > 1000 || o.path.empty() || o.path[0] != '/') {
    std::fprintf(stderr,
                 "usage: baton_load --port P [--clients 1..5000] [--requests 1..1000000] "
                 "[--path /api/...] [--time-limit-s 1..600] | --port P --slow K\n");
    return 2;
  }
  return o.slow > 0 ? run_slow(o) : run_load(o);
}
