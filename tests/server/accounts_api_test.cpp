// Logins on `baton serve --auth`: sessions, the cookie, CSRF, the rights of each role,
// throttled wrong passwords, logout and the audit log; and a non-loopback host that refuses to
// start without a coach account and keeps checking the Host header.
#include <gtest/gtest.h>

#include <memory>
#include <regex>

#include "server/server_process.h"

namespace baton {
namespace {

using testing::HttpResponse;
using testing::read_file;
using testing::run_cli;
using testing::ServerProcess;
using testing::source_path;
using testing::TempDir;

struct Login {
  HttpResponse reply;
  std::string cookie;  ///< "baton_session=..." as a browser sends it back
  std::string csrf;
};

void add_user(const std::string& db, const std::string& name, const std::string& role,
              const std::string& password, const std::string& athlete = "") {
  std::vector<std::string> args = {"--db", db,       "users", "add",
                                   name,   "--role", role,    "--password-stdin"};
  if (!athlete.empty()) args.insert(args.end(), {"--athlete", athlete});
  const auto r = run_cli(args, password + "\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

Login log_in(const ServerProcess& s, const std::string& user, const std::string& password) {
  Login l;
  l.reply = s.send_json("POST", "/api/session",
                        nlohmann::json{{"user", user}, {"password", password}}.dump());
  if (l.reply.status == 200) {
    const std::string set = l.reply.header("set-cookie");
    l.cookie = set.substr(0, set.find(';'));
    l.csrf = l.reply.json()["csrf_token"];
  }
  return l;
}

// A request with the login's cookie and, unless `csrf` is false, its CSRF token.
HttpResponse as(const ServerProcess& s, const Login& l, const std::string& method,
                const std::string& target, const std::string& body = "", bool csrf = true) {
  std::vector<std::string> headers = {"Cookie: " + l.cookie};
  if (csrf) headers.push_back("X-CSRF-Token: " + l.csrf);
  return s.request(method, target, body, body.empty() ? "" : "application/json", headers);
}

constexpr const char* kAthleteBody = R"({"name": "New Runner", "sex": "F"})";

class Accounts : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto r =
        run_cli({"--db", db, "roster", "import", source_path("examples/riverside.toml")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    add_user(db, "Kay", "coach", "coach password");
    add_user(db, "Sam", "assistant", "assistant password");
    add_user(db, "ava", "athlete", "athlete password", "Ava Brooks");
    server = std::make_unique<ServerProcess>(db, std::vector<std::string>{"--auth"});
  }
  TempDir dir;
  std::string db = dir.file("team.db");
  std::unique_ptr<ServerProcess> server;
};

TEST_F(Accounts, LoginSetsAStrictHttpOnlyCookieAndAnswersRoleAndCsrfToken) {
  const Login l = log_in(*server, "Kay", "coach password");
  ASSERT_EQ(l.reply.status, 200) << l.reply.body;
  EXPECT_EQ(l.reply.json()["role"], "coach");
  EXPECT_EQ(l.reply.json()["csrf_token"].get<std::string>().size(), 64u);
  const std::string cookie = l.reply.header("set-cookie");
  EXPECT_TRUE(std::regex_search(cookie, std::regex("^baton_session=[0-9a-f]{64}; "))) << cookie;
  EXPECT_NE(cookie.find("; HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("; SameSite=Strict"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("; Max-Age=43200"), std::string::npos) << cookie;  // 12 h
  EXPECT_NE(cookie.find("; Path=/"), std::string::npos) << cookie;
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "plain HTTP: " << cookie;
  // Names are matched ignoring case; the answer spells the account as stored.
  EXPECT_EQ(log_in(*server, "KAY", "coach password").reply.json()["user"], "Kay");
  // Who am I.
  const auto me = as(*server, l, "GET", "/api/session");
  EXPECT_EQ(me.json()["user"], "Kay");
  EXPECT_EQ(me.json()["csrf_token"], l.csrf);
  // Only a hash of the cookie's token is stored.
  EXPECT_EQ(read_file(db).find(l.cookie.substr(l.cookie.find('=') + 1)), std::string::npos);
}

TEST_F(Accounts, WithoutASessionTheApiAnswers401AndTheAppItselfLoads) {
  EXPECT_EQ(server->get("/api/athletes").status, 401);
  EXPECT_EQ(server->get("/api/session").status, 401);
  EXPECT_EQ(server->get("/print/cards?event=4x100").status, 401);
  EXPECT_EQ(server->send_json("POST", "/api/athletes", kAthleteBody).status, 401);
  EXPECT_EQ(server->get("/").status, 200);
  EXPECT_EQ(server->get("/js/app.js").status, 200);
  // A wrong password and an unknown name get the same answer.
  const auto wrong = log_in(*server, "Kay", "not the password").reply;
  const auto unknown = log_in(*server, "Nobody", "not the password").reply;
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.body, unknown.body);
  // A forged cookie is no session.
  Login forged{{}, "baton_session=" + std::string(64, 'a'), std::string(64, 'b')};
  EXPECT_EQ(as(*server, forged, "GET", "/api/athletes").status, 401);
  // Headers naming a caller are the server's own: a client cannot send them.
  EXPECT_EQ(server
                ->request("GET", "/api/athletes", "", "",
                          {"X-Baton-Caller-User: Kay", "X-Baton-Caller-Role: coach"})
                .status,
            401);
}

TEST_F(Accounts, WritesNeedTheSessionsCsrfToken) {
  const Login l = log_in(*server, "Sam", "assistant password");
  ASSERT_EQ(l.reply.status, 200);
  auto r = as(*server, l, "POST", "/api/athletes", kAthleteBody, /*csrf=*/false);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.json()["field"], "X-CSRF-Token");
  Login wrong = l;
  wrong.csrf = std::string(64, '0');
  EXPECT_EQ(as(*server, wrong, "POST", "/api/athletes", kAthleteBody).status, 403);
  // Another session's token does not do either.
  const Login other = log_in(*server, "Kay", "coach password");
  wrong.csrf = other.csrf;
  EXPECT_EQ(as(*server, wrong, "POST", "/api/athletes", kAthleteBody).status, 403);
  EXPECT_EQ(as(*server, l, "GET", "/api/athletes/New%20Runner").status, 404);
  EXPECT_EQ(as(*server, l, "POST", "/api/athletes", kAthleteBody).status, 201);
  // Reads need no token.
  EXPECT_EQ(as(*server, l, "GET", "/api/athletes/New%20Runner", "", false).status, 200);
}

TEST_F(Accounts, EachRoleHasItsRights) {
  const Login coach = log_in(*server, "Kay", "coach password");
  const Login assistant = log_in(*server, "Sam", "assistant password");
  const Login athlete = log_in(*server, "ava", "athlete password");
  ASSERT_EQ(athlete.reply.status, 200);
  EXPECT_EQ(athlete.reply.json()["role"], "athlete");
  EXPECT_EQ(athlete.reply.json()["athlete"], "Ava Brooks");

  // The audit log is the coach's alone.
  EXPECT_EQ(as(*server, coach, "GET", "/api/audit").status, 200);
  EXPECT_EQ(as(*server, assistant, "GET", "/api/audit").status, 403);
  EXPECT_EQ(as(*server, athlete, "GET", "/api/audit").status, 403);

  // The assistant plans and changes the roster.
  const std::string lineup = R"({"event": "4x100", "sex": "F"})";
  EXPECT_EQ(as(*server, assistant, "POST", "/api/lineups", lineup).status, 200);
  EXPECT_EQ(as(*server, assistant, "DELETE", "/api/athletes/Ruby%20Patel").status, 200);

  // The athlete reads the roster and plans, but neither searches lineups nor writes.
  EXPECT_EQ(as(*server, athlete, "GET", "/api/athletes").status, 200);
  const std::string order =
      R"({"event": "4x100", "order": ["Ava Brooks", "Maya Johnson", "Zoe Carter", "Lily Nguyen"]})";
  EXPECT_EQ(as(*server, athlete, "POST", "/api/plans", order).status, 200);
  EXPECT_EQ(as(*server, athlete, "POST", "/api/lineups", lineup).status, 403);
  EXPECT_EQ(as(*server, athlete, "POST", "/api/athletes", kAthleteBody).status, 403);
  EXPECT_EQ(as(*server, athlete, "DELETE", "/api/athletes/Zoe%20Carter").status, 403);
  // Their own cards, not another relay's.
  EXPECT_EQ(as(*server, athlete, "POST", "/api/cards", order).status, 200);
  const std::string without =
      R"({"event": "4x100", "order": ["Harper Diaz", "Maya Johnson", "Zoe Carter", "Lily Nguyen"]})";
  EXPECT_EQ(as(*server, athlete, "POST", "/api/cards", without).status, 403);
  EXPECT_EQ(as(*server, coach, "POST", "/api/cards", without).status, 200);
  // Drills of pairs they run in, not others'.
  const std::string own =
      R"({"from": "Ava Brooks", "to": "Maya Johnson", "go_mark_m": 7.5, "exchange_at_m": 12})";
  const std::string others =
      R"({"from": "Zoe Carter", "to": "Maya Johnson", "go_mark_m": 7.5, "exchange_at_m": 12})";
  EXPECT_EQ(as(*server, athlete, "POST", "/api/practice", own).status, 201);
  EXPECT_EQ(as(*server, athlete, "POST", "/api/practice", others).status, 403);
  EXPECT_EQ(as(*server, athlete, "DELETE", "/api/practice/1").status, 403);
  const auto drills = as(*server, coach, "GET", "/api/practice").json()["drills"];
  ASSERT_EQ(drills.size(), 1u);
  EXPECT_EQ(drills[0]["from"], "Ava Brooks");
}

TEST_F(Accounts, LogoutEndsTheSession) {
  const Login l = log_in(*server, "Kay", "coach password");
  EXPECT_EQ(as(*server, l, "GET", "/api/athletes").status, 200);
  // Logging out is a write: without the token a foreign page cannot do it.
  EXPECT_EQ(as(*server, l, "DELETE", "/api/session", "", false).status, 403);
  const auto out = as(*server, l, "DELETE", "/api/session");
  EXPECT_EQ(out.status, 200);
  EXPECT_NE(out.header("set-cookie").find("baton_session=; Path=/; Max-Age=0"), std::string::npos)
      << out.header("set-cookie");
  EXPECT_EQ(as(*server, l, "GET", "/api/athletes").status, 401);
}

TEST_F(Accounts, ANewPasswordEndsTheAccountsSessions) {
  const Login l = log_in(*server, "Sam", "assistant password");
  ASSERT_EQ(as(*server, l, "GET", "/api/athletes").status, 200);
  const auto r =
      run_cli({"--db", db, "users", "passwd", "Sam", "--password-stdin"}, "brand new secret\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(as(*server, l, "GET", "/api/athletes").status, 401);
  EXPECT_EQ(log_in(*server, "Sam", "assistant password").reply.status, 401);
  EXPECT_EQ(log_in(*server, "Sam", "brand new secret").reply.status, 200);
}

TEST_F(Accounts, WrongPasswordsAreThrottledPerAccount) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(log_in(*server, "Kay", "guess " + std::to_string(i)).reply.status, 401);
  }
  // The sixth try waits, even with the right password: the window is 15 minutes from the
  // first of the five failures.
  const auto r = log_in(*server, "Kay", "coach password").reply;
  EXPECT_EQ(r.status, 429);
  const int wait = std::stoi(r.header("retry-after"));
  EXPECT_GT(wait, 880);
  EXPECT_LE(wait, 900);
  // Another account is not held up by them.
  EXPECT_EQ(log_in(*server, "Sam", "assistant password").reply.status, 200);
}

TEST_F(Accounts, WrongPasswordsAreThrottledPerAddress) {
  // Twenty wrong passwords for twenty different names from one address...
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(log_in(*server, "name" + std::to_string(i), "guess").reply.status, 401);
  }
  // ...and the next try from that address waits, whatever the account.
  const auto r = log_in(*server, "Sam", "assistant password").reply;
  EXPECT_EQ(r.status, 429);
  EXPECT_GT(std::stoi(r.header("retry-after")), 0);
}

TEST_F(Accounts, EveryWriteIsAudited) {
  const Login coach = log_in(*server, "Kay", "coach password");
  const Login athlete = log_in(*server, "ava", "athlete password");
  ASSERT_EQ(as(*server, coach, "POST", "/api/athletes", kAthleteBody).status, 201);
  ASSERT_EQ(as(*server, athlete, "DELETE", "/api/athletes/Zoe%20Carter").status, 403);
  const auto audit = as(*server, coach, "GET", "/api/audit").json()["audit"];
  // Newest first: the refused delete, the add, the two logins, then the command line's adds.
  ASSERT_GE(audit.size(), 4u);
  EXPECT_EQ(audit[0]["user"], "ava");
  EXPECT_EQ(audit[0]["action"], "DELETE /api/athletes/Zoe Carter");
  EXPECT_EQ(audit[0]["status"], 403);
  EXPECT_EQ(audit[1]["user"], "Kay");
  EXPECT_EQ(audit[1]["action"], "POST /api/athletes");
  EXPECT_EQ(audit[1]["status"], 201);
  EXPECT_TRUE(std::regex_match(audit[1]["at"].get<std::string>(),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
  EXPECT_EQ(audit[2]["action"], "log in");
  // The command line reads the same log.
  const auto cli = run_cli({"--db", db, "--json", "users", "audit", "--limit", "2"});
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_EQ(cli.json()["audit"][1]["action"], "POST /api/athletes");
}

TEST(ServeHost, AnyHostButLoopbackNeedsACoachAccount) {
  TempDir dir;
  const std::string db = dir.file("team.db");
  const auto r = run_cli({"--db", db, "serve", "--host", "0.0.0.0", "--port", "0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no coach account"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("baton --db " + db + " users add NAME --role coach"), std::string::npos)
      << r.err;
  EXPECT_EQ(run_cli({"--db", db, "serve", "--auth", "--port", "0"}).exit_code, 1);

  add_user(db, "Kay", "coach", "coach password");
  ServerProcess server(db, {"--host", "0.0.0.0"});
  EXPECT_EQ(server.get("/api/athletes").status, 401);  // a login on every address
  const Login l = log_in(server, "Kay", "coach password");
  ASSERT_EQ(l.reply.status, 200);
  EXPECT_EQ(as(server, l, "GET", "/api/athletes").status, 200);
  // Host checking stays on: a rebinding page's name is refused even with a session.
  EXPECT_EQ(
      server.request("GET", "/api/athletes", "", "", {"Host: evil.example", "Cookie: " + l.cookie})
          .status,
      403);

  // The terminal shows phones where to go, with a QR code of that address.
  std::string out;
  server.stop(&out);
  std::smatch m;
  if (out.find("No network address found") != std::string::npos) return;  // no network here
  ASSERT_TRUE(std::regex_search(out, m, std::regex(R"(join at (http://[0-9.]+:\d+/).*\n)"))) << out;
  const std::string url = m[1];
  std::vector<std::string> lines;
  for (std::string rest = m.suffix(); rest.find('\n') != std::string::npos;) {
    const std::string line = rest.substr(0, rest.find('\n'));
    rest.erase(0, line.size() + 1);
    // Every line starts in the light quiet zone: a full block, or an upper half on the last.
    if (line.rfind("\u2588", 0) != 0 && line.rfind("\u2580", 0) != 0) break;
    lines.push_back(line);
  }
  // http://A.B.C.D:PORT/ is 15 to 28 bytes: byte mode at level M fits 14 bytes in a version 1
  // symbol and 26 in version 2 (21 and 25 modules; ISO/IEC 18004 table 7), so version 2 or 3
  // (29 modules). With the 4-module quiet zone on each side, two rows per line.
  const size_t modules = url.size() <= 26 ? 25 : 29;
  const size_t width = modules + 8;
  ASSERT_EQ(lines.size(), (width + 1) / 2) << out;
  auto cells = [](const std::string& line) {  // one glyph per module column
    std::vector<std::string> out;
    for (size_t i = 0; i < line.size();) {
      const size_t n = line[i] == ' ' ? 1 : 3;  // a blank, or a three-byte block
      out.push_back(line.substr(i, n));
      i += n;
    }
    return out;
  };
  for (const auto& line : lines) ASSERT_EQ(cells(line).size(), width) << line;
  // Rows 0-3 are quiet zone (light: full blocks). Line 2 holds rows 4 and 5: the top edge of
  // the finder pattern (7 dark modules) over its second row (dark, 5 light, dark), drawn dark =
  // blank: " ", then five lower half blocks, then " ".
  const auto row45 = cells(lines[2]);
  EXPECT_EQ(cells(lines[0])[10], "\u2588");
  EXPECT_EQ(row45[4], " ");
  for (int c = 5; c <= 9; ++c) EXPECT_EQ(row45[c], "\u2584") << c;
  EXPECT_EQ(row45[10], " ");
}

TEST(ServeHost, LoopbackWithoutAuthNeedsNoLogin) {
  TempDir dir;
  ServerProcess server(dir.file("team.db"));
  EXPECT_EQ(server.get("/api/athletes").status, 200);
  EXPECT_EQ(server.get("/api/session").json()["auth"], false);
  // Writes are audited as coming without a login.
  ASSERT_EQ(server.send_json("POST", "/api/athletes", kAthleteBody).status, 201);
  const auto audit = server.get("/api/audit").json()["audit"];
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0]["user"], "no login");
}

}  // namespace
}  // namespace baton
