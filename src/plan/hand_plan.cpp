#include "baton/hand_plan.h"

#include <fmt/format.h>

#include <array>

#include "baton/error.h"
#include "core/text.h"

namespace baton {
namespace {

constexpr std::array<TechniqueInfo, 4> kTechniques = {{
    {Technique::upsweep, "upsweep",
     "receiver's hand low behind the hip, palm down, thumb and fingers in an inverted V; the "
     "baton is swept up into it"},
    {Technique::downsweep, "downsweep",
     "receiver's arm straight back at hip-to-shoulder height, palm up; the baton is pressed "
     "down into it"},
    {Technique::push, "push",
     "receiver's arm straight back and horizontal, palm facing back, thumb down; the baton is "
     "pushed forward into it"},
    {Technique::visual, "visual",
     "receiver looks back over the left shoulder and takes the baton in the left hand, then "
     "switches to the right"},
}};

Hand other(Hand h) { return h == Hand::right ? Hand::left : Hand::right; }

using text::lowercase_without_spaces;

// Lays out legs and exchanges from per-leg (receive, carry) choices and flags same hands.
HandPlan lay_out(const Event& event, const std::vector<HandChoice>& choices,
                 const ExchangeSettings& settings) {
  validate_exchange_settings(settings);
  HandPlan plan;
  for (size_t i = 0; i < choices.size(); ++i) {
    LegHands leg;
    leg.leg = static_cast<int>(i) + 1;
    leg.receive_hand = i == 0 ? choices[i].carry : choices[i].receive;
    leg.carry_hand = choices[i].carry;
    leg.switch_hands = leg.receive_hand != leg.carry_hand;
    // A right-hand carrier runs the inside of the lane (the arm away from the kerb is free to
    // pass to the outside); a left-hand carrier the outside.
    leg.lane_side = leg.carry_hand == Hand::right ? "inside" : "outside";
    plan.legs.push_back(leg);
  }
  for (size_t k = 0; k < event.exchanges.size() && k + 1 < plan.legs.size(); ++k) {
    ExchangeHands x;
    x.exchange = static_cast<int>(k) + 1;
    x.visual = !event.exchanges[k].blind;
    x.technique = x.visual ? settings.visual_technique : settings.blind_technique;
    x.free_distance_m = settings.reach_m(x.technique);
    x.carry_hand_in = plan.legs[k].carry_hand;
    x.receive_hand = plan.legs[k + 1].receive_hand;
    x.same_hand = x.carry_hand_in == x.receive_hand;
    if (x.same_hand) {
      plan.warnings.push_back(fmt::format(
          "exchange {} (leg {} to leg {}) is {}-to-{}: the runners' arms and feet collide; "
          "pass {} hand to {} hand",
          x.exchange, k + 1, k + 2, to_string(x.carry_hand_in), to_string(x.receive_hand),
          to_string(x.carry_hand_in), to_string(other(x.carry_hand_in))));
    }
    plan.exchanges.push_back(x);
  }
  return plan;
}

void check_legs(const Event& event, size_t count, const Location& where) {
  if (count != event.legs.size()) {
    throw ValidationError(fmt::format("{} has {} legs but the hand plan names {}", event.id,
                                      event.legs.size(), count),
                          where);
  }
}

}  // namespace

const TechniqueInfo& technique_info(Technique t) { return kTechniques[static_cast<size_t>(t)]; }

std::string_view to_string(Technique t) { return technique_info(t).name; }

Technique parse_technique(std::string_view text, const Location& where) {
  const std::string s = lowercase_without_spaces(text);
  if (s == "upsweep" || s == "up") return Technique::upsweep;
  if (s == "downsweep" || s == "down") return Technique::downsweep;
  if (s == "push" || s == "push-pass" || s == "pushpass") return Technique::push;
  if (s == "visual") return Technique::visual;
  throw ParseError(
      "unknown technique '" + std::string(text) + "': use upsweep, downsweep, push or visual",
      where);
}

std::string_view hand_letter(Hand h) { return h == Hand::right ? "R" : "L"; }

HandPlan plan_hands(const Event& event, const ExchangeSettings& settings) {
  // Leg 1 starts in the right hand. At a blind exchange the receiver takes the opposite hand and
  // keeps it; at a visual exchange the receiver takes the left hand and switches to the right.
  // A leg that ends in a visual exchange carries the right hand, switching if it received in
  // the left, so that every visual pass is right to left.
  const size_t n = event.legs.size();
  std::vector<HandChoice> choices(n);
  for (size_t i = 0; i < n; ++i) {
    Hand receive = Hand::right;
    if (i > 0) receive = event.exchanges[i - 1].blind ? other(choices[i - 1].carry) : Hand::left;
    const bool visual_in = i > 0 && !event.exchanges[i - 1].blind;
    const bool ends_visual = i < event.exchanges.size() && !event.exchanges[i].blind;
    choices[i] = {visual_in || ends_visual ? Hand::right : receive, receive};
  }
  return lay_out(event, choices, settings);
}

std::vector<HandChoice> parse_hand_choices(std::string_view text, const Event& event,
                                           const Location& where) {
  std::vector<HandChoice> out;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i != text.size() && text[i] != ',') continue;
    const std::string item = lowercase_without_spaces(text.substr(start, i - start));
    start = i + 1;
    const size_t arrow = item.find('>');
    const std::string carry_text = arrow == std::string::npos ? item : item.substr(arrow + 1);
    HandChoice c;
    c.carry = parse_hand(carry_text, where);
    const size_t leg = out.size();
    if (arrow != std::string::npos) {
      c.receive = parse_hand(item.substr(0, arrow), where);
    } else {
      const bool visual_in =
          leg > 0 && leg - 1 < event.exchanges.size() && !event.exchanges[leg - 1].blind;
      c.receive = visual_in ? Hand::left : c.carry;
    }
    out.push_back(c);
  }
  check_legs(event, out.size(), where);
  return out;
}

HandPlan check_hands(const Event& event, const std::vector<HandChoice>& choices,
                     const ExchangeSettings& settings) {
  check_legs(event, choices.size(), {});
  return lay_out(event, choices, settings);
}

std::vector<std::string> preference_clashes(const HandPlan& plan,
                                            const std::vector<const Athlete*>& runners) {
  std::vector<std::string> out;
  for (size_t i = 0; i < plan.legs.size() && i < runners.size(); ++i) {
    const Athlete* a = runners[i];
    if (a == nullptr || !a->hand || *a->hand == plan.legs[i].carry_hand) continue;
    out.push_back(fmt::format("{} prefers to carry in the {} hand but leg {} carries in the {}",
                              a->name, to_string(*a->hand), i + 1,
                              to_string(plan.legs[i].carry_hand)));
  }
  return out;
}

}  // namespace baton
