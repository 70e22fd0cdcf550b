// Hostile and heavy requests `baton serve` survives: oversized chunked bodies, foreign Host
// headers on any address, slow clients, big --data-binary imports, huge bad inputs, names with
// a slash, out-of-range numbers and a database another writer holds.
#include <gtest/gtest.h>
#include <poll.h>

#include <chrono>
#include <thread>

#include "baton/store.h"
#include "server/server_process.h"
#include "support/loopback_socket.h"

namespace baton {
namespace {

using testing::connect_loopback;
using testing::ExampleServerTest;
using testing::read_status;
using testing::send_all;
using testing::ServerProcess;
using testing::TempDir;
using Clock = std::chrono::steady_clock;

class Hardening : public ::testing::Test {
 protected:
  TempDir dir;
  ServerProcess server{dir.file("team.db")};
};

TEST_F(Hardening, AGibibyteChunkedBodyIs413BeforeMuchOfItIsRead) {
  const int fd = connect_loopback(server.port());
  ASSERT_GE(fd, 0);
  send_all(fd,
           "POST /api/import?format=toml HTTP/1.1\r\nHost: 127.0.0.1\r\n"
           "Transfer-Encoding: chunked\r\n\r\n");
  // 16384 chunks of 64 KiB would be 1 GiB; the reply must come long before.
  const std::string chunk = "10000\r\n" + std::string(65536, 'x') + "\r\n";
  size_t sent = 0;
  std::string reply;
  const auto until = Clock::now() + std::chrono::seconds(20);
  while (sent < (1ull << 30) && Clock::now() < until &&
         reply.find("\r\n\r\n") == std::string::npos) {
    pollfd p{fd, POLLIN | POLLOUT, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    if (p.revents & POLLIN) {
      char buf[4096];
      const ssize_t n = recv(fd, buf, sizeof buf, 0);
      if (n <= 0) break;
      reply.append(buf, static_cast<size_t>(n));
    } else if (p.revents & POLLOUT) {
      const ssize_t n = send(fd, chunk.data(), chunk.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0) sent += static_cast<size_t>(n);
    }
  }
  close(fd);
  EXPECT_EQ(reply.rfind("HTTP/1.1 413", 0), 0u) << reply.substr(0, 200);
  // The limit is 1 MiB; what was sent beyond it sat in socket buffers, not in the server.
  EXPECT_LT(sent, 64ull << 20);
  EXPECT_EQ(server.get("/api/athletes").status, 200);
}

TEST_F(Hardening, ChunkedBodiesUnderTheLimitAreRead) {
  const int fd = connect_loopback(server.port());
  ASSERT_GE(fd, 0);
  send_all(fd,
           "POST /api/athletes HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
           "d\r\n{\"name\": \"Ann\r\n12\r\n Lee\", \"sex\": \"F\"}\r\n0\r\n\r\n");
  EXPECT_EQ(read_status(fd, std::chrono::seconds(5)), 201);
  close(fd);
  EXPECT_EQ(server.get("/api/athletes/Ann%20Lee").status, 200);
}

TEST_F(Hardening, BadFramingAndHugeHeadersAreRefused) {
  // Both framings at once (request smuggling): 400.
  auto r = server.request("POST", "/api/athletes", "{}", "application/json",
                          {"Transfer-Encoding: chunked"});
  EXPECT_EQ(r.status, 400);
  // 100 KB of header lines: 431.
  std::vector<std::string> many;
  for (int i = 0; i < 1000; ++i)
    many.push_back("X-Filler-" + std::to_string(i) + ": " + std::string(100, 'a'));
  EXPECT_EQ(server.request("GET", "/api/athletes", "", "", many).status, 431);
  EXPECT_EQ(server.get("/api/athletes").status, 200);
}

TEST(HostCheck, AForeignHostIsRefusedOnEveryAddress) {
  TempDir dir;
  // Any address but loopback needs a login, and so a coach account.
  ASSERT_EQ(testing::run_cli({"--db", dir.file("team.db"), "users", "add", "Kay", "--role", "coach",
                              "--password-stdin"},
                             "coach password\n")
                .exit_code,
            0);
  ServerProcess server(dir.file("team.db"), {"--host", "0.0.0.0", "--allowed-host", "Coach.Local"});
  const auto login =
      server.send_json("POST", "/api/session", R"({"user": "Kay", "password": "coach password"})");
  ASSERT_EQ(login.status, 200) << login.body;
  const std::string set_cookie = login.header("set-cookie");
  const std::string cookie = "Cookie: " + set_cookie.substr(0, set_cookie.find(';'));
  auto r = server.request("GET", "/api/athletes", "", "", {"Host: evil.example", cookie});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.json()["field"], "Host");
  r = server.request("POST", "/api/import?format=toml", "name = 'X'\n", "text/plain",
                     {"Host: evil.example:" + std::to_string(server.port()), cookie});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(server.request("GET", "/", "", "", {"Host: evil.example"}).status, 403);
  // Loopback names, the address the request came in on, and the allowed names are fine.
  EXPECT_EQ(server.request("GET", "/api/athletes", "", "", {"Host: localhost", cookie}).status,
            200);
  EXPECT_EQ(server.request("GET", "/api/athletes", "", "", {cookie}).status,
            200);  // Host: 127.0.0.1:PORT
  EXPECT_EQ(
      server.request("GET", "/api/athletes", "", "", {"Host: coach.local:8080", cookie}).status,
      200);
  // No Host header at all is refused too.
  EXPECT_EQ(server.request("GET", "/api/athletes", "", "", {"Host:", cookie}).status, 403);
}

TEST_F(Hardening, SlowClientsDoNotDelayOthers) {
  // Twenty clients that send a request line and then one header line at a time, slowly.
  std::vector<int> slow;
  for (int i = 0; i < 20; ++i) {
    const int fd = connect_loopback(server.port());
    ASSERT_GE(fd, 0);
    send_all(fd, "GET /api/athletes HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    slow.push_back(fd);
  }
  for (int round = 0; round < 3; ++round) {
    for (int fd : slow) send_all(fd, "X-Slow: " + std::to_string(round) + "\r\n");
    const auto t0 = Clock::now();
    EXPECT_EQ(server.get("/api/athletes").status, 200);
    EXPECT_LT(Clock::now() - t0, std::chrono::seconds(1)) << "round " << round;
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
  }
  for (int fd : slow) close(fd);
}

TEST_F(Hardening, ASlowRequestIsAnswered408) {
  const int fd = connect_loopback(server.port());
  ASSERT_GE(fd, 0);
  send_all(fd, "GET /api/athletes HTTP/1.1\r\n");
  // Never finished: the server gives up after its request timeout (10 s).
  EXPECT_EQ(read_status(fd, std::chrono::seconds(15)), 408);
  close(fd);
}

TEST_F(Hardening, CurlDataBinaryImportsOfTwentyKilobytesAreAccepted) {
  // curl --data-binary @team.toml sends application/x-www-form-urlencoded by default.
  std::string toml = testing::read_file(testing::source_path("examples/riverside.toml"));
  while (toml.size() < 20000) toml += "# a coach's notes on the squad, kept in the file\n";
  const auto r =
      server.request("POST", "/api/import?format=toml", toml, "application/x-www-form-urlencoded");
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_GT(r.json()["added"].get<int>(), 0);
}

TEST_F(Hardening, ErrorRepliesDoNotEchoHugeInputs) {
  const std::string huge(900000, 'Z');
  const auto r = server.request("GET", "/api/athletes/" + std::string(8000, 'Q'));
  EXPECT_LT(r.body.size(), 2048u) << r.body.size();
  const auto lineup = server.send_json("POST", "/api/lineups", R"({"event": ")" + huge + R"("})");
  EXPECT_EQ(lineup.status / 100, 4);
  EXPECT_LT(lineup.body.size(), 2048u);
  EXPECT_TRUE(lineup.json()["error"].is_string());
  const auto add =
      server.send_json("POST", "/api/athletes", R"({"name": "Ann", "sex": ")" + huge + R"("})");
  EXPECT_EQ(add.status, 400);
  EXPECT_LT(add.body.size(), 2048u);
}

TEST_F(Hardening, ANameWithASlashCanBeReadEditedAndDeleted) {
  ASSERT_EQ(
      server.send_json("POST", "/api/athletes", R"({"name": "Smith/Jones", "sex": "F"})").status,
      201);
  auto r = server.get("/api/athletes/Smith%2FJones");
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["name"], "Smith/Jones");
  r = server.send_json("PUT", "/api/athletes/Smith%2FJones", R"({"name": "Smith/Jones-Lee"})");
  EXPECT_EQ(r.status, 200) << r.body;
  r = server.request("DELETE", "/api/athletes/Smith%2FJones-Lee");
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(server.get("/api/athletes").json()["athletes"].empty());
}

TEST_F(Hardening, AWriteWaitsForAnotherWritersLock) {
  // Another program holds the write lock for a second; the request waits, then succeeds.
  Database other = Database::open(server.db());
  std::thread holder([&] {
    other.transaction([] { std::this_thread::sleep_for(std::chrono::milliseconds(1000)); });
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const auto t0 = Clock::now();
  const auto r = server.send_json("POST", "/api/athletes", R"({"name": "Ann Lee", "sex": "F"})");
  const auto waited = Clock::now() - t0;
  holder.join();
  EXPECT_EQ(r.status, 201) << r.body;
  EXPECT_GT(waited, std::chrono::milliseconds(500));
}

TEST_F(Hardening, KeptAliveConnectionsServeSeveralRequests) {
  const int fd = connect_loopback(server.port());
  ASSERT_GE(fd, 0);
  std::string raw;
  // Reads until `n` replies have begun (each answer to GET /api/athletes ends in "}").
  auto replies = [&](size_t n) {
    auto count = [&] {
      size_t k = 0;
      for (size_t p = raw.find("HTTP/1.1 200"); p != std::string::npos;
           p = raw.find("HTTP/1.1 200", p + 1)) {
        ++k;
      }
      return k;
    };
    const auto until = Clock::now() + std::chrono::seconds(5);
    while ((count() < n || raw.back() != '}') && Clock::now() < until) {
      pollfd p{fd, POLLIN, 0};
      if (poll(&p, 1, 50) <= 0) continue;
      char buf[4096];
      const ssize_t got = recv(fd, buf, sizeof buf, 0);
      if (got <= 0) break;
      raw.append(buf, static_cast<size_t>(got));
    }
    return count();
  };
  // Two requests in one write (pipelined), then a third on the same connection.
  const std::string get = "GET /api/athletes HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  send_all(fd, get + get);
  EXPECT_EQ(replies(2), 2u);
  send_all(fd, get);
  EXPECT_EQ(replies(3), 3u);
  close(fd);
}

class HardeningWithTeam : public ExampleServerTest {};

TEST_F(HardeningWithTeam, AnExchangeNumberOutOfIntRangeIsABadRequest) {
  const auto athletes = server.get("/api/athletes").json()["athletes"];
  const std::string a = athletes[0]["name"], b = athletes[1]["name"];
  auto enc = [](std::string s) {
    std::string out;
    for (char c : s) out += c == ' ' ? std::string("%20") : std::string(1, c);
    return out;
  };
  for (const char* exchange : {"-2147483648", "0", "-1"}) {
    const auto r = server.get("/api/practice/report?exchange=" + std::string(exchange) +
                              "&from=" + enc(a) + "&to=" + enc(b));
    EXPECT_EQ(r.status, 400) << exchange << ": " << r.body;
    EXPECT_EQ(r.json()["field"], "exchange") << exchange;
  }
  EXPECT_EQ(server.get("/api/practice/report?exchange=2147483648&from=" + enc(a) + "&to=" + enc(b))
                .status,
            400);
}

}  // namespace
}  // namespace baton
