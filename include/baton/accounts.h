// Accounts of the people who use the web app, their sessions and the audit log of writes, as
// the database keeps them. Passwords and session tokens arrive here already hashed: hashing,
// checking and the rights of each role are the use-case layer's (include/baton/account_admin.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baton/account.h"
#include "baton/store.h"

namespace baton {

/// A live session as stored: its account and the token its writes must echo.
struct StoredSession {
  Account account;
  std::string csrf_token;      ///< sent back in the X-CSRF-Token header of every write
  long long expires_at_s = 0;  ///< Unix time, seconds
};

/// Accounts, sessions and the audit log in the database. Every write is one transaction.
class Accounts {
 public:
  explicit Accounts(Database& db) : db_(db) {}

  /// Stores a new account with its password hash. ValidationError (field "name") for an empty,
  /// overlong, non-UTF-8 or taken name; NotFoundError (field "athlete", with the closest name)
  /// when an athlete account names no roster athlete; ValidationError when a coach or assistant
  /// names one.
  void add(const Account& account, const std::string& password_hash);
  /// Every account, by name.
  std::vector<Account> list() const;
  /// The account called `name` (ignoring case), if any.
  std::optional<Account> find(std::string_view name) const;
  /// The stored password hash of `name`; NotFoundError (field "name") if there is no account.
  std::string password_hash(std::string_view name) const;
  /// Replaces the password hash and ends every session of the account; NotFoundError if absent.
  void set_password_hash(std::string_view name, const std::string& password_hash);
  /// Removes the account and its sessions; NotFoundError if absent. ValidationError when it is
  /// the last coach while other accounts remain (nobody could manage them).
  void remove(std::string_view name);
  /// True when at least one coach account exists.
  bool has_coach() const;

  /// Starts a session for account `name`, known by the hash of its cookie token.
  void add_session(std::string_view name, const std::string& token_hash,
                   const std::string& csrf_token, long long expires_at_s);
  /// The session whose token hashes to `token_hash`, unless it expired by `now_s` (Unix
  /// seconds) or its account is gone.
  std::optional<StoredSession> session(const std::string& token_hash, long long now_s) const;
  /// Ends one session (nothing happens when there is none).
  void remove_session(const std::string& token_hash);
  /// Forgets sessions that expired by `now_s`.
  void remove_expired_sessions(long long now_s);

  /// Appends one entry to the audit log (its id is set here).
  void record(const AuditEntry& entry);
  /// The newest `limit` audit entries, newest first.
  std::vector<AuditEntry> audit(size_t limit = 200) const;

 private:
  Database& db_;
};

}  // namespace baton
