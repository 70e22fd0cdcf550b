// TLS on the bounded server's connections (bounded_server.h). The gate does the handshake and
// reads requests without blocking, exactly as it reads plain ones, so a client that stalls in
// the handshake holds no worker and meets the same deadlines; a worker writes the reply through
// the connection's SSL object with the same write timeout as a plain socket.
#pragma once

#include <openssl/ssl.h>
#include <sys/types.h>

#include <chrono>
#include <memory>
#include <string>

namespace baton::server {

struct SslFree {
  void operator()(SSL* ssl) const { SSL_free(ssl); }
};
struct SslCtxFree {
  void operator()(SSL_CTX* ctx) const { SSL_CTX_free(ctx); }
};
using SslPtr = std::unique_ptr<SSL, SslFree>;
using SslContextPtr = std::unique_ptr<SSL_CTX, SslCtxFree>;

/// A server context (TLS 1.2 and newer) with the certificate chain and private key of these PEM
/// files. Throws baton::Error naming the file that cannot be read or the key that does not
/// match the certificate.
SslContextPtr make_tls_context(const std::string& cert_path, const std::string& key_path);

/// A server-side SSL object for the accepted, non-blocking socket `fd`.
SslPtr accept_tls(SSL_CTX* ctx, int fd);

/// Reads decrypted bytes without blocking (doing the handshake first): > 0 bytes read, 0 when
/// the connection is closed or broken, -1 when nothing is available yet.
ssize_t tls_receive(SSL* ssl, char* buffer, size_t size);

/// Writes all or part of `size` bytes, waiting at most `timeout` for the socket each time it
/// is full; bytes written, or -1 on error or timeout.
ssize_t tls_send(SSL* ssl, const char* data, size_t size, std::chrono::milliseconds timeout);

/// Sends a short reply now if it fits, without waiting (the gate's own error replies).
void tls_send_now(SSL* ssl, const std::string& data);

/// Ends TLS politely without waiting for the client's answer.
void tls_close(SSL* ssl);

}  // namespace baton::server
