// The server's routes, one registration function per area. Each route parses the request,
// calls the library and formats its answer; errors propagate to the exception handler.
#pragma once

#include <httplib.h>

#include <string>

namespace baton::server {

/// GET/POST /api/athletes, GET/PUT/DELETE /api/athletes/{name}, PUT /api/team, POST /api/import.
void add_roster_routes(httplib::Server& server, const std::string& db_path);

/// GET /api/events?rules=wa|ncaa|nfhs.
void add_events_routes(httplib::Server& server, const std::string& db_path);

/// POST /api/lineups (best running orders), POST /api/meet-lineups (best lineups for several
/// relays at once), POST /api/predictions (the time of a running order), POST /api/plans
/// (hand-off plan with zone SVGs).
void add_relay_routes(httplib::Server& server, const std::string& db_path);

/// POST /api/cards and POST /api/report ({"event", "sex"?, "order"?} -> {"event", "name",
/// "order", "chosen", "team_time_s", "html"}); GET /print/cards and GET /print/report
/// (?event=&sex=&order=A,B,C,D -> the HTML page itself, frameable only by this app).
void add_cards_routes(httplib::Server& server, const std::string& db_path);

/// POST /api/simulations: race odds of our team in the fastest or a chosen order against
/// opponents given by seed times ({"event", "sex"?, "order"?, "opponents"?, "runs"?, "seed"?}).
/// POST /api/lineup-odds: which of the fastest orders wins most often (or scores most) against
/// them ({"event", "objective", "sex"?, "candidates"?, "opponents"?, "runs"?, "seed"?,
/// "exclude"?}).
void add_simulation_routes(httplib::Server& server, const std::string& db_path);

/// GET/POST /api/practice (drills), DELETE /api/practice/{id}, GET /api/practice/report.
void add_practice_routes(httplib::Server& server, const std::string& db_path);

/// GET /api/results/models[?athlete=]: the runners' relay splits against the prediction, the
/// open marks they credit, and the team's relay times and learned exchanges.
void add_results_routes(httplib::Server& server, const std::string& db_path);

/// Every other GET: the embedded web app ("/" is /index.html); anything else is 404.
void add_static_routes(httplib::Server& server);

/// The MIME type for an embedded file's path, from its extension.
std::string content_type_for(const std::string& path);

}  // namespace baton::server
