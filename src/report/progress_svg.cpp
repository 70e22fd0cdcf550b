#include "baton/progress_svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "baton/date.h"
#include "baton/error.h"
#include "report/svg_text.h"

namespace baton {
namespace {

using report::xml_escape;
constexpr auto nice_step = report::nice_tick_step;

struct Range {
  double lo = std::numeric_limits<double>::infinity();
  double hi = -std::numeric_limits<double>::infinity();
  void add(double v) {
    if (std::isfinite(v)) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  // Widens to whole ticks; a flat or empty range gets some room.
  double tidy(int ticks) {
    if (!std::isfinite(lo)) lo = 0, hi = 1;
    if (hi - lo < 1e-9) lo -= 1, hi += 1;
    const double step = nice_step(hi - lo, ticks);
    lo = std::floor(lo / step) * step;
    hi = std::ceil(hi / step) * step;
    return step;
  }
};

constexpr const char* kColours[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};

}  // namespace

std::string progress_svg(const ProgressChart& c) {
  if (c.dates.empty()) throw ValidationError("nothing to chart: no dates", {"", 0, "dates"});
  std::vector<double> day;
  for (const std::string& d : c.dates) {
    day.push_back(static_cast<double>(days_since_epoch(parse_date(d, {"", 0, "dates"}))));
    if (day.size() > 1 && day.back() <= day[day.size() - 2]) {
      throw ValidationError("dates must ascend: " + d, {"", 0, "dates"});
    }
  }
  Range left, right;
  for (const ProgressSeries& s : c.series) {
    if (s.values.size() != c.dates.size()) {
      throw ValidationError(fmt::format("series '{}' has {} values for {} dates", s.name,
                                        s.values.size(), c.dates.size()),
                            {"", 0, "series"});
    }
    for (double v : s.values) (s.right_axis ? right : left).add(v);
  }
  const double left_step = left.tidy(5);
  const double right_step = right.tidy(5);
  const bool has_right = !c.right_axis.empty();

  const double W = c.width_px, H = c.height_px;
  const double x0 = 70, x1 = W - (has_right ? 70 : 30), y0 = H - 90, y1 = 40;
  const double d_lo = day.front(), d_hi = day.size() > 1 ? day.back() : day.front() + 1;
  const auto px = [&](double d) {
    return day.size() > 1 ? x0 + (d - d_lo) / (d_hi - d_lo) * (x1 - x0) : (x0 + x1) / 2;
  };
  const auto py = [&](const Range& r, double v) {
    return y0 - (v - r.lo) / (r.hi - r.lo) * (y0 - y1);
  };

  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:g}\" height=\"{1:g}\" "
      "viewBox=\"0 0 {0:g} {1:g}\" font-family=\"sans-serif\" font-size=\"12\">\n"
      "<title>{2}</title>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      "<text x=\"{3:g}\" y=\"24\" text-anchor=\"middle\" font-size=\"15\">{2}</text>\n",
      W, H, xml_escape(c.title), W / 2);
  // Axes, grid and ticks.
  svg += fmt::format(
      "<g stroke=\"black\" fill=\"none\"><line x1=\"{0:.1f}\" y1=\"{2:.1f}\" x2=\"{1:.1f}\" "
      "y2=\"{2:.1f}\"/><line x1=\"{0:.1f}\" y1=\"{2:.1f}\" x2=\"{0:.1f}\" y2=\"{3:.1f}\"/>",
      x0, x1, y0, y1);
  if (has_right) {
    svg += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\"/>", x1,
                       y0, y1);
  }
  svg += "</g>\n";
  for (double v = left.lo; v <= left.hi + left_step / 2; v += left_step) {
    const double y = py(left, v);
    svg += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{2:.1f}\" x2=\"{1:.1f}\" y2=\"{2:.1f}\" stroke=\"#ddd\"/>"
        "<text x=\"{3:.1f}\" y=\"{4:.1f}\" text-anchor=\"end\">{5:g}</text>\n",
        x0, x1, y, x0 - 6, y + 4, std::round(v * 1000) / 1000);
  }
  if (has_right) {
    for (double v = right.lo; v <= right.hi + right_step / 2; v += right_step) {
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\">{:g}</text>\n", x1 + 6, py(right, v) + 4,
                         std::round(v * 1000) / 1000);
    }
  }
  const size_t every = std::max<size_t>(1, c.dates.size() / 8);
  for (size_t i = 0; i < c.dates.size(); i += every) {
    const double x = px(day[i]);
    svg += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"black\"/>"
        "<text x=\"{0:.1f}\" y=\"{3:.1f}\" text-anchor=\"middle\">{4}</text>\n",
        x, y0, y0 + 5, y0 + 18, c.dates[i]);
  }
  svg += fmt::format(
      "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">date (YYYY-MM-DD)</text>\n"
      "<text transform=\"translate(16 {:.1f}) rotate(-90)\" text-anchor=\"middle\">{}</text>\n",
      (x0 + x1) / 2, y0 + 38, (y0 + y1) / 2, xml_escape(c.left_axis));
  if (has_right) {
    svg += fmt::format(
        "<text transform=\"translate({:.1f} {:.1f}) rotate(90)\" "
        "text-anchor=\"middle\">{}</text>\n",
        W - 14, (y0 + y1) / 2, xml_escape(c.right_axis));
  }
  // Lines, points and legend.
  for (size_t k = 0; k < c.series.size(); ++k) {
    const ProgressSeries& s = c.series[k];
    const Range& r = s.right_axis ? right : left;
    const char* colour = kColours[k % std::size(kColours)];
    std::string path;
    bool pen_down = false;
    for (size_t i = 0; i < s.values.size(); ++i) {
      if (!std::isfinite(s.values[i])) {
        pen_down = false;
        continue;
      }
      path += fmt::format("{}{:.1f},{:.1f} ", pen_down ? "L" : "M", px(day[i]), py(r, s.values[i]));
      pen_down = true;
      svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\"/>\n", px(day[i]),
                         py(r, s.values[i]), colour);
    }
    if (!path.empty()) {
      svg += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>\n", path,
                         colour);
    }
    const double lx =
        x0 + static_cast<double>(k) * (x1 - x0) / std::max<size_t>(1, c.series.size());
    svg += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\" stroke=\"{3}\" "
        "stroke-width=\"2\"/><text x=\"{4:.1f}\" y=\"{5:.1f}\">{6}</text>\n",
        lx, H - 22, lx + 18, colour, lx + 22, H - 18, xml_escape(s.name));
  }
  svg += "</svg>\n";
  return svg;
}

}  // namespace baton
