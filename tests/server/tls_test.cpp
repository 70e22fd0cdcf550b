// `baton serve --tls-self-signed`: the certificate it makes, the fingerprint it prints (checked
// against the openssl command's own), a verified TLS handshake with that certificate as the only
// trust anchor, Secure cookies, and plain HTTP refused on the TLS port.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <regex>

#include "server/server_process.h"

namespace baton {
namespace {

using testing::run_cli;
using testing::ServerProcess;
using testing::TempDir;

int connect_to(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// One HTTPS request to 127.0.0.1:port that trusts only `ca_file` and checks the certificate
// names 127.0.0.1. Returns the raw reply, or "handshake failed: ..." when TLS did not verify.
std::string https_request(int port, const std::string& ca_file, const std::string& request) {
  SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
  SSL_CTX_load_verify_locations(ctx, ca_file.c_str(), nullptr);
  SSL* ssl = SSL_new(ctx);
  X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), "127.0.0.1");
  const int fd = connect_to(port);
  SSL_set_fd(ssl, fd);
  std::string reply;
  if (SSL_connect(ssl) != 1) {
    reply = "handshake failed: " +
            std::string(X509_verify_cert_error_string(SSL_get_verify_result(ssl)));
  } else {
    SSL_write(ssl, request.data(), static_cast<int>(request.size()));
    char buf[4096];
    int n;
    while ((n = SSL_read(ssl, buf, sizeof buf)) > 0) reply.append(buf, static_cast<size_t>(n));
  }
  SSL_free(ssl);
  SSL_CTX_free(ctx);
  close(fd);
  return reply;
}

std::string command_output(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  char buf[512];
  while (p && fgets(buf, sizeof buf, p)) out += buf;
  if (p) pclose(p);
  return out;
}

TEST(Tls, SelfSignedCertificateVerifiesAndItsFingerprintIsPrinted) {
  TempDir dir;
  const std::string db = dir.file("team.db");
  ASSERT_EQ(run_cli({"--db", db, "users", "add", "Kay", "--role", "coach", "--password-stdin"},
                    "coach password\n")
                .exit_code,
            0);
  ServerProcess server(db, {"--auth", "--tls-self-signed"});
  const std::string cert = dir.file("baton-cert.pem");
  ASSERT_TRUE(std::filesystem::exists(cert));
  // The key is for this user's eyes only.
  const auto perms = std::filesystem::status(dir.file("baton-key.pem")).permissions();
  EXPECT_EQ(perms & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);

  // A client that trusts only this certificate completes the handshake and gets an answer.
  const std::string get =
      "GET /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  const std::string reply = https_request(server.port(), cert, get);
  EXPECT_EQ(reply.rfind("HTTP/1.1 401", 0), 0u) << reply.substr(0, 200);

  // Logging in over TLS sets a Secure cookie.
  const std::string body = R"({"user": "Kay", "password": "coach password"})";
  const std::string login =
      "POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      "Content-Type: application/json\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
  const std::string answer = https_request(server.port(), cert, login);
  EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0u) << answer.substr(0, 200);
  EXPECT_TRUE(std::regex_search(answer, std::regex("Set-Cookie: baton_session=[0-9a-f]{64}; "
                                                   "Path=/; Max-Age=43200; HttpOnly; "
                                                   "SameSite=Strict; Secure\r\n")))
      << answer.substr(0, 400);

  // Plain HTTP on the TLS port gets no HTTP answer.
  const int fd = connect_to(server.port());
  const std::string plain = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  (void)!send(fd, plain.data(), plain.size(), MSG_NOSIGNAL);
  char buf[64] = "";
  const ssize_t n = recv(fd, buf, sizeof buf - 1, 0);
  close(fd);
  EXPECT_EQ(std::string(buf, n > 0 ? static_cast<size_t>(n) : 0).find("HTTP/1.1 200"),
            std::string::npos);

  // The fingerprint printed is the one the openssl command computes from the file.
  std::string out;
  server.stop(&out);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      out, m, std::regex("TLS certificate SHA-256 fingerprint: ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})")))
      << out;
  const std::string openssl =
      command_output("openssl x509 -noout -fingerprint -sha256 -in '" + cert + "'");
  EXPECT_NE(openssl.find(m[1].str()), std::string::npos) << openssl;
}

TEST(Tls, ClientsStallingInTheHandshakeDoNotDelayOthers) {
  TempDir dir;
  ServerProcess server(dir.file("team.db"), {"--tls-self-signed"});
  // Twenty clients that open a connection and send the first bytes of a TLS record, then stop.
  std::vector<int> stalled;
  for (int i = 0; i < 20; ++i) {
    const int fd = connect_to(server.port());
    ASSERT_GE(fd, 0);
    (void)!send(fd, "\x16\x03\x01\x02", 4, MSG_NOSIGNAL);
    stalled.push_back(fd);
  }
  const std::string get =
      "GET /api/athletes HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_EQ(https_request(server.port(), dir.file("baton-cert.pem"), get).rfind("HTTP/1.1 200", 0),
            0u);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(1));
  // The gate closes a handshake that does not finish within the idle timeout (5 s).
  pollfd p{stalled[0], POLLIN, 0};
  ASSERT_EQ(poll(&p, 1, 8000), 1);
  char byte;
  EXPECT_LE(recv(stalled[0], &byte, 1, 0), 0);
  for (int fd : stalled) close(fd);
}

TEST(Tls, AnotherCertificateDoesNotVerify) {
  TempDir dir;
  const std::string db = dir.file("team.db");
  ServerProcess first(
      db, {"--tls-self-signed", "--tls-cert", dir.file("a.pem"), "--tls-key", dir.file("a.key")});
  ServerProcess second(
      db, {"--tls-self-signed", "--tls-cert", dir.file("b.pem"), "--tls-key", dir.file("b.key")});
  const std::string get = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  EXPECT_EQ(https_request(first.port(), dir.file("a.pem"), get).rfind("HTTP/1.1 200", 0), 0u);
  EXPECT_EQ(https_request(second.port(), dir.file("a.pem"), get).rfind("handshake failed", 0), 0u);
}

TEST(Tls, HalfAPairIsRefused) {
  TempDir dir;
  const auto r = run_cli({"--db", dir.file("team.db"), "serve", "--tls-cert", dir.file("x.pem")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--tls-key"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace baton
