#include "server/server.h"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <iostream>
#include <thread>

#include "baton/error.h"
#include "baton/store.h"
#include "server/auth.h"
#include "server/http_json.h"
#include "server/routes.h"
#include "server/serve_setup.h"
#include "server/tls_certificate.h"
#include "server/tls_io.h"

namespace baton::server {
namespace {

// The page may load only its own scripts, styles and images, and may not be framed.
const httplib::Headers kSecurityHeaders = {
    {"Content-Security-Policy",
     "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
     "form-action 'self'; frame-ancestors 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"X-Frame-Options", "DENY"},
    {"Referrer-Policy", "no-referrer"},
    {"Cross-Origin-Resource-Policy", "same-origin"},
};

// "127.0.0.1:8080" -> "127.0.0.1"; "[::1]:8080" -> "::1".
std::string host_without_port(const std::string& host) {
  if (!host.empty() && host.front() == '[') {
    const size_t close = host.find(']');
    return close == std::string::npos ? host : host.substr(1, close - 1);
  }
  const size_t colon = host.find(':');
  return colon == std::string::npos ? host : host.substr(0, colon);
}

bool changes_state(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// Refuses requests a hostile web page could make through the coach's browser: DNS rebinding
// (a foreign Host header, on any listening address) and cross-site writes (a foreign Origin).
httplib::Server::HandlerResponse guard(const httplib::Request& req, httplib::Response& res,
                                       const std::vector<std::string>& allowed_hosts,
                                       const std::string& scheme) {
  const std::string host = req.get_header_value("Host");
  if (!is_allowed_host(host_without_port(host), req.local_addr, allowed_hosts)) {
    reply_error(res, 403,
                "this server answers only requests addressed to this machine by a loopback "
                "name, its IP address or an --allowed-host name",
                "Host");
    return httplib::Server::HandlerResponse::Handled;
  }
  const std::string origin = req.get_header_value("Origin");
  if (changes_state(req.method) && !origin.empty() && origin != scheme + "://" + host) {
    reply_error(res, 403, "requests from other sites may not change the roster", "Origin");
    return httplib::Server::HandlerResponse::Handled;
  }
  return httplib::Server::HandlerResponse::Unhandled;
}

std::string url_for(const std::string& scheme, const std::string& host, int port) {
  const bool v6 = host.find(':') != std::string::npos;
  return fmt::format("{}://{}{}{}:{}/", scheme, v6 ? "[" : "", host, v6 ? "]" : "", port);
}

}  // namespace

bool is_loopback_host(const std::string& host) {
  if (host == "localhost" || host == "::1") return true;
  in_addr addr{};
  if (inet_pton(AF_INET, host.c_str(), &addr) == 1) {
    return (ntohl(addr.s_addr) >> 24) == 127;
  }
  return false;
}

bool is_allowed_host(const std::string& host, const std::string& local_address,
                     const std::vector<std::string>& allowed) {
  if (host.empty()) return false;
  if (is_loopback_host(host)) return true;
  // An IP literal naming the address the request came in on is this machine by definition;
  // a rebinding page always uses its own name.
  in6_addr a6{};
  in_addr a4{};
  const bool literal =
      inet_pton(AF_INET, host.c_str(), &a4) == 1 || inet_pton(AF_INET6, host.c_str(), &a6) == 1;
  if (literal && host == local_address) return true;
  const auto same = [&](const std::string& name) {
    return name.size() == host.size() &&
           std::equal(name.begin(), name.end(), host.begin(), [](char x, char y) {
             return std::tolower(static_cast<unsigned char>(x)) ==
                    std::tolower(static_cast<unsigned char>(y));
           });
  };
  return std::any_of(allowed.begin(), allowed.end(), same);
}

void serve(const ServeOptions& options) {
  // Create or migrate the database now, so a bad path fails before the URL is printed.
  { Database::open(options.db_path); }
  require_coach(options);
  const TlsFiles tls = tls_files(options);
  SslContextPtr tls_context;
  std::string fingerprint;
  if (!tls.cert.empty()) {
    tls_context = make_tls_context(tls.cert, tls.key);
    fingerprint = certificate_sha256_fingerprint(tls.cert);
    if (tls.made) std::cout << "Made a self-signed certificate: " << tls.cert << std::endl;
  }
  const std::string scheme = tls_context ? "https" : "http";

  // SIGINT/SIGTERM are taken by a waiting thread (below), never by a handler that could
  // interrupt a write; every thread the server starts inherits this mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  ConnectionLimits limits = options.limits;
  limits.request.max_body_bytes = options.max_body_bytes;
  BoundedServer server(limits);
  if (tls_context) server.set_tls(tls_context.get());
  Auth auth(AuthSettings{options.db_path, login_required(options), tls_context != nullptr, {}, {}});
  server.set_request_setup([&auth](httplib::Request& req) {
    try {
      auth.identify(req);
    } catch (const std::exception&) {
      // No session can be read (a locked database): the request goes on without one.
    }
  });
  server.set_payload_max_length(options.max_body_bytes);
  // SO_REUSEADDR only: a restart may take the port at once, but a port another server is
  // listening on is an error (httplib's default SO_REUSEPORT would share it silently).
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  server.set_default_headers(kSecurityHeaders);
  server.set_pre_routing_handler([&auth, allowed = options.allowed_hosts, scheme](
                                     const httplib::Request& req, httplib::Response& res) {
    const auto handled = guard(req, res, allowed, scheme);
    return handled == httplib::Server::HandlerResponse::Handled ? handled
                                                                : auth.authorize(req, res);
  });
  server.set_post_routing_handler(
      [&auth](const httplib::Request& req, httplib::Response& res) { auth.audit(req, res); });
  server.set_exception_handler(reply_exception);
  // Errors httplib raises itself (413 body too large, 400 malformed request, 404 for a method
  // no route takes) get a JSON body too.
  server.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        const std::string message = res.status == 413   ? "the request body is too large"
                                    : res.status == 404 ? "not found"
                                    : res.status == 405 ? "method not allowed"
                                                        : "bad request";
        reply_error(res, res.status, message);
        return httplib::Server::HandlerResponse::Handled;
      }));
  auth.add_routes(server);
  add_roster_routes(server, options.db_path);
  add_events_routes(server, options.db_path);
  add_relay_routes(server, options.db_path);
  add_practice_routes(server, options.db_path);
  add_results_routes(server, options.db_path);
  add_cards_routes(server, options.db_path);
  add_simulation_routes(server, options.db_path);
  add_static_routes(server);

  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
  } else if (!server.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port <= 0 || !server.apply_listen_backlog()) {
    throw Error(fmt::format("cannot listen on {}:{} (in use, or not an address of this machine)",
                            options.host, options.port),
                Location{"--port", 0, ""});
  }

  std::atomic<bool> listening_done = false;
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    // stop() is a no-op until listening starts: repeat until the listener has returned.
    while (!listening_done) {
      server.stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  std::cout << "Baton is serving " << url_for(scheme, options.host, port) << " (Ctrl+C to stop)"
            << (login_required(options) ? "; a login is needed" : "") << "\n"
            << join_instructions(options, port, scheme, fingerprint) << std::flush;
  server.listen_after_bind();  // returns after stop(); requests in flight finish first
  listening_done = true;
  pthread_kill(waiter.native_handle(), SIGTERM);  // wakes the waiter if no signal came
  waiter.join();
  std::cout << "Baton stopped" << std::endl;
}

}  // namespace baton::server
