// Printable relay cards: one card per runner with their leg, where and when to wait, the
// exchanges they take part in, and their target splits. Readable on paper (print CSS, two
// cards per A4/Letter page) and on a phone.
#pragma once

#include <string>
#include <vector>

#include "baton/event.h"
#include "baton/pacing.h"
#include "baton/relay_plan.h"
#include "baton/timeline.h"

namespace baton {

/// One exchange as a card shows it. The hands, technique and go-mark come from the hand-off
/// plan; until one is attached `planned` is false and the card prints the fields as open.
struct CardExchange {
  int exchange = 0;  ///< 1 = leg 1 to leg 2
  std::string from;  ///< incoming runner
  std::string to;    ///< outgoing runner
  bool blind = true;
  double zone_length_m = 0.0;              ///< metres
  double scratch_from_zone_start_m = 0.0;  ///< metres
  bool planned = false;                    ///< the fields below are filled
  std::string technique;                   ///< "downsweep", "upsweep", "push", "visual"
  std::string carry_hand_in;               ///< "right" / "left": incoming runner's hand
  std::string receive_hand;                ///< "right" / "left": outgoing runner's hand
  double go_mark_m = 0.0;             ///< blind: behind the outgoing start; visual: cue, metres
  double go_mark_foot_lengths = 0.0;  ///< go_mark_m in the outgoing runner's foot lengths
  double start_m = 0.0;               ///< outgoing runner's start, metres from the zone start
  std::string cue;                    ///< what the outgoing runner is told
  std::string problem;                ///< why the planned pass is not legal ("" when it is)
};

/// One runner's card.
struct RelayCard {
  std::string team;        ///< team name
  std::string event_name;  ///< "4x100 m relay"
  int leg = 0;             ///< 1-based
  int legs = 0;            ///< legs of the event
  std::string athlete;
  double distance_m = 0.0;  ///< metres
  double split_s = 0.0;     ///< predicted split, seconds
  bool estimated = false;   ///< the split rests on a mark estimated from another distance
  PacingStyle style = PacingStyle::all_out;
  std::vector<PacePoint> pacing;  ///< LegPacing::runner_targets: from taking the baton
  double takes_baton_at_m = 0.0;  ///< LegPacing::takes_baton_at_m
  RunnerTimeline timeline;        ///< warm-up, report, expected start
  std::string carry_hand;         ///< hand to carry in ("" until a hand-off plan is attached)
  std::vector<CardExchange> in;   ///< the exchange where this runner takes the baton (0 or 1)
  std::vector<CardExchange> out;  ///< the exchange where this runner hands it on (0 or 1)
  std::string waiting_order;      ///< the waiting-order rule when it applies to this runner
};

/// The cards of a running order, from its pacing plan and timeline. Hands, techniques and
/// go-marks stay open (`planned` false). Throws ValidationError when the plan, timeline and
/// event do not have the same legs.
std::vector<RelayCard> build_cards(const std::string& team, const Event& event,
                                   const PacingPlan& plan, const RaceTimeline& timeline);

/// Fills hands, techniques, starts and go-marks from the hand-off plan of the same order.
/// Throws ValidationError when the plan's runners differ from the cards'.
void attach_relay_plan(std::vector<RelayCard>& cards, const RelayPlan& plan);

/// One self-contained HTML page with every card (no scripts, no external resources; every
/// name escaped).
std::string render_cards_html(const std::vector<RelayCard>& cards);

}  // namespace baton
