#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "baton/histogram.h"
#include "baton/units.h"
#include "report/svg_text.h"

namespace baton {
namespace {

using report::xml_escape;
constexpr auto nice_step = report::nice_tick_step;

// The frame: picture size, plot margins and where the legend goes.
struct Frame {
  double width, height;
  double left, right, top, bottom;
  double title_x, title_size;
  int x_ticks;
  bool legend_below;
};

constexpr double kLegendRow = 18;

// Legend text is 12 px sans-serif: about 7 px a character, plus the swatch and its gap.
constexpr double kCharPx = 7.0;
constexpr double kSwatchPx = 18.0;

Frame frame_for(HistogramLayout layout, size_t teams, size_t longest_label) {
  if (layout == HistogramLayout::narrow) {
    // A 220 px plot, then the axis label and one legend row per team.
    const double below = 50 + kLegendRow * static_cast<double>(teams) + 8;
    return {.width = 400,
            .height = 36 + 220 + below,
            .left = 48,
            .right = 14,
            .top = 36,
            .bottom = below,
            .title_x = 8,
            .title_size = 13,
            .x_ticks = 4,
            .legend_below = true};
  }
  // The legend column is as wide as the longest label needs, within limits.
  const double legend =
      std::clamp(kSwatchPx + kCharPx * static_cast<double>(longest_label) + 20.0, 200.0, 360.0);
  return {.width = 760,
          .height = 420,
          .left = 70,
          .right = legend,
          .top = 40,
          .bottom = 60,
          .title_x = 70,
          .title_size = 15,
          .x_ticks = 8,
          .legend_below = false};
}

// Characters (not bytes) in UTF-8 text.
size_t utf8_length(const std::string& text) {
  return static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// `text` cut to at most `chars` characters, the last of them an ellipsis, at a character
// boundary; unchanged when it fits.
std::string shortened(const std::string& text, size_t chars) {
  if (utf8_length(text) <= chars || chars == 0) return text;
  size_t kept = 0, i = 0;
  for (; i < text.size(); ++i) {
    if ((text[i] & 0xC0) != 0x80 && kept++ == chars - 1) break;
  }
  return text.substr(0, i) + "\u2026";
}

constexpr int kBins = 60;
constexpr std::array<const char*, 8> kColours = {"#1b6ca8", "#d1495b", "#2e933c", "#edae49",
                                                 "#6a4c93", "#00798c", "#8c564b", "#444444"};

}  // namespace

std::string finish_time_histogram_svg(const SimulationResult& result, const std::string& title,
                                      HistogramLayout layout) {
  std::vector<std::string> labels;
  for (const TeamOdds& t : result.teams) {
    labels.push_back(t.finishes > 0
                         ? fmt::format("{} (median {})", t.team, format_duration(t.p50_time_s))
                         : t.team + " (never finished)");
  }
  size_t longest = 0;
  for (const std::string& l : labels) longest = std::max(longest, utf8_length(l));
  const Frame f = frame_for(layout, result.teams.size(), longest);
  // What still does not fit (a 60-character team name on a phone) is shortened with an ellipsis.
  const double legend_x = f.legend_below ? f.left : f.width - f.right + 12;
  const auto fits = static_cast<size_t>((f.width - legend_x - kSwatchPx - 4) / kCharPx);
  for (std::string& l : labels) l = shortened(l, fits);
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
      "<text x=\"{2}\" y=\"24\" font-size=\"{3}\">{4}</text>\n",
      f.width, f.height, f.title_x, f.title_size, xml_escape(title));
  const double pw = f.width - f.left - f.right, ph = f.height - f.top - f.bottom;
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
  auto X = [&](double s) { return f.left + (s - lo) / (hi - lo) * pw; };
  auto Y = [&](double pct) { return f.top + ph - pct / top * ph; };
  // Axes, ticks and labels with units.
  svg += fmt::format("<g stroke=\"#222\" fill=\"none\"><path d=\"M{0} {1} V{2} H{3}\"/></g>\n",
                     f.left, f.top, f.top + ph, f.left + pw);
  const double xstep = nice_step(hi - lo, f.x_ticks);
  // Ticks counted in whole steps, so rounding never drops or adds one.
  for (auto i = static_cast<long long>(std::ceil(lo / xstep)); i * xstep <= hi; ++i) {
    const double s = static_cast<double>(i) * xstep;
    svg += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#222\"/>"
        "<text x=\"{0:.1f}\" y=\"{3}\" text-anchor=\"middle\">{4}</text>\n",
        X(s), f.top + ph, f.top + ph + 5, f.top + ph + 18, format_time(s));
  }
  for (int i = 0; i * ystep <= top + 1e-9; ++i) {
    const double p = i * ystep;
    svg += fmt::format(
        "<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" stroke=\"#ccc\"/>"
        "<text x=\"{3}\" y=\"{4:.1f}\" text-anchor=\"end\">{5:g}</text>\n",
        f.left, Y(p), f.left + pw, f.left - 6, Y(p) + 4, p);
  }
  svg += fmt::format(
      "<text x=\"{0}\" y=\"{1}\" text-anchor=\"middle\">finish time (s)</text>\n"
      "<text x=\"16\" y=\"{2}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {2})\">"
      "share of races per {3:.2f} s bin (%)</text>\n",
      f.left + pw / 2, f.top + ph + 42, f.top + ph / 2, bin);
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
    // Legend rows: beside the plot, or under its axis label.
    const double lx = legend_x;
    const double ly =
        (f.legend_below ? f.top + ph + 62 : f.top + 10) + kLegendRow * static_cast<double>(k);
    svg += fmt::format(
        "<rect x=\"{0}\" y=\"{1:.1f}\" width=\"12\" height=\"12\" fill=\"{2}\"/>"
        "<text x=\"{3}\" y=\"{4:.1f}\">{5}</text>\n",
        lx, ly - 10, colour, lx + kSwatchPx, ly, xml_escape(labels[k]));
  }
  return svg + "</svg>\n";
}

}  // namespace baton
