// One database connection per worker thread, reused by every request the worker answers.
#pragma once

#include <string>

#include "baton/store.h"

namespace baton::server {

/// This thread's connection to the database at `path`, opened (created and migrated) on first
/// use and kept for the thread's life. The server's workers live as long as it does, so a
/// request reuses its worker's connection instead of opening and checking the file again.
/// Writes on it wait for another writer's lock (SQLite's busy handler retries for up to 5 s)
/// before failing with StoreError. Throws StoreError like Database::open.
Database& worker_database(const std::string& path);

}  // namespace baton::server
