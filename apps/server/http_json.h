// Request parsing and JSON replies shared by every API route.
#pragma once

#include <httplib.h>

#include <exception>
#include <nlohmann/json.hpp>
#include <string>

namespace baton::server {

/// Parses the request body as a JSON object. Throws ParseError (field "body") for a wrong
/// content type, malformed JSON or a document that is not an object.
nlohmann::json json_body(const httplib::Request& req);

/// The Content-Type of every JSON reply.
inline constexpr const char* kJsonContentType = "application/json; charset=utf-8";

/// Sends `doc` with status `status` as application/json.
void reply_json(httplib::Response& res, const nlohmann::json& doc, int status = 200);
/// The text reply_json sends for `doc`.
std::string json_text(const nlohmann::json& doc);
/// Sends `text`, made by json_text(), with status `status` as application/json.
void reply_json_text(httplib::Response& res, const std::string& text, int status = 200);

/// The most an error reply repeats of its message and of its field name, bytes.
constexpr size_t kMaxErrorMessageBytes = 512;
constexpr size_t kMaxErrorFieldBytes = 128;

/// `text` cut to at most `max_bytes` bytes at a character boundary, with an ellipsis appended
/// when cut.
std::string clip_for_reply(const std::string& text, size_t max_bytes);

/// Sends {"error": message, "field": field or null} with a 4xx/5xx status; message and field
/// are clipped (clip_for_reply) so a reply stays small whatever the request held.
void reply_error(httplib::Response& res, int status, const std::string& message,
                 const std::string& field = "");

/// The exception handler: NotFoundError -> 404, ParseError/ValidationError -> 400,
/// StoreError -> 503, anything else -> 500 without internals. Adds "line" when known.
void reply_exception(const httplib::Request& req, httplib::Response& res, std::exception_ptr ep);

/// The value of query parameter `name`, or `fallback` when absent.
std::string query(const httplib::Request& req, const std::string& name,
                  const std::string& fallback = "");

}  // namespace baton::server
