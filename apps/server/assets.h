// The web app's files, compiled into the binary by cmake/embed.cmake.
#pragma once

#include <span>
#include <string_view>

namespace baton::server {

struct Asset {
  std::string_view path;   ///< "/index.html", "/app.js", ...
  std::string_view bytes;  ///< the file's content
};

/// Every embedded file, sorted by path.
std::span<const Asset> embedded_assets();

}  // namespace baton::server
