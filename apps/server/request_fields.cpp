#include "server/request_fields.h"

#include <fmt/format.h>

#include <charconv>

#include "baton/error.h"
#include "server/worker_database.h"

namespace baton::server {

nlohmann::json parse_json_object(std::string_view text) {
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    throw ParseError("the body is not valid JSON", Location{"", 0, "body"});
  }
  if (!doc.is_object()) {
    throw ParseError("the body must be a JSON object", Location{"", 0, "body"});
  }
  return doc;
}

void only_fields(const nlohmann::json& body, std::initializer_list<const char*> known) {
  for (const auto& [key, value] : body.items()) {
    bool ok = false;
    for (const char* k : known) ok = ok || key == k;
    if (!ok) throw ParseError("unknown field", Location{"", 0, key});
  }
}

const nlohmann::json& required(const nlohmann::json& body, const char* key) {
  if (!body.contains(key)) throw ParseError("is required", Location{"", 0, key});
  return body[key];
}

const nlohmann::json& required(const nlohmann::json& body, const char* key,
                               const std::string& field) {
  if (!body.contains(key)) throw ParseError("is required", Location{"", 0, field});
  return body[key];
}

std::string string_field(const nlohmann::json& value, const std::string& field) {
  if (!value.is_string()) throw ParseError("must be a string", Location{"", 0, field});
  return value.get<std::string>();
}

std::vector<std::string> names_field(const nlohmann::json& value, const std::string& field,
                                     size_t max_names) {
  if (!value.is_array()) throw ParseError("must be a list of names", Location{"", 0, field});
  if (value.size() > max_names) {
    throw ValidationError(fmt::format("must name at most {} athletes", max_names),
                          Location{"", 0, field});
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < value.size(); ++i) {
    out.push_back(string_field(value[i], fmt::format("{}.{}", field, i)));
  }
  return out;
}

std::int64_t whole_number(const nlohmann::json& body, const char* key, std::int64_t fallback,
                          std::int64_t lo, std::int64_t hi) {
  if (!body.contains(key)) return fallback;
  const nlohmann::json& v = body[key];
  if (!v.is_number_integer()) throw ParseError("must be a whole number", Location{"", 0, key});
  const auto n = v.get<long long>();
  if (n < lo || n > hi) {
    throw ValidationError(fmt::format("must be {} to {}", lo, hi), Location{"", 0, key});
  }
  return n;
}

std::optional<Sex> optional_sex(const nlohmann::json& body, const char* key) {
  if (!body.contains(key) || body[key].is_null()) return std::nullopt;
  return parse_sex(string_field(body[key], key), Location{"", 0, key});
}

Workspace roster_workspace(const std::string& db_path) {
  return Workspace::borrow(worker_database(db_path));
}

OrderRequest order_request(const nlohmann::json& body) {
  OrderRequest r;
  r.event = string_field(required(body, "event"), "event");
  r.sex = optional_sex(body, "sex");
  if (body.contains("order") && !body["order"].is_null())
    r.order = names_field(body["order"], "order");
  return r;
}

LineupQuery lineup_query(const nlohmann::json& body, int max_top) {
  LineupQuery q;
  q.event = string_field(required(body, "event"), "event");
  q.sex = optional_sex(body, "sex");
  q.top = static_cast<int>(whole_number(body, "top", 0, 0, max_top));
  if (body.contains("exclude")) q.exclude = names_field(body["exclude"], "exclude");
  if (body.contains("locks")) {
    const nlohmann::json& locks = body["locks"];
    if (!locks.is_object()) {
      throw ParseError("must map legs to names, e.g. {\"2\": \"Ann Lee\"}",
                       Location{"", 0, "locks"});
    }
    for (const auto& [key, value] : locks.items()) {
      const std::string field = "locks." + key;
      int leg = 0;
      const auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), leg);
      if (ec != std::errc() || end != key.data() + key.size()) {
        throw ValidationError("a leg is a number, e.g. \"2\"", Location{"", 0, field});
      }
      q.locks[leg] = string_field(value, field);
    }
  }
  return q;
}

}  // namespace baton::server
