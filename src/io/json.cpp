#include "baton/json.h"

#include <fmt/format.h>

#include <cmath>

namespace baton {

nlohmann::json to_json(const Athlete& a) {
  nlohmann::json bests = nlohmann::json::object();
  nlohmann::json marks = nlohmann::json::object();
  for (const Best& b : a.bests) {
    bests[distance_label(b.distance_m)] = std::round(b.fat_s() * 1000.0) / 1000.0;
    marks[distance_label(b.distance_m)] = format_mark(b.mark);
  }
  nlohmann::json splits = nlohmann::json::object();
  for (const Split& s : a.splits) splits[fmt::format("{:g}", s.distance_m)] = s.time_s;
  nlohmann::json j = {{"name", a.name},
                      {"sex", to_string(a.sex)},
                      {"bests", bests},
                      {"marks", marks},
                      {"splits", splits}};
  j["foot_length_m"] = a.foot_length_m ? nlohmann::json(*a.foot_length_m) : nlohmann::json();
  j["hand"] = a.hand ? nlohmann::json(to_string(*a.hand)) : nlohmann::json();
  j["form_sd_percent"] = a.form_sd_percent ? nlohmann::json(*a.form_sd_percent) : nlohmann::json();
  j["entries"] = a.entries;
  return j;
}

nlohmann::json to_json(const Event& e) {
  nlohmann::json legs = nlohmann::json::array();
  for (const Leg& l : e.legs) {
    legs.push_back({{"leg", l.number},
                    {"distance_m", l.distance_m},
                    {"block_start", l.block_start},
                    {"bend_m", std::round(l.bend_m * 100.0) / 100.0}});
  }
  nlohmann::json exchanges = nlohmann::json::array();
  for (const ExchangeZone& z : e.exchanges) {
    exchanges.push_back({{"exchange", z.number},
                         {"from_leg", z.number},
                         {"to_leg", z.number + 1},
                         {"zone_length_m", z.zone_length_m},
                         {"scratch_from_zone_start_m", z.scratch_from_zone_start_m},
                         {"zone_start_race_m", z.zone_start_race_m},
                         {"blind", z.blind},
                         {"in_lanes", z.in_lanes},
                         {"rule", z.rule}});
  }
  return {{"id", e.id},
          {"name", e.name},
          {"rules", to_string(e.rules)},
          {"total_m", e.total_m()},
          {"sex_rule", to_string(e.sex_rule)},
          {"lanes", e.lanes_note},
          {"lanes_until_m", e.lanes_until_m},
          {"legs", legs},
          {"exchanges", exchanges}};
}

nlohmann::json to_json(const Team& t) {
  nlohmann::json athletes = nlohmann::json::array();
  for (const Athlete& a : t.athletes) athletes.push_back(to_json(a));
  return {{"name", t.name}, {"rules", to_string(t.rules)}, {"athletes", athletes}};
}

}  // namespace baton
