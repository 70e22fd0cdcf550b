// `baton serve`: the coach's web app and its JSON API over the library.
#pragma once

#include <string>

namespace baton::server {

/// Where and what to serve.
struct ServeOptions {
  std::string db_path;  ///< the SQLite database every request opens
  std::string host =
      "127.0.0.1";  ///< address to bind; anything but loopback is reachable by others
  int port = 8080;  ///< TCP port; 0 picks a free one (the printed URL names it)
  size_t max_body_bytes = 1u << 20;  ///< larger request bodies are refused with 413
};

/// Serves until SIGINT or SIGTERM, then finishes requests in flight and returns. Prints the URL
/// on stdout once listening and warnings on stderr. Throws baton::Error when the database cannot
/// be opened or the address cannot be bound.
void serve(const ServeOptions& options);

/// True for addresses only this machine can reach: 127.0.0.0/8, ::1 and "localhost".
bool is_loopback_host(const std::string& host);

}  // namespace baton::server
