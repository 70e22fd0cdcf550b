// The HTML report and relay cards: every runner and exchange, escaped names, one
// self-contained and well-formed file.
#include "baton/report.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "baton/cards.h"
#include "baton/team_file.h"
#include "report/html.h"
#include "report/html_check.h"
#include "support/run_cli.h"

namespace baton {
namespace {

Team riverside() { return load_team(testing::source_path("examples/riverside.toml")); }

const std::vector<std::string> kGirlsDmr = {"Ruby Patel", "Chloe Adams", "Grace Kim",
                                            "Sofia Romero"};

// A team whose names need escaping.
Team awkward() {
  Team t = riverside();
  t.name = "O'Neil & <Sons> \"Track\"";
  for (Athlete& a : t.athletes) {
    if (a.name == "Maya Johnson") a.name = "Maya <b>J</b> & \"Co\"";
    if (a.name == "Ava Brooks") a.name = "Ava O'Brooks";
  }
  return t;
}

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

TEST(Html, EscapesEverySpecialCharacter) {
  EXPECT_EQ(html::escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
  EXPECT_EQ(html::inline_svg("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                             "width=\"1\"></svg>"),
            "<svg width=\"1\"></svg>");
}

TEST(Html, CheckerCatchesBrokenPages) {
  EXPECT_EQ(testing::check_balanced("<p><b>x</b></p><br><svg><line/></svg>"), "");
  EXPECT_NE(testing::check_balanced("<p><b>x</p></b>"), "");
  EXPECT_NE(testing::check_balanced("<div>"), "");
  EXPECT_NE(testing::check_self_contained("<img src=\"https://x\">"), "");
}

TEST(Report, ShowsEveryRunnerAndExchangeInOneSelfContainedPage) {
  const Team team = riverside();
  const Event dmr = find_event("dmr", team.rules);
  const RelayReport r = build_report(team, dmr, kGirlsDmr, "chosen by the coach");
  const std::string page = render_report_html(r);
  EXPECT_EQ(testing::check_balanced(page), "");
  EXPECT_EQ(testing::check_self_contained(page), "");
  EXPECT_EQ(page.find("<script"), std::string::npos);
  for (const std::string& name : kGirlsDmr) EXPECT_GE(count(page, name), 4u) << name;
  // One row per exchange in the exchange table, and the waiting order of the visual zones.
  for (int k = 1; k <= 3; ++k) {
    EXPECT_NE(page.find("<tr><td>" + std::to_string(k) + "</td><td>" + kGirlsDmr[k - 1] +
                        "</td><td>" + kGirlsDmr[k] + "</td>"),
              std::string::npos)
        << "exchange " << k;
  }
  EXPECT_NE(page.find("200 m point"), std::string::npos);
  // The velocity curves and per exchange a zone diagram for pages and paper and one for
  // phones; no simulation asked for.
  EXPECT_EQ(count(page, "<svg"), 7u);
  EXPECT_EQ(count(page, "class=\"wrap zone-wide\""), 3u);
  EXPECT_EQ(count(page, "class=\"wrap zone-narrow\""), 3u);
  for (int k = 1; k <= 3; ++k) {
    EXPECT_NE(
        page.find("Zone " + std::to_string(k) + ": " + kGirlsDmr[k - 1] + " to " + kGirlsDmr[k]),
        std::string::npos);
  }
}

TEST(Report, SpeedCurvesFollowTheLegs) {
  const Team team = riverside();
  const Event e = find_event("4x100", team.rules);
  const RelayReport r =
      build_report(team, e, {"Maya Johnson", "Ava Brooks", "Zoe Carter", "Lily Nguyen"}, "coach");
  for (int l = 0; l < 4; ++l) {
    const auto curve = leg_speed_curve(r, l);
    ASSERT_FALSE(curve.empty());
    EXPECT_NEAR(curve.front().first, 100.0 * l, 1e-9);
    EXPECT_NEAR(curve.back().first, 100.0 * (l + 1), 1e-9);
    for (const auto& [x, v] : curve) {
      EXPECT_GE(v, 0.0);
      EXPECT_LT(v, 10.5);
    }
  }
  EXPECT_DOUBLE_EQ(leg_speed_curve(r, 0).front().second, 0.0);  // from blocks
  EXPECT_GT(leg_speed_curve(r, 1).front().second, 7.0);         // flying start
}

TEST(Report, EscapesTeamAndAthleteNames) {
  const Team team = awkward();
  const Event e = find_event("4x100", team.rules);
  const std::vector<std::string> order = {"Maya <b>J</b> & \"Co\"", "Ava O'Brooks", "Zoe Carter",
                                          "Lily Nguyen"};
  const RelayReport r = build_report(team, e, order, "coach");
  const std::string report = render_report_html(r);
  const std::string cards = render_cards_html(build_cards(team.name, e, r.pacing, r.timeline));
  for (const std::string& page : {report, cards}) {
    EXPECT_EQ(page.find("<b>J</b>"), std::string::npos);
    EXPECT_EQ(page.find("<Sons>"), std::string::npos);
    // (An apostrophe is harmless in element text, as in the chart legend; the HTML escapes it.)
    EXPECT_NE(page.find("Ava O&#39;Brooks"), std::string::npos);
    EXPECT_NE(page.find("Maya &lt;b&gt;J&lt;/b&gt; &amp; &quot;Co&quot;"), std::string::npos);
    EXPECT_NE(page.find("O&#39;Neil &amp; &lt;Sons&gt; &quot;Track&quot;"), std::string::npos);
    EXPECT_EQ(testing::check_balanced(page), "");
  }
}

TEST(Cards, OneCardPerRunnerWithEveryExchangeFromBothSides) {
  const Team team = riverside();
  const Event dmr = find_event("dmr", team.rules);
  const PacingPlan plan = plan_pacing(team, dmr, kGirlsDmr);
  const std::vector<RelayCard> cards = build_cards(team.name, dmr, plan, plan_timeline(plan, dmr));
  ASSERT_EQ(cards.size(), 4u);
  EXPECT_TRUE(cards[0].in.empty());
  EXPECT_TRUE(cards[3].out.empty());
  for (int k = 0; k < 3; ++k) {
    EXPECT_EQ(cards[k].out.at(0).exchange, k + 1);
    EXPECT_EQ(cards[k + 1].in.at(0).exchange, k + 1);
    EXPECT_EQ(cards[k + 1].in[0].from, kGirlsDmr[k]);
    EXPECT_EQ(cards[k].out[0].to, kGirlsDmr[k + 1]);
    // No hand-off plan attached: no go-mark is invented.
    EXPECT_FALSE(cards[k + 1].in[0].planned);
    EXPECT_EQ(cards[k + 1].in[0].go_mark_m, 0.0);
  }
  const std::string page = render_cards_html(cards);
  EXPECT_EQ(count(page, "<section class=\"card\">"), 4u);
  EXPECT_EQ(count(page, "<h3>Taking the baton from"), 3u);
  EXPECT_EQ(count(page, "<h3>Handing on to"), 3u);
  EXPECT_NE(page.find("set by the hand-off plan"), std::string::npos);
  EXPECT_NE(page.find("@media print"), std::string::npos);
  EXPECT_NE(page.find("width=device-width"), std::string::npos);
  EXPECT_EQ(testing::check_balanced(page), "");
  EXPECT_EQ(testing::check_self_contained(page), "");
}

TEST(Cards, HandOffPlanFillsHandsTechniqueAndGoMarks) {
  const Team team = riverside();
  const Event e = find_event("4x100", team.rules);
  const std::vector<std::string> order = {"Maya Johnson", "Ava Brooks", "Zoe Carter",
                                          "Lily Nguyen"};
  const PacingPlan plan = plan_pacing(team, e, order);
  std::vector<RelayCard> cards = build_cards(team.name, e, plan, plan_timeline(plan, e));
  const RelayPlan handoffs = build_relay_plan(team, e, order);
  attach_relay_plan(cards, handoffs);
  // Legs 1 and 3 carry in the right hand, 2 and 4 in the left; receivers take the baton in the
  // hand opposite the carrier's.
  EXPECT_EQ(cards[0].carry_hand, "right");
  EXPECT_EQ(cards[1].carry_hand, "left");
  EXPECT_EQ(cards[2].carry_hand, "right");
  EXPECT_EQ(cards[3].carry_hand, "left");
  for (int k = 0; k < 3; ++k) {
    const CardExchange& in = cards[k + 1].in.at(0);
    EXPECT_TRUE(in.planned);
    EXPECT_NE(in.receive_hand, in.carry_hand_in);
    EXPECT_EQ(in.go_mark_m, handoffs.exchanges[k].plan.go_mark_m);
    EXPECT_GT(in.go_mark_m, 2.0);
    EXPECT_EQ(cards[k].out.at(0).technique, in.technique);
  }
  // Ava's go-mark in her own 0.26 m feet.
  const CardExchange& ava = cards[1].in[0];
  EXPECT_NEAR(ava.go_mark_foot_lengths, ava.go_mark_m / 0.26, 1e-6);
  const std::string page = render_cards_html(cards);
  EXPECT_EQ(page.find("set by the hand-off plan"), std::string::npos);
  EXPECT_NE(page.find(fmt::format("{:.1f} foot lengths ({:.2f} m)", ava.go_mark_foot_lengths,
                                  ava.go_mark_m)),
            std::string::npos);
  EXPECT_EQ(testing::check_balanced(page), "");

  std::vector<RelayCard> other = build_cards(team.name, e, plan, plan_timeline(plan, e));
  RelayPlan swapped = handoffs;
  std::swap(swapped.legs[0].athlete, swapped.legs[1].athlete);
  EXPECT_THROW(attach_relay_plan(other, swapped), ValidationError);
}

}  // namespace
}  // namespace baton
