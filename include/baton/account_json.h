// Accounts and the audit log as JSON: one shape for `baton users ... --json` and the web API.
// Password hashes and session tokens never appear here.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "baton/account.h"

namespace baton {

/// {"name", "role", "athlete" (null unless an athlete account), "created_at"}.
nlohmann::json account_to_json(const Account& account);

/// {"id", "at", "user", "action", "status" (null for the command line)}.
nlohmann::json audit_entry_to_json(const AuditEntry& entry);

/// {"audit": [entries, newest first]}.
nlohmann::json audit_to_json(const std::vector<AuditEntry>& entries);

}  // namespace baton
