// One set of numbers: the same runner on the same leg has the same split in every command, a
// lineup's splits add up to its team time, `plan --best` plans `lineup`'s order, `simulate` says
// which order it raced, `handoff --from/--to` honours the coach's mark, and `practice report`
// takes its exchange from the plan. All on the bundled example team.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <regex>
#include <sstream>

#include "support/example_roster.h"

namespace baton {
namespace {

using testing::run_cli;
using testing::source_path;

class OneSetOfNumbers : public testing::ExampleRosterTest {
 protected:
  nlohmann::json json(std::vector<std::string> args) const {
    args.push_back("--json");
    const testing::CliResult r = baton(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0 ? r.json() : nlohmann::json::object();
  }
  static std::vector<std::string> names(const nlohmann::json& order) {
    return order.get<std::vector<std::string>>();
  }
  static std::string joined(const std::vector<std::string>& order) {
    std::string out;
    for (const std::string& n : order) out += (out.empty() ? "" : ",") + n;
    return out;
  }
  // lineup, predict, plan --best, pacing and cards of the girls' 4x100: the same order, the
  // same splits, and the splits add up to one team time. Returns the lineup's document.
  nlohmann::json expect_one_set_of_splits() const;
};

// "12.17" or "1:02.50" as printed -> hundredths of a second.
long hundredths(const std::string& text) {
  const size_t colon = text.find(':');
  const double minutes = colon == std::string::npos ? 0.0 : std::stod(text.substr(0, colon));
  const double seconds = std::stod(colon == std::string::npos ? text : text.substr(colon + 1));
  return std::lround((60.0 * minutes + seconds) * 100.0);
}

// A split under a minute as the commands print it: "12.17".
std::string fmt_split(double s) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", s);
  return text;
}

nlohmann::json OneSetOfNumbers::expect_one_set_of_splits() const {
  const nlohmann::json lineup = json({"lineup", "--event", "4x100", "--sex", "F"});
  const std::vector<std::string> order = names(lineup["order"]);
  EXPECT_EQ(order.size(), 4u);
  if (order.size() != 4u) return lineup;
  const nlohmann::json predict = json({"predict", "--event", "4x100", "--order", joined(order)});
  const nlohmann::json plan = json({"plan", "--event", "4x100", "--best", "--sex", "F"});
  const nlohmann::json pacing = json({"pacing", "--event", "4x100", "--sex", "F"});
  const nlohmann::json cards = json(
      {"cards", "--event", "4x100", "--order", joined(order), "--html", dir.file("cards.html")});
  double sum = 0.0;
  for (size_t l = 0; l < 4; ++l) {
    const double split = lineup["legs"][l]["split_s"];
    sum += split;
    EXPECT_EQ(lineup["legs"][l]["athlete"], order[l]);
    EXPECT_EQ(predict["legs"][l]["athlete"], order[l]);
    EXPECT_EQ(plan["legs"][l]["athlete"], order[l]);
    EXPECT_EQ(pacing["legs"][l]["athlete"], order[l]);
    EXPECT_EQ(cards["cards"][l]["athlete"], order[l]);
    EXPECT_NEAR(predict["legs"][l]["split_s"].get<double>(), split, 1e-9) << "leg " << l + 1;
    EXPECT_NEAR(plan["legs"][l]["split_s"].get<double>(), split, 1e-9) << "leg " << l + 1;
    EXPECT_NEAR(pacing["legs"][l]["split_s"].get<double>(), split, 1e-9) << "leg " << l + 1;
    EXPECT_NEAR(cards["cards"][l]["split_s"].get<double>(), split, 1e-9) << "leg " << l + 1;
    // A high-school girls' 100 m leg, baton to baton: between 10 and 14 s.
    EXPECT_GT(split, 10.0);
    EXPECT_LT(split, 14.0);
  }
  const double team = lineup["team_time_s"];
  EXPECT_NEAR(sum, team, 1e-9);
  EXPECT_NEAR(predict["team_time_s"].get<double>(), team, 1e-9);
  EXPECT_NEAR(plan["team_time_s"].get<double>(), team, 1e-9);
  EXPECT_NEAR(pacing["team_time_s"].get<double>(), team, 1e-9);
  EXPECT_NEAR(cards["team_time_s"].get<double>(), team, 1e-9);
  return lineup;
}

TEST_F(OneSetOfNumbers, EveryCommandShowsTheSameBatonToBatonSplits) {
  const nlohmann::json lineup = expect_one_set_of_splits();
  EXPECT_EQ(lineup["practice_pair_terms"], 0);
}

TEST_F(OneSetOfNumbers, EveryCommandPricesThePracticeRecordLineupPrices) {
  const std::vector<std::string> order =
      names(json({"lineup", "--event", "4x100", "--sex", "F"})["order"]);
  // The fastest order's first pair drills clean passes, its second fumbles one in four: both
  // records move the lineup's time, and every other command must show the same time.
  for (int i = 0; i < 8; ++i) {
    const std::string date = "2024-04-0" + std::to_string(1 + i);
    ASSERT_EQ(baton({"practice", "log", "--from", order[0], "--to", order[1], "--go-mark", "9",
                     "--exchange-at", "6", "--outcome", "clean", "--date", date})
                  .exit_code,
              0);
    ASSERT_EQ(
        baton({"practice", "log", "--from", order[1], "--to", order[2], "--go-mark", "9",
               "--exchange-at", "6", "--outcome", i % 4 == 0 ? "drop" : "clean", "--date", date})
            .exit_code,
        0);
  }
  const nlohmann::json lineup = expect_one_set_of_splits();
  EXPECT_GT(lineup["practice_pair_terms"].get<int>(), 0);
  // Choosing the order by its odds prices and races the same records: its fastest candidate is
  // the lineup's order at the lineup's time.
  const std::string meet_file = dir.write("odds.toml",
                                          "event = \"4x100\"\nrules = \"nfhs\"\n"
                                          "[[team]]\nroster = true\nsex = \"F\"\n"
                                          "[[team]]\nname = \"Central HS\"\nseed = \"47.60\"\n");
  const nlohmann::json odds = json(
      {"lineup", "--objective", "win", "--meet", meet_file, "--candidates", "1", "--runs", "2000"});
  ASSERT_EQ(odds["candidates"].size(), 1u);
  EXPECT_EQ(odds["candidates"][0]["order"], lineup["order"]);
  EXPECT_NEAR(odds["candidates"][0]["team_time_s"].get<double>(),
              lineup["team_time_s"].get<double>(), 1e-4);
  // The meet's lineups price the same records: one relay alone is the one-relay lineup.
  const nlohmann::json meet = json({"lineup", "--events", "4x100", "--sex", "F"});
  ASSERT_EQ(meet["relays"].size(), 1u);
  const nlohmann::json& relay = meet["relays"][0];
  EXPECT_EQ(relay["order"], lineup["order"]);
  EXPECT_NEAR(relay["team_time_s"].get<double>(), lineup["team_time_s"].get<double>(), 1e-9);
  EXPECT_NEAR(relay["practice_s"].get<double>(), lineup["practice_s"].get<double>(), 1e-9);
  for (size_t l = 0; l < 4; ++l) {
    EXPECT_NEAR(relay["legs"][l]["split_s"].get<double>(),
                lineup["legs"][l]["split_s"].get<double>(), 1e-9);
  }
  const nlohmann::json plain = json({"lineup", "--event", "4x100", "--sex", "F", "--no-practice"});
  // The records moved the time by more than rounding: the check above compares priced times.
  if (lineup["order"] == plain["order"]) {
    EXPECT_GT(std::abs(lineup["team_time_s"].get<double>() - plain["team_time_s"].get<double>()),
              0.005);
  }
}

TEST_F(OneSetOfNumbers, PrintedSplitsAddUpToThePrintedTeamTime) {
  for (const std::string& event : {"4x100", "4x400", "smr"}) {
    const testing::CliResult r = baton({"lineup", "--event", event, "--sex", "F"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // Rows "  1  100 m  Zoe Carter  12.17 s" and the line "predicted team time: 46.66 s".
    std::istringstream in(r.out);
    std::string line;
    long sum = 0;
    int legs = 0;
    long team = -1;
    const std::regex row(R"(^\s*\d+\s+\d+ m\s+.*?\s((\d+:)?\d+\.\d\d)( s)?\s*\*?\s*$)");
    const std::regex total(R"(predicted team time: ((\d+:)?\d+\.\d\d))");
    std::smatch m;
    while (std::getline(in, line)) {
      if (std::regex_search(line, m, total)) {
        team = hundredths(m[1]);
      } else if (team < 0 && std::regex_match(line, m, row)) {
        sum += hundredths(m[1]);
        ++legs;
      }
    }
    EXPECT_EQ(legs, 4) << r.out;
    EXPECT_EQ(sum, team) << event << "\n" << r.out;
  }
}

TEST_F(OneSetOfNumbers, LineupPredictAndPlanPrintTheIntervalTheirJsonGives) {
  const nlohmann::json doc = json({"lineup", "--event", "4x100", "--sex", "F"});
  const std::string order = joined(names(doc["order"]));
  // The example team is high school: 8 races in 10 within +-1.2816 x 2.64 % of the time.
  const double team = doc["team_time_s"].get<double>();
  EXPECT_NEAR(doc["team_time_p10_s"].get<double>(), team * (1.0 - 1.2816 * 0.0264), 1e-9);
  EXPECT_NEAR(doc["team_time_p90_s"].get<double>(), team * (1.0 + 1.2816 * 0.0264), 1e-9);
  const std::string words =
      "8 races in 10 at high-school level: " + fmt_split(doc["team_time_p10_s"].get<double>()) +
      " s to " + fmt_split(doc["team_time_p90_s"].get<double>()) + " s";
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"lineup", "--event", "4x100", "--sex", "F"},
        std::vector<std::string>{"predict", "--event", "4x100", "--order", order},
        std::vector<std::string>{"plan", "--event", "4x100", "--best", "--sex", "F"}}) {
    const testing::CliResult r = baton(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find(words), std::string::npos) << args[0] << "\n" << r.out;
  }
}

TEST_F(OneSetOfNumbers, PredictPrintsTheSplitsLineupPrints) {
  const testing::CliResult lineup = baton({"lineup", "--event", "4x100", "--sex", "F"});
  const nlohmann::json doc = json({"lineup", "--event", "4x100", "--sex", "F"});
  const testing::CliResult predict =
      baton({"predict", "--event", "4x100", "--order", joined(names(doc["order"]))});
  ASSERT_EQ(predict.exit_code, 0) << predict.err;
  for (const nlohmann::json& leg : doc["legs"]) {
    const std::string split = fmt_split(leg["split_s"].get<double>());
    EXPECT_NE(lineup.out.find(split), std::string::npos) << split << "\n" << lineup.out;
    EXPECT_NE(predict.out.find(split), std::string::npos) << split << "\n" << predict.out;
  }
}

TEST_F(OneSetOfNumbers, PlanBestPlansTheLineupOrderOnceDrillsExist) {
  const std::vector<std::string> before =
      names(json({"lineup", "--event", "4x100", "--sex", "F"})["order"]);
  // The first pair of the fastest order drops or loses the baton in most drills.
  for (int i = 0; i < 12; ++i) {
    const testing::CliResult r =
        baton({"practice", "log", "--from", before[0], "--to", before[1], "--go-mark", "7",
               "--exchange-at", i % 3 == 0 ? "31" : "18", "--outcome", i % 3 == 0 ? "out" : "drop",
               "--date", "2024-04-0" + std::to_string(1 + i % 9)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  const nlohmann::json lineup = json({"lineup", "--event", "4x100", "--sex", "F"});
  const std::vector<std::string> after = names(lineup["order"]);
  ASSERT_NE(after, before) << "the drills should make another order the fastest";
  const nlohmann::json plan = json({"plan", "--event", "4x100", "--best", "--sex", "F"});
  std::vector<std::string> planned;
  for (const nlohmann::json& leg : plan["legs"]) planned.push_back(leg["athlete"]);
  EXPECT_EQ(planned, after);
}

TEST_F(OneSetOfNumbers, SimulatePrintsAndReturnsTheOrderItRaced) {
  const std::vector<std::string> best =
      names(json({"lineup", "--event", "4x100", "--sex", "F"})["order"]);
  const std::string meet = source_path("examples/meet-girls-4x100.toml");
  const nlohmann::json sim = json({"simulate", "--meet", meet, "--runs", "2000", "--seed", "1"});
  ASSERT_TRUE(sim["teams"][0].contains("order")) << sim.dump();
  EXPECT_EQ(names(sim["teams"][0]["order"]), best);
  EXPECT_FALSE(sim["teams"][1].contains("order"));  // an opponent known by a seed time
  // A named order is raced as named.
  const std::string file =
      dir.write("meet.toml",
                "event = \"4x100\"\nrules = \"nfhs\"\n"
                "[[team]]\nfile = \"" +
                    source_path("examples/riverside.toml") + "\"\norder = [\"" + best[3] +
                    "\", \"" + best[2] + "\", \"" + best[1] + "\", \"" + best[0] +
                    "\"]\n[[team]]\nname = \"Central HS\"\n"
                    "seed = \"46.55\"\n");
  const testing::CliResult text = baton({"simulate", "--meet", file, "--runs", "2000"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(
      text.out.find("ran legs 1-4: " + best[3] + ", " + best[2] + ", " + best[1] + ", " + best[0]),
      std::string::npos)
      << text.out;
}

TEST_F(OneSetOfNumbers, HandoffHonoursTheGoMarkAndTheTarget) {
  const std::vector<std::string> pair = {"handoff",    "--event", "4x100",      "--from",
                                         "Zoe Carter", "--to",    "Lily Nguyen"};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = pair;
    args.insert(args.end(), extra.begin(), extra.end());
    return json(args);
  };
  const nlohmann::json best = with({});
  const nlohmann::json seven = with({"--go-mark", "7"});
  const nlohmann::json nine = with({"--go-mark", "9"});
  EXPECT_EQ(best["chosen_by"], "best");
  EXPECT_EQ(seven["chosen_by"], "go_mark");
  EXPECT_DOUBLE_EQ(seven["go_mark_m"].get<double>(), 7.0);
  EXPECT_DOUBLE_EQ(nine["go_mark_m"].get<double>(), 9.0);
  EXPECT_NEAR(seven["best_go_mark_m"].get<double>(), best["go_mark_m"].get<double>(), 1e-9);
  // Two metres more mark: the incoming runner needs longer to catch up, so the pass is later,
  // further down the zone, and the outgoing runner is faster there.
  EXPECT_GT(nine["baton_position_m"].get<double>(), seven["baton_position_m"].get<double>());
  EXPECT_GT(nine["exchange_time_s"].get<double>(), seven["exchange_time_s"].get<double>());
  EXPECT_GT(nine["outgoing_speed_mps"].get<double>(), seven["outgoing_speed_mps"].get<double>());
  // The planned mark passes with far less expected time through the zone than 7 m.
  EXPECT_LE(best["expected_time_s"].get<double>(), seven["expected_time_s"].get<double>() + 1e-9);
  // --target: the mark that puts the baton there.
  // (12 m: Lily Nguyen matches Zoe Carter's tired speed about 13 m into the zone, and no mark
  // puts the pass beyond that.)
  const nlohmann::json target = with({"--target", "12"});
  EXPECT_EQ(target["chosen_by"], "target");
  EXPECT_NEAR(target["baton_position_m"].get<double>(), 12.0, 1e-3);
  // In words: the mark used, the best one for comparison, and the times.
  const testing::CliResult text = baton({"handoff", "--event", "4x100", "--from", "Zoe Carter",
                                         "--to", "Lily Nguyen", "--go-mark", "7"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("7.00 m"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("the planned mark is"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("time         pass"), std::string::npos) << text.out;
  // Out of range: a clear error naming the option.
  for (const auto& [option, value] : std::vector<std::pair<std::string, std::string>>{
           {"--go-mark", "80"}, {"--go-mark", "-1"}, {"--target", "31"}, {"--target", "-2"}}) {
    std::vector<std::string> args = pair;
    args.insert(args.end(), {option, value});
    const testing::CliResult r = baton(args);
    EXPECT_NE(r.exit_code, 0) << option << " " << value;
    EXPECT_NE(r.err.find(option), std::string::npos) << r.err;
  }
  // An option the pair's exchange does not read is refused, not ignored: the pair's plan takes
  // the team's settings and the athletes' models.
  for (const auto& [option, value] :
       std::vector<std::pair<std::string, std::string>>{{"--start", "3"},
                                                        {"--reaction", "0.3"},
                                                        {"--zone-length", "20"},
                                                        {"--incoming-speed", "9"},
                                                        {"--foot-length", "0.3"}}) {
    std::vector<std::string> args = pair;
    args.insert(args.end(), {option, value});
    const testing::CliResult r = baton(args);
    EXPECT_NE(r.exit_code, 0) << option;
    EXPECT_TRUE(r.out.empty()) << option << ": " << r.out;
    EXPECT_NE(r.err.find(option), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("not used with --from/--to"), std::string::npos) << r.err;
  }
}

TEST_F(OneSetOfNumbers, PracticeReportTakesTheExchangeFromThePlan) {
  const std::vector<std::string> best =
      names(json({"lineup", "--event", "4x100", "--sex", "F"})["order"]);
  const nlohmann::json report =
      json({"practice", "report", "--from", best[1], "--to", best[2], "--as-of", "2024-05-01"});
  EXPECT_EQ(report["exchange"], 2);
  EXPECT_NE(report["exchange_source"].get<std::string>().find("best 4x100 order"),
            std::string::npos);
  // The same hand-off as asking for exchange 2 by hand.
  const nlohmann::json asked = json({"practice", "report", "--from", best[1], "--to", best[2],
                                     "--as-of", "2024-05-01", "--exchange", "2"});
  EXPECT_EQ(asked["exchange"], 2);
  EXPECT_EQ(asked["exchange_source"], "asked for");
  EXPECT_EQ(asked["target_m"], report["target_m"]);
  EXPECT_EQ(asked["physics"], report["physics"]);
  const testing::CliResult text =
      baton({"practice", "report", "--from", best[1], "--to", best[2], "--as-of", "2024-05-01"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Exchange 2 (legs 2 -> 3 of the best 4x100 order"), std::string::npos)
      << text.out;
  // Not one after the other in the best order: say so and ask for --exchange.
  const testing::CliResult apart =
      baton({"practice", "report", "--from", best[0], "--to", best[2], "--as-of", "2024-05-01"});
  EXPECT_NE(apart.exit_code, 0);
  EXPECT_NE(apart.err.find("--exchange"), std::string::npos) << apart.err;
  EXPECT_NE(apart.err.find("does not hand to"), std::string::npos) << apart.err;
}

// A tired incoming runner is met further into the zone: the plan, its cue, the practice report
// (in words and JSON) and the web's data all say where the outgoing runner stands, and the
// report's mark is the plan's.
TEST_F(OneSetOfNumbers, EveryCommandSaysWhereTheOutgoingRunnerStands) {
  const nlohmann::json plan = json({"plan", "--event", "4x200", "--best", "--sex", "F"});
  const nlohmann::json& x = plan["exchanges"][2];
  const double start = x["start_m"].get<double>();
  EXPECT_GT(start, 0.5);  // a 200 m runner arrives tired
  EXPECT_NEAR(x["baton_position_m"].get<double>(), 5.0, 1e-6);
  EXPECT_NE(x["cue"].get<std::string>().find(fmt::format("stand {:.1f} m into the zone", start)),
            std::string::npos)
      << x["cue"];
  const std::string from = x["from"], to = x["to"];
  const nlohmann::json report = json({"practice", "report", "--event", "4x200", "--from", from,
                                      "--to", to, "--as-of", "2024-05-01"});
  EXPECT_NEAR(report["recommended_start_m"].get<double>(), start, 1e-3);
  EXPECT_NEAR(report["physics"]["start_m"].get<double>(), start, 1e-3);
  EXPECT_NEAR(report["recommended_go_mark_m"].get<double>(), x["go_mark_m"].get<double>(), 1e-3);
  const testing::CliResult text = baton({"practice", "report", "--event", "4x200", "--from", from,
                                         "--to", to, "--as-of", "2024-05-01"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find(fmt::format("standing {:.2f} m into the zone", start)), std::string::npos)
      << text.out;
}

// A mark put 0.5 m short of the planned one can lower the expected baton time (the speed rule
// plans a little long of the least expected time, accepting late passes): the text says
// "saves", never "costs -5 hundredths", with the hundredths of the JSON's figure.
TEST_F(OneSetOfNumbers, AMarkErrorThatHelpsIsSaidToSave) {
  const std::vector<std::string> args = {"handoff",    "--event", "4x200",      "--from",
                                         "Ava Brooks", "--to",    "Lily Nguyen"};
  const nlohmann::json j = json(args);
  const double short_s = j["cost_short_0_5m_s"].get<double>();
  const double long_s = j["cost_long_0_5m_s"].get<double>();
  ASSERT_LT(short_s, -0.005);
  ASSERT_GT(long_s, 0.005);
  const testing::CliResult text = baton(args);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find(fmt::format("0.5 m short saves {} hundredths, 0.5 m long costs {} "
                                      "hundredths",
                                      std::lround(-100.0 * short_s), std::lround(100.0 * long_s))),
            std::string::npos)
      << text.out;
  EXPECT_EQ(text.out.find("costs -"), std::string::npos) << text.out;
}

}  // namespace
}  // namespace baton
