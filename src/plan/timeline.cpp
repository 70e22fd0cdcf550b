#include "baton/timeline.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace baton {
namespace {

void check(bool ok, const char* field, const char* what) {
  if (!ok) throw ValidationError(fmt::format("timeline option {} {}", field, what), {"", 0, field});
}

}  // namespace

void validate_timeline_options(const TimelineOptions& o) {
  check(o.leg1_report_before_gun_s >= 0.0 && o.leg1_report_before_gun_s <= 3600.0,
        "leg1_report_before_gun_s", "must be 0 - 3600 s");
  check(o.lane_zone_report_before_gun_s >= 0.0 && o.lane_zone_report_before_gun_s <= 3600.0,
        "lane_zone_report_before_gun_s", "must be 0 - 3600 s");
  check(o.zone_lead_s >= 0.0 && o.zone_lead_s <= 3600.0, "zone_lead_s", "must be 0 - 3600 s");
  check(o.early_start_sd >= 0.0 && o.early_start_sd <= 5.0, "early_start_sd", "must be 0 - 5");
  check(o.final_warmup_s >= 0.0 && o.final_warmup_s <= 3600.0, "final_warmup_s",
        "must be 0 - 3600 s");
}

std::string waiting_order_text(const Event& e) {
  const bool any = std::any_of(e.exchanges.begin(), e.exchanges.end(),
                               [](const ExchangeZone& z) { return !z.blind && !z.in_lanes; });
  if (!any) return "";
  return "Waiting order (exchanges out of lanes): the outgoing runners line up across the zone "
         "in the order their incoming teammates hold at the 200 m point of the lap, the leader's "
         "teammate on the inside. Watch your teammate at 200 m to go and move to your place; "
         "officials may re-order you as the order changes. Take the baton in the left hand, "
         "looking back, and switch it to the right.";
}

std::string format_gun_offset(double s) {
  const double a = std::abs(s);
  if (a < 0.05) return "gun";
  const std::string when = s < 0 ? " before the gun" : " after the gun";
  if (a < 60.0) return fmt::format("{:.1f} s", a) + when;
  const long whole = std::lround(a);
  return fmt::format("{}:{:02d}", whole / 60, static_cast<int>(whole % 60)) + when;
}

RaceTimeline plan_timeline(const PacingPlan& plan, const Event& e, const TimelineOptions& o) {
  validate_timeline_options(o);
  if (plan.legs.size() != e.legs.size()) {
    throw ValidationError(
        fmt::format("the plan has {} legs but {} has {}", plan.legs.size(), e.name, e.legs.size()),
        {"", 0, "legs"});
  }
  RaceTimeline t;
  t.event = plan.event;
  t.team_time_s = plan.team_time_s;
  t.waiting_order = waiting_order_text(e);
  for (size_t l = 0; l < plan.legs.size(); ++l) {
    const LegPacing& leg = plan.legs[l];
    RunnerTimeline r;
    r.leg = leg.leg;
    r.athlete = leg.athlete;
    r.start_after_gun_s = leg.start_after_gun_s;
    r.start_after_gun_sd_s = leg.start_after_gun_sd_s;
    r.earliest_start_s =
        std::max(0.0, leg.start_after_gun_s - o.early_start_sd * leg.start_after_gun_sd_s);
    if (l == 0) {
      r.where = "the start line";
      r.report_s = -o.leg1_report_before_gun_s;
    } else {
      const ExchangeZone& z = e.exchanges[l - 1];
      r.report_s = r.earliest_start_s - o.zone_lead_s;
      // Nobody walks onto the track once the start is under way: a runner who must be in the
      // zone before the gun (every zone in lanes; out of lanes, a leg due within zone_lead_s of
      // the gun) takes their place with the pre-race call, not seconds before the gun.
      if (z.in_lanes || r.report_s < 0.0) {
        r.report_s = std::min(r.report_s, -o.lane_zone_report_before_gun_s);
      }
      if (z.in_lanes) {
        r.where = fmt::format("exchange zone {}, in your lane", z.number);
      } else {
        r.where = fmt::format("exchange zone {}, by the waiting order", z.number);
      }
    }
    r.final_warmup_s = r.report_s - o.final_warmup_s;
    r.wait_s = r.start_after_gun_s - r.report_s;
    t.runners.push_back(std::move(r));
  }
  return t;
}

}  // namespace baton
