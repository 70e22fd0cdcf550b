#include "server/caller.h"

#include <fmt/format.h>
#include <strings.h>

#include <algorithm>

namespace baton::server {

std::optional<Caller> caller_of(const httplib::Request& req) {
  if (!req.has_header(kCallerUserHeader)) return std::nullopt;
  return Caller{req.get_header_value(kCallerUserHeader),
                parse_role(req.get_header_value(kCallerRoleHeader)),
                req.get_header_value(kCallerAthleteHeader)};
}

void require_runs_in(const httplib::Request& req, const std::vector<std::string>& names,
                     const std::string& field) {
  const std::optional<Caller> caller = caller_of(req);
  if (!caller || caller->role != Role::kAthlete) return;
  const bool runs = std::any_of(names.begin(), names.end(), [&](const std::string& n) {
    return strcasecmp(n.c_str(), caller->athlete.c_str()) == 0;
  });
  if (!runs) {
    throw ForbiddenError(
        fmt::format("an athlete's account reaches only relays and pairs that {} runs in",
                    caller->athlete),
        Location{"", 0, field});
  }
}

}  // namespace baton::server
