// The small parsers behind command-line options, file fields and query parameters: times,
// distances, dates, events and leg orders, rule sets, splits and profile fits, hand plans,
// drill outcomes and the other keywords. The first byte picks the parser, the rest is its text.
#include <cmath>

#include "baton/date.h"
#include "baton/drill.h"
#include "baton/event.h"
#include "baton/hand_plan.h"
#include "baton/lineup_odds.h"
#include "baton/lineup_query.h"
#include "baton/profile_fit.h"
#include "baton/units.h"
#include "fuzz_check.h"

namespace {

using namespace baton;

void time_text(std::string_view text) {
  const Mark m = parse_time(text);
  FUZZ_CHECK(std::isfinite(m.time_s) && m.time_s > 0.0);
  // What format_time prints reads back as the same time, to its hundredths.
  const Mark again = parse_time(format_time(m.time_s));
  FUZZ_CHECK(std::abs(again.time_s - m.time_s) <= 0.005 + 1e-9 * m.time_s);
}

void distance_text(std::string_view text) {
  const double d = parse_distance(text);
  FUZZ_CHECK(std::isfinite(d) && d > 0.0);
}

void date_text(std::string_view text) {
  const std::string date = parse_date(text);
  FUZZ_CHECK(date.size() == 10);
  FUZZ_CHECK(parse_date(date) == date);
  (void)days_since_epoch(date);
}

void event_text(std::string_view text) {
  for (RuleSet rules : all_rule_sets()) {
    const Event e = find_event(text, rules);
    FUZZ_CHECK(e.legs.size() >= 2 && e.exchanges.size() + 1 == e.legs.size());
    FUZZ_CHECK(std::isfinite(e.total_m()) && e.total_m() > 0.0);
  }
}

void splits_text(std::string_view text) {
  const std::vector<Split> splits = parse_splits(text);
  for (ProfileModel model :
       {ProfileModel::plain, ProfileModel::time_correction, ProfileModel::flying_distance}) {
    baton::fuzz::refuse_cleanly([&] {
      const ProfileFit fit = fit_profile(splits, model);
      FUZZ_CHECK(fit.curve.mss_mps > 0.0 && fit.curve.mss_mps <= kMaxFittedMssMps);
      FUZZ_CHECK(fit.curve.tau_s >= kMinFittedTauS && fit.curve.tau_s <= kMaxFittedTauS);
      FUZZ_CHECK(std::isfinite(fit.rmse_s));
    });
  }
}

void hand_plan_text(std::string_view text) {
  (void)parse_hand_choices(text, find_event("4x100", RuleSet::wa));
  (void)parse_hand_choices(text, find_event("smr", RuleSet::nfhs));
}

void keyword_text(std::string_view text) {
  baton::fuzz::refuse_cleanly([&] { (void)parse_rules(text); });
  baton::fuzz::refuse_cleanly([&] { (void)parse_sex(text); });
  baton::fuzz::refuse_cleanly([&] { (void)parse_hand(text); });
  baton::fuzz::refuse_cleanly([&] { (void)parse_drill_outcome(text); });
  baton::fuzz::refuse_cleanly([&] { (void)parse_profile_model(text); });
  baton::fuzz::refuse_cleanly([&] { (void)parse_technique(text); });
  baton::fuzz::refuse_cleanly([&] { (void)parse_lineup_objective(text); });
  baton::fuzz::refuse_cleanly([&] { (void)parse_cost_model(text); });
  baton::fuzz::refuse_cleanly([&] { (void)split_names(text); });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view text = baton::fuzz::as_text(data + 1, size - 1);
  baton::fuzz::refuse_cleanly([&] {
    switch (data[0] % 7) {
      case 0:
        time_text(text);
        break;
      case 1:
        distance_text(text);
        break;
      case 2:
        date_text(text);
        break;
      case 3:
        event_text(text);
        break;
      case 4:
        splits_text(text);
        break;
      case 5:
        hand_plan_text(text);
        break;
      default:
        keyword_text(text);
        break;
    }
  });
  return 0;
}
