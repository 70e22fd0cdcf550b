#include "cli/practice_text.h"

#include <fmt/format.h>

#include <cmath>

#include "baton/text_table.h"

namespace baton::cli {
namespace {

std::string metres(double m) { return fmt::format("{:.2f} m", m); }

}  // namespace

std::string drill_line(const Drill& d) {
  return fmt::format("Logged drill {}: {} -> {} on {}, mark {}, exchange at {} ({})\n", d.id,
                     d.from, d.to, d.date, metres(d.go_mark_m), metres(d.exchange_at_m),
                     to_string(d.outcome));
}

std::string drills_table(const std::vector<Drill>& drills) {
  TextTable t(
      {">id", "date", "from", "to", ">go-mark", ">exchange at", ">baton time", "outcome", "note"});
  for (const Drill& d : drills) {
    t.add_row({std::to_string(d.id), d.date, d.from, d.to, metres(d.go_mark_m),
               metres(d.exchange_at_m),
               d.baton_time_s ? fmt::format("{:.2f} s", *d.baton_time_s) : "",
               std::string(to_string(d.outcome)), d.note});
  }
  return t.render();
}

std::string report_text(const PracticeReport& r) {
  const PairRecord& rec = r.record;
  const Calibration& c = r.calibration;
  std::string out = fmt::format("{} -> {} as of {}: {} drills", r.from, r.to, r.as_of, rec.drills);
  if (rec.drills) {
    out += fmt::format(", {:.0f}% clean, exchange at {} (SD {})", 100.0 * *rec.p_clean(),
                       metres(rec.mean_exchange_at_m), metres(rec.sd_exchange_at_m));
  }
  out += "\n";
  if (r.exchange > 0) {
    out += fmt::format("Exchange {} ({})\n", r.exchange, r.exchange_source);
  }
  if (!c.recommended.exchanged) {
    out +=
        "No go-mark puts the baton at " + metres(c.target_m) + ": " + c.recommended.reason + "\n";
  } else {
    // The mark is paced back from where the outgoing runner stands; say where when it is not
    // the back of the zone (a tired incoming runner is met further in).
    const std::string stand =
        c.recommended.start_m >= 0.05
            ? fmt::format(", standing {} into the zone", metres(c.recommended.start_m))
            : "";
    out += fmt::format("Go-mark for a pass at {}: {} ({:.1f} foot lengths){}; model alone {}\n",
                       metres(c.recommended.baton_position_m), metres(c.recommended.go_mark_m),
                       c.recommended.go_mark_m / r.foot_length_m, stand,
                       c.model.exchanged ? metres(c.model.go_mark_m) : "none");
  }
  const PairCalibration& pc = r.pair;
  if (pc.drills > 0) {
    const auto param = [](const FittedParameter& f, const char* unit, int digits) {
      return fmt::format("{:.{}f} {} (+/- {:.{}f} {}; model {:.{}f} {})", f.value, digits, unit,
                         f.sd, digits, unit, f.prior, digits, unit);
    };
    const FittedParameter& r0 = pc.reaction_s;
    const std::string leaves =
        r0.value < 0.0 ? fmt::format(
                             "{:.2f} s before the incoming runner reaches the mark (+/- {:.2f} s; "
                             "model {:.2f} s after)",
                             -r0.value, r0.sd, r0.prior)
                       : fmt::format("{} after the mark", param(r0, "s", 2));
    out += fmt::format(
        "Fitted from {} drills: outgoing runner leaves {}, TAU {}, incoming "
        "runner at {}\n",
        pc.drills, leaves, param(pc.outgoing_tau_s, "s", 2),
        param(pc.incoming_speed_mps, "m/s", 2));
  }
  if (r.go_mark_m && r.predicted_exchange_at_m) {
    out += fmt::format("With a {} mark the pair should pass {} into the zone\n",
                       metres(*r.go_mark_m), metres(*r.predicted_exchange_at_m));
  }
  for (const UnexplainedDrill& u : pc.unexplained) {
    out += fmt::format("Not explained: {} drill, {} mark, pass at {}: {}\n", u.date,
                       metres(u.go_mark_m), metres(u.exchange_at_m), u.reason);
  }
  if (c.reaction_at_bound) {
    out +=
        "Warning: a fitted value stopped at its limit; the drills do not fit the pair's "
        "speeds, check them.\n";
  }
  return out;
}

nlohmann::json progress_json(const PairProgress& p, const std::string& svg) {
  nlohmann::json rows = nlohmann::json::array();
  for (const PairProgressDay& d : p.days) {
    rows.push_back(
        {{"date", d.date},
         {"drills", d.drills},
         {"total_drills", d.total_drills},
         {"mean_exchange_at_m", d.mean_exchange_at_m},
         {"p_clean", d.p_clean},
         {"recommended_go_mark_m",
          d.go_mark_m ? nlohmann::json(std::round(*d.go_mark_m * 1000) / 1000) : nlohmann::json()},
         {"effective_reaction_s", std::round(d.effective_reaction_s * 10000) / 10000}});
  }
  return {{"pair", {{"from", p.from}, {"to", p.to}}},
          {"target_m", p.target_m},
          {"dates", rows},
          {"svg", svg.empty() ? nlohmann::json() : nlohmann::json(svg)}};
}

std::string progress_text(const PairProgress& p) {
  if (p.days.empty()) return fmt::format("No drills for {} -> {} yet\n", p.from, p.to);
  TextTable t({"date", ">drills", ">total", ">mean exchange", ">clean", ">go-mark"});
  for (const PairProgressDay& d : p.days) {
    t.add_row({d.date, std::to_string(d.drills), std::to_string(d.total_drills),
               metres(d.mean_exchange_at_m), fmt::format("{:.0f}%", 100.0 * d.p_clean),
               d.go_mark_m ? metres(*d.go_mark_m) : "none"});
  }
  return fmt::format(
             "{} -> {}: go-mark for a pass at {}, recalibrated with the drills up to each date\n",
             p.from, p.to, metres(p.target_m)) +
         t.render();
}

}  // namespace baton::cli
