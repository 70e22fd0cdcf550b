#include "server/drill_request.h"

#include <fmt/format.h>

#include <algorithm>

#include "baton/date.h"
#include "baton/error.h"

namespace baton::server {
namespace {

std::string text_field(const nlohmann::json& body, const char* key) {
  if (!body.contains(key)) throw ParseError("is required", Location{"", 0, key});
  if (!body[key].is_string()) throw ParseError("must be a string", Location{"", 0, key});
  return body[key].get<std::string>();
}

double number_field(const nlohmann::json& body, const char* key) {
  if (!body.contains(key)) throw ParseError("is required", Location{"", 0, key});
  if (!body[key].is_number()) throw ParseError("must be a number", Location{"", 0, key});
  return body[key].get<double>();
}

}  // namespace

Drill drill_from_json(const nlohmann::json& body, const std::string& default_date) {
  static const char* const kKnown[] = {"from",    "to",   "go_mark_m",    "exchange_at_m",
                                       "outcome", "date", "baton_time_s", "zone_length_m",
                                       "note",    "key"};
  for (const auto& item : body.items()) {
    const std::string& key = item.key();
    if (std::find_if(std::begin(kKnown), std::end(kKnown),
                     [&](const char* k) { return key == k; }) == std::end(kKnown)) {
      throw ParseError("unknown field", Location{"", 0, key});
    }
  }
  Drill d;
  d.from = text_field(body, "from");
  d.to = text_field(body, "to");
  d.go_mark_m = number_field(body, "go_mark_m");
  d.exchange_at_m = number_field(body, "exchange_at_m");
  if (body.contains("outcome")) {
    d.outcome = parse_drill_outcome(text_field(body, "outcome"), Location{"", 0, "outcome"});
  }
  d.date = body.contains("date") ? parse_date(text_field(body, "date"), Location{"", 0, "date"})
                                 : default_date;
  if (body.contains("baton_time_s") && !body["baton_time_s"].is_null()) {
    d.baton_time_s = number_field(body, "baton_time_s");
  }
  if (body.contains("zone_length_m")) d.zone_length_m = number_field(body, "zone_length_m");
  if (body.contains("note")) {
    d.note = text_field(body, "note");
    if (d.note.size() > kMaxNoteChars) {
      throw ValidationError(fmt::format("must be at most {} characters", kMaxNoteChars),
                            Location{"", 0, "note"});
    }
  }
  if (body.contains("key")) {
    d.key = text_field(body, "key");
    if (d.key.empty()) throw ValidationError("must not be empty", Location{"", 0, "key"});
  }
  return d;
}

}  // namespace baton::server
