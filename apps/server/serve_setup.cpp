#include "server/serve_setup.h"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <unistd.h>

#include <filesystem>

#include "baton/accounts.h"
#include "baton/error.h"
#include "server/qr_text.h"
#include "server/tls_certificate.h"

namespace baton::server {

bool login_required(const ServeOptions& options) {
  return options.auth || !is_loopback_host(options.host);
}

void require_coach(const ServeOptions& options) {
  if (!login_required(options)) return;
  Database db = Database::open(options.db_path);
  if (Accounts(db).has_coach()) return;
  const bool loopback = is_loopback_host(options.host);
  throw Error(
      fmt::format("{} needs a login, and the database has no coach account yet: create one with\n"
                  "  baton --db {} users add NAME --role coach\n"
                  "then start the server again",
                  loopback ? "--auth" : "listening on " + options.host, options.db_path),
      Location{loopback ? "--auth" : "--host", 0, ""});
}

TlsFiles tls_files(const ServeOptions& options) {
  TlsFiles files{options.tls_cert, options.tls_key, false};
  if (!options.tls_self_signed) {
    if (files.cert.empty() != files.key.empty()) {
      throw Error("give both --tls-cert and --tls-key (or --tls-self-signed)",
                  Location{files.cert.empty() ? "--tls-cert" : "--tls-key", 0, ""});
    }
    return files;
  }
  const std::filesystem::path folder = std::filesystem::absolute(options.db_path).parent_path();
  if (files.cert.empty()) files.cert = (folder / "baton-cert.pem").string();
  if (files.key.empty()) files.key = (folder / "baton-key.pem").string();
  // An existing pair is kept: phones that trusted its fingerprint keep trusting it.
  if (std::filesystem::exists(files.cert) && std::filesystem::exists(files.key)) return files;
  std::vector<std::string> names = {"localhost", "127.0.0.1"};
  char host[256] = "";
  if (gethostname(host, sizeof host - 1) == 0 && *host) names.push_back(host);
  for (const std::string& ip : lan_addresses()) names.push_back(ip);
  if (!is_loopback_host(options.host) && options.host != "0.0.0.0" && options.host != "::") {
    names.push_back(options.host);
  }
  for (const std::string& n : options.allowed_hosts) names.push_back(n);
  write_self_signed_certificate(files.cert, files.key, names);
  files.made = true;
  return files;
}

std::vector<std::string> lan_addresses() {
  std::vector<std::string> out;
  ifaddrs* all = nullptr;
  if (getifaddrs(&all) != 0) return out;
  for (ifaddrs* i = all; i; i = i->ifa_next) {
    if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET) continue;
    if ((i->ifa_flags & IFF_UP) == 0 || (i->ifa_flags & IFF_LOOPBACK) != 0) continue;
    char text[INET_ADDRSTRLEN] = "";
    inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(i->ifa_addr)->sin_addr, text, sizeof text);
    out.push_back(text);
  }
  freeifaddrs(all);
  return out;
}

std::string join_instructions(const ServeOptions& options, int port, const std::string& scheme,
                              const std::string& fingerprint) {
  std::string out;
  if (!fingerprint.empty()) {
    out += fmt::format("TLS certificate SHA-256 fingerprint: {}\n", fingerprint);
  }
  if (is_loopback_host(options.host)) return out;
  std::vector<std::string> hosts;
  if (options.host == "0.0.0.0" || options.host == "::") {
    hosts = lan_addresses();
  } else {
    hosts = {options.host};
  }
  if (hosts.empty()) return out + "No network address found for phones to use.\n";
  const std::string url = fmt::format("{}://{}:{}/", scheme, hosts.front(), port);
  out += fmt::format(
      "Phones on this network join at {} (log in with an account from "
      "`baton users add`):\n",
      url);
  out += qr_half_blocks(url);
  for (size_t i = 1; i < hosts.size(); ++i) {
    out += fmt::format("Also reachable at {}://{}:{}/\n", scheme, hosts[i], port);
  }
  if (!fingerprint.empty()) {
    out +=
        "If the phone warns that the certificate is not trusted (a self-signed one), open its "
        "details and check that its SHA-256 fingerprint is the one above before going on.\n";
  }
  return out;
}

}  // namespace baton::server
