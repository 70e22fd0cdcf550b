#include "baton/zone_svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <tuple>

#include "baton/chance.h"
#include "report/svg_text.h"

namespace baton {
namespace {

using report::xml_escape;

// Colours, each at least 4.5:1 against white (WCAG 1.4.3): ink #1b1b1b 17:1, runner blue
// #1f5fa8 6.4:1, legal green #1a7f37 5.1:1, illegal red #b00020 7.4:1.
constexpr const char* kInk = "#1b1b1b";
constexpr const char* kRunner = "#1f5fa8";
const char* pass_colour(const ExchangePlan& plan) { return plan.legal ? "#1a7f37" : "#b00020"; }

std::string hands_text(const ExchangePlan& plan) {
  return fmt::format("{} to {} hand, {}",
                     plan.hands.carry_hand_in == Hand::right ? "right" : "left",
                     plan.hands.receive_hand == Hand::right ? "right" : "left",
                     plan.hands.visual ? "visual" : "blind");
}

std::string mark_text(const ExchangePlan& plan) {
  return fmt::format("{} {:.2f} m = {:.1f} foot lengths", plan.hands.visual ? "go cue" : "go-mark",
                     plan.go_mark_m, plan.go_mark_foot_lengths);
}

std::string pass_text(const ExchangePlan& plan) {
  return fmt::format("pass {:.1f} m{}", plan.baton_position_m,
                     plan.hands.visual ? "" : ", risk " + chance_text(plan.p_illegal));
}

// Metres shown, from a little behind the go-mark to a little past the zone's end, mapped onto
// `width` units with `margin` on each side.
struct ZoneScale {
  double from = 0.0, to = 0.0, scale = 0.0, margin = 0.0;
  ZoneScale(const ExchangePlan& plan, double width, double margin_units) : margin(margin_units) {
    from = std::min(0.0, plan.start_m - plan.go_mark_m) - 3.0;
    to = plan.zone_length_m + 3.0;
    scale = (width - 2.0 * margin) / (to - from);
  }
  double operator()(double m) const { return margin + (m - from) * scale; }
};

// The phone layout: the lane across 320 units with only "0 m" and the zone's end above it;
// every other label on a row of its own under the lane, after a key in the marker's colour.
// Shown at the width of a 375 px screen's card (about 309 px), 13-unit text renders at 12.5 px
// or more.
std::string narrow_zone_svg(const ExchangePlan& plan, const std::string& title) {
  constexpr double kWidth = 320.0;
  constexpr double kMargin = 12.0;
  constexpr double kTrackTop = 28.0;
  constexpr double kTrackHeight = 36.0;
  constexpr double kRow = 20.0;
  const double mark_pos = plan.start_m - plan.go_mark_m;
  const ZoneScale x(plan, kWidth, kMargin);
  const double bottom = kTrackTop + kTrackHeight;
  const double first_row = bottom + 26.0;
  const double height = first_row + 5.0 * kRow + 8.0;

  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.0f}\" height=\"{1:.0f}\" "
      "viewBox=\"0 0 {0:.0f} {1:.0f}\" font-family=\"sans-serif\" font-size=\"13\" "
      "fill=\"{2}\">\n",
      kWidth, height, kInk);
  svg += fmt::format("<title>{}</title>\n", xml_escape(title));
  svg +=
      fmt::format("<rect width=\"{:.0f}\" height=\"{:.0f}\" fill=\"#ffffff\"/>\n", kWidth, height);
  svg +=
      fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"#c0563b\"/>\n",
                  x(x.from), kTrackTop, x(x.to) - x(x.from), kTrackHeight);
  svg += fmt::format(
      "<rect class=\"zone\" x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" "
      "fill=\"#e9a27f\"/>\n",
      x(0.0), kTrackTop, x(plan.zone_length_m) - x(0.0), kTrackHeight);
  for (const auto& [m, cls, colour] :
       {std::tuple{0.0, "zone-start", "#ffffff"},
        std::tuple{plan.zone_length_m, "zone-end", "#ffffff"},
        std::tuple{plan.scratch_from_zone_start_m, "scratch", kInk}}) {
    svg += fmt::format(
        "<line class=\"{}\" x1=\"{:.1f}\" y1=\"{}\" x2=\"{:.1f}\" y2=\"{}\" stroke=\"{}\" "
        "stroke-width=\"3\"/>\n",
        cls, x(m), kTrackTop - 4.0, x(m), bottom + 4.0, colour);
  }
  svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">0 m</text>\n", x(0.0),
                     kTrackTop - 9.0);
  svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">zone end {:g} m</text>\n",
                     std::min(x(plan.zone_length_m), kWidth - 58.0), kTrackTop - 9.0,
                     plan.zone_length_m);
  svg += fmt::format(
      "<polygon class=\"outgoing-start\" points=\"{0:.1f},{1:.1f} {2:.1f},{3:.1f} "
      "{2:.1f},{4:.1f}\" fill=\"{5}\"/>\n",
      x(plan.start_m) + 8.0, kTrackTop + kTrackHeight / 2.0, x(plan.start_m) - 4.0,
      kTrackTop + 10.0, bottom - 10.0, kRunner);
  svg += fmt::format(
      "<rect class=\"go-mark\" x=\"{:.1f}\" y=\"{}\" width=\"6\" height=\"{}\" fill=\"#ffd400\" "
      "stroke=\"{}\"/>\n",
      x(mark_pos) - 3.0, kTrackTop, kTrackHeight, kInk);
  svg += fmt::format(
      "<circle class=\"pass\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"6\" fill=\"{}\" stroke=\"#fff\"/>\n",
      x(plan.baton_position_m), kTrackTop + kTrackHeight / 2.0, pass_colour(plan));
  // The key: one row per marker, its symbol then its label.
  const double key_x = kMargin + 16.0;
  auto row_y = [&](int i) { return first_row + i * kRow; };
  svg += fmt::format(
      "<rect x=\"{}\" y=\"{}\" width=\"6\" height=\"14\" fill=\"#ffd400\" stroke=\"{}\"/>\n",
      kMargin + 2.0, row_y(0) - 11.0, kInk);
  svg += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", key_x, row_y(0), mark_text(plan));
  svg += fmt::format("<polygon points=\"{0},{1} {2},{3} {2},{4}\" fill=\"{5}\"/>\n", kMargin + 12.0,
                     row_y(1) - 4.0, kMargin, row_y(1) - 11.0, row_y(1) + 3.0, kRunner);
  svg += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"{}\">outgoing start {:.1f} m</text>\n", key_x,
                     row_y(1), kRunner, plan.start_m);
  svg += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"6\" fill=\"{}\"/>\n", kMargin + 5.0,
                     row_y(2) - 4.0, pass_colour(plan));
  svg += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"{}\">{}</text>\n", key_x, row_y(2),
                     pass_colour(plan), pass_text(plan));
  svg += fmt::format(
      "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"{3}\" stroke-width=\"3\"/>\n",
      kMargin + 5.0, row_y(3) - 12.0, row_y(3) + 2.0, kInk);
  svg += fmt::format("<text x=\"{}\" y=\"{}\">scratch line {:g} m</text>\n", key_x, row_y(3),
                     plan.scratch_from_zone_start_m);
  svg += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", kMargin, row_y(4), hands_text(plan));
  svg += fmt::format("<text x=\"{}\" y=\"{}\">{:.2f} m free distance</text>\n", kMargin, row_y(5),
                     plan.hands.free_distance_m);
  svg += "</svg>\n";
  return svg;
}

}  // namespace

