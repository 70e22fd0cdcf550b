// A CLI test with its own database: a fresh file in a temporary directory for each test.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/run_cli.h"

namespace baton::testing {

/// baton(args) runs the CLI with `--db` on `db`, a database file in `dir` that does not exist
/// until a command creates it.
class DatabaseCliTest : public ::testing::Test {
 protected:
  CliResult baton(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", db});
    return run_cli(args);
  }
  TempDir dir;
  std::string db = dir.file("team.db");
};

}  // namespace baton::testing
