// The report and the cards render in a real browser (Debian's headless chromium): a non-trivial
// screenshot is written. Fails, never skips, when chromium is missing: install it with
// scripts/install-deps.sh --browser.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

#include "support/run_cli.h"

namespace baton {
namespace {

using testing::run_cli;
using testing::source_path;
using testing::TempDir;

std::string chromium() {
  for (const char* path : {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
    if (std::ifstream(path).good()) return path;
  }
  return "";
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Screenshots `html` at 1000 x 1400 px (or `width` wide) and returns the PNG bytes.
std::string screenshot(const TempDir& dir, const std::string& html, int width = 1000) {
  const std::string browser = chromium();
  if (browser.empty()) {
    ADD_FAILURE() << "chromium is not installed: the render check needs Debian's chromium "
                     "(scripts/install-deps.sh --browser)";
    return "";
  }
  const std::string png = html + ".png";
  const std::string cmd =
      browser +
      " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
      "--disable-background-networking --disable-component-update --disable-sync "
      "--user-data-dir=" +
      dir.file("profile") + " --screenshot=" + png + " --window-size=" + std::to_string(width) +
      ",1400 file://" + html + " >" + dir.file("chromium.log") + " 2>&1";
  const int rc = std::system(cmd.c_str());
  EXPECT_EQ(rc, 0) << read(dir.file("chromium.log"));
  return read(png);
}

void expect_png(const std::string& png, unsigned width) {
  ASSERT_GT(png.size(), 20000u) << "screenshot missing or nearly empty";
  EXPECT_EQ(png.substr(1, 3), "PNG");
  // IHDR width, big-endian at byte 16.
  const unsigned w =
      (static_cast<unsigned char>(png[16]) << 24) | (static_cast<unsigned char>(png[17]) << 16) |
      (static_cast<unsigned char>(png[18]) << 8) | static_cast<unsigned char>(png[19]);
  EXPECT_EQ(w, width);
}

TEST(Render, ReportWithOddsRendersInChromium) {
  TempDir dir;
  const std::string html = dir.file("report.html");
  const auto r = run_cli(
      {"report", "--team", source_path("examples/riverside.toml"), "--event", "4x100", "--sex", "F",
       "--meet", source_path("examples/meet-girls-4x100.toml"), "--runs", "2000", "--html", html});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_png(screenshot(dir, html), 1000);
}

TEST(Render, CardsRenderOnAPhoneWidth) {
  TempDir dir;
  const std::string html = dir.file("cards.html");
  const auto r =
      run_cli({"cards", "--team", source_path("examples/riverside.toml"), "--event", "dmr",
               "--order", "Ruby Patel,Chloe Adams,Grace Kim,Sofia Romero", "--html", html});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_png(screenshot(dir, html, 375), 375);
}

}  // namespace
}  // namespace baton
