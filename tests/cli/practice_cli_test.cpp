#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "support/example_roster.h"

namespace baton {
namespace {

using testing::run_cli;
using testing::source_path;
using testing::TempDir;

class PracticeCli : public testing::ExampleRosterTest {
 protected:
  testing::CliResult log(const std::string& mark, const std::string& at, const std::string& date,
                         std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"practice",     "log",       "--from", "Ava Brooks",    "--to",
                                     "Maya Johnson", "--go-mark", mark,     "--exchange-at", at,
                                     "--date",       date};
    args.insert(args.end(), extra.begin(), extra.end());
    return baton(args);
  }
  // A girls' pair: incoming at 8.6 m/s, outgoing MSS 8.8 m/s, TAU 1.1 s.
  std::vector<std::string> physics = {"--incoming-speed", "8.6", "--outgoing-mss", "8.8",
                                      "--outgoing-tau",   "1.1"};
  testing::CliResult report(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"practice", "report",       "--from", "Ava Brooks",
                                     "--to",     "Maya Johnson", "--json"};
    args.insert(args.end(), physics.begin(), physics.end());
    args.insert(args.end(), extra.begin(), extra.end());
    return baton(args);
  }
};

TEST_F(PracticeCli, LogListRemove) {
  auto r = log("8.5", "21.5", "2024-04-02",
               {"--baton-time", "2.31", "--outcome", "late", "--note", "chased"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = baton({"practice", "list", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto d = r.json()["drills"][0];
  EXPECT_EQ(d["from"], "Ava Brooks");
  EXPECT_EQ(d["to"], "Maya Johnson");
  EXPECT_EQ(d["date"], "2024-04-02");
  EXPECT_DOUBLE_EQ(d["go_mark_m"].get<double>(), 8.5);
  EXPECT_DOUBLE_EQ(d["exchange_at_m"].get<double>(), 21.5);
  EXPECT_DOUBLE_EQ(d["baton_time_s"].get<double>(), 2.31);
  EXPECT_EQ(d["outcome"], "late");
  EXPECT_EQ(d["note"], "chased");
  r = baton({"practice", "list", "--from", "Maya Johnson", "--json"});
  EXPECT_TRUE(r.json()["drills"].empty());
  r = baton({"practice", "list"});
  EXPECT_NE(r.out.find("21.50 m"), std::string::npos) << r.out;
  r = baton({"practice", "remove", std::to_string(d["id"].get<int>())});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(baton({"practice", "list", "--json"}).json()["drills"].empty());
  EXPECT_EQ(baton({"practice", "remove", "99"}).exit_code, 1);
}

TEST_F(PracticeCli, ABackDatedDrillPrintsItsOwnIdAndDate) {
  ASSERT_EQ(log("8", "20", "2024-04-10").exit_code, 0);
  // Logged second, dated first: the line names this drill (2, April 2), not the pair's latest.
  auto r = log("7.5", "18.5", "2024-04-02");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "Logged drill 2: Ava Brooks -> Maya Johnson on 2024-04-02, mark 7.50 m, exchange at "
            "18.50 m (clean)\n");
  r = log("7", "18", "2024-04-01", {"--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["logged"]["id"], 3);
  EXPECT_EQ(r.json()["logged"]["date"], "2024-04-01");
  EXPECT_DOUBLE_EQ(r.json()["logged"]["go_mark_m"].get<double>(), 7.0);
}

TEST_F(PracticeCli, TheDateDefaultsToToday) {
  ASSERT_EQ(baton({"practice", "log", "--from", "Ava Brooks", "--to", "Maya Johnson", "--go-mark",
                   "8", "--exchange-at", "20"})
                .exit_code,
            0);
  const std::string date = baton({"practice", "list", "--json"}).json()["drills"][0]["date"];
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char today[16];
  std::strftime(today, sizeof today, "%Y-%m-%d", &local);
  EXPECT_EQ(date, today);
}

TEST_F(PracticeCli, RefusedInputWritesNothing) {
  ASSERT_EQ(log("8", "20", "2024-04-01").exit_code, 0);
  const std::string before = baton({"practice", "list", "--json"}).out;
  const struct {
    std::vector<std::string> args;
    std::string message;
  } cases[] = {
      {{"--go-mark", "eight"}, "--go-mark: 'eight' is not a number"},
      {{"--go-mark", "-1"}, "--go-mark: go-mark must be 0-60 m"},
      {{"--go-mark", "60.5"}, "--go-mark: go-mark must be 0-60 m"},
      {{"--go-mark", "nan"}, "--go-mark: 'nan' is not a number"},
      {{"--exchange-at", "61"}, "--exchange-at: exchange position 61 m is impossible"},
      {{"--exchange-at", "-31"}, "--exchange-at: exchange position -31 m is impossible"},
      {{"--zone-length", "20", "--exchange-at", "41"},
       "--exchange-at: exchange position 41 m is impossible"},
      {{"--date", "2024-02-30"}, "--date: '2024-02-30' is not a date"},
      {{"--date", "04/01/2024"}, "--date: '04/01/2024' is not a date"},
      {{"--baton-time", "0"}, "--baton-time: baton time must be above 0"},
      {{"--baton-time", "2.1s"}, "--baton-time: '2.1s' is not a number"},
      {{"--outcome", "fumble"}, "--outcome: unknown outcome 'fumble'"},
      {{"--to", "Ava Brooks"}, "--to: Ava Brooks cannot hand the baton to themselves"},
      {{"--to", "Maya Jonson"},
       "--to: unknown athlete 'Maya Jonson' on Riverside HS; did you "
       "mean 'Maya Johnson'?"},
  };
  for (const auto& c : cases) {
    std::map<std::string, std::string> options = {{"--from", "Ava Brooks"},
                                                  {"--to", "Maya Johnson"},
                                                  {"--go-mark", "8"},
                                                  {"--exchange-at", "20"},
                                                  {"--date", "2024-04-02"}};
    for (size_t i = 0; i + 1 < c.args.size(); i += 2) options[c.args[i]] = c.args[i + 1];
    std::vector<std::string> args = {"practice", "log"};
    for (const auto& [option, value] : options) args.insert(args.end(), {option, value});
    const auto r = baton(args);
    EXPECT_EQ(r.exit_code, 1) << c.message;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    EXPECT_EQ(baton({"practice", "list", "--json"}).out, before) << c.message;
  }
}

TEST_F(PracticeCli, ReportWithoutDrillsIsTheModelsMark) {
  const auto r = report({"--as-of", "2024-04-10"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  for (const char* key : {"pair", "drills", "mean_exchange_at_m", "sd_exchange_at_m", "p_clean",
                          "recommended_go_mark_m", "model_go_mark_m", "effective_reaction_s",
                          "recommended_go_mark_foot_lengths"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["drills"], 0);
  EXPECT_TRUE(j["p_clean"].is_null());
  EXPECT_DOUBLE_EQ(j["recommended_go_mark_m"].get<double>(), j["model_go_mark_m"].get<double>());
  EXPECT_DOUBLE_EQ(j["target_m"].get<double>(), 22.5);
  // Foot lengths use the outgoing runner's shoe (0.27 m in the example file).
  EXPECT_NEAR(j["recommended_go_mark_foot_lengths"].get<double>(),
              j["recommended_go_mark_m"].get<double>() / 0.27, 0.05);
}

TEST_F(PracticeCli, EarlyExchangesMoveTheMarkOutLateOnesIn) {
  const double model = report({"--as-of", "2024-04-10"}).json()["model_go_mark_m"];
  const std::string mark = std::to_string(model);
  // Three drills at the model's mark that came 4 m early.
  for (const char* date : {"2024-04-01", "2024-04-03", "2024-04-05"}) {
    ASSERT_EQ(log(mark, "18.5", date, {"--outcome", "early"}).exit_code, 0);
  }
  auto j = report({"--as-of", "2024-04-10"}).json();
  EXPECT_EQ(j["drills"], 3);
  EXPECT_DOUBLE_EQ(j["mean_exchange_at_m"].get<double>(), 18.5);
  EXPECT_DOUBLE_EQ(j["p_clean"].get<double>(), 0.0);
  // The move is shared by the reaction, TAU and incoming speed (docs/PRACTICE.md); the mark
  // moves out.
  EXPECT_GT(j["recommended_go_mark_m"].get<double>(), model);
  // Only drills up to the date asked for count.
  EXPECT_EQ(report({"--as-of", "2024-04-02"}).json()["drills"], 1);
}

TEST_F(PracticeCli, LateExchangesMoveTheMarkIn) {
  const double model = report({"--as-of", "2024-04-10"}).json()["model_go_mark_m"];
  // Passes 2 m past the target at the model's mark. Near the furthest point this pair can
  // reach the incoming runner closes slowly, so late passes move the mark by centimetres.
  for (const char* date : {"2024-04-01", "2024-04-02", "2024-04-03"}) {
    ASSERT_EQ(log(std::to_string(model), "24.5", date, {"--outcome", "late"}).exit_code, 0);
  }
  const auto j = report({"--as-of", "2024-04-10"}).json();
  EXPECT_LT(j["effective_reaction_s"].get<double>(), 0.15);
  EXPECT_LT(j["recommended_go_mark_m"].get<double>(), model);
}

TEST_F(PracticeCli, ProgressTableAndChart) {
  // At about the model's mark (11.4 m for a pass at 22.5 m), early passes that come later.
  ASSERT_EQ(log("11.4", "19", "2024-04-01").exit_code, 0);
  ASSERT_EQ(log("11.4", "20", "2024-04-01", {"--outcome", "drop"}).exit_code, 0);
  ASSERT_EQ(log("11.4", "22", "2024-04-08").exit_code, 0);
  std::vector<std::string> args = {"practice", "progress",     "--from", "Ava Brooks",
                                   "--to",     "Maya Johnson", "--svg",  dir.file("p.svg"),
                                   "--json"};
  args.insert(args.end(), physics.begin(), physics.end());
  const auto r = baton(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto rows = r.json()["dates"];
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["date"], "2024-04-01");
  EXPECT_EQ(rows[0]["drills"], 2);
  EXPECT_DOUBLE_EQ(rows[0]["mean_exchange_at_m"].get<double>(), 19.5);
  EXPECT_DOUBLE_EQ(rows[0]["p_clean"].get<double>(), 0.5);
  EXPECT_EQ(rows[1]["total_drills"], 3);
  // Later exchanges at the same mark: the runner leaves earlier, so the mark comes in.
  EXPECT_LT(rows[1]["recommended_go_mark_m"].get<double>(),
            rows[0]["recommended_go_mark_m"].get<double>());
  std::ifstream svg(dir.file("p.svg"));
  std::stringstream text;
  text << svg.rdbuf();
  EXPECT_NE(text.str().find("<svg"), std::string::npos);
  EXPECT_NE(text.str().find("recommended go-mark (m)"), std::string::npos);
}

TEST_F(PracticeCli, WithoutExplicitPhysicsTheAthletesModelsSupplyThem) {
  auto r = baton({"practice", "report", "--from", "Ava Brooks", "--to", "Maya Johnson", "--as-of",
                  "2024-04-10", "--exchange", "1", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = r.json();
  // Ava Brooks (12.31 for 100 m) arrives at the first 4x100 zone at about 8-10 m/s; Maya
  // Johnson's curve is her own, not the command line's.
  EXPECT_GT(j["physics"]["incoming_speed_mps"].get<double>(), 8.0);
  EXPECT_LT(j["physics"]["incoming_speed_mps"].get<double>(), 10.0);
  EXPECT_GT(j["physics"]["outgoing_mss_mps"].get<double>(), 8.0);
  EXPECT_DOUBLE_EQ(j["physics"]["zone_length_m"].get<double>(), 30.0);
  ASSERT_TRUE(j["model_go_mark_m"].is_number()) << j.dump();
  EXPECT_DOUBLE_EQ(j["recommended_go_mark_m"].get<double>(), j["model_go_mark_m"].get<double>());
  // An explicit option overrides just that part of the model.
  r = baton({"practice", "report", "--from", "Ava Brooks", "--to", "Maya Johnson", "--as-of",
             "2024-04-10", "--exchange", "1", "--outgoing-tau", "1.4", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_DOUBLE_EQ(r.json()["physics"]["outgoing_tau_s"].get<double>(), 1.4);
  EXPECT_DOUBLE_EQ(r.json()["physics"]["incoming_speed_mps"].get<double>(),
                   j["physics"]["incoming_speed_mps"].get<double>());
  // A visual exchange has no go-mark to calibrate.
  r = baton({"practice", "report", "--from", "Ava Brooks", "--to", "Maya Johnson", "--event",
             "4x400", "--exchange", "1"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--exchange: exchange 1 of the 4x400 is a visual pass"), std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace baton
