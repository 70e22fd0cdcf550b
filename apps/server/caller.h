// Who sent a request, as the server's login check found it (server/auth.h), for the routes
// whose answer depends on it: an athlete sees only their own cards and logs only drills of
// pairs they run in.
#pragma once

#include <httplib.h>

#include <optional>
#include <string>
#include <vector>

#include "baton/account.h"
#include "baton/error.h"

namespace baton::server {

/// A request the caller's role does not allow: answered 403.
class ForbiddenError : public Error {
  using Error::Error;
};

/// The logged-in account behind a request.
struct Caller {
  std::string user;
  Role role = Role::kCoach;
  std::string athlete;  ///< roster name of an athlete account
};

/// Header names the login check sets on a request after removing any the client sent.
inline constexpr const char* kCallerUserHeader = "X-Baton-Caller-User";
inline constexpr const char* kCallerRoleHeader = "X-Baton-Caller-Role";
inline constexpr const char* kCallerAthleteHeader = "X-Baton-Caller-Athlete";
inline constexpr const char* kCallerCsrfHeader = "X-Baton-Caller-Csrf";

/// The caller of `req`; nullopt without a session (or when the server needs no login).
std::optional<Caller> caller_of(const httplib::Request& req);

/// For an athlete's request: ForbiddenError (naming `field`) unless `names` (as the roster or
/// the request spells them, compared ignoring case) include the athlete. Others pass.
void require_runs_in(const httplib::Request& req, const std::vector<std::string>& names,
                     const std::string& field);

}  // namespace baton::server
