// A CLI test with its own database holding the example team.
#pragma once

#include <gtest/gtest.h>

#include "support/cli_database.h"

namespace baton::testing {

/// Imports examples/riverside.toml into a fresh database in a temporary directory before each
/// test; baton(args) runs the CLI on that database.
class ExampleRosterTest : public DatabaseCliTest {
 protected:
  void SetUp() override {
    ASSERT_EQ(baton({"roster", "import", source_path("examples/riverside.toml")}).exit_code, 0);
  }
};

}  // namespace baton::testing
