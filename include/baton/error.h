// Typed errors. The library never prints or exits: it throws one of these, and only the front
// ends (the CLI's main, the server's exception handler) turn them into messages and exit codes.
#pragma once

#include <stdexcept>
#include <string>

namespace baton {

/// Where a bad value came from. Every part is optional; empty/zero parts are left out of what().
struct Location {
  std::string file;   ///< path of the file being read, or a source such as "--order"
  int line = 0;       ///< 1-based line number, 0 when unknown
  std::string field;  ///< field or column name, e.g. "bests.100m"
};

/// Base of every Baton error. what() reads "file:line: field: message".
class Error : public std::runtime_error {
 public:
  Error(std::string message, Location where = {});
  const Location& where() const { return where_; }
  const std::string& message() const { return message_; }

 private:
  Location where_;
  std::string message_;
};

/// Input that could not be read: malformed text, wrong type, unparsable time.
class ParseError : public Error {
  using Error::Error;
};

/// Input that was read but is not acceptable: impossible mark, out-of-range parameter,
/// wrong number of runners, rule violation in a request.
class ValidationError : public Error {
  using Error::Error;
};

/// A named thing does not exist: unknown athlete, event, rule set, drill.
class NotFoundError : public Error {
  using Error::Error;
};

/// The database could not do what was asked (locked, corrupt, newer schema than this build).
class StoreError : public Error {
  using Error::Error;
};

/// Formats a location as "file:line: field" (parts that are unknown are left out).
std::string to_string(const Location& where);

/// Returns `where` with the field replaced (keeps file and line).
Location with_field(Location where, std::string field);

}  // namespace baton
