#include "server/cached_reply.h"

#include <map>
#include <utility>

#include "server/http_json.h"
#include "server/worker_database.h"

namespace baton::server {
namespace {

struct Kept {
  Database::Version version;
  std::string body;
};

}  // namespace

void reply_cached_json(httplib::Response& res, const std::string& db_path, const std::string& key,
                       const std::function<nlohmann::json(Database&)>& build) {
  // Per thread, like the connection whose version it is checked against: no locks.
  thread_local std::map<std::pair<std::string, std::string>, Kept> kept;
  Database& db = worker_database(db_path);
  // The version first, then the data: a write landing between the two only makes the next
  // request build again; an answer is never kept under a version newer than what it shows.
  const Database::Version now = db.version();
  auto it = kept.find({db_path, key});
  if (it == kept.end() || it->second.version != now) {
    Kept fresh{now, json_text(build(db))};
    it = kept.insert_or_assign({db_path, key}, std::move(fresh)).first;
  }
  reply_json_text(res, it->second.body);
}

}  // namespace baton::server
