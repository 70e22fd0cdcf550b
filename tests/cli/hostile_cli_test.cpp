// The command line under hostile input and the race-day wording: clear errors, never a crash,
// and nothing stored that later breaks a listing.
#include <gtest/gtest.h>

#include "support/cli_database.h"

namespace baton {
namespace {

using testing::run_cli;
using testing::source_path;
using testing::TempDir;

class HostileCli : public testing::DatabaseCliTest {
 protected:
  std::string deep_toml() const {
    std::string key = "a";
    for (int i = 0; i < 49999; ++i) key += ".a";
    return dir.write("x.toml", key + " = 1\n");
  }
};

TEST_F(HostileCli, DeeplyNestedTomlIsAnErrorNotACrash) {
  const std::string x = deep_toml();
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"roster", "import", x},
        std::vector<std::string>{"predict", "--team", x, "--event", "4x100", "--order", "A,B,C,D"},
        std::vector<std::string>{"simulate", "--meet", x}}) {
    const auto r = baton(args);
    EXPECT_EQ(r.exit_code, 1) << args[0] << ": " << r.err;
    EXPECT_NE(r.err.find(x + ":1:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("nesting deeper than 32 levels"), std::string::npos) << r.err;
  }
}

TEST_F(HostileCli, LatinOneTextIsRefusedAndListingsKeepWorking) {
  ASSERT_EQ(baton({"roster", "import", source_path("examples/riverside.toml")}).exit_code, 0);
  const std::string csv = dir.write("latin.csv", "name,sex,100m\nZo\xEB Smith,F,12.80\n");
  auto r = baton({"roster", "import", csv});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(csv + ":2: name: byte 0xEB is not UTF-8"), std::string::npos) << r.err;
  r = baton({"practice", "log", "--from", "Ava Brooks", "--to", "Maya Johnson", "--go-mark", "7",
             "--exchange-at", "18", "--note", "tr\xE8s bien"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("note"), std::string::npos) << r.err;
  for (const char* what : {"roster", "practice", "results"}) {
    r = baton({what, "list", "--json"});
    EXPECT_EQ(r.exit_code, 0) << what << ": " << r.err;
    EXPECT_NO_THROW(r.json()) << what;
  }
}

TEST_F(HostileCli, AnAthleteWithAnUnusableModelIsRefusedByName) {
  const std::string team = dir.write("t.toml", R"([[athlete]]
name = "Cara Diaz"
sex = "F"
bests = { "100m" = "12.39" }
splits = { "10" = 2.29, "20" = 3.39 }
)");
  auto r = baton({"roster", "import", team});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(team + ":5: splits: athlete 'Cara Diaz'"), std::string::npos) << r.err;
  r = baton({"roster", "add", "Cara Diaz", "--sex", "F", "--best", "100m=12.39", "--split",
             "10=2.29", "--split", "20=3.39"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("athlete 'Cara Diaz'"), std::string::npos) << r.err;
  EXPECT_EQ(baton({"roster", "list", "--json"}).json()["athletes"].size(), 0u);
}

TEST_F(HostileCli, ProfileFitRefusesASuperhumanFitNamingTheOption) {
  const auto r = run_cli({"profile", "fit", "--splits", "5:0.5,10:0.9"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--splits"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("TAU of 0.10 s"), std::string::npos) << r.err;
}

TEST_F(HostileCli, TheTeamIsNamedFromTheCommandLine) {
  ASSERT_EQ(baton({"roster", "import", source_path("examples/jv-roster.csv")}).exit_code, 0);
  auto r = baton({"roster", "team", "--name", "Riverside JV", "--rules", "wa", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["team"], "Riverside JV");
  EXPECT_EQ(r.json()["rules"], "wa");
  r = baton({"roster", "list", "--json"});
  EXPECT_EQ(r.json()["team"], "Riverside JV");
  EXPECT_EQ(r.json()["rules"], "wa");
  // Only the rule set: the name stays.
  ASSERT_EQ(baton({"roster", "team", "--rules", "ncaa"}).exit_code, 0);
  r = baton({"roster", "team"});
  EXPECT_EQ(r.out.rfind("Riverside JV (ncaa rules, ", 0), 0u) << r.out;
  r = baton({"roster", "team", "--rules", "olympic"});
  EXPECT_EQ(r.exit_code, 1);
}

TEST_F(HostileCli, CountsAgreeWithTheirNounsAndMinutesCarryNoSeconds) {
  const std::string one = dir.write("one.csv", "name,sex,100m\nAva Brooks,F,12.31\n");
  auto r = baton({"roster", "import", one});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Imported 1 athlete from"), std::string::npos) << r.out;
  r = baton({"roster", "list"});
  EXPECT_NE(r.out.find(": 1 athlete;"), std::string::npos) << r.out;
  r = run_cli({"predict", "--team", source_path("examples/riverside.toml"), "--event", "4x400",
               "--order", "Maya Johnson,Ava Brooks,Chloe Adams,Lily Nguyen"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const size_t at = r.out.find("team time ");
  ASSERT_NE(at, std::string::npos) << r.out;
  const std::string line = r.out.substr(at, r.out.find('\n', at) - at);
  EXPECT_NE(line.find(':'), std::string::npos) << line;  // minutes:seconds
  EXPECT_FALSE(line.ends_with(" s")) << line;
}

}  // namespace
}  // namespace baton
