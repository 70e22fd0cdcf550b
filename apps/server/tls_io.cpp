#include "server/tls_io.h"

#include <openssl/err.h>
#include <poll.h>

#include <cerrno>

#include "baton/error.h"

namespace baton::server {
namespace {

std::string openssl_error() {
  const unsigned long code = ERR_get_error();
  char text[256] = "unknown error";
  if (code != 0) ERR_error_string_n(code, text, sizeof text);
  return text;
}

bool wait_for(int fd, short events, std::chrono::milliseconds timeout) {
  pollfd p{fd, events, 0};
  int rc;
  do {
    rc = poll(&p, 1, static_cast<int>(timeout.count()));
  } while (rc < 0 && errno == EINTR);
  return rc > 0 && (p.revents & events) != 0;
}

}  // namespace

SslContextPtr make_tls_context(const std::string& cert_path, const std::string& key_path) {
  SslContextPtr ctx(SSL_CTX_new(TLS_server_method()));
  if (!ctx) throw Error("cannot set up TLS: " + openssl_error());
  SSL_CTX_set_min_proto_version(ctx.get(), TLS1_2_VERSION);
  SSL_CTX_set_mode(ctx.get(), SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
  if (SSL_CTX_use_certificate_chain_file(ctx.get(), cert_path.c_str()) != 1) {
    throw Error("cannot read the TLS certificate (PEM): " + openssl_error(),
                Location{cert_path, 0, "--tls-cert"});
  }
  if (SSL_CTX_use_PrivateKey_file(ctx.get(), key_path.c_str(), SSL_FILETYPE_PEM) != 1) {
    throw Error("cannot read the TLS private key (PEM): " + openssl_error(),
                Location{key_path, 0, "--tls-key"});
  }
  if (SSL_CTX_check_private_key(ctx.get()) != 1) {
    throw Error("the private key does not belong to the certificate " + cert_path,
                Location{key_path, 0, "--tls-key"});
  }
  return ctx;
}

SslPtr accept_tls(SSL_CTX* ctx, int fd) {
  SslPtr ssl(SSL_new(ctx));
  if (ssl) {
    SSL_set_fd(ssl.get(), fd);
    SSL_set_accept_state(ssl.get());
  }
  return ssl;
}

ssize_t tls_receive(SSL* ssl, char* buffer, size_t size) {
  ERR_clear_error();
  const int n = SSL_read(ssl, buffer, static_cast<int>(std::min<size_t>(size, 1 << 30)));
  if (n > 0) return n;
  const int err = SSL_get_error(ssl, n);
  if (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE) return -1;
  return 0;
}

ssize_t tls_send(SSL* ssl, const char* data, size_t size, std::chrono::milliseconds timeout) {
  const int fd = SSL_get_fd(ssl);
  for (;;) {
    ERR_clear_error();
    const int n = SSL_write(ssl, data, static_cast<int>(std::min<size_t>(size, 1 << 30)));
    if (n > 0) return n;
    const int err = SSL_get_error(ssl, n);
    const short events = err == SSL_ERROR_WANT_WRITE  ? POLLOUT
                         : err == SSL_ERROR_WANT_READ ? POLLIN
                                                      : 0;
    if (events == 0 || !wait_for(fd, events, timeout)) return -1;
  }
}

void tls_send_now(SSL* ssl, const std::string& data) {
  ERR_clear_error();
  if (SSL_is_init_finished(ssl)) (void)SSL_write(ssl, data.data(), static_cast<int>(data.size()));
}

void tls_close(SSL* ssl) {
  ERR_clear_error();
  if (SSL_is_init_finished(ssl)) (void)SSL_shutdown(ssl);
}

}  // namespace baton::server
