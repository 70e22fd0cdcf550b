#include "baton/zone_svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/svg_text.h"

namespace baton {
namespace {

using report::xml_escape;
constexpr auto nice_step = report::nice_tick_step;

}  // namespace

std::string render_zone_svg(const ExchangePlan& plan, const std::string& title) {
  constexpr double kWidth = 760.0;
  constexpr double kMargin = 30.0;
  constexpr double kTrackTop = 70.0;
  constexpr double kTrackHeight = 60.0;
  // Metres shown: from a little behind the go-mark to a little past the zone's end.
  const double mark_pos = plan.start_m - plan.go_mark_m;
  const double from = std::min(0.0, mark_pos) - 3.0;
  const double to = plan.zone_length_m + 3.0;
  const double scale = (kWidth - 2.0 * kMargin) / (to - from);
  auto x = [&](double m) { return kMargin + (m - from) * scale; };
  const double bottom = kTrackTop + kTrackHeight;

  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.0f}\" height=\"230\" viewBox=\"0 0 "
      "{0:.0f} 230\" font-family=\"sans-serif\" font-size=\"12\">\n",
      kWidth);
  svg += fmt::format("<title>{}</title>\n", xml_escape(title));
  svg += fmt::format("<text x=\"{}\" y=\"24\" font-size=\"15\" font-weight=\"bold\">{}</text>\n",
                     kMargin, xml_escape(title));
  // The lane, and the zone shaded.
  svg +=
      fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"#c0563b\"/>\n",
                  x(from), kTrackTop, x(to) - x(from), kTrackHeight);
  svg += fmt::format(
      "<rect class=\"zone\" x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" "
      "fill=\"#e9a27f\"/>\n",
      x(0.0), kTrackTop, x(plan.zone_length_m) - x(0.0), kTrackHeight);
  auto line = [&](double m, const char* cls, const char* colour, const std::string& label,
                  double label_y) {
    svg += fmt::format(
        "<line class=\"{}\" x1=\"{:.1f}\" y1=\"{}\" x2=\"{:.1f}\" y2=\"{}\" stroke=\"{}\" "
        "stroke-width=\"3\"/>\n",
        cls, x(m), kTrackTop - 8.0, x(m), bottom + 8.0, colour);
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", x(m),
                       label_y, xml_escape(label));
  };
  line(0.0, "zone-start", "#ffffff", "zone start 0 m", kTrackTop - 14.0);
  line(plan.zone_length_m, "zone-end", "#ffffff",
       fmt::format("zone end {:g} m", plan.zone_length_m), kTrackTop - 14.0);
  line(plan.scratch_from_zone_start_m, "scratch", "#1b1b1b",
       fmt::format("scratch line {:g} m", plan.scratch_from_zone_start_m), bottom + 24.0);
  // Outgoing runner's start, the go-mark and the expected pass.
  svg += fmt::format(
      "<polygon class=\"outgoing-start\" points=\"{0:.1f},{1:.1f} {2:.1f},{3:.1f} "
      "{2:.1f},{4:.1f}\" fill=\"#1f5fa8\"/>\n",
      x(plan.start_m) + 10.0, kTrackTop + kTrackHeight / 2.0, x(plan.start_m) - 4.0,
      kTrackTop + 18.0, kTrackTop + kTrackHeight - 18.0);
  svg +=
      fmt::format("<text x=\"{:.1f}\" y=\"{}\" fill=\"#1f5fa8\">outgoing start {:.1f} m</text>\n",
                  x(plan.start_m), bottom + 42.0, plan.start_m);
  svg += fmt::format(
      "<rect class=\"go-mark\" x=\"{:.1f}\" y=\"{}\" width=\"6\" height=\"{}\" "
      "fill=\"#ffd400\"/>\n",
      x(mark_pos) - 3.0, kTrackTop, kTrackHeight);
  svg += fmt::format(
      "<text x=\"{:.1f}\" y=\"{}\">{} {:.2f} m = {:.1f} foot "
      "lengths</text>\n",
      std::max(4.0, x(mark_pos) - 3.0), bottom + 60.0, plan.hands.visual ? "go cue" : "go-mark",
      plan.go_mark_m, plan.go_mark_foot_lengths);
  const char* pass_colour = plan.legal ? "#1a7f37" : "#b00020";
  svg += fmt::format(
      "<circle class=\"pass\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"7\" fill=\"{}\" stroke=\"#fff\"/>\n",
      x(plan.baton_position_m), kTrackTop + kTrackHeight / 2.0, pass_colour);
  svg += fmt::format(
      "<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" fill=\"{}\">pass {:.1f} m{}</text>\n",
      x(plan.baton_position_m), kTrackTop - 30.0, pass_colour, plan.baton_position_m,
      plan.hands.visual ? "" : fmt::format(", risk {:.2f} %", 100.0 * plan.p_illegal));
  svg += fmt::format("<text x=\"{}\" y=\"222\">{} to {} hand, {} ({:.2f} m free distance)</text>\n",
                     kMargin, plan.hands.carry_hand_in == Hand::right ? "right" : "left",
                     plan.hands.receive_hand == Hand::right ? "right" : "left",
                     plan.hands.visual ? "visual" : "blind", plan.hands.free_distance_m);
  svg += "</svg>\n";
  return svg;
}

}  // namespace baton
