#include "baton/accounts.h"

#include <fmt/format.h>

#include "core/text.h"
#include "store/sqlite.h"

namespace baton {
namespace {

constexpr const char* kSelectAccount =
    "SELECT u.name, u.role, coalesce(a.name, ''), u.created_at FROM users u "
    "LEFT JOIN athletes a ON a.id = u.athlete_id";

Account read_account(Statement& s, int first = 0) {
  Account a;
  a.name = s.column_text(first);
  a.role = parse_role(s.column_text(first + 1));
  a.athlete = s.column_text(first + 2);
  a.created_at = s.column_text(first + 3);
  return a;
}

void validate_name(std::string_view name) {
  const Location where{"", 0, "name"};
  text::require_utf8(name, where);
  if (text::trim(name).size() != name.size() || name.empty()) {
    throw ValidationError("must not be empty or start or end with a space", where);
  }
  if (text::code_points(name) > kMaxAccountNameCodePoints) {
    throw ValidationError(fmt::format("must be at most {} characters", kMaxAccountNameCodePoints),
                          where);
  }
  for (const char c : name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      throw ValidationError("must not hold control characters", where);
    }
  }
}

NotFoundError no_account(std::string_view name) {
  return NotFoundError(fmt::format("no account called '{}'", name), Location{"", 0, "name"});
}

}  // namespace

void Accounts::add(const Account& account, const std::string& password_hash) {
  validate_name(account.name);
  if ((account.role == Role::kAthlete) == account.athlete.empty()) {
    throw ValidationError(account.role == Role::kAthlete
                              ? "an athlete account names its roster athlete"
                              : "only athlete accounts name a roster athlete",
                          Location{"", 0, "athlete"});
  }
  db_.transaction([&] {
    if (find(account.name)) {
      throw ValidationError(fmt::format("an account called '{}' exists", account.name),
                            Location{"", 0, "name"});
    }
    std::optional<long long> athlete_id;
    if (!account.athlete.empty()) {
      // Team::athlete names the closest roster name when there is no such athlete.
      const Team team = Roster(db_).team();
      const Athlete& a = team.athlete(account.athlete, Location{"", 0, "athlete"});
      Statement s(connection(db_), "SELECT id FROM athletes WHERE name = ?");
      s.bind(1, a.name);
      if (s.step()) athlete_id = s.column_int(0);
    }
    Statement s(connection(db_),
                "INSERT INTO users (name, role, athlete_id, password_hash) VALUES (?, ?, ?, ?)");
    s.bind(1, account.name).bind(2, to_string(account.role)).bind(3, athlete_id);
    s.bind(4, password_hash).run();
  });
}

std::vector<Account> Accounts::list() const {
  Statement s(connection(db_), std::string(kSelectAccount) + " ORDER BY u.name");
  std::vector<Account> out;
  while (s.step()) out.push_back(read_account(s));
  return out;
}

std::optional<Account> Accounts::find(std::string_view name) const {
  Statement s(connection(db_), std::string(kSelectAccount) + " WHERE u.name = ?");
  s.bind(1, name);
  if (!s.step()) return std::nullopt;
  return read_account(s);
}

std::string Accounts::password_hash(std::string_view name) const {
  Statement s(connection(db_), "SELECT password_hash FROM users WHERE name = ?");
  s.bind(1, name);
  if (!s.step()) throw no_account(name);
  return s.column_text(0);
}

void Accounts::set_password_hash(std::string_view name, const std::string& password_hash) {
  db_.transaction([&] {
    Statement s(connection(db_), "UPDATE users SET password_hash = ? WHERE name = ?");
    s.bind(1, password_hash).bind(2, name).run();
    if (sqlite3_changes(connection(db_).db) == 0) throw no_account(name);
    Statement end(connection(db_),
                  "DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE name = ?)");
    end.bind(1, name).run();
  });
}

void Accounts::remove(std::string_view name) {
  db_.transaction([&] {
    const std::optional<Account> account = find(name);
    if (!account) throw no_account(name);
    if (account->role == Role::kCoach) {
      Statement s(connection(db_),
                  "SELECT (SELECT count(*) FROM users WHERE role = 'coach'), "
                  "(SELECT count(*) FROM users)");
      s.step();
      if (s.column_int(0) == 1 && s.column_int(1) > 1) {
        throw ValidationError(
            fmt::format("'{}' is the last coach: add another coach before removing them",
                        account->name),
            Location{"", 0, "name"});
      }
    }
    Statement s(connection(db_), "DELETE FROM users WHERE name = ?");
    s.bind(1, name).run();
  });
}

bool Accounts::has_coach() const {
  Statement s(connection(db_), "SELECT 1 FROM users WHERE role = 'coach' LIMIT 1");
  return s.step();
}

void Accounts::add_session(std::string_view name, const std::string& token_hash,
                           const std::string& csrf_token, long long expires_at_s) {
  db_.transaction([&] {
    Statement s(connection(db_),
                "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at_s) "
                "SELECT ?, id, ?, ? FROM users WHERE name = ?");
    s.bind(1, token_hash).bind(2, csrf_token).bind(3, expires_at_s).bind(4, name).run();
    if (sqlite3_changes(connection(db_).db) == 0) throw no_account(name);
  });
}

std::optional<StoredSession> Accounts::session(const std::string& token_hash,
                                               long long now_s) const {
  Statement s(connection(db_),
              "SELECT s.csrf_token, s.expires_at_s, u.name, u.role, coalesce(a.name, ''), "
              "u.created_at FROM sessions s JOIN users u ON u.id = s.user_id "
              "LEFT JOIN athletes a ON a.id = u.athlete_id "
              "WHERE s.token_hash = ? AND s.expires_at_s > ?");
  s.bind(1, token_hash).bind(2, now_s);
  if (!s.step()) return std::nullopt;
  StoredSession out;
  out.csrf_token = s.column_text(0);
  out.expires_at_s = s.column_int(1);
  out.account = read_account(s, 2);
  return out;
}

void Accounts::remove_session(const std::string& token_hash) {
  db_.transaction([&] {
    Statement s(connection(db_), "DELETE FROM sessions WHERE token_hash = ?");
    s.bind(1, token_hash).run();
  });
}

void Accounts::remove_expired_sessions(long long now_s) {
  db_.transaction([&] {
    Statement s(connection(db_), "DELETE FROM sessions WHERE expires_at_s <= ?");
    s.bind(1, now_s).run();
  });
}

void Accounts::record(const AuditEntry& entry) {
  db_.transaction([&] {
    Statement s(connection(db_),
                "INSERT INTO audit (at, user, action, status) VALUES (?, ?, ?, ?)");
    s.bind(1, entry.at).bind(2, entry.user).bind(3, entry.action).bind(4, entry.status).run();
  });
}

std::vector<AuditEntry> Accounts::audit(size_t limit) const {
  Statement s(connection(db_),
              "SELECT id, at, user, action, status FROM audit ORDER BY id DESC LIMIT ?");
  s.bind(1, static_cast<long long>(limit));
  std::vector<AuditEntry> out;
  while (s.step()) {
    out.push_back(AuditEntry{s.column_int(0), s.column_text(1), s.column_text(2), s.column_text(3),
                             static_cast<int>(s.column_int(4))});
  }
  return out;
}

}  // namespace baton
