// A diagram of one exchange zone for the coach's folder: the zone's limits, the scratch line,
// where the outgoing runner stands, the go-mark (or cue distance) and the expected pass.
#pragma once

#include <string>

#include "baton/relay_plan.h"

namespace baton {

/// How the diagram is laid out.
enum class ZoneLayout {
  wide,    ///< 760 wide, labels beside what they name: a laptop, a printed page
  narrow,  ///< 320 wide, 13-unit labels listed under the lane: a phone held upright (375 px)
};

/// A complete SVG document (no scripts, no external fonts), `title` XML-escaped. Distances are
/// drawn to scale, metres along the track, with labels carrying their units. Text is drawn on a
/// white background of its own, in colours of at least 4.5:1 contrast against it.
std::string render_zone_svg(const ExchangePlan& plan, const std::string& title,
                            ZoneLayout layout = ZoneLayout::wide);

}  // namespace baton
