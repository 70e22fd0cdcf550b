// Accounts, sessions, rights and the login throttle, with time given as numbers.
#include "baton/account_admin.h"

#include <gtest/gtest.h>

#include "workspace/riverside_workspace.h"

namespace baton {
namespace {

using testing::error_naming;

class AccountAdmin : public testing::RiversideWorkspace {
 protected:
  Database& db() { return ws.database(); }
  const AuditStamp stamp{"2026-04-01T16:00:00Z", "cli"};
};

TEST(Rights, EachRoleHoldsItsRights) {
  // Rows: kRead, kPlan, kOwnCards, kLogOwnDrills, kCompute, kWrite, kAccounts.
  const Right all[] = {Right::kRead,    Right::kPlan,  Right::kOwnCards, Right::kLogOwnDrills,
                       Right::kCompute, Right::kWrite, Right::kAccounts};
  const bool coach[] = {true, true, true, true, true, true, true};
  const bool assistant[] = {true, true, true, true, true, true, false};
  const bool athlete[] = {true, true, true, true, false, false, false};
  for (size_t i = 0; i < std::size(all); ++i) {
    EXPECT_EQ(has_right(Role::kCoach, all[i]), coach[i]) << i;
    EXPECT_EQ(has_right(Role::kAssistant, all[i]), assistant[i]) << i;
    EXPECT_EQ(has_right(Role::kAthlete, all[i]), athlete[i]) << i;
  }
}

TEST(Passwords, AreArgon2idHashesThatOnlyTheirPasswordMatches) {
  const std::string hash = hash_password("correct horse");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_TRUE(password_matches(hash, "correct horse"));
  EXPECT_FALSE(password_matches(hash, "correct horsE"));
  EXPECT_FALSE(password_matches(hash, ""));
  // A fresh salt each time.
  EXPECT_NE(hash_password("correct horse"), hash);
  EXPECT_NE(error_naming<ValidationError>("password", [] { hash_password("7 chars"); })
                .find("at least 8"),
            std::string::npos);
  error_naming<ValidationError>("password", [] { hash_password(std::string(1025, 'x')); });
}

TEST_F(AccountAdmin, SessionsOpenExpireAndClose) {
  add_account(db(), NewAccount{"Kay", Role::kCoach, "", "coach password"}, stamp);
  EXPECT_FALSE(log_in(db(), "Kay", "wrong password", 1000));
  EXPECT_FALSE(log_in(db(), "Nobody", "coach password", 1000));
  const auto s = log_in(db(), "kay", "coach password", 1000, SessionSettings{3600});
  ASSERT_TRUE(s);
  EXPECT_EQ(s->account.name, "Kay");
  EXPECT_EQ(s->token.size(), 64u);
  EXPECT_NE(s->token, s->csrf_token);
  EXPECT_EQ(s->expires_at_s, 4600);
  ASSERT_TRUE(find_session(db(), s->token, 4599));
  EXPECT_EQ(find_session(db(), s->token, 4599)->csrf_token, s->csrf_token);
  EXPECT_FALSE(find_session(db(), s->token, 4600));       // expired
  EXPECT_FALSE(find_session(db(), s->csrf_token, 2000));  // the CSRF token opens nothing
  log_out(db(), s->token);
  EXPECT_FALSE(find_session(db(), s->token, 2000));
}

TEST_F(AccountAdmin, AnAthleteAccountNamesItsRosterAthlete) {
  add_account(db(), NewAccount{"ava", Role::kAthlete, "ava brooks", "athlete password"}, stamp);
  EXPECT_EQ(Accounts(db()).find("AVA")->athlete, "Ava Brooks");
  const std::string message = error_naming<NotFoundError>("athlete", [&] {
    add_account(db(), NewAccount{"zz", Role::kAthlete, "Ava Brook", "athlete password"}, stamp);
  });
  EXPECT_NE(message.find("Ava Brooks"), std::string::npos) << message;
  error_naming<ValidationError>("athlete", [&] {
    add_account(db(), NewAccount{"Sam", Role::kCoach, "Ava Brooks", "coach password"}, stamp);
  });
  EXPECT_EQ(Accounts(db()).list().size(), 1u);
}

TEST_F(AccountAdmin, BadNamesAreRefused) {
  const std::vector<std::string> bad = {"",     " Kay", "Kay ", "K\x01y", std::string(81, 'k'),
                                        "K\xff"};
  for (const std::string& name : bad) {
    error_naming<ValidationError>("name", [&] {
      add_account(db(), NewAccount{name, Role::kCoach, "", "12345678"}, stamp);
    });
  }
  // 80 characters of two bytes each are allowed: the limit counts characters.
  std::string eighty;
  for (int i = 0; i < 80; ++i) eighty += "\xc3\xa9";
  add_account(db(), NewAccount{eighty, Role::kCoach, "", "12345678"}, stamp);
}

TEST(Throttle, WaitsUntilTheOldestCountedFailureLeavesTheWindow) {
  LoginThrottle t(ThrottleSettings{3, 5, 100});
  // Failures at t = 10, 20, 30 for "kay": the third reaches the limit of 3.
  for (const long long at : {10, 20, 30}) {
    EXPECT_EQ(t.retry_after_s("kay", "10.0.0.1", at), 0);
    t.failed("Kay", "10.0.0.1", at);
  }
  // At t = 40 the try must wait until the failure at 10 is 100 s old: 110 - 40 = 70 s.
  EXPECT_EQ(t.retry_after_s("KAY", "10.0.0.2", 40), 70);
  EXPECT_EQ(t.retry_after_s("kay", "10.0.0.2", 109), 1);
  EXPECT_EQ(t.retry_after_s("kay", "10.0.0.2", 110), 0);
  // Another account from the first address: that address has 3 of its 5.
  EXPECT_EQ(t.retry_after_s("sam", "10.0.0.1", 40), 0);
  t.failed("sam", "10.0.0.1", 41);
  t.failed("sam", "10.0.0.1", 42);
  // Five failures from 10.0.0.1 (10, 20, 30, 41, 42): any account waits for 10 + 100.
  EXPECT_EQ(t.retry_after_s("lee", "10.0.0.1", 50), 60);
  // A right password forgets the account's failures, not the address's.
  t.succeeded("kay");
  EXPECT_EQ(t.retry_after_s("kay", "10.0.0.3", 50), 0);
  EXPECT_EQ(t.retry_after_s("kay", "10.0.0.1", 50), 60);
}

TEST_F(AccountAdmin, TheAuditLogKeepsEveryChangeNewestFirst) {
  add_account(db(), NewAccount{"Kay", Role::kCoach, "", "coach password"}, stamp);
  change_password(db(), "Kay", "new coach password", stamp);
  add_account(db(), NewAccount{"Sam", Role::kAssistant, "", "assistant password"}, stamp);
  remove_account(db(), "Sam", stamp);
  const std::vector<AuditEntry> log = Accounts(db()).audit();
  ASSERT_EQ(log.size(), 4u);
  EXPECT_EQ(log[0].action, "users remove Sam");
  EXPECT_EQ(log[1].action, "users add Sam (assistant)");
  EXPECT_EQ(log[2].action, "users passwd Kay");
  EXPECT_EQ(log[3].action, "users add Kay (coach)");
  EXPECT_EQ(log[3].at, "2026-04-01T16:00:00Z");
  EXPECT_EQ(Accounts(db()).audit(1).size(), 1u);
}

}  // namespace
}  // namespace baton
