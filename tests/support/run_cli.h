// Runs the built `baton` binary from a test and captures what it printed.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace baton::testing {

struct CliResult {
  int exit_code = -1;
  std::string out;  ///< stdout
  std::string err;  ///< stderr
  /// stdout parsed as JSON (fails the calling test via exception when it is not JSON).
  nlohmann::json json() const { return nlohmann::json::parse(out); }
};

/// Runs BATON_BINARY with `args` (no shell involved), optional `stdin_text`, and waits.
CliResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text = "");

/// A fresh temporary directory, removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  /// path() + "/" + name
  std::string file(const std::string& name) const { return path_ + "/" + name; }
  /// Writes `text` to file(name) and returns its path.
  std::string write(const std::string& name, const std::string& text) const;

 private:
  std::string path_;
};

/// The whole file at `path`, as bytes; empty when it cannot be read.
std::string read_file(const std::string& path);

/// BATON_SOURCE_DIR + "/" + relative
std::string source_path(const std::string& relative);

}  // namespace baton::testing
