#include <gtest/gtest.h>

#include "baton/svg.h"

namespace baton {
namespace {

TEST(SvgChart, DrawsAxesTicksTitleAndEscapesText) {
  LineChart c;
  c.title = "Speed <A & B>";
  c.x_label = "time (s)";
  c.y_label = "speed (m/s)";
  c.series.push_back({"model", {{0, 0}, {5, 9}, {10, 11.5}}});
  const std::string svg = render_svg(c);
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_NE(svg.find("Speed &lt;A &amp; B&gt;"), std::string::npos);
  EXPECT_NE(svg.find(">time (s)<"), std::string::npos);
  EXPECT_NE(svg.find(">speed (m/s)<"), std::string::npos);
  EXPECT_NE(svg.find(">10<"), std::string::npos);  // x tick at 10 s
  EXPECT_NE(svg.find(">12<"), std::string::npos);  // y axis rounded up to 12 m/s
  EXPECT_NE(svg.find("<polyline"), std::string::npos);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("nan"), std::string::npos);
}

TEST(SvgChart, EmptyChartStillRenders) {
  const std::string svg = render_svg(LineChart{});
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  EXPECT_EQ(svg.find("nan"), std::string::npos);
}

}  // namespace
}  // namespace baton
