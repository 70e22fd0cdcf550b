#include "server/auth.h"

#include <fmt/format.h>

#include "baton/account_json.h"
#include "common/today.h"
#include "server/caller.h"
#include "server/http_json.h"
#include "server/worker_database.h"

namespace baton::server {
namespace {

bool changes_state(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// The right a route needs (the routes are listed in server/routes.h).
Right right_for(const std::string& method, const std::string& path) {
  if (path == "/api/audit") return Right::kAccounts;
  if (starts_with(path, "/print/cards")) return Right::kOwnCards;
  if (starts_with(path, "/print/")) return Right::kCompute;
  if (!changes_state(method)) return Right::kRead;
  if (path == "/api/plans" || path == "/api/predictions") return Right::kPlan;
  if (path == "/api/cards") return Right::kOwnCards;
  if (path == "/api/practice" && method == "POST") return Right::kLogOwnDrills;
  for (const char* computed : {"/api/lineups", "/api/meet-lineups", "/api/simulations",
                               "/api/lineup-odds", "/api/report"}) {
    if (path == computed) return Right::kCompute;
  }
  return Right::kWrite;
}

// Requests that change what the database holds (the audit log keeps them).
bool is_write(const std::string& method, const std::string& path) {
  if (!changes_state(method) || path == "/api/session") return false;
  const Right r = right_for(method, path);
  return r == Right::kWrite || r == Right::kLogOwnDrills;
}

std::string cookie(const std::string& token, long long max_age_s, bool secure) {
  return fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Strict{}", kSessionCookie,
                     token, max_age_s, secure ? "; Secure" : "");
}

std::string clipped(const std::string& s) { return clip_for_reply(s, 200); }

}  // namespace

std::string cookie_value(const httplib::Request& req, const std::string& name) {
  const std::string header = req.get_header_value("Cookie");
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    size_t start = header.find_first_not_of(' ', pos);
    if (start < end) {
      const std::string pair = header.substr(start, end - start);
      const size_t eq = pair.find('=');
      if (eq != std::string::npos && pair.substr(0, eq) == name) return pair.substr(eq + 1);
    }
    pos = end + 1;
  }
  return "";
}

void Auth::identify(httplib::Request& req) const {
  for (const char* h :
       {kCallerUserHeader, kCallerRoleHeader, kCallerAthleteHeader, kCallerCsrfHeader}) {
    req.headers.erase(h);
  }
  const std::string token = cookie_value(req, kSessionCookie);
  if (token.empty()) return;
  const std::optional<StoredSession> s =
      find_session(worker_database(settings_.db_path), token, unix_now_s());
  if (!s) return;
  req.headers.emplace(kCallerUserHeader, s->account.name);
  req.headers.emplace(kCallerRoleHeader, std::string(to_string(s->account.role)));
  req.headers.emplace(kCallerAthleteHeader, s->account.athlete);
  req.headers.emplace(kCallerCsrfHeader, s->csrf_token);
}

httplib::Server::HandlerResponse Auth::authorize(const httplib::Request& req,
                                                 httplib::Response& res) const {
  using R = httplib::Server::HandlerResponse;
  const std::string& path = req.path;
  if (!settings_.required) return R::Unhandled;
  if (!starts_with(path, "/api/") && !starts_with(path, "/print/")) return R::Unhandled;
  if (path == "/api/session" && req.method == "POST") return R::Unhandled;
  const std::optional<Caller> caller = caller_of(req);
  if (!caller) {
    reply_error(res, 401, "log in first: this server needs a name and password");
    return R::Handled;
  }
  if (path != "/api/session" && !has_right(caller->role, right_for(req.method, path))) {
    reply_error(res, 403, fmt::format("a {}'s account may not do this", to_string(caller->role)));
    return R::Handled;
  }
  if (changes_state(req.method) && !csrf_matches(req.get_header_value(kCallerCsrfHeader),
                                                 req.get_header_value("X-CSRF-Token"))) {
    reply_error(res, 403,
                "a write must carry the X-CSRF-Token its login answered with (log in again)",
                "X-CSRF-Token");
    return R::Handled;
  }
  return R::Unhandled;
}

