// Relay entries as JSON in the shape of an OpenTrack competition (docs/FILE_FORMATS.md).
#include <map>
#include <nlohmann/json.hpp>

#include "baton/entries.h"
#include "baton/units.h"

namespace baton {

std::string write_entries_opentrack(const EntryList& entries) {
  nlohmann::json competitors = nlohmann::json::array();
  std::map<std::string, std::string> ids;  // roster name -> competitorId
  auto id_of = [&](const EntryRunner& a) {
    const auto it = ids.find(a.name);
    if (it != ids.end()) return it->second;
    const std::string id = std::to_string(ids.size() + 1);
    ids.emplace(a.name, id);
    competitors.push_back({{"competitorId", id},
                           {"firstName", a.first},
                           {"lastName", a.last},
                           {"gender", std::string(to_string(a.sex))},
                           {"teamId", entries.team_code},
                           {"teamName", entries.team_name}});
    return id;
  };
  nlohmann::json events = nlohmann::json::array();
  std::map<std::string, size_t> event_index;  // eventCode/gender -> index in events
  for (const RelayEntry& r : entries.relays) {
    const std::string gender = r.sex ? std::string(to_string(*r.sex)) : "X";
    const std::string key = r.event + "/" + gender;
    if (!event_index.count(key)) {
      event_index[key] = events.size();
      events.push_back({{"eventCode", r.event},
                        {"gender", gender},
                        {"relay", true},
                        {"teams", nlohmann::json::array()}});
    }
    nlohmann::json runners = nlohmann::json::array(), alternates = nlohmann::json::array();
    for (const EntryRunner& a : r.runners) runners.push_back(id_of(a));
    for (const EntryRunner& a : r.alternates) alternates.push_back(id_of(a));
    nlohmann::json team = {{"teamId", entries.team_code},
                           {"teamName", entries.team_name},
                           {"letter", r.letter},
                           {"runners", runners},
                           {"alternates", alternates}};
    team["seedTime"] = r.seed_s ? nlohmann::json(format_time(*r.seed_s)) : nlohmann::json();
    events[event_index[key]]["teams"].push_back(std::move(team));
  }
  const nlohmann::json doc = {{"competitors", competitors}, {"events", events}};
  return doc.dump(2) + "\n";
}

}  // namespace baton
