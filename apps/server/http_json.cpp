#include "server/http_json.h"

#include "baton/error.h"
#include "server/caller.h"
#include "server/request_fields.h"

namespace baton::server {

nlohmann::json json_body(const httplib::Request& req) {
  const std::string type = req.get_header_value("Content-Type");
  if (type.rfind("application/json", 0) != 0) {
    throw ParseError("send the body as application/json", Location{"", 0, "body"});
  }
  return parse_json_object(req.body);
}

std::string json_text(const nlohmann::json& doc) {
  // Replace invalid UTF-8 instead of throwing: names come from files coaches paste.
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void reply_json_text(httplib::Response& res, const std::string& text, int status) {
  res.status = status;
  res.set_content(text, kJsonContentType);
}

void reply_json(httplib::Response& res, const nlohmann::json& doc, int status) {
  reply_json_text(res, json_text(doc), status);
}

std::string clip_for_reply(const std::string& text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  // Back up to the start of a UTF-8 sequence, so the cut never splits a character.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "\u2026";
}

void reply_error(httplib::Response& res, int status, const std::string& message,
                 const std::string& field) {
  // Messages quote the bad input; a huge input must not come back huge.
  const std::string clipped_field = clip_for_reply(field, kMaxErrorFieldBytes);
  reply_json(res,
             {{"error", clip_for_reply(message, kMaxErrorMessageBytes)},
              {"field", field.empty() ? nlohmann::json() : nlohmann::json(clipped_field)}},
             status);
}

namespace {

void reply_baton_error(httplib::Response& res, int status, const Error& e) {
  reply_error(res, status, e.message(), e.where().field);
  if (e.where().line > 0) {
    nlohmann::json doc = nlohmann::json::parse(res.body);
    doc["line"] = e.where().line;
    reply_json(res, doc, status);
  }
}

}  // namespace

void reply_exception(const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
  try {
    std::rethrow_exception(ep);
  } catch (const ForbiddenError& e) {
    reply_baton_error(res, 403, e);
  } catch (const NotFoundError& e) {
    reply_baton_error(res, 404, e);
  } catch (const ParseError& e) {
    reply_baton_error(res, 400, e);
  } catch (const ValidationError& e) {
    reply_baton_error(res, 400, e);
  } catch (const StoreError& e) {
    res.set_header("Retry-After", "1");
    reply_baton_error(res, 503, e);
  } catch (const Error& e) {
    reply_baton_error(res, 400, e);
  } catch (const nlohmann::json::exception&) {
    reply_error(res, 400, "a value in the request has the wrong type");
  } catch (...) {
    reply_error(res, 500, "internal error");
  }
}

std::string query(const httplib::Request& req, const std::string& name,
                  const std::string& fallback) {
  return req.has_param(name.c_str()) ? req.get_param_value(name.c_str()) : fallback;
}

}  // namespace baton::server
