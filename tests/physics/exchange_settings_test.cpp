#include "baton/exchange_settings.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <string>

#include "baton/error.h"
#include "baton/handoff.h"

namespace baton {
namespace {

TEST(ExchangeSettings, EachTechniqueHasItsReach) {
  ExchangeSettings s;
  EXPECT_DOUBLE_EQ(s.reach_m(Technique::upsweep), 1.15);
  EXPECT_DOUBLE_EQ(s.reach_m(Technique::downsweep), 1.5);
  EXPECT_DOUBLE_EQ(s.reach_m(Technique::push), 1.6);
  EXPECT_DOUBLE_EQ(s.reach_m(Technique::visual), 1.0);
  // Blind exchanges take the blind technique's reach, visual ones the visual technique's.
  EXPECT_DOUBLE_EQ(s.exchange_reach_m(true), 1.5);
  EXPECT_DOUBLE_EQ(s.exchange_reach_m(false), 1.0);
  s.blind_technique = Technique::push;
  s.push_reach_m = 1.7;
  EXPECT_DOUBLE_EQ(s.exchange_reach_m(true), 1.7);
}

TEST(ExchangeSettings, AHandoffDefaultsToABlindPassUnderTheSettings) {
  const HandoffParams p;
  EXPECT_DOUBLE_EQ(p.reaction_s, 0.15);
  EXPECT_DOUBLE_EQ(p.free_distance_m, 1.5);
  EXPECT_DOUBLE_EQ(p.start_m, 0.0);
}

TEST(ExchangeSettings, OutOfRangeValuesNameTheirField) {
  EXPECT_NO_THROW(validate_exchange_settings({}));
  struct Case {
    std::string field;
    std::function<void(ExchangeSettings&)> spoil;
  };
  const Case cases[] = {
      {"upsweep_reach_m", [](ExchangeSettings& s) { s.upsweep_reach_m = 0.2; }},
      {"downsweep_reach_m", [](ExchangeSettings& s) { s.downsweep_reach_m = 3.1; }},
      {"push_reach_m", [](ExchangeSettings& s) { s.push_reach_m = -1.0; }},
      {"visual_reach_m", [](ExchangeSettings& s) { s.visual_reach_m = 0.0; }},
      {"blind_reaction_s", [](ExchangeSettings& s) { s.blind_reaction_s = -0.01; }},
      {"visual_reaction_s", [](ExchangeSettings& s) { s.visual_reaction_s = 1.5; }},
      {"blind_start_m", [](ExchangeSettings& s) { s.blind_start_m = 31.0; }},
      {"visual_start_m", [](ExchangeSettings& s) { s.visual_start_m = -0.5; }},
      {"visual_speed_fraction", [](ExchangeSettings& s) { s.visual_speed_fraction = 0.0; }},
      {"reaction_sd_s", [](ExchangeSettings& s) { s.reaction_sd_s = 0.31; }},
      {"mark_sd_m", [](ExchangeSettings& s) { s.mark_sd_m = 3.5; }},
      {"form_sd_fraction", [](ExchangeSettings& s) { s.form_sd_fraction = 0.25; }},
      {"practice_prior_fail_rate", [](ExchangeSettings& s) { s.practice_prior_fail_rate = 1.0; }},
      {"practice_prior_drills", [](ExchangeSettings& s) { s.practice_prior_drills = 0.0; }},
      {"failure_cost_s", [](ExchangeSettings& s) { s.failure_cost_s = 0.0; }},
      {"mark_sd_m", [](ExchangeSettings& s) { s.mark_sd_m = std::nan(""); }},
  };
  for (const Case& c : cases) {
    ExchangeSettings s;
    c.spoil(s);
    try {
      validate_exchange_settings(s);
      ADD_FAILURE() << c.field << " accepted";
    } catch (const ValidationError& e) {
      EXPECT_EQ(e.where().field, c.field);
    }
  }
  // The ends of the closed ranges are allowed.
  ExchangeSettings edges;
  edges.upsweep_reach_m = 0.3;
  edges.push_reach_m = 3.0;
  edges.reaction_sd_s = 0.3;
  edges.mark_sd_m = 0.0;
  edges.visual_speed_fraction = 1.0;
  edges.practice_prior_drills = 1000.0;
  EXPECT_NO_THROW(validate_exchange_settings(edges));
}

}  // namespace
}  // namespace baton
