#include "baton/error.h"

namespace baton {
namespace {

std::string compose(const std::string& message, const Location& where) {
  const std::string prefix = to_string(where);
  return prefix.empty() ? message : prefix + ": " + message;
}

}  // namespace

Error::Error(std::string message, Location where)
    : std::runtime_error(compose(message, where)),
      where_(std::move(where)),
      message_(std::move(message)) {}

std::string to_string(const Location& where) {
  std::string out = where.file;
  if (where.line > 0) out += (out.empty() ? "line " : ":") + std::to_string(where.line);
  if (!where.field.empty()) out += (out.empty() ? "" : ": ") + where.field;
  return out;
}

Location with_field(Location where, std::string field) {
  where.field = std::move(field);
  return where;
}

}  // namespace baton
