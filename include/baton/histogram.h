// Finish-time histograms of a simulation as a self-contained SVG picture.
#pragma once

#include <string>

#include "baton/simulation.h"

namespace baton {

/// How the picture is laid out.
enum class HistogramLayout {
  wide,    ///< 760 x 420, the legend to the right of the plot: reports, laptops
  narrow,  ///< 400 wide, fewer ticks, the legend under the plot: a phone held upright
};

/// An SVG (standalone, no scripts or external references) with one histogram per team of the
/// finish times of finished races: x axis time in seconds, y axis share of races in percent,
/// a legend with team names and median times. Teams that never finished are listed as such.
std::string finish_time_histogram_svg(const SimulationResult& result, const std::string& title,
                                      HistogramLayout layout = HistogramLayout::wide);

}  // namespace baton
