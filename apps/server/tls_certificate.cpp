#include "server/tls_certificate.h"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>

#include <cstdio>
#include <memory>

#include "baton/error.h"

namespace baton::server {
namespace {

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Deleter<X509, X509_free>>;

struct FileCloser {
  void operator()(FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<FILE, FileCloser>;

File open_for_writing(const std::string& path, mode_t mode, const char* option) {
  const mode_t old = umask(static_cast<mode_t>(~mode & 0777));
  File f(std::fopen(path.c_str(), "wb"));
  umask(old);
  if (!f) throw Error("cannot write the file", Location{path, 0, option});
  return f;
}

bool is_ip(const std::string& name) {
  in_addr a4{};
  in6_addr a6{};
  return inet_pton(AF_INET, name.c_str(), &a4) == 1 || inet_pton(AF_INET6, name.c_str(), &a6) == 1;
}

}  // namespace

void write_self_signed_certificate(const std::string& cert_path, const std::string& key_path,
                                   const std::vector<std::string>& names) {
  Key key(EVP_EC_gen("P-256"));
  Cert cert(X509_new());
  if (!key || !cert) throw Error("cannot make a TLS key (OpenSSL)");
  X509_set_version(cert.get(), 2);  // v3
  unsigned char serial[16];
  RAND_bytes(serial, sizeof serial);
  serial[0] &= 0x7f;  // a positive serial number
  BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
  BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
  BN_free(bn);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  // 825 days: the longest validity Apple's devices accept for a server certificate.
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 825L * 24 * 3600);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* subject = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("Baton (self-signed)"), -1, -1,
                             0);
  X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("Baton"), -1, -1, 0);
  X509_set_issuer_name(cert.get(), subject);
  std::string san;
  for (const std::string& n : names) {
    san += fmt::format("{}{}:{}", san.empty() ? "" : ",", is_ip(n) ? "IP" : "DNS", n);
  }
  X509V3_CTX v3;
  X509V3_set_ctx_nodb(&v3);
  X509V3_set_ctx(&v3, cert.get(), cert.get(), nullptr, nullptr, 0);
  for (const auto& [nid, value] : {std::pair<int, std::string>{NID_subject_alt_name, san},
                                   {NID_basic_constraints, "critical,CA:FALSE"},
                                   {NID_ext_key_usage, "serverAuth"}}) {
    if (value.empty()) continue;
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &v3, nid, value.c_str());
    if (!ext) throw Error("cannot name '" + value + "' in a certificate");
    X509_add_ext(cert.get(), ext, -1);
    X509_EXTENSION_free(ext);
  }
  if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) {
    throw Error("cannot sign the TLS certificate (OpenSSL)");
  }
  {
    File f = open_for_writing(key_path, 0600, "--tls-key");
    if (PEM_write_PrivateKey(f.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
      throw Error("cannot write the key", Location{key_path, 0, "--tls-key"});
    }
  }
  File f = open_for_writing(cert_path, 0644, "--tls-cert");
  if (PEM_write_X509(f.get(), cert.get()) != 1) {
    throw Error("cannot write the certificate", Location{cert_path, 0, "--tls-cert"});
  }
}

std::string certificate_sha256_fingerprint(const std::string& cert_path) {
  File f(std::fopen(cert_path.c_str(), "rb"));
  if (!f) throw Error("cannot read the certificate", Location{cert_path, 0, "--tls-cert"});
  Cert cert(PEM_read_X509(f.get(), nullptr, nullptr, nullptr));
  if (!cert) throw Error("not a PEM certificate", Location{cert_path, 0, "--tls-cert"});
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  X509_digest(cert.get(), EVP_sha256(), digest, &size);
  std::string out;
  for (unsigned int i = 0; i < size; ++i) out += fmt::format("{}{:02X}", i ? ":" : "", digest[i]);
  return out;
}

}  // namespace baton::server
