// The roster API against a running `baton serve`: every endpoint, its answers and its errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>
#include <vector>

#include "server/server_process.h"

namespace baton {
namespace {

using testing::run_cli;
using testing::ServerProcess;
using testing::source_path;
using testing::TempDir;

class RosterApi : public ::testing::Test {
 protected:
  TempDir dir;
  ServerProcess server{dir.file("team.db")};

  nlohmann::json athletes() {
    const auto r = server.get("/api/athletes");
    EXPECT_EQ(r.status, 200);
    return r.json()["athletes"];
  }
  testing::HttpResponse add(const std::string& body) {
    return server.send_json("POST", "/api/athletes", body);
  }
  std::string riverside() const {
    return testing::read_file(source_path("examples/riverside.toml"));
  }
};

TEST_F(RosterApi, EmptyRosterListsNoAthletes) {
  const auto r = server.get("/api/athletes");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8");
  EXPECT_TRUE(r.json()["athletes"].empty());
  EXPECT_EQ(r.json()["rules"], "nfhs");
}

TEST_F(RosterApi, AddListEditRenameRemove) {
  auto r = add(R"({"name": "Kim Lee", "sex": "F", "marks": {"100m": "12.80", "200m": "26.4h"},
                   "splits": {"20": 3.3, "10": 2.1}, "foot_length_m": 0.25, "hand": "left"})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_DOUBLE_EQ(r.json()["added"]["bests"]["200m"].get<double>(), 26.64);  // 26.4h + 0.24 s

  auto list = athletes();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["marks"]["200m"], "26.4h");
  EXPECT_DOUBLE_EQ(list[0]["splits"]["10"].get<double>(), 2.1);
  EXPECT_EQ(list[0]["hand"], "left");

  // Only the fields sent change; "marks" replaces every best.
  r = server.send_json("PUT", "/api/athletes/Kim%20Lee", R"({"marks": {"100m": "12.65"}})");
  ASSERT_EQ(r.status, 200) << r.body;
  list = athletes();
  EXPECT_EQ(list[0]["marks"], nlohmann::json({{"100m", "12.65"}}));
  EXPECT_EQ(list[0]["hand"], "left");
  EXPECT_DOUBLE_EQ(list[0]["foot_length_m"].get<double>(), 0.25);

  r = server.send_json("PUT", "/api/athletes/Kim%20Lee",
                       R"({"name": "Kimberly Lee", "hand": null, "foot_length_m": null})");
  ASSERT_EQ(r.status, 200) << r.body;
  r = server.get("/api/athletes/Kimberly%20Lee");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(r.json()["hand"].is_null());
  EXPECT_TRUE(r.json()["foot_length_m"].is_null());

  r = server.request("DELETE", "/api/athletes/kimberly%20lee");  // any case; the roster's back
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["removed"], "Kimberly Lee");
  EXPECT_TRUE(athletes().empty());
}

