// A workspace on a fresh database holding examples/riverside.toml, for the use-case tests.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "baton/error.h"
#include "baton/roster_admin.h"
#include "baton/team_file.h"
#include "baton/workspace.h"
#include "support/run_cli.h"

namespace baton::testing {

class RiversideWorkspace : public ::testing::Test {
 protected:
  void SetUp() override { import_roster(ws, load_team(source_path("examples/riverside.toml"))); }
  TempDir dir;
  Workspace ws = Workspace::open_database(dir.file("team.db"));
};

/// Runs `f`, expecting an error of type E naming `field`; returns its message.
template <typename E, typename F>
std::string error_naming(const std::string& field, F&& f) {
  try {
    f();
  } catch (const E& e) {
    EXPECT_EQ(e.where().field, field) << e.what();
    return e.message();
  } catch (const std::exception& e) {
    ADD_FAILURE() << "wrong error type: " << e.what();
    return "";
  }
  ADD_FAILURE() << "no error naming " << field;
  return "";
}

}  // namespace baton::testing
