#include "server/athlete_request.h"

#include <fmt/format.h>

#include <algorithm>

namespace baton::server {
namespace {

constexpr size_t kMaxEntries = 32;  // marks or splits per athlete; far more than any roster has

Location field(const std::string& name) { return Location{"", 0, name}; }

const std::string& string_field(const nlohmann::json& value, const std::string& name) {
  if (!value.is_string()) throw ParseError("must be a string", field(name));
  return value.get_ref<const std::string&>();
}

const nlohmann::json& object_field(const nlohmann::json& value, const std::string& name) {
  if (!value.is_object()) throw ParseError("must be an object", field(name));
  if (value.size() > kMaxEntries) {
    throw ValidationError(fmt::format("at most {} entries", kMaxEntries), field(name));
  }
  return value;
}

// A time as a coach writes it ("12.31", "1:58.32", "25.4h") or a number of seconds.
Mark time_value(const nlohmann::json& value, const std::string& name) {
  if (value.is_number()) {
    const double s = value.get<double>();
    if (!(s > 0.0)) throw ValidationError("time must be positive", field(name));
    return Mark{s, false};
  }
  return parse_time(string_field(value, name), field(name));
}

std::vector<Best> read_marks(const nlohmann::json& marks, Sex sex) {
  std::vector<Best> bests;
  for (const auto& [key, value] : object_field(marks, "marks").items()) {
    const std::string name = "marks." + key;
    Best b{parse_distance(key, field(name)), time_value(value, name)};
    check_mark_plausible(b.distance_m, b.fat_s(), sex, field(name));
    bests.push_back(b);
  }
  return bests;
}

std::vector<Split> read_splits(const nlohmann::json& splits) {
  std::vector<Split> out;
  for (const auto& [key, value] : object_field(splits, "splits").items()) {
    const std::string name = "splits." + key;
    out.push_back(Split{parse_distance(key, field(name)), time_value(value, name).time_s});
  }
  std::sort(out.begin(), out.end(),
            [](const Split& x, const Split& y) { return x.distance_m < y.distance_m; });
  return out;
}

}  // namespace

void apply_athlete_json(const nlohmann::json& body, Athlete& a) {
  for (const auto& [key, value] : body.items()) {
    if (key != "name" && key != "sex" && key != "marks" && key != "splits" &&
        key != "foot_length_m" && key != "hand" && key != "bests" && key != "form_sd_percent" &&
        key != "entries") {
      throw ParseError("unknown field", field(key));
    }
  }
  if (body.contains("name")) a.name = string_field(body["name"], "name");
  if (body.contains("sex")) a.sex = parse_sex(string_field(body["sex"], "sex"), field("sex"));
  if (body.contains("marks")) {
    a.bests.clear();
    for (const Best& b : read_marks(body["marks"], a.sex)) a.set_best(b);
  }
  if (body.contains("splits")) a.splits = read_splits(body["splits"]);
  if (body.contains("foot_length_m")) {
    const nlohmann::json& v = body["foot_length_m"];
    if (v.is_null()) {
      a.foot_length_m.reset();
    } else if (v.is_number()) {
      a.foot_length_m = v.get<double>();
    } else {
      throw ParseError("must be a number of metres or null", field("foot_length_m"));
    }
  }
  if (body.contains("form_sd_percent")) {
    const nlohmann::json& v = body["form_sd_percent"];
    if (v.is_null()) {
      a.form_sd_percent.reset();
    } else if (v.is_number()) {
      a.form_sd_percent = v.get<double>();
    } else {
      throw ParseError("must be a number (percent of the leg) or null", field("form_sd_percent"));
    }
  }
  if (body.contains("entries")) {
    const nlohmann::json& list = body["entries"];
    if (!list.is_array()) {
      throw ParseError("must be a list of individual events, e.g. [\"100m\", \"200m\"]",
                       field("entries"));
    }
    if (list.size() > kMaxEntries) {
      throw ValidationError(fmt::format("at most {} entries", kMaxEntries), field("entries"));
    }
    a.entries.clear();
    for (size_t i = 0; i < list.size(); ++i) {
      a.entries.push_back(string_field(list[i], fmt::format("entries.{}", i)));
    }
  }
  if (body.contains("hand")) {
    const nlohmann::json& v = body["hand"];
    if (v.is_null()) {
      a.hand.reset();
    } else {
      a.hand = parse_hand(string_field(v, "hand"), field("hand"));
    }
  }
  validate_athlete(a);
}

}  // namespace baton::server
