// A line chart of how a pair's (or an athlete's) numbers moved over time, as one
// self-contained SVG document (no scripts, no external fonts or styles).
#pragma once

#include <string>
#include <vector>

namespace baton {

/// One line on the chart.
struct ProgressSeries {
  std::string name;            ///< legend text, with its unit: "recommended go-mark (m)"
  std::vector<double> values;  ///< one per date; NaN leaves a gap
  bool right_axis = false;     ///< plot against the right-hand axis
};

/// What to draw. Dates are YYYY-MM-DD and set the x positions (by calendar day).
struct ProgressChart {
  std::string title;                   ///< e.g. "Ava Brooks -> Mia Chen"
  std::vector<std::string> dates;      ///< x values, ascending
  std::string left_axis;               ///< left axis label with unit, e.g. "metres"
  std::string right_axis;              ///< right axis label with unit; empty for none
  std::vector<ProgressSeries> series;  ///< each with dates.size() values
  double width_px = 720;               ///< SVG width, pixels
  double height_px = 400;              ///< SVG height, pixels
};

/// The chart as SVG text. Throws ValidationError when there are no dates, a date is malformed
/// or out of order, or a series has the wrong number of values.
std::string progress_svg(const ProgressChart& chart);

}  // namespace baton
