#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "baton/histogram.h"
#include "baton/units.h"
#include "report/svg_text.h"

namespace baton {
namespace {

using report::xml_escape;
constexpr auto nice_step = report::nice_tick_step;

constexpr double kWidth = 760, kHeight = 420;
constexpr double kLeft = 70, kRight = 200, kTop = 40, kBottom = 60;
constexpr int kBins = 60;
constexpr std::array<const char*, 8> kColours = {"#1b6ca8", "#d1495b", "#2e933c", "#edae49",
                                                 "#6a4c93", "#00798c", "#8c564b", "#444444"};

}  // namespace

std::string finish_time_histogram_svg(const SimulationResult& result, const std::string& title) {
  // The common time axis: from the lowest 10th-percentile-ish time to the highest 99th.
  double lo = INFINITY, hi = -INFINITY;
  for (const TeamOdds& t : result.teams) {
    if (t.finishes == 0) continue;
    lo = std::min(lo, t.p10_time_s - 2.0 * (t.p50_time_s - t.p10_time_s) - 0.05);
    hi = std::max(hi, t.p90_time_s + 3.0 * (t.p90_time_s - t.p50_time_s) + 0.05);
  }
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 "
      "{0} {1}\" font-family=\"sans-serif\" font-size=\"12\">\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      "<text x=\"{2}\" y=\"24\" font-size=\"15\">{3}</text>\n",
      kWidth, kHeight, kLeft, xml_escape(title));
  const double pw = kWidth - kLeft - kRight, ph = kHeight - kTop - kBottom;
  if (!std::isfinite(lo)) {
    return svg + "<text x=\"70\" y=\"80\">no team finished a race</text>\n</svg>\n";
  }
  const double bin = (hi - lo) / kBins;
  // Shares per coarse bin, from each team's fine histogram.
  std::vector<std::vector<double>> share(result.teams.size(), std::vector<double>(kBins, 0.0));
  double top = 0.0;
  for (size_t k = 0; k < result.teams.size(); ++k) {
    const TeamOdds& t = result.teams[k];
    for (size_t i = 0; i < t.histogram.size(); ++i) {
      const double centre = t.histogram_start_s + (i + 0.5) * t.histogram_bin_s;
      const int b = static_cast<int>(std::floor((centre - lo) / bin));
      if (b < 0 || b >= kBins) continue;
      share[k][b] += 100.0 * static_cast<double>(t.histogram[i]) / static_cast<double>(result.runs);
    }
    top = std::max(top, *std::max_element(share[k].begin(), share[k].end()));
  }
  if (top <= 0.0) top = 1.0;
  const double ystep = nice_step(top, 5);
  top = std::ceil(top / ystep) * ystep;
  auto X = [&](double s) { return kLeft + (s - lo) / (hi - lo) * pw; };
  auto Y = [&](double pct) { return kTop + ph - pct / top * ph; };
  // Axes, ticks and labels with units.
  svg += fmt::format("<g stroke=\"#222\" fill=\"none\"><path d=\"M{0} {1} V{2} H{3}\"/></g>\n",
                     kLeft, kTop, kTop + ph, kLeft + pw);
  const double xstep = nice_step(hi - lo, 8);
  for (double s = std::ceil(lo / xstep) * xstep; s <= hi; s += xstep) {
    svg += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#222\"/>"
        "<text x=\"{0:.1f}\" y=\"{3}\" text-anchor=\"middle\">{4}</text>\n",
        X(s), kTop + ph, kTop + ph + 5, kTop + ph + 18, format_time(s));
  }
  for (double p = 0.0; p <= top + 1e-9; p += ystep) {
    svg += fmt::format(
        "<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" stroke=\"#ccc\"/>"
        "<text x=\"{3}\" y=\"{4:.1f}\" text-anchor=\"end\">{5:g}</text>\n",
        kLeft, Y(p), kLeft + pw, kLeft - 6, Y(p) + 4, p);
  }
  svg += fmt::format(
      "<text x=\"{0}\" y=\"{1}\" text-anchor=\"middle\">finish time (s)</text>\n"
      "<text x=\"16\" y=\"{2}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {2})\">"
      "share of races per {3:.2f} s bin (%)</text>\n",
      kLeft + pw / 2, kHeight - 18, kTop + ph / 2, bin);
  for (size_t k = 0; k < result.teams.size(); ++k) {
    const char* colour = kColours[k % kColours.size()];
    std::string path = fmt::format("M{:.1f} {:.1f}", X(lo), Y(0));
    for (int b = 0; b < kBins; ++b) {
      path += fmt::format(" V{:.1f} H{:.1f}", Y(share[k][b]), X(lo + (b + 1) * bin));
    }
    path += fmt::format(" V{:.1f}", Y(0));
    svg += fmt::format(
        "<path d=\"{}\" fill=\"{}\" fill-opacity=\"0.15\" stroke=\"{}\" stroke-width=\"1.5\"/>\n",
        path, colour, colour);
    const TeamOdds& t = result.teams[k];
    const std::string label =
        t.finishes > 0 ? fmt::format("{} (median {} s)", t.team, format_time(t.p50_time_s))
                       : t.team + " (never finished)";
    const double ly = kTop + 10 + 18.0 * static_cast<double>(k);
    svg += fmt::format(
        "<rect x=\"{0}\" y=\"{1:.1f}\" width=\"12\" height=\"12\" fill=\"{2}\"/>"
        "<text x=\"{3}\" y=\"{4:.1f}\">{5}</text>\n",
        kLeft + pw + 12, ly - 10, colour, kLeft + pw + 30, ly, xml_escape(label));
  }
  return svg + "</svg>\n";
}

}  // namespace baton
