#include "baton/progress_svg.h"

#include <gtest/gtest.h>

#include <cmath>

#include "baton/error.h"

namespace baton {
namespace {

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(ProgressSvg, DrawsEachSeriesWithAxesUnitsAndLegend) {
  ProgressChart c;
  c.title = "Ava Brooks -> Mia <Chen>";
  c.dates = {"2024-04-01", "2024-04-03", "2024-04-10"};
  c.left_axis = "metres";
  c.right_axis = "clean rate (%)";
  c.series = {{"mean exchange (m)", {20.0, 21.5, 22.4}, false},
              {"go-mark (m)", {8.0, NAN, 8.6}, false},
              {"clean (%)", {50, 75, 100}, true}};
  const std::string svg = progress_svg(c);
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  EXPECT_NE(svg.find("Mia &lt;Chen&gt;"), std::string::npos);  // escaped
  EXPECT_NE(svg.find("metres"), std::string::npos);
  EXPECT_NE(svg.find("clean rate (%)"), std::string::npos);
  EXPECT_NE(svg.find("date (YYYY-MM-DD)"), std::string::npos);
  EXPECT_EQ(count(svg, "<path"), 3u);
  EXPECT_EQ(count(svg, "<circle"), 8u);  // the NaN leaves a gap
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("href"), std::string::npos);  // self-contained
}

TEST(ProgressSvg, RefusesBadInput) {
  ProgressChart c;
  EXPECT_THROW(progress_svg(c), ValidationError);
  c.dates = {"2024-04-02", "2024-04-01"};
  EXPECT_THROW(progress_svg(c), ValidationError);
  c.dates = {"2024-04-01"};
  c.series = {{"x", {1, 2}, false}};
  EXPECT_THROW(progress_svg(c), ValidationError);
  c.series = {{"x", {1}, false}};
  EXPECT_NO_THROW(progress_svg(c));  // one date is a chart with one point
}

}  // namespace
}  // namespace baton