TEST_F(RosterApi, IndividualEntriesAreKeptAndReplacedWhole) {
  auto r = add(R"({"name": "Kim Lee", "sex": "F", "entries": ["100m", "LJ"]})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(athletes()[0]["entries"], nlohmann::json({"100m", "LJ"}));
  r = server.send_json("PUT", "/api/athletes/Kim%20Lee", R"({"hand": "left"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(athletes()[0]["entries"], nlohmann::json({"100m", "LJ"}));  // not sent: kept
  r = server.send_json("PUT", "/api/athletes/Kim%20Lee", R"({"entries": ["200m"]})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(athletes()[0]["entries"], nlohmann::json({"200m"}));
  for (const auto& [body, field] : std::vector<std::pair<const char*, const char*>>{
           {R"({"entries": "100m"})", "entries"},
           {R"({"entries": ["100m", 4]})", "entries.1"},
           {R"({"entries": ["LJ", "lj"]})", "entries.1"},
           {R"({"entries": ["100m;200m"]})", "entries.0"}}) {
    r = server.send_json("PUT", "/api/athletes/Kim%20Lee", body);
    EXPECT_EQ(r.status, 400) << body;
    EXPECT_EQ(r.json()["field"], field) << body << " -> " << r.body;
  }
  EXPECT_EQ(athletes()[0]["entries"], nlohmann::json({"200m"}));
}

TEST_F(RosterApi, UnknownAthleteIs404WithTheField) {
  ASSERT_EQ(add(R"({"name": "Ava Brooks", "sex": "F"})").status, 201);
  for (const char* method : {"GET", "PUT", "DELETE"}) {
    const auto r =
        std::string(method) == "PUT"
            ? server.send_json("PUT", "/api/athletes/Ava%20Brookes", R"({"hand": "left"})")
            : server.request(method, "/api/athletes/Nobody");
    EXPECT_EQ(r.status, 404) << method;
    EXPECT_EQ(r.json()["field"], "name") << method;
    EXPECT_FALSE(r.json()["error"].get<std::string>().empty());
  }
  // The suggestion names the close match.
  const auto r = server.send_json("PUT", "/api/athletes/Ava%20Brookes", R"({"hand": "left"})");
  EXPECT_NE(r.json()["error"].get<std::string>().find("Ava Brooks"), std::string::npos) << r.body;
}

struct BadBody {
  const char* body;
  const char* field;  // expected "field" (nullptr: JSON null)
};

TEST_F(RosterApi, BadBodiesAre400NamingTheField) {
  const BadBody cases[] = {
      {R"({"name": "A B", "sex": )", "body"},  // truncated JSON
      {"not json at all", "body"},
      {R"(["A B", "F"])", "body"},                  // not an object
      {R"({"name": 42, "sex": "F"})", "name"},      // wrong type
      {R"({"name": "A B"})", "sex"},                // missing
      {R"({"sex": "F"})", "name"},                  // missing
      {R"({"name": "A B", "sex": "X"})", "sex"},    // not F or M
      {R"({"name": "", "sex": "F"})", "name"},      // empty
      {R"({"name": "A, B", "sex": "F"})", "name"},  // comma
      {R"({"name": "A B", "sex": "F", "marks": ["100m", "12.3"]})", "marks"},
      {R"({"name": "A B", "sex": "F", "marks": {"100m": true}})", "marks.100m"},
      {R"({"name": "A B", "sex": "F", "marks": {"100m": "fast"}})", "marks.100m"},
      {R"({"name": "A B", "sex": "F", "marks": {"100m": "8.50"}})", "marks.100m"},  // beyond WR
      {R"({"name": "A B", "sex": "F", "marks": {"sprint": "12.5"}})", "marks.sprint"},
      {R"({"name": "A B", "sex": "F", "splits": {"10": "quick"}})", "splits.10"},
      {R"({"name": "A B", "sex": "F", "splits": {"10": 2.0, "20": 1.9}})", "splits.20"},
      {R"({"name": "A B", "sex": "F", "foot_length_m": "long"})", "foot_length_m"},
      {R"({"name": "A B", "sex": "F", "foot_length_m": 1.5})", "foot_length_m"},
      {R"({"name": "A B", "sex": "F", "hand": 1})", "hand"},
      {R"({"name": "A B", "sex": "F", "speed": 9})", "speed"},  // unknown field
  };
  for (const BadBody& c : cases) {
    const auto r = add(c.body);
    EXPECT_EQ(r.status, 400) << c.body;
    ASSERT_NO_THROW(r.json()) << r.body;
    EXPECT_EQ(r.json()["field"], c.field) << c.body << " -> " << r.body;
    EXPECT_TRUE(r.json()["error"].is_string());
  }
  EXPECT_TRUE(athletes().empty());
}

TEST_F(RosterApi, JsonMustBeSentAsJson) {
  const auto r =
      server.request("POST", "/api/athletes", R"({"name": "A B", "sex": "F"})", "text/plain");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.json()["field"], "body");
}

TEST_F(RosterApi, DuplicateNamesAreRefused) {
  ASSERT_EQ(add(R"({"name": "Ava Brooks", "sex": "F"})").status, 201);
  const auto r = add(R"({"name": "Ava Brooks", "sex": "F"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.json()["field"], "name");
  ASSERT_EQ(add(R"({"name": "Mia Clarke", "sex": "F"})").status, 201);
  EXPECT_EQ(
      server.send_json("PUT", "/api/athletes/Mia%20Clarke", R"({"name": "Ava Brooks"})").status,
      400);
}

TEST_F(RosterApi, ImportTomlThenCsvThenReplace) {
  auto r = server.request("POST", "/api/import?format=toml", riverside(), "text/plain");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["added"], 24);
  EXPECT_EQ(r.json()["team"], "Riverside HS");
  r = server.request("POST", "/api/import?format=csv",
                     testing::read_file(source_path("examples/jv-roster.csv")), "text/csv");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["added"], 8);
  EXPECT_EQ(r.json()["team"], "Riverside HS");  // a CSV keeps the team's name
  EXPECT_EQ(athletes().size(), 32u);
  r = server.request("POST", "/api/import?format=csv&replace=true",
                     testing::read_file(source_path("examples/jv-roster.csv")), "text/csv");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["removed"], 24);
  EXPECT_EQ(r.json()["updated"], 8);
  EXPECT_EQ(athletes().size(), 8u);
}

