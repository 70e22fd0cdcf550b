// The roster API: athletes and their marks, the team's name and rules, and imports.
#include <fmt/format.h>

#include "baton/json.h"
#include "baton/store.h"
#include "baton/team_file.h"
#include "server/athlete_request.h"
#include "server/http_json.h"
#include "server/routes.h"
#include "server/worker_database.h"

namespace baton::server {
namespace {

constexpr size_t kMaxTeamNameChars = 80;

// The athlete named in the path; throws NotFoundError suggesting close names.
Athlete existing_athlete(Roster& roster, const std::string& name) {
  if (std::optional<Athlete> a = roster.find(name)) return *a;
  return roster.team().athlete(name, Location{"", 0, "name"});  // case-insensitive, or throws
}

void require(const nlohmann::json& body, const char* key) {
  if (!body.contains(key)) throw ParseError("is required", Location{"", 0, key});
}

bool flag(const httplib::Request& req, const std::string& name) {
  const std::string v = query(req, name, "false");
  if (v == "true" || v == "1") return true;
  if (v == "false" || v == "0") return false;
  throw ParseError("must be true or false", Location{"", 0, name});
}

Team parse_import(const httplib::Request& req, const std::string& format) {
  if (req.body.empty()) throw ParseError("the file is empty", Location{"", 0, "body"});
  if (req.body.find('\0') != std::string::npos) {
    throw ParseError("the file is binary, not text", Location{"", 0, "body"});
  }
  if (format == "toml") return parse_team_toml(req.body, "import");
  if (format == "csv") return parse_roster_csv(req.body, "import");
  throw ParseError("must be toml or csv", Location{"", 0, "format"});
}

}  // namespace

void add_roster_routes(httplib::Server& server, const std::string& db_path) {
  server.Get("/api/athletes", [db_path](const httplib::Request&, httplib::Response& res) {
    Database& db = worker_database(db_path);
    nlohmann::json doc = to_json(Roster(db).team());
    doc["team"] = doc["name"];
    reply_json(res, doc);
  });

  server.Post("/api/athletes", [db_path](const httplib::Request& req, httplib::Response& res) {
    const nlohmann::json body = json_body(req);
    require(body, "name");
    require(body, "sex");
    Athlete a;
    apply_athlete_json(body, a);
    Database& db = worker_database(db_path);
    Roster(db).add(a);
    reply_json(res, {{"added", to_json(a)}}, 201);
  });

  server.Get(R"(/api/athletes/(.+))",
             [db_path](const httplib::Request& req, httplib::Response& res) {
               Database& db = worker_database(db_path);
               Roster roster(db);
               reply_json(res, to_json(existing_athlete(roster, req.matches[1])));
             });

  server.Put(R"(/api/athletes/(.+))",
             [db_path](const httplib::Request& req, httplib::Response& res) {
               const nlohmann::json body = json_body(req);
               const std::string name = req.matches[1];
               Database& db = worker_database(db_path);
               Roster roster(db);
               const Athlete old = existing_athlete(roster, name);
               Athlete a = old;
               apply_athlete_json(body, a);
               roster.update(old.name, a);
               reply_json(res, {{"updated", to_json(a)}});
             });

  server.Delete(R"(/api/athletes/(.+))",
                [db_path](const httplib::Request& req, httplib::Response& res) {
                  const std::string name = req.matches[1];
                  Database& db = worker_database(db_path);
                  Roster roster(db);
                  const Athlete a = existing_athlete(roster, name);
                  roster.remove(a.name);
                  reply_json(res, {{"removed", a.name}});
                });

  server.Put("/api/team", [db_path](const httplib::Request& req, httplib::Response& res) {
    const nlohmann::json body = json_body(req);
    for (const auto& [key, value] : body.items()) {
      if (key != "name" && key != "rules") throw ParseError("unknown field", Location{"", 0, key});
    }
    require(body, "name");
    require(body, "rules");
    if (!body["name"].is_string()) throw ParseError("must be a string", Location{"", 0, "name"});
    if (!body["rules"].is_string()) throw ParseError("must be a string", Location{"", 0, "rules"});
    const std::string name = body["name"];
    if (name.size() > kMaxTeamNameChars) {
      throw ValidationError(fmt::format("must be at most {} characters", kMaxTeamNameChars),
                            Location{"", 0, "name"});
    }
    for (char c : name) {
      if (static_cast<unsigned char>(c) < 0x20) {
        throw ValidationError("must not contain control characters", Location{"", 0, "name"});
      }
    }
    const RuleSet rules = parse_rules(body["rules"].get<std::string>(), Location{"", 0, "rules"});
    Database& db = worker_database(db_path);
    Roster(db).set_team_info(name, rules);
    reply_json(res, {{"name", name}, {"rules", to_string(rules)}});
  });

  server.Post("/api/import", [db_path](const httplib::Request& req, httplib::Response& res) {
    const std::string format = query(req, "format");
    if (format.empty()) throw ParseError("is required: toml or csv", Location{"", 0, "format"});
    const bool replace = flag(req, "replace");
    const Team team = parse_import(req, format);
    Database& db = worker_database(db_path);
    Roster roster(db);
    const ImportSummary s = roster.import(team, replace);
    const Team now = roster.team();
    reply_json(res, {{"team", now.name},
                     {"rules", to_string(now.rules)},
                     {"athletes", team.athletes.size()},
                     {"added", s.added},
                     {"updated", s.updated},
                     {"removed", s.removed}});
  });
}

}  // namespace baton::server
