#include "server/worker_database.h"

#include <map>

namespace baton::server {

Database& worker_database(const std::string& path) {
  // Per thread by design: a SQLite connection is used by one request at a time, and a worker
  // answers one request at a time. The connections close when the workers exit.
  thread_local std::map<std::string, Database> connections;
  auto it = connections.find(path);
  if (it == connections.end()) it = connections.emplace(path, Database::open(path)).first;
  return it->second;
}

}  // namespace baton::server