TEST_F(RosterApi, BadImportChangesNothingAndNamesTheLine) {
  ASSERT_EQ(server.request("POST", "/api/import?format=toml", riverside()).status, 200);
  const std::string bad =
      "name = \"X\"\nrules = \"wa\"\n[[athlete]]\nname = \"New Runner\"\n"
      "sex = \"F\"\n[[athlete]]\nname = \"Bad Runner\"\nsex = \"F\"\n"
      "bests = { \"100m\" = \"soon\" }\n";
  auto r = server.request("POST", "/api/import?format=toml&replace=true", bad);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.json()["line"], 9);
  EXPECT_EQ(athletes().size(), 24u);
  EXPECT_EQ(server.get("/api/athletes").json()["rules"], "nfhs");

  r = server.request("POST", "/api/import?format=csv", "name,sex,100m\nA B,F,7.00\n");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(athletes().size(), 24u);

  EXPECT_EQ(server.request("POST", "/api/import", riverside()).json()["field"], "format");
  EXPECT_EQ(server.request("POST", "/api/import?format=xml", riverside()).json()["field"],
            "format");
  EXPECT_EQ(server.request("POST", "/api/import?format=toml&replace=perhaps", riverside())
                .json()["field"],
            "replace");
  EXPECT_EQ(server.request("POST", "/api/import?format=toml", "").json()["field"], "body");
  EXPECT_EQ(
      server.request("POST", "/api/import?format=toml", std::string("a\0b", 3)).json()["field"],
      "body");
}

TEST_F(RosterApi, ImportAnotherProgramsFile) {
  const std::string sheet =
      testing::read_file(source_path("tests/data/import/spreadsheet_lehigh.csv"));
  auto r = server.request("POST", "/api/import?format=auto&dry_run=true&name=team.csv", sheet,
                          "text/csv");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["format"], "csv");
  EXPECT_EQ(r.json()["athletes"]["new"], 6);
  EXPECT_EQ(r.json()["dry_run"], true);
  EXPECT_TRUE(athletes().empty());
  r = server.request("POST", "/api/import?format=auto&name=team.csv", sheet, "text/csv");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["marks"], 12);
  EXPECT_EQ(athletes().size(), 6u);
  // A TFRRS history has no sex: the request gives it.
  const std::string tfrrs = testing::read_file(source_path("tests/data/import/tfrrs_lehigh.csv"));
  r = server.request("POST", "/api/import?format=tfrrs&sex=M", tfrrs, "text/csv");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["athletes"]["updated"], 5);
  r = server.request("POST", "/api/import?format=csv-ish", tfrrs, "text/csv");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.json()["field"], "format");
}

TEST_F(RosterApi, TeamNameAndRules) {
  auto r = server.send_json("PUT", "/api/team", R"({"name": "Lakeside", "rules": "ncaa"})");
  ASSERT_EQ(r.status, 200) << r.body;
  r = server.get("/api/athletes");
  EXPECT_EQ(r.json()["team"], "Lakeside");
  EXPECT_EQ(r.json()["rules"], "ncaa");
  EXPECT_EQ(
      server.send_json("PUT", "/api/team", R"({"name": "L", "rules": "fifa"})").json()["field"],
      "rules");
  EXPECT_EQ(server.send_json("PUT", "/api/team", R"({"name": 7, "rules": "wa"})").json()["field"],
            "name");
  EXPECT_EQ(server.send_json("PUT", "/api/team", R"({"rules": "wa"})").json()["field"], "name");
  // Refused by the library, named by the API: 400 with the field.
  const std::string long_name = R"({"name": ")" + std::string(81, 'x') + R"(", "rules": "wa"})";
  r = server.send_json("PUT", "/api/team", long_name);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.json()["field"], "name");
  r = server.send_json("PUT", "/api/team", R"({"name": "A\tB", "rules": "wa"})");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.json()["field"], "name");
  r = server.send_json("PUT", "/api/team", R"({"name": "Lakeside", "rules": "wa", "x": 1})");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.json()["field"], "x");
  EXPECT_EQ(server.get("/api/athletes").json()["rules"], "ncaa");  // nothing changed
}