void Auth::record(const std::string& user, const std::string& action, int status) const {
  try {
    Accounts(worker_database(settings_.db_path))
        .record(AuditEntry{0, utc_timestamp(), clipped(user), clipped(action), status});
  } catch (const Error&) {
    // The reply stands even when the log cannot be written (a locked database).
  }
}

void Auth::audit(const httplib::Request& req, const httplib::Response& res) const {
  if (!is_write(req.method, req.path)) return;
  if (res.status >= 400 && res.status != 403) return;
  const std::optional<Caller> caller = caller_of(req);
  const std::string who = caller ? caller->user : settings_.required ? "-" : "no login";
  record(who, req.method + " " + req.path, res.status);
}

void Auth::log_in(const httplib::Request& req, httplib::Response& res) {
  const nlohmann::json body = json_body(req);
  for (const char* key : {"user", "password"}) {
    if (!body.contains(key) || !body[key].is_string()) {
      throw ParseError("is required (a string)", Location{"", 0, key});
    }
  }
  const std::string user = body["user"].get<std::string>();
  const std::string password = body["password"].get<std::string>();
  const long long now = unix_now_s();
  const long long wait = throttle_.retry_after_s(user, req.remote_addr, now);
  if (wait > 0) {
    res.set_header("Retry-After", std::to_string(wait));
    reply_error(res, 429, fmt::format("too many wrong passwords: try again in {} s", wait),
                "password");
    return;
  }
  Database& db = worker_database(settings_.db_path);
  const std::optional<NewSession> s = baton::log_in(db, user, password, now, settings_.session);
  if (!s) {
    throttle_.failed(user, req.remote_addr, now);
    record(user, "log in refused (wrong name or password)", 401);
    reply_error(res, 401, "wrong name or password", "password");
    return;
  }
  throttle_.succeeded(user);
  record(s->account.name, "log in", 200);
  res.set_header("Set-Cookie", cookie(s->token, settings_.session.lifetime_s, settings_.tls));
  res.set_header("Cache-Control", "no-store");
  nlohmann::json doc = account_to_json(s->account);
  doc["user"] = s->account.name;
  doc["csrf_token"] = s->csrf_token;
  doc["expires_at_s"] = s->expires_at_s;
  reply_json(res, doc);
}

void Auth::session(const httplib::Request& req, httplib::Response& res) const {
  const std::optional<Caller> caller = caller_of(req);
  res.set_header("Cache-Control", "no-store");
  if (!caller) {
    reply_json(res, {{"auth", settings_.required}, {"user", nullptr}});
    return;
  }
  reply_json(res, {{"auth", settings_.required},
                   {"user", caller->user},
                   {"role", std::string(to_string(caller->role))},
                   {"athlete",
                    caller->athlete.empty() ? nlohmann::json() : nlohmann::json(caller->athlete)},
                   {"csrf_token", req.get_header_value(kCallerCsrfHeader)}});
}

void Auth::log_out(const httplib::Request& req, httplib::Response& res) const {
  const std::optional<Caller> caller = caller_of(req);
  baton::log_out(worker_database(settings_.db_path), cookie_value(req, kSessionCookie));
  if (caller) record(caller->user, "log out", 200);
  res.set_header("Set-Cookie", cookie("", 0, settings_.tls));
  reply_json(res, {{"logged_out", caller.has_value()}});
}

void Auth::add_routes(httplib::Server& server) {
  server.Post("/api/session",
              [this](const httplib::Request& req, httplib::Response& res) { log_in(req, res); });
  server.Get("/api/session",
             [this](const httplib::Request& req, httplib::Response& res) { session(req, res); });
  server.Delete("/api/session",
                [this](const httplib::Request& req, httplib::Response& res) { log_out(req, res); });
  server.Get("/api/audit", [this](const httplib::Request& req, httplib::Response& res) {
    const std::string text = query(req, "limit", "200");
    size_t limit = 200;
    if (text.empty() || text.size() > 6 ||
        text.find_first_not_of("0123456789") != std::string::npos ||
        (limit = std::stoul(text)) == 0) {
      throw ParseError("must be a whole number from 1 to 999999", Location{"", 0, "limit"});
    }
    reply_json(res, audit_to_json(Accounts(worker_database(settings_.db_path)).audit(limit)));
  });
}

}  // namespace baton::server
