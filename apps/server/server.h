// `baton serve`: the coach's web app and its JSON API over the library.
#pragma once

#include <string>
#include <vector>

#include "server/bounded_server.h"

namespace baton::server {

/// Where and what to serve.
struct ServeOptions {
  std::string db_path;  ///< the SQLite database every request opens
  std::string host =
      "127.0.0.1";  ///< address to bind; anything but loopback is reachable by others
  int port = 8080;  ///< TCP port; 0 picks a free one (the printed URL names it)
  size_t max_body_bytes = 1u << 20;  ///< larger request bodies (chunked too) are refused: 413
  /// Host names requests may be addressed to besides loopback names and the IP address they
  /// arrived on: the names a coach types to reach this machine from another device. Anything
  /// else is refused (a web page on a foreign name resolving here: DNS rebinding).
  std::vector<std::string> allowed_hosts;
  ConnectionLimits limits;  ///< workers, timeouts and connection counts
  /// Every API request needs a login (always so for a host other than loopback, which also
  /// refuses to start while the database has no coach account).
  bool auth = false;
  std::string tls_cert;  ///< PEM certificate (chain): serve HTTPS
  std::string tls_key;   ///< PEM private key of tls_cert
  /// Make a self-signed certificate and key (at tls_cert/tls_key, default beside the database)
  /// when they do not exist yet, and serve HTTPS with them.
  bool tls_self_signed = false;
};

/// Serves until SIGINT or SIGTERM, then finishes requests in flight and returns. Prints the URL
/// on stdout once listening (with a QR code of it and the TLS fingerprint for phones). Throws
/// baton::Error when the database cannot be opened, the address cannot be bound, the TLS files
/// cannot be read, or a login is needed and there is no coach account.
void serve(const ServeOptions& options);

/// True for addresses only this machine can reach: 127.0.0.0/8, ::1 and "localhost".
bool is_loopback_host(const std::string& host);

/// True when a request whose Host header names `host` (port and brackets already removed) may
/// be answered: a loopback name, the IP address `local_address` the connection arrived on, or
/// one of `allowed` (names compared ignoring case).
bool is_allowed_host(const std::string& host, const std::string& local_address,
                     const std::vector<std::string>& allowed);

}  // namespace baton::server
