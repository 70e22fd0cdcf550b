// One pair's hand-off by athlete name, and the command-line options of request fields.
#include "baton/handoff_pair.h"

#include <gtest/gtest.h>

#include "workspace/riverside_workspace.h"

namespace baton {
namespace {

using testing::error_naming;

class HandoffPair : public testing::RiversideWorkspace {
 protected:
  HandoffPairRequest pair() const {
    HandoffPairRequest r;
    r.event = "4x100";
    r.exchange = 2;
    r.from = "maya johnson";
    r.to = "Lily Nguyen";
    return r;
  }
};

TEST_F(HandoffPair, PlansTheNamedExchange) {
  const PairHandoff h = handoff_pair(ws, pair());
  EXPECT_EQ(h.event.id, "4x100");
  EXPECT_EQ(h.exchange.from, "Maya Johnson");
  EXPECT_EQ(h.exchange.to, "Lily Nguyen");
  EXPECT_EQ(h.exchange.plan.exchange, 2);
  EXPECT_FALSE(h.exchange.plan.hands.visual);
  EXPECT_DOUBLE_EQ(h.exchange.plan.zone_length_m, 30.0);  // a 4x100 zone under NFHS rules
  // Lily's foot is 0.25 m: the mark in foot lengths is the mark over it.
  EXPECT_NEAR(h.exchange.plan.go_mark_foot_lengths, h.exchange.plan.go_mark_m / 0.25, 1e-9);
}

TEST_F(HandoffPair, TheTechniqueSetsTheReach) {
  HandoffPairRequest r = pair();
  r.technique = Technique::push;
  const PairHandoff push = handoff_pair(ws, r);
  r.technique = Technique::upsweep;
  const PairHandoff up = handoff_pair(ws, r);
  EXPECT_EQ(push.exchange.plan.hands.technique, Technique::push);
  EXPECT_DOUBLE_EQ(push.exchange.plan.hands.free_distance_m, 1.6);  // the push's reach
  EXPECT_DOUBLE_EQ(up.exchange.plan.hands.free_distance_m, 1.15);   // the upsweep's reach
}

TEST_F(HandoffPair, ErrorsNameTheRequestField) {
  HandoffPairRequest r = pair();
  r.event.clear();
  error_naming<ValidationError>("event", [&] { handoff_pair(ws, r); });
  r = pair();
  r.to.clear();
  error_naming<ValidationError>("to", [&] { handoff_pair(ws, r); });
  r = pair();
  r.exchange = 4;
  EXPECT_EQ(error_naming<ValidationError>("exchange", [&] { handoff_pair(ws, r); }),
            "must be 1-3 for the 4x100 (got 4)");
  r = pair();
  r.from = "Maya Jonson";
  error_naming<NotFoundError>("from", [&] { handoff_pair(ws, r); });
  r = pair();
  r.event = "4x99";
  error_naming<NotFoundError>("event", [&] { handoff_pair(ws, r); });
  r = pair();
  r.spread.exchange.mark_sd_m = -1.0;
  error_naming<ValidationError>("mark_sd_m", [&] { handoff_pair(ws, r); });
}

TEST(CliOptionForField, PracticeResultsAndHandoffFields) {
  const std::pair<const char*, const char*> cases[] = {
      {"from", "--from"},
      {"to", "--to"},
      {"exchange", "--exchange"},
      {"date", "--date"},
      {"go_mark_m", "--go-mark"},
      {"exchange_at_m", "--exchange-at"},
      {"baton_time_s", "--baton-time"},
      {"until", "--as-of"},
      {"as_of", "--as-of"},
      {"incoming_speed_mps", "--incoming-speed"},
      {"half_life_days", "--half-life"},
      {"time", "--time"},
      {"splits", "--splits"},
      {"drop", "--drop"},
      {"dnf", "--dnf"},
      {"athlete", "--athlete"},
      {"mark_sd_m", "--mark-sd"},
      {"svg", "--svg"},
      {"name", "name"},  // no option: the field itself
  };
  for (const auto& [field, option] : cases) EXPECT_EQ(cli_option_for_field(field), option);
}

}  // namespace
}  // namespace baton
