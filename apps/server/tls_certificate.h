// A self-signed certificate for serving a team's phones on a LAN (`baton serve
// --tls-self-signed`), and the SHA-256 fingerprint a coach compares on the phone.
#pragma once

#include <string>
#include <vector>

namespace baton::server {

/// Writes a new P-256 private key (mode 0600) and a self-signed X.509 v3 certificate valid for
/// 825 days, naming `names` (host names and IP addresses) as its subject alternative names.
/// Throws baton::Error naming the file that cannot be written.
void write_self_signed_certificate(const std::string& cert_path, const std::string& key_path,
                                   const std::vector<std::string>& names);

/// The SHA-256 fingerprint of the PEM certificate's DER form, as colon-separated upper-case
/// hex pairs ("AB:01:..."), as browsers show it. Throws baton::Error when it cannot be read.
std::string certificate_sha256_fingerprint(const std::string& cert_path);

}  // namespace baton::server
