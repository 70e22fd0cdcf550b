// The embedded web app. Paths are looked up exactly in the table compiled from web/, so
// nothing outside it (no "..", no absolute path, no file on disk) can ever be served.
#include <algorithm>

#include "server/assets.h"
#include "server/http_json.h"
#include "server/routes.h"

namespace baton::server {
namespace {

const Asset* find_asset(std::string_view path) {
  for (const Asset& a : embedded_assets()) {
    if (a.path == path) return &a;
  }
  return nullptr;
}

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::string content_type_for(const std::string& path) {
  if (ends_with(path, ".html")) return "text/html; charset=utf-8";
  if (ends_with(path, ".css")) return "text/css; charset=utf-8";
  if (ends_with(path, ".js")) return "text/javascript; charset=utf-8";
  if (ends_with(path, ".webmanifest")) return "application/manifest+json";
  if (ends_with(path, ".json")) return "application/json";
  if (ends_with(path, ".svg")) return "image/svg+xml";
  if (ends_with(path, ".png")) return "image/png";
  if (ends_with(path, ".ico")) return "image/x-icon";
  if (ends_with(path, ".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

void add_static_routes(httplib::Server& server) {
  // Unknown API routes answer in JSON like every other API error.
  const auto no_endpoint = [](const httplib::Request& req, httplib::Response& res) {
    reply_error(res, 404, "no such endpoint: " + req.method + " " + req.path);
  };
  server.Get(R"(/api/.*)", no_endpoint);
  server.Post(R"(/api/.*)", no_endpoint);
  server.Put(R"(/api/.*)", no_endpoint);
  server.Delete(R"(/api/.*)", no_endpoint);
  server.Patch(R"(/api/.*)", no_endpoint);

  server.Get(R"(/.*)", [](const httplib::Request& req, httplib::Response& res) {
    const std::string path = req.path == "/" ? "/index.html" : req.path;
    const Asset* asset = find_asset(path);
    if (!asset) {
      res.status = 404;
      res.set_content("not found\n", "text/plain; charset=utf-8");
      return;
    }
    res.set_header("Cache-Control", "no-cache");
    res.set_content(std::string(asset->bytes), content_type_for(path).c_str());
  });
}

}  // namespace baton::server
