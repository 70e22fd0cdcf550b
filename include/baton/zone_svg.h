// A diagram of one exchange zone for the coach's folder: the zone's limits, the scratch line,
// where the outgoing runner stands, the go-mark (or cue distance) and the expected pass.
#pragma once

#include <string>

#include "baton/relay_plan.h"

namespace baton {

/// A complete SVG document (no scripts, no external fonts), `title` XML-escaped. Distances are
/// drawn to scale, metres along the track, with labels carrying their units.
std::string render_zone_svg(const ExchangePlan& plan, const std::string& title);

}  // namespace baton
