// The roster API: athletes and their marks, the team's name and rules, and imports
// (include/baton/roster_admin.h).
#include <optional>
#include <string>

#include "baton/file_import.h"
#include "baton/import_json.h"
#include "baton/json.h"
#include "baton/level.h"
#include "baton/level_profile.h"
#include "baton/roster_admin.h"
#include "baton/team_file.h"
#include "server/athlete_request.h"
#include "server/cached_reply.h"
#include "server/http_json.h"
#include "server/request_fields.h"
#include "server/routes.h"
#include "server/worker_database.h"

namespace baton::server {
namespace {

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

// The team's level as set, for the API: its name, or "auto" when none is (inferred from the
// marks).
std::string level_setting(const std::optional<Level>& level) {
  return level ? std::string(to_string(*level)) : std::string("auto");
}

}  // namespace

void add_roster_routes(httplib::Server& server, const std::string& db_path) {
  // The page and every phone at the track ask for the roster often; it changes seldom.
  server.Get("/api/athletes", [db_path](const httplib::Request&, httplib::Response& res) {
    reply_cached_json(res, db_path, "athletes", [](Database& db) {
      const Team team = entered_roster(Workspace::borrow(db));
      nlohmann::json doc = to_json(team);
      doc["team"] = doc["name"];
      // The team's level as set ("auto": none) and the one predictions use.
      doc["level"] = level_setting(team.level);
      doc["level_used"] = std::string(to_string(team_level(team)));
      return doc;
    });
  });

  server.Post("/api/athletes", [db_path](const httplib::Request& req, httplib::Response& res) {
    const nlohmann::json body = json_body(req);
    require(body, "name");
    require(body, "sex");
    Athlete a;
    apply_athlete_json(body, a);
    reply_json(res,
               {{"added", to_json(add_athlete(Workspace::borrow(worker_database(db_path)), a))}},
               201);
  });

  server.Get(R"(/api/athletes/(.+))", [db_path](const httplib::Request& req,
                                                httplib::Response& res) {
    reply_json(res,
               to_json(find_athlete(Workspace::borrow(worker_database(db_path)), req.matches[1])));
  });

  server.Put(
      R"(/api/athletes/(.+))", [db_path](const httplib::Request& req, httplib::Response& res) {
        const nlohmann::json body = json_body(req);
        const Athlete a = edit_athlete(Workspace::borrow(worker_database(db_path)), req.matches[1],
                                       [&](Athlete& x) { apply_athlete_json(body, x); });
        reply_json(res, {{"updated", to_json(a)}});
      });

  server.Delete(R"(/api/athletes/(.+))",
                [db_path](const httplib::Request& req, httplib::Response& res) {
                  const std::string name =
                      remove_athlete(Workspace::borrow(worker_database(db_path)), req.matches[1]);
                  reply_json(res, {{"removed", name}});
                });

  server.Put("/api/team", [db_path](const httplib::Request& req, httplib::Response& res) {
    const nlohmann::json body = json_body(req);
    only_fields(body, {"name", "rules", "level"});
    const std::string name = string_field(required(body, "name"), "name");
    const RuleSet rules =
        parse_rules(string_field(required(body, "rules"), "rules"), Location{"", 0, "rules"});
    std::optional<Level> level;
    if (body.contains("level") && !body["level"].is_null()) {
      const std::string text = string_field(body["level"], "level");
      if (text != "auto") level = parse_level(text, Location{"", 0, "level"});
    }
    set_team_info(Workspace::borrow(worker_database(db_path)), name, rules, level);
    nlohmann::json out = {{"name", name}, {"rules", to_string(rules)}};
    out["level"] = level_setting(level);
    reply_json(res, out);
  });

  server.Post("/api/import", [db_path](const httplib::Request& req, httplib::Response& res) {
    const std::string format = query(req, "format");
    if (format.empty()) {
      throw ParseError("is required: toml, csv (a roster), auto or another program's format",
                       Location{"", 0, "format"});
    }
    if (format != "toml" && format != "csv") {
      // Another program's file: the import use case, as `baton import` runs it.
      if (req.body.empty()) throw ParseError("the file is empty", Location{"", 0, "body"});
      FileImportRequest r;
      r.format = format;
      r.team = query(req, "team");
      r.since = query(req, "since");
      r.dry_run = flag(req, "dry_run");
      if (const std::string sex = query(req, "sex"); !sex.empty()) {
        r.sex = parse_sex(sex, Location{"", 0, "sex"});
      }
      const std::string name = query(req, "name", "import");
      reply_json(res, import_report_to_json(import_file(Workspace::borrow(worker_database(db_path)),
                                                        req.body, name, r)));
      return;
    }
    const bool replace = flag(req, "replace");
    const Team team = parse_import(req, format);
    const Workspace ws = Workspace::borrow(worker_database(db_path));
    const ImportSummary s = import_roster(ws, team, replace);
    const Team now = entered_roster(ws);
    reply_json(res, {{"team", now.name},
                     {"rules", to_string(now.rules)},
                     {"athletes", team.athletes.size()},
                     {"added", s.added},
                     {"updated", s.updated},
                     {"removed", s.removed}});
  });
}

}  // namespace baton::server