TEST_F(RosterApi, EventsUnderARuleSetOrTheRosters) {
  auto r = server.get("/api/events?rules=wa");
  ASSERT_EQ(r.status, 200);
  const auto events = r.json()["events"];
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0]["id"], "4x100");
  EXPECT_DOUBLE_EQ(events[0]["exchanges"][0]["zone_length_m"].get<double>(), 30.0);
  EXPECT_EQ(server.get("/api/events").json()["rules"], "nfhs");  // the roster's default
  ASSERT_EQ(server.send_json("PUT", "/api/team", R"({"name": "L", "rules": "ncaa"})").status, 200);
  EXPECT_EQ(server.get("/api/events").json()["rules"], "ncaa");
  r = server.get("/api/events?rules=olympic");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.json()["field"], "rules");
}

TEST_F(RosterApi, TheCliAndTheServerShareTheDatabase) {
  ASSERT_EQ(add(R"({"name": "Ava Brooks", "sex": "F"})").status, 201);
  const auto cli = run_cli({"--db", server.db(), "roster", "add", "Mia Clarke", "--sex", "F"});
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_EQ(athletes().size(), 2u);
  const auto list = run_cli({"--db", server.db(), "roster", "list", "--json"});
  EXPECT_EQ(list.json()["athletes"].size(), 2u);
}

TEST_F(RosterApi, ConcurrentWritesAllLand) {
  std::vector<std::thread> threads;
  std::atomic<int> created = 0;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 8; ++i) {
        const std::string name = "Runner " + std::to_string(t) + "-" + std::to_string(i);
        if (add(R"({"name": ")" + name + R"(", "sex": "M"})").status == 201) ++created;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(created, 32);
  EXPECT_EQ(athletes().size(), 32u);
}

// Each worker keeps its roster answer until the database changes: after a write through the
// API (on one worker) or by another program, every worker answers with the new roster.
TEST_F(RosterApi, EveryWorkerAnswersWithTheRosterJustWritten) {
  ASSERT_EQ(server.request("POST", "/api/import?format=toml", riverside(), "text/plain").status,
            200);
  // Reads at once, more than the server has workers, so that several keep an answer.
  const auto read_at_once = [&] {
    std::vector<std::string> bodies(24);
    std::vector<std::thread> readers;
    for (std::string& b : bodies) {
      readers.emplace_back([&] { b = server.get("/api/athletes").body; });
    }
    for (std::thread& t : readers) t.join();
    return bodies;
  };
  const auto names = [](const std::string& body) {
    const nlohmann::json doc = nlohmann::json::parse(body);
    std::vector<std::string> out;
    for (const auto& a : doc["athletes"]) out.push_back(a["name"]);
    return out;
  };
  const auto has = [](const std::vector<std::string>& list, const std::string& name) {
    return std::find(list.begin(), list.end(), name) != list.end();
  };
  auto bodies = read_at_once();
  for (const std::string& b : bodies) EXPECT_EQ(b, bodies[0]);  // a kept answer is the same text
  ASSERT_TRUE(has(names(bodies[0]), "Ava Brooks"));
  const size_t all = names(bodies[0]).size();

  ASSERT_EQ(server.request("DELETE", "/api/athletes/Ava%20Brooks").status, 200);
  bodies = read_at_once();
  for (const std::string& b : bodies) {
    EXPECT_EQ(names(b).size(), all - 1);
    EXPECT_FALSE(has(names(b), "Ava Brooks"));
  }

  const auto r = run_cli({"--db", server.db(), "roster", "remove", "Maya Johnson"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const std::string& b : read_at_once()) {
    EXPECT_EQ(names(b).size(), all - 2);
    EXPECT_FALSE(has(names(b), "Maya Johnson"));
  }
}

}  // namespace
}  // namespace baton
