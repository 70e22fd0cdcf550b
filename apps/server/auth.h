// Logins for `baton serve`: who a request comes from (a session cookie), whether their role
// may do what it asks, the CSRF token of writes, throttled wrong passwords, and the audit log of
// writes. The rules themselves (roles, rights, hashing, sessions) are the library's
// (include/baton/account_admin.h); this file applies them to HTTP requests.
#pragma once

#include <httplib.h>

#include <string>

#include "baton/account_admin.h"

namespace baton::server {

/// The session cookie's name.
inline constexpr const char* kSessionCookie = "baton_session";

/// How the server checks who is asking.
struct AuthSettings {
  std::string db_path;
  bool required = false;  ///< every API request needs a session (--auth, or any non-loopback host)
  bool tls = false;       ///< served over TLS: cookies are marked Secure
  SessionSettings session;
  ThrottleSettings throttle;
};

/// The login check of one server; lives as long as the server.
class Auth {
 public:
  explicit Auth(AuthSettings settings)
      : settings_(std::move(settings)), throttle_(settings_.throttle) {}

  /// Before routing, on the request as read: removes caller headers a client sent and, for a
  /// live session cookie, sets them (server/caller.h).
  void identify(httplib::Request& req) const;
  /// Pre-routing: 401 without a session, 403 for a role without the right or a write without
  /// the session's X-CSRF-Token. Handled when it answered.
  httplib::Server::HandlerResponse authorize(const httplib::Request& req,
                                             httplib::Response& res) const;
  /// After routing: writes (and writes refused for their role) go into the audit log.
  void audit(const httplib::Request& req, const httplib::Response& res) const;
  /// POST/GET/DELETE /api/session (log in, who am I, log out) and GET /api/audit.
  void add_routes(httplib::Server& server);

 private:
  void log_in(const httplib::Request& req, httplib::Response& res);
  void session(const httplib::Request& req, httplib::Response& res) const;
  void log_out(const httplib::Request& req, httplib::Response& res) const;
  void record(const std::string& user, const std::string& action, int status) const;

  AuthSettings settings_;
  LoginThrottle throttle_;
};

/// The value of cookie `name` in the request's Cookie header; empty when absent.
std::string cookie_value(const httplib::Request& req, const std::string& name);

}  // namespace baton::server
