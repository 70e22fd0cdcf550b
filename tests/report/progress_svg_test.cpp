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
}

TEST(ProgressSvg, OneDateIsOnePointInTheMiddleOfThePlot) {
  // 720 x 400 px, no right axis: the plot spans x 70-690 px (70 px left margin, 30 px right)
  // and y 310-40 px (90 px below, 40 above). One date has no span, so it sits at the middle,
  // x = (70 + 690) / 2 = 380; one value has no range, so the axis opens one unit either side
  // (0 to 2) and the value sits half-way up, y = 310 - (1 - 0) / (2 - 0) * 270 = 175.
  ProgressChart c;
  c.dates = {"2024-04-01"};
  c.left_axis = "metres";
  c.series = {{"x", {1}, false}};
  const std::string svg = progress_svg(c);
  EXPECT_EQ(count(svg, "<circle"), 1u);
  EXPECT_NE(svg.find("<circle cx=\"380.0\" cy=\"175.0\""), std::string::npos) << svg;
  EXPECT_NE(svg.find("<path d=\"M380.0,175.0 \""), std::string::npos) << svg;
  EXPECT_NE(svg.find("<text x=\"380.0\" y=\"328.0\" text-anchor=\"middle\">2024-04-01</text>"),
            std::string::npos)
      << svg;
}

}  // namespace
}  // namespace baton
