#include "server/simulation_request.h"

#include <fmt/format.h>

#include "baton/units.h"
#include "server/request_fields.h"

namespace baton::server {
namespace {

double seed_seconds(const nlohmann::json& value, double total_m, const std::string& field) {
  const Location where{"", 0, field};
  if (value.is_string()) return to_fat_s(parse_time(value.get<std::string>(), where), total_m);
  if (!value.is_number()) throw ParseError("must be a time such as \"46.55\"", where);
  return value.get<double>();
}

}  // namespace

std::vector<Opponent> opponents(const nlohmann::json& body, double total_m) {
  if (!body.contains("opponents")) return {};
  const nlohmann::json& value = body["opponents"];
  if (!value.is_array()) {
    throw ParseError("must be a list of {\"name\", \"seed\"}", Location{"", 0, "opponents"});
  }
  if (value.size() > kMaxOpponents) {
    throw ValidationError(fmt::format("at most {} opponents", kMaxOpponents),
                          Location{"", 0, "opponents"});
  }
  std::vector<Opponent> out;
  for (size_t i = 0; i < value.size(); ++i) {
    const std::string at = fmt::format("opponents.{}", i);
    const nlohmann::json& o = value[i];
    if (!o.is_object()) throw ParseError("must be {\"name\", \"seed\"}", Location{"", 0, at});
    for (const auto& [key, v] : o.items()) {
      if (key != "name" && key != "seed") {
        throw ParseError("unknown field", Location{"", 0, at + "." + key});
      }
    }
    out.push_back({string_field(required(o, "name", at + ".name"), at + ".name"),
                   seed_seconds(required(o, "seed", at + ".seed"), total_m, at + ".seed")});
  }
  return out;
}

SimulationOptions simulation_options(const nlohmann::json& body, std::int64_t default_runs,
                                     std::int64_t min_runs, std::int64_t max_runs) {
  SimulationOptions options;
  options.runs = whole_number(body, "runs", default_runs, min_runs, max_runs);
  options.seed =
      static_cast<std::uint64_t>(whole_number(body, "seed", 1, 0, std::int64_t{1} << 53));
  return options;
}

}  // namespace baton::server
