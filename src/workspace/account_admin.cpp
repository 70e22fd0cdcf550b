#include "baton/account_admin.h"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <cctype>

namespace baton {
namespace {

void init_sodium() {
  // Safe to call from several threads and more than once (libsodium's documentation).
  if (sodium_init() < 0) throw StoreError("libsodium could not start");
}

std::string random_hex(size_t bytes) {
  init_sodium();
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string hex(2 * bytes + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                 raw.size());
  hex.pop_back();
  return hex;
}

// BLAKE2b-256 of the cookie token, as hex: what the sessions table keeps.
std::string token_hash(std::string_view token) {
  init_sodium();
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  char hex[2 * sizeof digest + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

bool has_right(Role role, Right right) {
  switch (role) {
    case Role::kCoach:
      return true;
    case Role::kAssistant:
      return right != Right::kAccounts;
    case Role::kAthlete:
      return right == Right::kRead || right == Right::kPlan || right == Right::kOwnCards ||
             right == Right::kLogOwnDrills;
  }
  return false;
}

std::string hash_password(std::string_view password) {
  const Location where{"", 0, "password"};
  if (password.size() < kMinPasswordBytes) {
    throw ValidationError(fmt::format("must be at least {} characters", kMinPasswordBytes), where);
  }
  if (password.size() > kMaxPasswordBytes) {
    throw ValidationError(fmt::format("must be at most {} bytes", kMaxPasswordBytes), where);
  }
  init_sodium();
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw StoreError("not enough memory to hash the password");
  }
  return hash;
}

bool password_matches(const std::string& hash, std::string_view password) {
  init_sodium();
  if (password.size() > kMaxPasswordBytes) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void add_account(Database& db, const NewAccount& account, const AuditStamp& stamp) {
  Account a{account.name, account.role, account.athlete, ""};
  if (a.role == Role::kAthlete && a.athlete.empty()) a.athlete = a.name;
  Accounts(db).add(a, hash_password(account.password));
  Accounts(db).record(AuditEntry{0, stamp.at, stamp.user,
                                 fmt::format("users add {} ({})", a.name, to_string(a.role)), 0});
}

void change_password(Database& db, std::string_view name, std::string_view password,
                     const AuditStamp& stamp) {
  Accounts accounts(db);
  if (!accounts.find(name)) {
    throw NotFoundError(fmt::format("no account called '{}'", name), Location{"", 0, "name"});
  }
  accounts.set_password_hash(name, hash_password(password));
  accounts.record(AuditEntry{0, stamp.at, stamp.user, fmt::format("users passwd {}", name), 0});
}

void remove_account(Database& db, std::string_view name, const AuditStamp& stamp) {
  Accounts(db).remove(name);
  Accounts(db).record(AuditEntry{0, stamp.at, stamp.user, fmt::format("users remove {}", name), 0});
}

std::optional<NewSession> log_in(Database& db, std::string_view user, std::string_view password,
                                 long long now_s, const SessionSettings& settings) {
  Accounts accounts(db);
  const std::optional<Account> account =
      user.size() > 4 * kMaxAccountNameCodePoints ? std::nullopt : accounts.find(user);
  if (!account) {
    // Hash anyway, so that an unknown name takes as long as a wrong password.
    if (password.size() <= kMaxPasswordBytes) {
      char sink[crypto_pwhash_STRBYTES];
      init_sodium();
      (void)crypto_pwhash_str(sink, password.data(), password.size(),
                              crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE);
    }
    return std::nullopt;
  }
  if (!password_matches(accounts.password_hash(account->name), password)) return std::nullopt;
  accounts.remove_expired_sessions(now_s);
  NewSession s{*account, random_hex(32), random_hex(32), now_s + settings.lifetime_s};
  accounts.add_session(account->name, token_hash(s.token), s.csrf_token, s.expires_at_s);
  return s;
}

std::optional<StoredSession> find_session(Database& db, std::string_view token, long long now_s) {
  if (token.empty() || token.size() > 128) return std::nullopt;
  return Accounts(db).session(token_hash(token), now_s);
}

void log_out(Database& db, std::string_view token) {
  if (token.empty() || token.size() > 128) return;
  Accounts(db).remove_session(token_hash(token));
}

bool csrf_matches(std::string_view expected, std::string_view given) {
  if (expected.empty() || expected.size() != given.size()) return false;
  return sodium_memcmp(expected.data(), given.data(), expected.size()) == 0;
}

long long LoginThrottle::wait_s(Failures& failures, const std::string& key, size_t limit,
                                long long now_s) {
  const auto it = failures.find(key);
  if (it == failures.end()) return 0;
  std::deque<long long>& times = it->second;
  while (!times.empty() && times.front() + settings_.window_s <= now_s) times.pop_front();
  if (times.empty()) {
    failures.erase(it);
    return 0;
  }
  if (times.size() < limit) return 0;
  // The failure that has to age out before one more try is allowed.
  return times[times.size() - limit] + settings_.window_s - now_s;
}

long long LoginThrottle::retry_after_s(std::string_view account, std::string_view address,
                                       long long now_s) {
  std::lock_guard lock(mutex_);
  return std::max(wait_s(by_account_, lower(account), settings_.failures_per_account, now_s),
                  wait_s(by_address_, std::string(address), settings_.failures_per_address, now_s));
}

void LoginThrottle::failed(std::string_view account, std::string_view address, long long now_s) {
  std::lock_guard lock(mutex_);
  // Forget keys whose failures all aged out, so guessed names cannot fill the memory.
  if (by_account_.size() + by_address_.size() > 10000) {
    for (Failures* f : {&by_account_, &by_address_}) {
      std::erase_if(*f, [&](const auto& kv) {
        return kv.second.empty() || kv.second.back() + settings_.window_s <= now_s;
      });
    }
  }
  auto push = [&](std::deque<long long>& times, size_t limit) {
    times.push_back(now_s);
    // Only the newest `limit` failures decide when the next try is allowed.
    while (times.size() > limit) times.pop_front();
  };
  push(by_account_[lower(account)], settings_.failures_per_account);
  push(by_address_[std::string(address)], settings_.failures_per_address);
}

void LoginThrottle::succeeded(std::string_view account) {
  std::lock_guard lock(mutex_);
  by_account_.erase(lower(account));
}

}  // namespace baton
