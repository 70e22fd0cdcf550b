// What `baton serve` refuses: files outside the web app, oversized bodies, foreign hosts and
// cross-site writes; and how it starts and stops.
#include <gtest/gtest.h>

#include "server/server_process.h"

namespace baton {
namespace {

using testing::ServerProcess;
using testing::TempDir;

class Safety : public ::testing::Test {
 protected:
  TempDir dir;
  ServerProcess server{dir.file("team.db")};
};

TEST_F(Safety, TheAppIsServedWithSecurityHeadersAndContentTypes) {
  const struct {
    const char* path;
    const char* type;
  } files[] = {{"/", "text/html; charset=utf-8"},
               {"/index.html", "text/html; charset=utf-8"},
               {"/style.css", "text/css; charset=utf-8"},
               {"/js/app.js", "text/javascript; charset=utf-8"},
               {"/favicon.svg", "image/svg+xml"},
               // The installable app: its manifest and service worker, at the root's scope.
               {"/manifest.webmanifest", "application/manifest+json"},
               {"/sw.js", "text/javascript; charset=utf-8"}};
  for (const auto& f : files) {
    const auto r = server.get(f.path);
    EXPECT_EQ(r.status, 200) << f.path;
    EXPECT_EQ(r.header("content-type"), f.type) << f.path;
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff") << f.path;
    EXPECT_EQ(r.header("content-security-policy").rfind("default-src 'self'", 0), 0u) << f.path;
  }
  EXPECT_NE(server.get("/").body.find("<nav"), std::string::npos);
  EXPECT_NE(server.get("/").body.find("<link rel=\"manifest\" href=\"/manifest.webmanifest\">"),
            std::string::npos);
  const auto manifest = nlohmann::json::parse(server.get("/manifest.webmanifest").body);
  EXPECT_EQ(manifest["start_url"], "/#/roster");
  EXPECT_EQ(manifest["display"], "standalone");
  // API answers carry the same headers.
  EXPECT_EQ(server.get("/api/athletes").header("x-content-type-options"), "nosniff");
}

TEST_F(Safety, NothingOutsideTheEmbeddedFilesIsServed) {
  const char* paths[] = {"/../etc/passwd",
                         "/../../../../etc/passwd",
                         "/%2e%2e/%2e%2e/etc/passwd",
                         "/%2E%2E/%2E%2E/etc/passwd",
                         "/js/../../CMakeLists.txt",
                         "/js/%2e%2e/%2e%2e/CMakeLists.txt",
                         "/..%2f..%2fetc%2fpasswd",
                         "//etc/passwd",
                         "/%2fetc%2fpasswd",
                         "/etc/passwd",
                         "/web/index.html",
                         "/index.html%00.png",
                         "/.git/config",
                         "/CMakeLists.txt"};
  for (const char* path : paths) {
    const auto r = server.get(path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_EQ(r.body.find("root:"), std::string::npos) << path;
    EXPECT_EQ(r.body.find("cmake_minimum_required"), std::string::npos) << path;
  }
  // An absolute URL in the request line is not a way out either.
  EXPECT_NE(server.get("file:///etc/passwd").status, 200);
}

TEST_F(Safety, UnknownApiRoutesAnswerJson404) {
  const auto r = server.get("/api/lineups");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8");
  EXPECT_TRUE(r.json()["error"].is_string());
  EXPECT_EQ(server.request("DELETE", "/api/athletes").status, 404);
}

TEST_F(Safety, BodiesOverOneMebibyteAre413) {
  // Declared too large: refused without reading it.
  auto r = server.request("POST", "/api/import?format=toml", "x", "text/plain",
                          {"Content-Length: 2000000"});
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.json()["error"], "the request body is too large");
  // Actually sent, just over the limit.
  r = server.request("POST", "/api/import?format=toml", std::string((1u << 20) + 1, '#'));
  EXPECT_EQ(r.status, 413);
  // Just under the limit is read and parsed (a TOML file of comments holds no team).
  r = server.request("POST", "/api/import?format=toml", std::string((1u << 20) - 16, '#'));
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_TRUE(server.get("/api/athletes").json()["athletes"].empty());
}

TEST_F(Safety, ForeignHostsAndCrossSiteWritesAre403) {
  // DNS rebinding: a page on another name that resolves to 127.0.0.1.
  auto r = server.request("GET", "/api/athletes", "", "", {"Host: attacker.example"});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.json()["field"], "Host");
  EXPECT_EQ(server.request("GET", "/", "", "", {"Host: localhost:1234"}).status, 200);
  // A form or fetch from another site.
  const std::string body = R"({"name": "Evil Runner", "sex": "F"})";
  r = server.request("POST", "/api/athletes", body, "application/json",
                     {"Origin: http://attacker.example"});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.json()["field"], "Origin");
  const std::string self = "Origin: http://127.0.0.1:" + std::to_string(server.port());
  EXPECT_EQ(server.request("POST", "/api/athletes", body, "application/json", {self}).status, 201);
}

TEST_F(Safety, StopsCleanlyOnSigterm) {
  ASSERT_EQ(server.get("/api/athletes").status, 200);
  std::string out;
  EXPECT_EQ(server.stop(&out), 0);
  EXPECT_NE(out.find("Baton is serving http://127.0.0.1:"), std::string::npos) << out;
  EXPECT_NE(out.find("Baton stopped"), std::string::npos) << out;
}

TEST(ServeCommand, APortInUseIsAClearError) {
  TempDir dir;
  ServerProcess first(dir.file("team.db"));
  const auto r = testing::run_cli(
      {"--db", dir.file("team.db"), "serve", "--port", std::to_string(first.port())});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("cannot listen on 127.0.0.1:" + std::to_string(first.port())),
            std::string::npos)
      << r.err;
}

TEST(ServeCommand, ABadPortOrDatabaseFailsBeforeServing) {
  TempDir dir;
  EXPECT_EQ(testing::run_cli({"--db", dir.file("t.db"), "serve", "--port", "70000"}).exit_code, 2);
  const std::string not_db = dir.write("notes.db", "these are not SQLite pages\n");
  const auto r = testing::run_cli({"--db", not_db, "serve", "--port", "0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out.find("Baton is serving"), std::string::npos);
}

}  // namespace
}  // namespace baton
