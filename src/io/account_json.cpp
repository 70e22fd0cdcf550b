#include "baton/account_json.h"

namespace baton {

nlohmann::json account_to_json(const Account& a) {
  return {{"name", a.name},
          {"role", std::string(to_string(a.role))},
          {"athlete", a.athlete.empty() ? nlohmann::json() : nlohmann::json(a.athlete)},
          {"created_at", a.created_at}};
}

nlohmann::json audit_entry_to_json(const AuditEntry& e) {
  return {{"id", e.id},
          {"at", e.at},
          {"user", e.user},
          {"action", e.action},
          {"status", e.status == 0 ? nlohmann::json() : nlohmann::json(e.status)}};
}

nlohmann::json audit_to_json(const std::vector<AuditEntry>& entries) {
  nlohmann::json list = nlohmann::json::array();
  for (const AuditEntry& e : entries) list.push_back(audit_entry_to_json(e));
  return {{"audit", list}};
}

}  // namespace baton
