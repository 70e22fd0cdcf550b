#include "baton/zone_svg.h"

#include <gtest/gtest.h>

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
                           "scratch line 20 m", "pass 7.7 m, risk 0.23 %", "&lt;Bea&gt;"}) {
    EXPECT_NE(svg.find(part), std::string::npos) << part;
  }
  EXPECT_EQ(svg.find("<Bea>"), std::string::npos);
}

}  // namespace
}  // namespace baton
