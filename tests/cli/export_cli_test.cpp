// baton export entries: the translation from options to the entry use case and the file.
#include <gtest/gtest.h>

#include "baton/import_hytek.h"
#include "baton/team_file.h"
#include "support/run_cli.h"

namespace baton {
namespace {

using testing::run_cli;
using testing::TempDir;

constexpr const char* kTeam = R"(name = "Hilltop"
rules = "nfhs"
[[athlete]]
name = "Ann Avery"
sex = "F"
bests = { "100m" = "12.00", "400m" = "57.00" }
[[athlete]]
name = "Bea Brown"
sex = "F"
bests = { "100m" = "12.20", "400m" = "58.00" }
[[athlete]]
name = "Cat Cole"
sex = "F"
bests = { "100m" = "12.40", "400m" = "59.00" }
[[athlete]]
name = "Dee Dunn"
sex = "F"
bests = { "100m" = "12.60", "400m" = "60.00" }
[[athlete]]
name = "Eve Ennis"
sex = "F"
bests = { "100m" = "13.00", "400m" = "61.00" }
)";

TEST(ExportCli, HytekEntriesReadBackWithTheGivenOrderAndAlternates) {
  TempDir dir;
  const std::string team = dir.write("team.toml", kTeam);
  const std::string out = dir.file("entries.txt");
  const auto r = run_cli({"export", "entries", "--team", team, "--events", "4x100/F", "--format",
                          "hytek", "--out", out, "--model", "open", "--order",
                          "4x100/F=Eve Ennis,Dee Dunn,Cat Cole,Bea Brown"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("written to " + out), std::string::npos);
  EXPECT_NE(r.out.find("4x100/F A: Eve Ennis, Dee Dunn, Cat Cole, Bea Brown (seed 50.20 s)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("alternates: Ann Avery"), std::string::npos);
  const ImportedFile f = read_hytek(read_text_file(out), out);
  ASSERT_EQ(f.relays.size(), 1u);
  ASSERT_EQ(f.relays[0].runners.size(), 5u);
  EXPECT_EQ(f.relays[0].runners[0].full_name(), "Eve Ennis");
  EXPECT_EQ(f.relays[0].runners[3].full_name(), "Bea Brown");
  EXPECT_EQ(f.relays[0].runners[4].full_name(), "Ann Avery");
  EXPECT_EQ(f.relays[0].team_code, "HILL");
}

TEST(ExportCli, LocksExclusionsAndConflictsAsLineupEvents) {
  // Eve locked on leg 1 of the 4x100 and Ann kept out of the 4x400 reach the solver; with the
  // two relays in conflict, five girls cannot fill their eight places.
  TempDir dir;
  const std::string team = dir.write("team.toml", kTeam);
  const std::string out = dir.file("entries.csv");
  const std::vector<std::string> base = {
      "--json",    "export",           "entries",  "--team", team,
      "--events",  "4x100/F,4x400/F",  "--format", "csv",    "--out",
      out,         "--model",          "open",     "--lock", "4x100/F:1=Eve Ennis",
      "--exclude", "4x400/F:Ann Avery"};
  const auto r = run_cli(base);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = r.json();
  EXPECT_EQ(doc["relays"][0]["runners"][0], "Eve Ennis");
  for (const auto& name : doc["relays"][1]["runners"]) EXPECT_NE(name, "Ann Avery");
  std::vector<std::string> conflict = base;
  conflict.insert(conflict.end(), {"--conflict", "4x100/F,4x400/F"});
  const auto refused = run_cli(conflict);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("relays that may not share athletes"), std::string::npos)
      << refused.err;
}

TEST(ExportCli, JsonSummaryAndCsv) {
  TempDir dir;
  const std::string team = dir.write("team.toml", kTeam);
  const std::string out = dir.file("entries.csv");
  const auto r =
      run_cli({"--json", "export", "entries", "--team", team, "--events", "4x400/F", "--format",
               "csv", "--out", out, "--model", "open", "--team-code", "HT", "--alternates", "0"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = r.json();
  EXPECT_EQ(doc["format"], "csv");
  EXPECT_EQ(doc["team_code"], "HT");
  ASSERT_EQ(doc["relays"].size(), 1u);
  EXPECT_EQ(doc["relays"][0]["runners"].size(), 4u);
  EXPECT_TRUE(doc["relays"][0]["alternates"].empty());
  // 57 + 58 + 59 + 60 s: the four fastest 400 m bests.
  EXPECT_NEAR(doc["relays"][0]["seed_s"].get<double>(), 234.0, 1e-9);
  const std::string csv = read_text_file(out);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "event,sex,team_code,team,letter,role,leg,first,last,seed");
  EXPECT_NE(csv.find(",3:54.00\n"), std::string::npos);
}

TEST(ExportCli, BadOptionsNameTheOption) {
  TempDir dir;
  const std::string team = dir.write("team.toml", kTeam);
  const std::string out = dir.file("x.txt");
  auto err = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"export",  "entries", "--team", team,      "--events",
                                     "4x100/F", "--out",   out,      "--model", "open"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = run_cli(args);
    EXPECT_NE(r.exit_code, 0);
    return r.err;
  };
  EXPECT_NE(err({"--format", "pdf"}).find("--format"), std::string::npos);
  EXPECT_NE(err({"--format", "hytek", "--order", "4x100/F=Ann Avery,Bea Brown,Zed,Dee Dunn"})
                .find("--order"),
            std::string::npos);
  EXPECT_NE(err({"--format", "hytek", "--order", "nothing"}).find("--order"), std::string::npos);
  EXPECT_NE(err({"--format", "hytek", "--team-code", "TOOLONG"}).find("--team-code"),
            std::string::npos);
}

}  // namespace
}  // namespace baton
