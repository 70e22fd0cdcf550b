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

/// Every other GET: the embedded web app ("/" is /index.html); anything else is 404.
void add_static_routes(httplib::Server& server);

/// The MIME type for an embedded file's path, from its extension.
std::string content_type_for(const std::string& path);

}  // namespace baton::server