std::string render_zone_svg(const ExchangePlan& plan, const std::string& title, ZoneLayout layout) {
  if (layout == ZoneLayout::narrow) return narrow_zone_svg(plan, title);
  constexpr double kWidth = 760.0;
  constexpr double kMargin = 30.0;
  constexpr double kTrackTop = 70.0;
  constexpr double kTrackHeight = 60.0;
  const double mark_pos = plan.start_m - plan.go_mark_m;
  const ZoneScale x(plan, kWidth, kMargin);
  const double bottom = kTrackTop + kTrackHeight;

  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.0f}\" height=\"230\" viewBox=\"0 0 "
      "{0:.0f} 230\" font-family=\"sans-serif\" font-size=\"12\" fill=\"{1}\">\n",
      kWidth, kInk);
  svg += fmt::format("<title>{}</title>\n", xml_escape(title));
  svg += fmt::format("<rect width=\"{:.0f}\" height=\"230\" fill=\"#ffffff\"/>\n", kWidth);
  svg += fmt::format("<text x=\"{}\" y=\"24\" font-size=\"15\" font-weight=\"bold\">{}</text>\n",
                     kMargin, xml_escape(title));
  // The lane, and the zone shaded.
  svg +=
      fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"#c0563b\"/>\n",
                  x(x.from), kTrackTop, x(x.to) - x(x.from), kTrackHeight);
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
  svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\">{}</text>\n", std::max(4.0, x(mark_pos) - 3.0),
                     bottom + 60.0, mark_text(plan));
  svg += fmt::format(
      "<circle class=\"pass\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"7\" fill=\"{}\" stroke=\"#fff\"/>\n",
      x(plan.baton_position_m), kTrackTop + kTrackHeight / 2.0, pass_colour(plan));
  svg +=
      fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" fill=\"{}\">{}</text>\n",
                  x(plan.baton_position_m), kTrackTop - 30.0, pass_colour(plan), pass_text(plan));
  svg += fmt::format("<text x=\"{}\" y=\"222\">{} ({:.2f} m free distance)</text>\n", kMargin,
                     hands_text(plan), plan.hands.free_distance_m);
  svg += "</svg>\n";
  return svg;
}

}  // namespace baton
