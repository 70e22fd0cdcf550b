#include "baton/cards.h"

#include <fmt/format.h>

#include "baton/units.h"
#include "report/html.h"

namespace baton {
namespace {

using html::escape;

// Printed: two cards per A4 or US Letter page, each whole (never split, never cut: no fixed
// height), the card's facts in two columns of 9 pt type so the longest card, a middle leg of a
// 4x400 with its "Taking", "Handing on" and target splits, fits in half a page. Phone: one
// column, large type.
constexpr std::string_view kCardCss = R"(
.card{border:2px solid #1d2430;border-radius:10px;padding:12px 14px;margin:0 0 16px;
  break-inside:avoid;page-break-inside:avoid}
.card header{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:baseline;
  gap:4px 12px;border-bottom:1px solid #cbd5e0;margin-bottom:8px}
.card h2{border:0;margin:0;font-size:1.45rem}
.card .leg{font-size:1.15rem;font-weight:700;color:#1b6ca8}
.card h3{margin:10px 0 4px}
dl.facts{display:grid;grid-template-columns:minmax(8em,max-content) 1fr;gap:3px 12px;margin:0}
dl.facts dt{font-weight:600} dl.facts dd{margin:0}
.big{font-size:1.1rem;font-weight:700}
@media (max-width:480px){body{padding:8px} dl.facts{grid-template-columns:1fr}
  dl.facts dt{margin-top:4px} .card{padding:10px}}
.cols{display:grid;grid-template-columns:1fr;gap:0 18px}
@media (min-width:700px){.cols{grid-template-columns:1fr 1fr}}
@media print{@page{size:auto;margin:10mm} body{font-size:9pt;line-height:1.25}
  .card{margin:0 0 5mm;padding:3mm 4mm;border-width:1.5px}
  .card:nth-of-type(2n){break-after:page;page-break-after:always}
  .card header{margin-bottom:2mm} .card h2{font-size:14pt} .card .leg{font-size:10pt}
  .card h3{font-size:10pt;margin:2mm 0 1mm} .big{font-size:10pt}
  .cols{grid-template-columns:1fr 1fr;gap:0 5mm} table{margin:1mm 0 2mm} th,td{padding:1px 5px}
  .note{font-size:8.5pt;margin:1mm 0}}
)";

std::string pending() { return "<span class=\"pending\">set by the hand-off plan</span>"; }

std::string fact(std::string_view term, const std::string& value_html) {
  return fmt::format("<dt>{}</dt><dd>{}</dd>\n", escape(term), value_html);
}

std::string when(double s) {
  return s <= 0.0 ? escape(format_gun_offset(s)) : escape(format_gun_offset(s));
}

std::string zone_text(const CardExchange& x) {
  return fmt::format("zone {}: {:g} m long, scratch line {:g} m in ({} exchange)", x.exchange,
                     x.zone_length_m, x.scratch_from_zone_start_m, x.blind ? "blind" : "visual");
}

std::string taking(const RelayCard& c, const CardExchange& x) {
  std::string s =
      fmt::format("<h3>Taking the baton from {}</h3>\n<dl class=\"facts\">\n", escape(x.from));
  s += fact("Wait in", escape(zone_text(x)));
  s += fact("Receive in", x.planned ? escape(x.receive_hand) + " hand" : pending());
  s += fact("Technique", x.planned ? escape(x.technique) : pending());
  if (x.blind) {
    s += fact("Start", x.planned ? escape(fmt::format("{:.1f} m from the zone's start", x.start_m))
                                 : pending());
    s += fact("Go-mark", x.planned ? "<span class=\"big\">" +
                                         escape(fmt::format("{:.1f} foot lengths ({:.2f} m)",
                                                            x.go_mark_foot_lengths, x.go_mark_m)) +
                                         "</span> behind your start"
                                   : pending());
  } else {
    s += fact("Go", x.planned ? escape(x.cue) : pending());
  }
  if (x.planned && x.blind && !x.cue.empty()) s += fact("Cue", escape(x.cue));
  if (!x.problem.empty()) s += fact("Warning", "<strong>" + escape(x.problem) + "</strong>");
  s += fact("Expected",
            escape(fmt::format("{} (sd {:.1f} s)", format_gun_offset(c.timeline.start_after_gun_s),
                               c.timeline.start_after_gun_sd_s)));
  return s + "</dl>\n";
}

std::string handing(const CardExchange& x) {
  std::string s = fmt::format("<h3>Handing on to {}</h3>\n<dl class=\"facts\">\n", escape(x.to));
  s += fact("Carry in", x.planned ? escape(x.carry_hand_in) + " hand" : pending());
  s += fact("Technique", x.planned ? escape(x.technique) : pending());
  s += fact("Run", x.blind ? "through the zone at full speed; call when you reach " + escape(x.to) +
                                 ", keep running past the pass"
                           : "hold your form to the zone; hand the baton into " + escape(x.to) +
                                 "'s left hand");
  return s + "</dl>\n";
}

std::string targets(const RelayCard& c) {
  std::string s =
      "<table>\n<tr><th class=\"num\">at</th><th class=\"num\">time</th>"
      "<th class=\"num\">segment</th></tr>\n";
  double prev_m = c.takes_baton_at_m, prev_s = 0.0;
  for (const PacePoint& p : c.pacing) {
    s += fmt::format(
        "<tr><td class=\"num\">{:g} m</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{} for {:g} m</td></tr>\n",
        p.at_m, format_duration(p.time_s), format_duration(p.time_s - prev_s), p.at_m - prev_m);
    prev_m = p.at_m;
    prev_s = p.time_s;
  }
  return s + "</table>\n";
}

std::string style_advice(const RelayCard& c) {
  switch (c.style) {
    case PacingStyle::all_out:
      return "All-out: hold nothing back. The times run from taking the baton; the last is "
             "your hand-off, at your split.";
    case PacingStyle::fast_start:
      return "Go out fast but relaxed, then hold your form: the second half is slower by "
             "design, not by giving up.";
    case PacingStyle::even_laps:
      return "Even laps: settle into the lap time at once and hold it; the first lap only "
             "carries the start.";
  }
  return "";
}

std::string card_html(const RelayCard& c) {
  std::string s = "<section class=\"card\">\n<header>";
  s += fmt::format("<span class=\"leg\">Leg {} of {} &middot; {}</span>", c.leg, c.legs,
                   escape(distance_label(c.distance_m)));
  s += fmt::format("<h2>{}</h2>", escape(c.athlete));
  s += fmt::format("<span>{}{}</span></header>\n", escape(c.team),
                   c.team.empty() ? escape(c.event_name) : " &middot; " + escape(c.event_name));
  s += "<div class=\"cols\"><div class=\"col\">\n<dl class=\"facts\">\n";
  s += fact("Final warm-up", when(c.timeline.final_warmup_s));
  s += fact("Report to", escape(c.timeline.where) + ", by " + when(c.timeline.report_s));
  s +=
      fact("Your leg starts",
           c.leg == 1 ? std::string("at the gun")
                      : "<span class=\"big\">" + when(c.timeline.start_after_gun_s) + "</span>" +
                            escape(fmt::format(" (sd {:.1f} s)", c.timeline.start_after_gun_sd_s)));
  s += fact("Carry in", c.carry_hand.empty() ? pending() : escape(c.carry_hand) + " hand");
  s += fact("Predicted split",
            escape(format_duration(c.split_s) +
                   (c.estimated ? " (estimate: no mark of yours at this distance)" : "")));
  s += "</dl>\n";
  if (c.leg > 1) {
    s += "<p class=\"note\">Stay loose while you wait: jog in place, leg swings, and watch "
         "your teammate.</p>\n";
  }
  for (const CardExchange& x : c.in) s += taking(c, x);
  // The waiting order heads the second column, beside the exchange it explains, so both columns
  // of a printed card are about as long.
  s += "</div><div class=\"col\">\n";
  if (!c.waiting_order.empty()) s += "<p class=\"note\">" + escape(c.waiting_order) + "</p>\n";
  for (const CardExchange& x : c.out) s += handing(x);
  if (c.out.empty()) {
    s += "<p class=\"note\">Anchor: run through the finish line, not to it.</p>\n";
  }
  s += fmt::format("<h3>Targets ({})</h3>\n", escape(to_string(c.style)));
  s += targets(c);
  s += "<p class=\"note\">" + escape(style_advice(c)) + "</p>\n";
  return s + "</div></div>\n</section>\n";
}

}  // namespace

std::vector<RelayCard> build_cards(const std::string& team, const Event& e, const PacingPlan& plan,
                                   const RaceTimeline& timeline) {
  const size_t n = e.legs.size();
  if (plan.legs.size() != n || timeline.runners.size() != n) {
    throw ValidationError(fmt::format("{} has {} legs; the plan has {} and the timeline {}", e.name,
                                      n, plan.legs.size(), timeline.runners.size()),
                          {"", 0, "legs"});
  }
  std::vector<CardExchange> exchanges;
  for (size_t k = 0; k + 1 < n; ++k) {
    const ExchangeZone& z = e.exchanges[k];
    CardExchange x;
    x.exchange = z.number;
    x.from = plan.legs[k].athlete;
    x.to = plan.legs[k + 1].athlete;
    x.blind = z.blind;
    x.zone_length_m = z.zone_length_m;
    x.scratch_from_zone_start_m = z.scratch_from_zone_start_m;
    exchanges.push_back(x);
  }
  std::vector<RelayCard> cards;
  for (size_t l = 0; l < n; ++l) {
    const LegPacing& p = plan.legs[l];
    RelayCard c;
    c.team = team;
    c.event_name = e.name;
    c.leg = p.leg;
    c.legs = static_cast<int>(n);
    c.athlete = p.athlete;
    c.distance_m = p.distance_m;
    c.split_s = p.split_s;
    c.estimated = p.estimated;
    c.style = p.style;
    c.pacing = p.runner_targets;
    c.takes_baton_at_m = p.takes_baton_at_m;
    c.timeline = timeline.runners[l];
    if (l > 0) {
      c.in.push_back(exchanges[l - 1]);
      const ExchangeZone& z = e.exchanges[l - 1];
      if (!z.blind && !z.in_lanes) c.waiting_order = timeline.waiting_order;
    }
    if (l + 1 < n) c.out.push_back(exchanges[l]);
    cards.push_back(std::move(c));
  }
  return cards;
}

void attach_relay_plan(std::vector<RelayCard>& cards, const RelayPlan& plan) {
  if (plan.legs.size() != cards.size()) {
    throw ValidationError("the hand-off plan and the cards have different legs", {"", 0, "legs"});
  }
  for (size_t l = 0; l < cards.size(); ++l) {
    if (plan.legs[l].athlete != cards[l].athlete) {
      throw ValidationError("the hand-off plan runs " + plan.legs[l].athlete + " on leg " +
                                std::to_string(l + 1) + ", the cards " + cards[l].athlete,
                            {"", 0, "order"});
    }
    cards[l].carry_hand = std::string(to_string(plan.legs[l].hands.carry_hand));
  }
  for (size_t k = 0; k < plan.exchanges.size() && k + 1 < cards.size(); ++k) {
    const ExchangePlan& p = plan.exchanges[k].plan;
    for (CardExchange* x : {&cards[k].out.at(0), &cards[k + 1].in.at(0)}) {
      x->planned = true;
      x->technique = std::string(to_string(p.hands.technique));
      x->carry_hand_in = std::string(to_string(p.hands.carry_hand_in));
      x->receive_hand = std::string(to_string(p.hands.receive_hand));
      x->go_mark_m = p.go_mark_m;
      x->go_mark_foot_lengths = p.go_mark_foot_lengths;
      x->start_m = p.start_m;
      x->cue = p.cue;
      x->problem = p.legal ? "" : p.reason;
    }
  }
}

std::string render_cards_html(const std::vector<RelayCard>& cards) {
  std::string title = "Relay cards";
  if (!cards.empty()) {
    title = fmt::format("{}{}{}: relay cards", cards[0].team, cards[0].team.empty() ? "" : " ",
                        cards[0].event_name);
  }
  std::string body = "<h1 class=\"noprint\">" + escape(title) + "</h1>\n";
  for (const RelayCard& c : cards) body += card_html(c);
  return html::page(title, std::string(kCardCss) + "@media print{h1.noprint{display:none}}", body);
}

}  // namespace baton
