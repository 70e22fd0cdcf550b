// baton cards: writes one page with a card per runner.
#include <gtest/gtest.h>

#include "report/html_check.h"
#include "support/run_cli.h"

namespace baton {
namespace {

using testing::read_file;
using testing::run_cli;
using testing::source_path;
using testing::TempDir;

TEST(CardsCli, WritesACardForEveryRunner) {
  TempDir dir;
  const std::string html = dir.file("cards.html");
  const auto r = run_cli({"--json", "cards", "--team", source_path("examples/riverside.toml"),
                          "--event", "4x100", "--order",
                          "Maya Johnson,Ava Brooks,Zoe Carter,Lily Nguyen", "--html", html});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["cards"].size(), 4u);
  const std::string page = read_file(html);
  for (const char* name : {"Maya Johnson", "Ava Brooks", "Zoe Carter", "Lily Nguyen"}) {
    EXPECT_NE(page.find(std::string("<h2>") + name + "</h2>"), std::string::npos) << name;
  }
  EXPECT_EQ(testing::check_balanced(page), "");
  EXPECT_EQ(testing::check_self_contained(page), "");
}

TEST(CardsCli, UnwritableFileIsAnError) {
  const auto r = run_cli({"cards", "--team", source_path("examples/riverside.toml"), "--event",
                          "4x100", "--order", "Maya Johnson,Ava Brooks,Zoe Carter,Lily Nguyen",
                          "--html", "/nonexistent-dir/cards.html"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("could not write"), std::string::npos);
}

}  // namespace
}  // namespace baton
