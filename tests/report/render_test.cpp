// The report and the cards render in a real browser (Debian's headless chromium): a non-trivial
// screenshot is written. Fails, never skips, when chromium is missing: install it with
// scripts/install-deps.sh --browser.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "support/run_cli.h"

namespace baton {
namespace {

using testing::read_file;
using testing::run_cli;
using testing::source_path;
using testing::TempDir;

std::string chromium() {
  for (const char* path : {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
    if (std::ifstream(path).good()) return path;
  }
  return "";
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
  EXPECT_EQ(rc, 0) << read_file(dir.file("chromium.log"));
  return read_file(png);
}

// The document as the browser built it (chromium --dump-dom).
std::string rendered_dom(const TempDir& dir, const std::string& html) {
  const std::string out = html + ".dom";
  const std::string cmd = chromium() +
                          " --headless --no-sandbox --disable-gpu --no-first-run "
                          "--disable-background-networking --disable-component-update "
                          "--disable-sync --user-data-dir=" +
                          dir.file("profile") + " --dump-dom file://" + html + " >" + out + " 2>" +
                          dir.file("chromium.log");
  EXPECT_EQ(std::system(cmd.c_str()), 0) << read_file(dir.file("chromium.log"));
  return read_file(out);
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

unsigned big_endian(const std::string& png, size_t at) {
  return (static_cast<unsigned>(static_cast<unsigned char>(png[at])) << 24) |
         (static_cast<unsigned>(static_cast<unsigned char>(png[at + 1])) << 16) |
         (static_cast<unsigned>(static_cast<unsigned char>(png[at + 2])) << 8) |
         static_cast<unsigned>(static_cast<unsigned char>(png[at + 3]));
}

// A PNG of exactly width x 1400 px (IHDR width at byte 16, height at 20) with real content
// (a blank page of that size compresses to a few kB).
void expect_png(const std::string& png, unsigned width) {
  ASSERT_GT(png.size(), 20000u) << "screenshot missing or nearly empty";
  EXPECT_EQ(png.substr(1, 3), "PNG");
  EXPECT_EQ(png.substr(12, 4), "IHDR");
  EXPECT_EQ(big_endian(png, 16), width);
  EXPECT_EQ(big_endian(png, 20), 1400u);
}

TEST(Render, ReportWithOddsRendersInChromium) {
  TempDir dir;
  const std::string html = dir.file("report.html");
  const auto r = run_cli(
      {"report", "--team", source_path("examples/riverside.toml"), "--event", "4x100", "--sex", "F",
       "--meet", source_path("examples/meet-girls-4x100.toml"), "--runs", "2000", "--html", html});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_png(screenshot(dir, html), 1000);
  // The browser built every section, and the odds table holds a header and one row for each
  // of the meet file's eight teams, Riverside first.
  const std::string dom = rendered_dom(dir, html);
  for (const char* section : {"Lineup and splits", "Velocity curves", "Pacing targets",
                              "Race-day timeline", "Exchanges", "Race odds"}) {
    EXPECT_NE(dom.find(std::string("<h2>") + section), std::string::npos) << section;
  }
  const size_t sim = dom.find("<table class=\"sim\">");
  ASSERT_NE(sim, std::string::npos);
  const std::string odds = dom.substr(sim, dom.find("</table>", sim) - sim);
  EXPECT_EQ(count(odds, "<tr"), 9u);
  EXPECT_LT(odds.find("Riverside HS"), odds.find("</tr>", odds.find("</tr>") + 1));
}

TEST(Render, CardsRenderOnAPhoneWidth) {
  TempDir dir;
  const std::string html = dir.file("cards.html");
  const auto r =
      run_cli({"cards", "--team", source_path("examples/riverside.toml"), "--event", "dmr",
               "--order", "Ruby Patel,Chloe Adams,Grace Kim,Sofia Romero", "--html", html});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_png(screenshot(dir, html, 375), 375);
  // One card per runner, in running order, each naming whom it takes from and hands to.
  const std::string dom = rendered_dom(dir, html);
  EXPECT_EQ(count(dom, "class=\"card\""), 4u);
  size_t at = 0;
  for (const char* name : {"Ruby Patel", "Chloe Adams", "Grace Kim", "Sofia Romero"}) {
    const size_t here = dom.find(std::string("<h2>") + name, at);
    EXPECT_NE(here, std::string::npos) << name;
    at = here == std::string::npos ? at : here;
  }
  EXPECT_EQ(count(dom, "<h3>Handing on to"), 3u);
  EXPECT_EQ(count(dom, "<h3>Taking the baton from"), 3u);
}

}  // namespace
}  // namespace baton
