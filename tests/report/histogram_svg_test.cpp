#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "baton/histogram.h"

namespace baton {
namespace {

// 1000 races: A always finishes in 46.00 s, B half in 47.00 s and half in 48.00 s, C never.
SimulationResult field() {
  SimulationResult r;
  r.runs = 1000;
  const auto team = [](std::string name, std::vector<std::pair<double, int>> times) {
    TeamOdds t;
    t.team = std::move(name);
    t.histogram_start_s = 45.0;
    t.histogram_bin_s = 0.01;
    t.histogram.assign(400, 0);
    for (const auto& [s, n] : times) {
      t.histogram[static_cast<size_t>((s - 45.0) / 0.01)] += static_cast<std::uint64_t>(n);
      t.finishes += n;
    }
    if (t.finishes > 0) {
      t.p10_time_s = times.front().first;
      t.p50_time_s = times.front().first;
      t.p90_time_s = times.back().first;
    }
    return t;
  };
  r.teams = {team("A", {{46.0, 1000}}), team("B", {{47.0, 500}, {48.0, 500}}), team("C", {})};
  return r;
}

// The d attribute of every team's outline, in field order (the first path is the axes).
std::vector<std::string> outlines(const std::string& svg) {
  std::vector<std::string> out;
  const std::regex path("<path d=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), path); it != std::sregex_iterator();
       ++it) {
    out.push_back((*it)[1]);
  }
  if (!out.empty()) out.erase(out.begin());
  return out;
}

// The x and y of the legend text that starts with `label`.
std::pair<double, double> legend_at(const std::string& svg, const std::string& label) {
  const std::regex text("<text x=\"([0-9.]+)\" y=\"([0-9.]+)\">" + label);
  std::smatch m;
  if (!std::regex_search(svg, m, text)) {
    ADD_FAILURE() << "no legend entry " << label;
    return {0, 0};
  }
  return {std::stod(m[1]), std::stod(m[2])};
}

TEST(HistogramSvg, WideHasTheLegendBesideThePlotAndBarsAtTheirShares) {
  const std::string svg = finish_time_histogram_svg(field(), "Final & more");
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"420\"", 0),
            0u);
  EXPECT_NE(svg.find("Final &amp; more"), std::string::npos);
  EXPECT_NE(svg.find("finish time (s)"), std::string::npos);
  const auto paths = outlines(svg);
  ASSERT_EQ(paths.size(), 3u);
  // Plot from y = 40 (100 % of races) to y = 360 (0 %): A's one bar is all its races, B's two
  // bars half each, C draws nothing above the axis.
  EXPECT_NE(paths[0].find("V40.0"), std::string::npos) << paths[0];
  EXPECT_EQ(std::count(paths[1].begin(), paths[1].end(), 'V'),
            std::count(paths[0].begin(), paths[0].end(), 'V'));
  const std::string half = "V200.0";
  const size_t first = paths[1].find(half);
  ASSERT_NE(first, std::string::npos) << paths[1];
  EXPECT_NE(paths[1].find(half, first + 1), std::string::npos) << paths[1];
  EXPECT_EQ(paths[2].find("V40.0"), std::string::npos);
  const auto [x, y] = legend_at(svg, "A \\(median 46.00 s\\)");
  EXPECT_GT(x, 560.0);  // right of the plot
  EXPECT_LT(y, 360.0);
  EXPECT_NE(svg.find("C (never finished)"), std::string::npos);
}

TEST(HistogramSvg, NarrowFitsAPhoneWithTheLegendUnderThePlot) {
  const std::string svg = finish_time_histogram_svg(field(), "Final", HistogramLayout::narrow);
  // 36 + 220 px of plot, 50 px of axis, a row per team and a margin.
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"368\"", 0),
            0u);
  const auto paths = outlines(svg);
  ASSERT_EQ(paths.size(), 3u);
  EXPECT_NE(paths[0].find("V36.0"), std::string::npos) << paths[0];   // 100 % at the plot's top
  EXPECT_NE(paths[1].find("V146.0"), std::string::npos) << paths[1];  // 50 % half-way
  double last_y = 256.0;                                              // the time axis
  for (const char* label : {"A \\(median", "B \\(median", "C \\(never"}) {
    const auto [x, y] = legend_at(svg, label);
    EXPECT_DOUBLE_EQ(x, 66.0);
    EXPECT_GT(y, last_y + 17.0) << label;
    EXPECT_LT(y, 368.0) << label;
    last_y = y;
  }
}

TEST(HistogramSvg, LegendLabelsFitThePicture) {
  // A long team name (the web app allows 60 characters) with a two-byte letter in it.
  SimulationResult r = field();
  const std::string name = "Saint Ignatius College Prep Wildcats Varsity Relay Squad \u00c912";
  r.teams[1].team = name;
  const auto characters = [](const std::string& s) {
    return std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; });
  };
  for (HistogramLayout layout : {HistogramLayout::wide, HistogramLayout::narrow}) {
    const std::string svg = finish_time_histogram_svg(r, "Final", layout);
    const double width = layout == HistogramLayout::wide ? 760.0 : 400.0;
    const std::regex label("<text x=\"([0-9.]+)\" y=\"[0-9.]+\">(Saint [^<]*)</text>");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(svg, m, label));
    const std::string shown = m[2];
    // Shortened at a character boundary with an ellipsis, and inside the picture at 7 px a
    // character (12 px sans-serif).
    EXPECT_EQ(shown.substr(shown.size() - 3), "\u2026");
    const std::string kept = shown.substr(0, shown.size() - 3);
    EXPECT_EQ(name.rfind(kept, 0), 0u) << shown;
    EXPECT_LE(std::stod(m[1]) + 7.0 * static_cast<double>(characters(shown)), width) << shown;
    EXPECT_GT(characters(shown), 40) << shown;  // not cut more than it needs
    // The short labels stay whole.
    EXPECT_NE(svg.find(">A (median 46.00 s)<"), std::string::npos);
  }
  // Cut inside the two-byte letter it would be invalid UTF-8: check a cut right after it.
  r.teams[1].team = std::string(44, 'x') + "\u00c9" + std::string(20, 'y');
  const std::string svg = finish_time_histogram_svg(r, "Final", HistogramLayout::narrow);
  EXPECT_NE(svg.find(std::string(44, 'x') + "\u00c9"), std::string::npos);
}

TEST(HistogramSvg, SaysSoWhenNoTeamFinished) {
  SimulationResult r = field();
  r.teams.erase(r.teams.begin(), r.teams.begin() + 2);
  for (HistogramLayout layout : {HistogramLayout::wide, HistogramLayout::narrow}) {
    const std::string svg = finish_time_histogram_svg(r, "Final", layout);
    EXPECT_NE(svg.find("no team finished a race"), std::string::npos);
    EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
  }
}

}  // namespace
}  // namespace baton
