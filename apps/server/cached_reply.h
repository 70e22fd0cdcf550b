// Answers to frequent reads kept per worker thread until the database changes.
#pragma once

#include <httplib.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "baton/store.h"

namespace baton::server {

/// Sends the JSON document `build` makes from the database at `db_path` (status 200), as
/// reply_json would. The text is kept by the worker thread under `key` with the database's
/// version (Database::version) and sent again, without calling `build`, until anything is
/// written to the database, by this server or by another program. `key` names the answer:
/// the same key must always mean the same `build`. What `build` throws goes to the caller
/// and keeps nothing.
void reply_cached_json(httplib::Response& res, const std::string& db_path, const std::string& key,
                       const std::function<nlohmann::json(Database&)>& build);

}  // namespace baton::server
