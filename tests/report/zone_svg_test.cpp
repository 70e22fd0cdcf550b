#include "baton/zone_svg.h"

#include <gtest/gtest.h>

#include <string>

namespace baton {
namespace {

TEST(ZoneSvg, DrawsEveryLandmarkWithUnits) {
  ExchangePlan plan;
  plan.zone_length_m = 30.0;
  plan.scratch_from_zone_start_m = 20.0;
  plan.go_mark_m = 11.86;
  plan.go_mark_foot_lengths = 42.4;
  plan.baton_position_m = 7.7;
  plan.legal = true;
  plan.p_illegal = 0.0023;
  plan.hands.free_distance_m = 1.75;
  const std::string svg = render_zone_svg(plan, "Exchange 1: Ava -> <Bea>");
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  for (const char* part : {"class=\"zone\"", "class=\"zone-start\"", "class=\"zone-end\"",
                           "class=\"scratch\"", "class=\"outgoing-start\"", "class=\"go-mark\"",
                           "class=\"pass\"", "go-mark 11.86 m = 42.4 foot lengths",
                           "scratch line 20 m", "pass 7.7 m, risk 0.2 %", "&lt;Bea&gt;"}) {
    EXPECT_NE(svg.find(part), std::string::npos) << part;
  }
  EXPECT_EQ(svg.find("<Bea>"), std::string::npos);
}

// The phone layout: 320 wide with 13-unit text (12 px or more on a 375 px screen), the same
// landmarks and labels, and no label running past the right edge. A label's width is bounded
// by 0.62 em per character, wider than any digit or lower-case letter of a sans-serif face.
TEST(ZoneSvg, ThePhoneLayoutKeepsEveryLabelInside320Units) {
  ExchangePlan plan;
  plan.zone_length_m = 30.0;
  plan.scratch_from_zone_start_m = 20.0;
  plan.start_m = 2.0;
  plan.go_mark_m = 11.86;
  plan.go_mark_foot_lengths = 42.4;
  plan.baton_position_m = 27.7;
  plan.legal = false;
  plan.p_illegal = 0.1234;
  plan.hands.free_distance_m = 1.75;
  const std::string svg = render_zone_svg(plan, "4x100 exchange 3: Ava to Bea", ZoneLayout::narrow);
  EXPECT_NE(svg.find("viewBox=\"0 0 320 "), std::string::npos);
  EXPECT_NE(svg.find("font-size=\"13\""), std::string::npos);
  for (const char* part :
       {"class=\"zone\"", "class=\"zone-end\"", "class=\"scratch\"", "class=\"outgoing-start\"",
        "class=\"go-mark\"", "class=\"pass\"", "go-mark 11.86 m = 42.4 foot lengths",
        "scratch line 20 m", "pass 27.7 m, risk 12.3 %", "outgoing start 2.0 m",
        "1.75 m free distance", "fill=\"#b00020\""}) {
    EXPECT_NE(svg.find(part), std::string::npos) << part;
  }
  EXPECT_EQ(svg.find("font-size=\"1"), svg.find("font-size=\"13\""));  // no smaller text
  size_t at = 0;
  int labels = 0;
  while ((at = svg.find("<text x=\"", at)) != std::string::npos) {
    const double x = std::stod(svg.substr(at + 9));
    const size_t open = svg.find('>', at) + 1;
    const size_t close = svg.find("</text>", open);
    const bool middle =
        svg.substr(at, open - at).find("text-anchor=\"middle\"") != std::string::npos;
    const double width = 0.62 * 13.0 * static_cast<double>(close - open);
    const double right = middle ? x + width / 2.0 : x + width;
    EXPECT_LE(right, 320.0) << svg.substr(open, close - open);
    EXPECT_GE(middle ? x - width / 2.0 : x, 0.0) << svg.substr(open, close - open);
    ++labels;
    at = close;
  }
  EXPECT_EQ(labels, 8);
}

}  // namespace
}  // namespace baton
