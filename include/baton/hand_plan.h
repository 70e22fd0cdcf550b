// Which hand carries, which hand receives, and how the baton is passed at every exchange of an
// event (docs/HANDOFFS.md, "Hands"; docs/HANDOFFS.md gives the sources).
//   Blind exchanges (incoming leg <= 200 m): hands alternate, no runner switches. Leg 1 carries
//   in the right hand on the inside of the lane, leg 2 in the left on the outside, and so on;
//   each receiver takes the baton in the hand opposite the carrier's.
//   Visual exchanges (incoming leg > 200 m): every receiver takes the baton in the left hand and
//   switches it to the right, so every visual exchange is right hand to left hand.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "baton/athlete.h"
#include "baton/event.h"
#include "baton/exchange_settings.h"

namespace baton {

/// A technique's name and how a coach describes it. Its reach is a team setting
/// (ExchangeSettings::reach_m).
struct TechniqueInfo {
  Technique technique = Technique::downsweep;
  const char* name = "";  ///< "upsweep", "downsweep", "push", "visual"
  const char* cue = "";   ///< one-line coaching description
};

/// The table entry of a technique.
const TechniqueInfo& technique_info(Technique t);
/// "upsweep", "downsweep", "push" (or "push-pass"), "visual"; throws ParseError naming `where`.
Technique parse_technique(std::string_view text, const Location& where = {});
std::string_view to_string(Technique t);

/// One leg's hands.
struct LegHands {
  int leg = 0;                      ///< 1-based
  Hand receive_hand = Hand::right;  ///< hand the baton arrives in (leg 1: the start hand)
  Hand carry_hand = Hand::right;    ///< hand the baton is carried in to the next exchange
  bool switch_hands = false;        ///< receive_hand != carry_hand: switch early in the leg
  std::string lane_side;            ///< "inside" or "outside" of the lane while carrying
};

/// One exchange's hands and technique.
struct ExchangeHands {
  int exchange = 0;     ///< 1 = leg 1 to leg 2
  bool visual = false;  ///< visual (incoming leg > 200 m) rather than blind
  Technique technique = Technique::downsweep;
  double free_distance_m = 0.0;      ///< the technique's reach (ExchangeSettings), metres
  Hand carry_hand_in = Hand::right;  ///< hand the incoming runner carries in
  Hand receive_hand = Hand::left;    ///< hand the outgoing runner receives in
  bool same_hand = false;            ///< right-to-right or left-to-left: a collision risk
};

/// A hand plan for a whole event.
struct HandPlan {
  std::vector<LegHands> legs;
  std::vector<ExchangeHands> exchanges;
  std::vector<std::string> warnings;  ///< one line per same-hand exchange or preference clash
};

/// The standard plan for an event (see the file comment), with the techniques and reaches of
/// `settings`.
HandPlan plan_hands(const Event& event, const ExchangeSettings& settings = {});

/// A coach's choice for one leg: the hand it carries in and, when different, the hand it
/// receives in (a switch during the leg).
struct HandChoice {
  Hand carry = Hand::right;
  Hand receive = Hand::right;
};

/// Parses a coach's plan, one entry per leg: "R,L,R,L"; "L>R" receives in the left and carries
/// in the right. A plain entry receives in the carrying hand at a blind exchange and in the left
/// hand at a visual one. Throws ParseError naming `where` for a bad entry or ValidationError for
/// the wrong number of legs.
std::vector<HandChoice> parse_hand_choices(std::string_view text, const Event& event,
                                           const Location& where = {});

/// The coach's plan laid out like plan_hands(), with every same-hand exchange flagged in
/// `same_hand` and `warnings`.
HandPlan check_hands(const Event& event, const std::vector<HandChoice>& choices,
                     const ExchangeSettings& settings = {});

/// Warnings for athletes (one per leg, in order) whose preferred hand differs from the hand
/// `plan` gives them to carry. Athletes without a preference raise none.
std::vector<std::string> preference_clashes(const HandPlan& plan,
                                            const std::vector<const Athlete*>& runners);

/// "R" or "L".
std::string_view hand_letter(Hand h);

}  // namespace baton
