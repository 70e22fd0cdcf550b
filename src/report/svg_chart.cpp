#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "baton/svg.h"
#include "report/svg_text.h"

namespace baton {
namespace {

using report::xml_escape;
constexpr auto nice_step = report::nice_tick_step;

}  // namespace

std::string render_svg(const LineChart& c) {
  double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
  bool any = false;
  for (const ChartSeries& s : c.series) {
    for (auto [x, y] : s.points) {
      if (!std::isfinite(x) || !std::isfinite(y)) continue;
      if (!any) {
        x0 = x1 = x;
        y0 = y1 = y;
        any = true;
      }
      x0 = std::min(x0, x);
      x1 = std::max(x1, x);
      y0 = std::min(y0, y);
      y1 = std::max(y1, y);
    }
  }
  if (!any) x1 = y1 = 1.0;
  x0 = std::min(x0, 0.0);
  y0 = std::min(y0, 0.0);
  const double data_max = y1;
  const double xs = nice_step(x1 - x0, 8), ys = nice_step(y1 - y0, 6);
  x1 = std::ceil(x1 / xs - 1e-9) * xs;
  y1 = std::ceil(y1 / ys - 1e-9) * ys;
  if (x1 <= x0) x1 = x0 + xs;
  if (y1 <= y0) y1 = y0 + ys;

  const double left = 64, right = 20, top = 40, bottom = 52;
  const double pw = c.width_px - left - right, ph = c.height_px - top - bottom;
  // Headroom above the data for the legend (top right), so no line runs through it.
  int labels = 0;
  for (const ChartSeries& s : c.series) labels += s.label.empty() ? 0 : 1;
  if (labels > 0) {
    const double needed = std::min(0.5, (16.0 * labels + 10.0) / ph);
    while ((y1 - data_max) / (y1 - y0) < needed) y1 += ys;
  }
  auto px = [&](double x) { return left + (x - x0) / (x1 - x0) * pw; };
  auto py = [&](double y) { return top + ph - (y - y0) / (y1 - y0) * ph; };

  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} "
      "{1}\" font-family=\"sans-serif\" font-size=\"12\">\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      "<text x=\"{2}\" y=\"24\" text-anchor=\"middle\" font-size=\"15\">{3}</text>\n",
      c.width_px, c.height_px, c.width_px / 2.0, xml_escape(c.title));
  for (double x = x0; x <= x1 + 1e-9 * xs; x += xs) {
    out += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#ddd\"/>"
        "<text x=\"{0:.1f}\" y=\"{3:.1f}\" text-anchor=\"middle\">{4:g}</text>\n",
        px(x), top, top + ph, top + ph + 16, std::round(x / xs) * xs);
  }
  for (double y = y0; y <= y1 + 1e-9 * ys; y += ys) {
    out += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\" stroke=\"#ddd\"/>"
        "<text x=\"{3:.1f}\" y=\"{4:.1f}\" text-anchor=\"end\">{5:g}</text>\n",
        left, py(y), left + pw, left - 6, py(y) + 4, std::round(y / ys) * ys);
  }
  out += fmt::format(
      "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"black\"/>"
      "<line x1=\"{0}\" y1=\"{2}\" x2=\"{3}\" y2=\"{2}\" stroke=\"black\"/>\n",
      left, top, top + ph, left + pw);
  out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n",
                     left + pw / 2, c.height_px - 12.0, xml_escape(c.x_label));
  out += fmt::format(
      "<text x=\"16\" y=\"{0:.1f}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {0:.1f})\">"
      "{1}</text>\n",
      top + ph / 2, xml_escape(c.y_label));
  int legend = 0;
  for (const ChartSeries& s : c.series) {
    std::string pts;
    for (auto [x, y] : s.points) {
      if (std::isfinite(x) && std::isfinite(y)) pts += fmt::format("{:.1f},{:.1f} ", px(x), py(y));
    }
    out += fmt::format("<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"2\" points=\"{}\"/>\n",
                       xml_escape(s.colour), pts);
    if (!s.label.empty()) {
      const double ly = top + 14 + 16 * legend++;
      out += fmt::format(
          "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\" stroke=\"{3}\" "
          "stroke-width=\"2\"/><text x=\"{4:.1f}\" y=\"{5:.1f}\">{6}</text>\n",
          left + pw - 150, ly, left + pw - 130, xml_escape(s.colour), left + pw - 124, ly + 4,
          xml_escape(s.label));
    }
  }
  out += "</svg>\n";
  return out;
}

}  // namespace baton
