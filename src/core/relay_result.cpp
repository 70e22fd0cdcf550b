// Checking a relay result against the roster and the event.
#include "baton/relay_result.h"

#include <fmt/format.h>

#include <cmath>
#include <set>

#include "baton/athlete.h"
#include "baton/date.h"
#include "baton/event.h"
#include "core/text.h"

namespace baton {
namespace {

Location at(const Location& base, const char* field) { return with_field(base, field); }

}  // namespace

RelayResult validate_result(const RelayResult& in, const Team& roster, const Location& where) {
  RelayResult r = in;
  text::require_utf8(in.event, at(where, "event"));
  text::require_utf8(in.meet, at(where, "meet"));
  for (const std::string& name : in.order) text::require_utf8(name, at(where, "order"));
  r.date = parse_date(in.date, at(where, "date"));
  if (in.event.empty()) throw ValidationError("the event is missing", at(where, "event"));
  const Event event = find_event(in.event, roster.rules, at(where, "event"));
  const size_t legs = event.legs.size();
  if (in.order.size() != legs) {
    throw ValidationError(fmt::format("{} has {} legs but the order names {} runners", event.id,
                                      legs, in.order.size()),
                          at(where, "order"));
  }
  std::set<std::string> seen;
  std::vector<const Athlete*> runners;
  double record_sum_s = 0;
  for (size_t i = 0; i < legs; ++i) {
    const Athlete& a = roster.athlete(in.order[i], at(where, "order"));
    if (!seen.insert(a.name).second) {
      throw ValidationError(a.name + " is named for two legs", at(where, "order"));
    }
    r.order[i] = a.name;
    runners.push_back(&a);
    record_sum_s += world_record_s(event.legs[i].distance_m, a.sex);
  }
  const double total_m = event.total_m();
  if (in.dnf) {
    // A DNF says only that the team did not finish; a known cause is recorded as itself.
    if (in.team_time_s) {
      throw ValidationError(
          "a relay that did not finish (DNF) has no team time: give the time "
          "or DNF, not both",
          at(where, "time"));
    }
    if (in.dq) {
      throw ValidationError(
          "a relay is either disqualified (DQ) or did not finish (DNF), not "
          "both: record the official verdict",
          at(where, "dnf"));
    }
    if (in.dropped_leg) {
      throw ValidationError(
          "a dropped baton already records that the team did not finish and "
          "why: give the drop without DNF",
          at(where, "dnf"));
    }
    if (!in.splits_s.empty()) {
      throw ValidationError("a relay that did not finish (DNF) has no leg splits to log",
                            at(where, "splits"));
    }
  }
  if (in.team_time_s) {
    const double t = *in.team_time_s;
    if (!std::isfinite(t) || t < 0.95 * record_sum_s || t > total_m / 2.0) {
      throw ValidationError(
          fmt::format("{:.2f} s is impossible for {}: between {:.2f} s (95% of the legs' world "
                      "records) and {:.2f} s (a 2 m/s walk)",
                      t, event.id, 0.95 * record_sum_s, total_m / 2.0),
          at(where, "time"));
    }
  } else if (!in.dropped_leg && !in.dq && !in.dnf) {
    throw ValidationError(
        "a finish time is needed unless the team dropped the baton, was disqualified or did "
        "not finish (DNF)",
        at(where, "time"));
  }
  if (in.dropped_leg && (*in.dropped_leg < 1 || *in.dropped_leg > static_cast<int>(legs))) {
    throw ValidationError(
        fmt::format("leg {} does not exist in {} (1-{})", *in.dropped_leg, event.id, legs),
        at(where, "drop"));
  }
  if (!in.splits_s.empty()) {
    if (in.splits_s.size() != legs) {
      throw ValidationError(fmt::format("{} splits for {} legs", in.splits_s.size(), legs),
                            at(where, "splits"));
    }
    if (!in.splits_hand.empty() && in.splits_hand.size() != legs) {
      throw ValidationError(
          fmt::format("{} hand-timing flags for {} splits", in.splits_hand.size(), legs),
          at(where, "splits"));
    }
    double sum = 0;
    for (size_t i = 0; i < legs; ++i) {
      const double s = in.splits_s[i];
      const double d = event.legs[i].distance_m;
      // A flying leg can beat the open record; 85 % of it is beyond anyone.
      const double fastest = 0.85 * world_record_s(d, runners[i]->sex);
      if (!std::isfinite(s) || s < fastest || s > d / 2.0) {
        throw ValidationError(
            fmt::format("leg {} split {:.2f} s is impossible for {:g} m ({:.2f} - {:.2f} s)", i + 1,
                        s, d, fastest, d / 2.0),
            at(where, "splits"));
      }
      sum += s;
    }
    if (in.team_time_s && std::abs(sum - *in.team_time_s) > 0.02 * *in.team_time_s + 0.5) {
      throw ValidationError(fmt::format("the splits add up to {:.2f} s but the team time is "
                                        "{:.2f} s",
                                        sum, *in.team_time_s),
                            at(where, "splits"));
    }
  }
  return r;
}

}  // namespace baton
