// Checking where an error points: the file, line and field a user is told to fix.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "baton/error.h"

namespace baton::testing {

/// Expects `f` to throw an Error whose location is exactly file:line: field and whose message
/// holds `fragment`.
template <typename F>
void expect_error_at(F f, const std::string& file, int line, const std::string& field,
                     const std::string& fragment) {
  try {
    f();
    ADD_FAILURE() << "no error for " << fragment;
  } catch (const Error& e) {
    EXPECT_EQ(e.where().file, file) << e.what();
    EXPECT_EQ(e.where().line, line) << e.what();
    EXPECT_EQ(e.where().field, field) << e.what();
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
  }
}

}  // namespace baton::testing
