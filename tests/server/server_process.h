// Runs `baton serve` on a free localhost port for a test, and speaks raw HTTP/1.1 to it (so a
// test controls every byte of the request line, including "..", encoded paths and bad bodies).
#pragma once

#include <gtest/gtest.h>
#include <sys/types.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/run_cli.h"

namespace baton::testing {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  ///< names in lower case
  std::string body;
  nlohmann::json json() const { return nlohmann::json::parse(body); }
  std::string header(const std::string& lower_name) const {
    const auto it = headers.find(lower_name);
    return it == headers.end() ? "" : it->second;
  }
};

class ServerProcess {
 public:
  /// Starts `baton --db DB serve --port 0 extra...` and waits for its URL.
  explicit ServerProcess(std::string db, std::vector<std::string> extra = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  const std::string& db() const { return db_; }

  /// Sends one request (Connection: close) and reads the whole answer. `headers` are extra
  /// "Name: value" lines; a Host header is added unless one is given.
  HttpResponse request(const std::string& method, const std::string& target,
                       const std::string& body = "", const std::string& content_type = "",
                       const std::vector<std::string>& headers = {}) const;
  HttpResponse get(const std::string& target) const { return request("GET", target); }
  HttpResponse send_json(const std::string& method, const std::string& target,
                         const std::string& body) const {
    return request(method, target, body, "application/json");
  }

  /// Sends SIGTERM and waits; returns the exit code and everything printed on stdout.
  int stop(std::string* stdout_text = nullptr);

 private:
  std::string db_;
  pid_t pid_ = -1;
  int out_fd_ = -1;
  int port_ = 0;
  std::string out_;
};

/// A server on a fresh database holding the example team (examples/riverside.toml, imported
/// through the API); post(path, body) sends it JSON; cli(args) runs `baton --db DB --json args`
/// on the same database.
class ExampleServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto r = server.request("POST", "/api/import?format=toml",
                                  read_file(source_path("examples/riverside.toml")), "text/plain");
    ASSERT_EQ(r.status, 200) << r.body;
  }
  /// POSTs a JSON body to `path`.
  HttpResponse post(const std::string& path, const std::string& body) {
    return server.send_json("POST", path, body);
  }
  nlohmann::json cli(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", server.db(), "--json"});
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.json();
  }
  TempDir dir;
  ServerProcess server{dir.file("team.db")};
};

}  // namespace baton::testing
