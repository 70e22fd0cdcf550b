// Who uses the web app: an account's name and role, and one line of the audit log of writes.
// The database keeps them (include/baton/accounts.h); the rights of each role are the use-case
// layer's (include/baton/account_admin.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "baton/error.h"

namespace baton {

/// What an account may do (include/baton/account_admin.h lists the rights of each).
enum class Role {
  kCoach,      ///< everything, accounts included
  kAssistant,  ///< everything but accounts and the audit log
  kAthlete,    ///< reads plans, their own cards, logs drills of pairs they run in
};

/// "coach", "assistant" or "athlete".
std::string_view to_string(Role role);
/// The role called `text` (as to_string spells it); ParseError at `where` otherwise.
Role parse_role(std::string_view text, const Location& where = {});

/// Longest account name, in characters (Unicode code points).
inline constexpr size_t kMaxAccountNameCodePoints = 80;

/// One account.
struct Account {
  std::string name;  ///< what the person types to log in (unique, ignoring case)
  Role role = Role::kCoach;
  std::string athlete;     ///< the roster athlete an athlete account belongs to; else empty
  std::string created_at;  ///< UTC, YYYY-MM-DDTHH:MM:SSZ (set by the database)
};

/// One line of the audit log.
struct AuditEntry {
  long long id = 0;    ///< order of writing (set by the database)
  std::string at;      ///< UTC, YYYY-MM-DDTHH:MM:SSZ, as the front end read its clock
  std::string user;    ///< account name, or how the write came ("cli", "no login")
  std::string action;  ///< what was done ("POST /api/athletes", "users add Ann")
  int status = 0;      ///< the HTTP status of the answer; 0 for the command line
};

}  // namespace baton
