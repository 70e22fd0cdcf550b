// What `baton serve` settles before it listens: whether logins are needed and possible, the
// TLS certificate, and the lines that tell a coach how phones join (URL, QR code, fingerprint).
#pragma once

#include <string>
#include <vector>

#include "server/server.h"

namespace baton::server {

/// True when the server needs a login: --auth, or any host other than loopback.
bool login_required(const ServeOptions& options);

/// Throws baton::Error (naming --host or --auth) when a login is required and the database has
/// no coach account, with the command that creates one.
void require_coach(const ServeOptions& options);

/// The certificate and key to serve with: --tls-cert/--tls-key, or with --tls-self-signed those
/// paths (default: baton-cert.pem and baton-key.pem beside the database), made when missing.
/// Both empty for plain HTTP. Throws baton::Error for half a pair or a file it cannot write.
struct TlsFiles {
  std::string cert;
  std::string key;
  bool made = false;  ///< a self-signed pair was just written
};
TlsFiles tls_files(const ServeOptions& options);

/// This machine's IPv4 addresses other than loopback, for the phones' URL.
std::vector<std::string> lan_addresses();

/// The address phones open ("https://192.168.1.20:8080/") and, for every host but loopback, a
/// QR code of it, the TLS fingerprint and the steps; printed once the server listens.
std::string join_instructions(const ServeOptions& options, int port, const std::string& scheme,
                              const std::string& fingerprint);

}  // namespace baton::server
