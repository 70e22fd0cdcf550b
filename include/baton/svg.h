// Small self-contained SVG charts for reports (no scripts, no external fonts).
#pragma once

#include <string>
#include <vector>

namespace baton {

/// One line of a chart: points in data units.
struct ChartSeries {
  std::string label;                              ///< shown in the legend when non-empty
  std::vector<std::pair<double, double>> points;  ///< (x, y), drawn in order
  std::string colour = "#1f5fa8";                 ///< any SVG colour
};

/// A line chart: axes with labels (put the unit in them, "time (s)"), "nice" ticks, a title.
struct LineChart {
  std::string title;
  std::string x_label;  ///< e.g. "time (s)"
  std::string y_label;  ///< e.g. "speed (m/s)"
  std::vector<ChartSeries> series;
  int width_px = 640;
  int height_px = 400;
};

/// Renders the chart as a complete SVG document. Axes start at 0 when all data are positive.
/// Text is XML-escaped. A chart without points renders empty axes; non-finite points are
/// skipped.
std::string render_svg(const LineChart& chart);

}  // namespace baton
