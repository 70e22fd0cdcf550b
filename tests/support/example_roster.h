// A CLI test with its own database holding the example team.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/run_cli.h"

namespace baton::testing {

/// Imports examples/riverside.toml into a fresh database in a temporary directory before each
/// test; baton(args) runs the CLI on that database.
class ExampleRosterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(baton({"roster", "import", source_path("examples/riverside.toml")}).exit_code, 0);
  }
  CliResult baton(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", db});
    return run_cli(args);
  }
  TempDir dir;
  std::string db = dir.file("team.db");
};

}  // namespace baton::testing
