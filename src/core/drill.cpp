// Drills, their outcomes and a pair's record.
#include "baton/drill.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "baton/date.h"
#include "core/text.h"

namespace baton {
namespace {

void check(bool ok, const char* field, const std::string& message) {
  if (!ok) throw ValidationError(message, Location{"", 0, field});
}

}  // namespace

DrillOutcome parse_drill_outcome(std::string_view text, const Location& where) {
  for (DrillOutcome o : {DrillOutcome::clean, DrillOutcome::early, DrillOutcome::late,
                         DrillOutcome::stutter, DrillOutcome::drop, DrillOutcome::out}) {
    if (text == to_string(o)) return o;
  }
  throw ParseError(
      fmt::format("unknown outcome '{}': use clean, early, late, stutter, drop or out", text),
      where);
}

std::string_view to_string(DrillOutcome outcome) {
  switch (outcome) {
    case DrillOutcome::clean:
      return "clean";
    case DrillOutcome::early:
      return "early";
    case DrillOutcome::late:
      return "late";
    case DrillOutcome::stutter:
      return "stutter";
    case DrillOutcome::drop:
      return "drop";
    case DrillOutcome::out:
      return "out";
  }
  return "clean";
}

void validate_drill(const Drill& d) {
  check(!d.from.empty(), "from", "the incoming runner is missing");
  check(!d.to.empty(), "to", "the outgoing runner is missing");
  text::require_utf8(d.from, Location{"", 0, "from"});
  text::require_utf8(d.to, Location{"", 0, "to"});
  text::require_utf8(d.note, Location{"", 0, "note"});
  parse_date(d.date, Location{"", 0, "date"});
  check(std::isfinite(d.zone_length_m) && d.zone_length_m > 0 &&
            d.zone_length_m <= kMaxDrillZoneLengthM,
        "zone_length_m",
        fmt::format("zone length must be above 0 and at most {:g} m (got {:g} m)",
                    kMaxDrillZoneLengthM, d.zone_length_m));
  check(std::isfinite(d.go_mark_m) && d.go_mark_m >= 0 && d.go_mark_m <= kMaxDrillGoMarkM,
        "go_mark_m",
        fmt::format("go-mark must be 0-{:g} m behind the outgoing runner (got {:g} m)",
                    kMaxDrillGoMarkM, d.go_mark_m));
  const double z = d.zone_length_m;
  check(std::isfinite(d.exchange_at_m) && d.exchange_at_m >= -z && d.exchange_at_m <= 2 * z,
        "exchange_at_m",
        fmt::format("exchange position {:g} m is impossible: it must lie within {:g} m of the "
                    "{:g} m zone ({:g} to {:g} m from the zone's start)",
                    d.exchange_at_m, z, z, -z, 2 * z));
  if (d.baton_time_s) {
    check(
        std::isfinite(*d.baton_time_s) && *d.baton_time_s > 0 && *d.baton_time_s <= kMaxBatonTimeS,
        "baton_time_s",
        fmt::format("baton time must be above 0 and at most {:g} s (got {:g} s)", kMaxBatonTimeS,
                    *d.baton_time_s));
  }
  check(d.key.size() <= kMaxDrillKeyChars, "key",
        fmt::format("the key must be at most {} characters (got {})", kMaxDrillKeyChars,
                    d.key.size()));
  const bool key_chars_ok = std::all_of(d.key.begin(), d.key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == ':';
  });
  check(key_chars_ok, "key", "the key may hold only letters, digits and - _ . :");
}

PairRecord PairRecord::of_passes(int passes, int clean_passes, double timing_sd_m) {
  PairRecord r;
  r.drills = passes;
  r.clean = clean_passes;
  r.timing_sd_m = timing_sd_m;
  return r;
}

double PairRecord::clean_rate() const { return drills > 0 ? double(clean) / drills : 0.0; }

std::optional<double> PairRecord::p_clean() const {
  if (drills == 0) return std::nullopt;
  return static_cast<double>(clean) / drills;
}

double PairRecord::p_clean_smoothed() const { return (clean + 1.0) / (drills + 2.0); }

PairRecord summarize_drills(const std::vector<Drill>& drills) {
  PairRecord r;
  if (drills.empty()) return r;
  r.from = drills.front().from;
  r.to = drills.front().to;
  r.drills = static_cast<int>(drills.size());
  r.first_date = drills.front().date;
  r.last_date = drills.front().date;
  double sum = 0;
  for (const Drill& d : drills) {
    r.clean += d.outcome == DrillOutcome::clean;
    r.drops += d.outcome == DrillOutcome::drop;
    r.outside_zone += d.outcome == DrillOutcome::out;
    sum += d.exchange_at_m;
    r.first_date = std::min(r.first_date, d.date);
    r.last_date = std::max(r.last_date, d.date);
  }
  r.mean_exchange_at_m = sum / r.drills;
  if (r.drills > 1) {
    double ss = 0;
    for (const Drill& d : drills)
      ss += (d.exchange_at_m - r.mean_exchange_at_m) * (d.exchange_at_m - r.mean_exchange_at_m);
    r.sd_exchange_at_m = std::sqrt(ss / (r.drills - 1));
  }
  return r;
}

}  // namespace baton
