#include "server/server_process.h"

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <regex>
#include <stdexcept>

#include "support/loopback_socket.h"

extern char** environ;

namespace baton::testing {

ServerProcess::ServerProcess(std::string db, std::vector<std::string> extra) : db_(std::move(db)) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  std::vector<std::string> args = {BATON_BINARY, "--db", db_, "serve", "--port", "0"};
  args.insert(args.end(), extra.begin(), extra.end());
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const int rc = posix_spawn(&pid_, BATON_BINARY, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  out_fd_ = pipe_fds[0];
  if (rc != 0) throw std::runtime_error("cannot start baton serve");

  // Loopback, or every address (--host 0.0.0.0): either way 127.0.0.1 reaches it.
  const std::regex url(R"(https?://(?:127\.0\.0\.1|0\.0\.0\.0):(\d+)/)");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  std::smatch m;
  while (!std::regex_search(out_, m, url)) {
    pollfd p{out_fd_, POLLIN, 0};
    if (std::chrono::steady_clock::now() > deadline || poll(&p, 1, 100) < 0) {
      throw std::runtime_error("baton serve printed no URL: " + out_);
    }
    char buf[512];
    if (p.revents & (POLLIN | POLLHUP)) {
      const ssize_t n = read(out_fd_, buf, sizeof buf);
      if (n <= 0) throw std::runtime_error("baton serve exited: " + out_);
      out_.append(buf, static_cast<size_t>(n));
    }
  }
  port_ = std::stoi(m[1]);
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) stop();
}

int ServerProcess::stop(std::string* stdout_text) {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  // The server finishes requests in flight and exits; one that has not closed its output after
  // 15 s is stuck: it is killed (so the suite goes on) and the exit status says so (137).
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  char buf[512];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    pollfd p{out_fd_, POLLIN, 0};
    if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) == 0) {
      kill(pid_, SIGKILL);
      out_ += "\n[the server did not stop within 15 s of SIGTERM: killed]\n";
      std::fprintf(stderr, "baton serve did not stop within 15 s of SIGTERM: killed\n");
      break;
    }
    const ssize_t n = read(out_fd_, buf, sizeof buf);
    if (n <= 0) break;
    out_.append(buf, static_cast<size_t>(n));
  }
  close(out_fd_);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  if (stdout_text) *stdout_text = out_;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

HttpResponse ServerProcess::request(const std::string& method, const std::string& target,
                                    const std::string& body, const std::string& content_type,
                                    const std::vector<std::string>& headers) const {
  const int fd = connect_loopback(port_);
  if (fd < 0) throw std::runtime_error("cannot connect to baton serve");
  std::string head = method + " " + target + " HTTP/1.1\r\n";
  const bool has_host = std::any_of(headers.begin(), headers.end(),
                                    [](const std::string& h) { return h.rfind("Host:", 0) == 0; });
  if (!has_host) head += "Host: 127.0.0.1:" + std::to_string(port_) + "\r\n";
  for (const std::string& h : headers) head += h + "\r\n";
  if (!content_type.empty()) head += "Content-Type: " + content_type + "\r\n";
  const bool declares_length =
      std::any_of(headers.begin(), headers.end(),
                  [](const std::string& h) { return h.rfind("Content-Length:", 0) == 0; });
  if (!declares_length && (!body.empty() || method == "POST" || method == "PUT")) {
    head += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  head += "Connection: close\r\n\r\n";
  send_all(fd, head + body);  // the server may answer (413) before reading everything
  const std::string raw = read_until_closed(fd);
  close(fd);

  HttpResponse r;
  const size_t end = raw.find("\r\n\r\n");
  if (raw.rfind("HTTP/1.1 ", 0) != 0 || end == std::string::npos) {
    throw std::runtime_error("not an HTTP response: " + raw.substr(0, 200));
  }
  r.status = std::stoi(raw.substr(9, 3));
  size_t line = raw.find("\r\n") + 2;
  while (line < end) {
    const size_t eol = raw.find("\r\n", line);
    const std::string h = raw.substr(line, eol - line);
    const size_t colon = h.find(':');
    std::string name = h.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    r.headers[name] = h.substr(h.find_first_not_of(' ', colon + 1));
    line = eol + 2;
  }
  r.body = raw.substr(end + 4);
  return r;
}

}  // namespace baton::testing
