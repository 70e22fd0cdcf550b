// The results API: what the logged races taught about the runners and the team.
#include "baton/race_learning.h"
#include "common/race_models_json.h"
#include "server/http_json.h"
#include "server/routes.h"
#include "server/worker_database.h"

namespace baton::server {

void add_results_routes(httplib::Server& server, const std::string& db_path) {
  // GET /api/results/models[?athlete=NAME]: the document of `baton results models --json`.
  server.Get("/api/results/models", [db_path](const httplib::Request& req, httplib::Response& res) {
    const Workspace ws = Workspace::borrow(worker_database(db_path));
    reply_json(res, models_json(race_models(ws, query(req, "athlete"))));
  });
}

}  // namespace baton::server
