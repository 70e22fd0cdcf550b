// Accounts, logins and rights: the use cases behind `baton users` and the web app's sessions.
// Passwords are hashed with libsodium's crypto_pwhash_str (Argon2id, a memory-hard function:
// https://doc.libsodium.org/password_hashing/default_phf) and never stored or returned in the
// clear; session tokens are random (randombytes_buf) and stored only as a BLAKE2b hash.
// Time comes in as an argument (Unix seconds, and the audit's UTC text) from the front end.
#pragma once

#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "baton/accounts.h"
#include "baton/store.h"

namespace baton {

/// Shortest and longest password, bytes.
inline constexpr size_t kMinPasswordBytes = 8;
inline constexpr size_t kMaxPasswordBytes = 1024;

/// What a request may need; has_right() says which roles hold it.
enum class Right {
  kRead,          ///< read the roster, events, practice log and reports
  kPlan,          ///< hand-off plans and predictions of a running order
  kOwnCards,      ///< relay cards of a relay the caller runs in (athletes: their own)
  kLogOwnDrills,  ///< log drills of a pair the caller runs in (athletes: their own)
  kCompute,       ///< lineups, race odds, the full report
  kWrite,         ///< change the roster, the team, the practice log; any card or drill
  kAccounts,      ///< accounts and the audit log
};

/// A coach holds every right; an assistant every right but kAccounts; an athlete kRead, kPlan,
/// kOwnCards and kLogOwnDrills.
bool has_right(Role role, Right right);

/// An Argon2id hash of `password` (crypto_pwhash_str, libsodium's interactive limits).
/// ValidationError (field "password") for a password shorter than kMinPasswordBytes or longer
/// than kMaxPasswordBytes; StoreError when the memory for hashing cannot be had.
std::string hash_password(std::string_view password);
/// True when `password` matches `hash` (a crypto_pwhash_str string); false for any other hash.
bool password_matches(const std::string& hash, std::string_view password);

/// Who did a write and when, for the audit log.
struct AuditStamp {
  std::string at;    ///< UTC, YYYY-MM-DDTHH:MM:SSZ
  std::string user;  ///< account name, or how the change came ("cli")
};

/// An account to create; `athlete` (a roster name) only for Role::kAthlete, where an empty one
/// means the athlete of the same name as the account.
struct NewAccount {
  std::string name;
  Role role = Role::kCoach;
  std::string athlete;
  std::string password;
};

/// Creates the account (errors as Accounts::add and hash_password) and logs it in the audit.
void add_account(Database& db, const NewAccount& account, const AuditStamp& stamp);
/// Sets a new password and ends the account's sessions; NotFoundError if there is no account.
void change_password(Database& db, std::string_view name, std::string_view password,
                     const AuditStamp& stamp);
/// Removes the account (errors as Accounts::remove) and logs it in the audit.
void remove_account(Database& db, std::string_view name, const AuditStamp& stamp);

/// How long a session lasts.
struct SessionSettings {
  long long lifetime_s = 12 * 3600;  ///< a training day; then the person logs in again
};

/// A session just opened: the cookie's token (only its hash is stored) and the CSRF token.
struct NewSession {
  Account account;
  std::string token;       ///< 64 hex digits (32 random bytes), for the cookie only
  std::string csrf_token;  ///< 64 hex digits, for the X-CSRF-Token header of writes
  long long expires_at_s = 0;
};

/// Checks `password` for account `user` and opens a session; nullopt when there is no such
/// account or the password is wrong (both take one hash's time, so neither is told apart).
std::optional<NewSession> log_in(Database& db, std::string_view user, std::string_view password,
                                 long long now_s, const SessionSettings& settings = {});
/// The session whose cookie holds `token`, unless it expired by `now_s` or its account is gone.
std::optional<StoredSession> find_session(Database& db, std::string_view token, long long now_s);
/// Ends the session of `token` (nothing happens for an unknown one).
void log_out(Database& db, std::string_view token);
/// True when `given` equals `expected` (compared in constant time) and is not empty.
bool csrf_matches(std::string_view expected, std::string_view given);

/// How many wrong passwords are tolerated before logins wait.
struct ThrottleSettings {
  size_t failures_per_account = 5;   ///< within the window, for one account name
  size_t failures_per_address = 20;  ///< within the window, from one client address
  long long window_s = 15 * 60;      ///< how long a wrong password counts, seconds
};

/// Counts wrong passwords per account and per client address; a key that reached its limit
/// waits until its oldest failure in the window is older than the window. Thread-safe.
class LoginThrottle {
 public:
  explicit LoginThrottle(const ThrottleSettings& settings = {}) : settings_(settings) {}

  /// Seconds until `account` may try again from `address` (0: now).
  long long retry_after_s(std::string_view account, std::string_view address, long long now_s);
  /// Counts one wrong password.
  void failed(std::string_view account, std::string_view address, long long now_s);
  /// A right password: the account's failures are forgotten (the address's still count).
  void succeeded(std::string_view account);

 private:
  using Failures = std::map<std::string, std::deque<long long>>;
  long long wait_s(Failures& failures, const std::string& key, size_t limit, long long now_s);
  ThrottleSettings settings_;
  std::mutex mutex_;
  Failures by_account_;
  Failures by_address_;
};

}  // namespace baton
