// The TOML meet file.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <sstream>

#include "baton/meet.h"
#include "baton/team_file.h"
#include "core/text.h"
#include "io/toml_limits.h"

namespace baton {
namespace {

Location at(const std::string& source, const toml::node& node, std::string field) {
  return Location{source, static_cast<int>(node.source().begin.line), std::move(field)};
}

std::string string_of(const toml::node& node, const Location& where) {
  if (const auto* s = node.as_string()) return s->get();
  throw ParseError("expected text", where);
}

double number(const toml::node& node, const Location& where) {
  if (const auto* i = node.as_integer()) return static_cast<double>(i->get());
  if (const auto* f = node.as_floating_point()) return f->get();
  throw ParseError("expected a number", where);
}

// A seed is written as a time ("38.10", "3:05.2", hand-timed "46.5h", taken to FAT over the
// relay's distance as marks are) or a number of seconds. It must be a time a relay team can
// run, checked as relay results are: not below 95 % of the sum of the legs' men's world
// records, not slower than a 2 m/s walk.
double seed_time(const toml::node& node, const Location& where, const Event& event) {
  const double relay_m = event.total_m();
  const double t = node.as_string() ? to_fat_s(parse_time(node.as_string()->get(), where), relay_m)
                                    : number(node, where);
  if (!(t > 0.0)) throw ValidationError("seed time must be greater than zero", where);
  double records_s = 0.0;
  for (const Leg& leg : event.legs) records_s += world_record_s(leg.distance_m, Sex::male);
  const double fastest_s = 0.95 * records_s;
  const double slowest_s = relay_m / 2.0;
  if (!std::isfinite(t) || t < fastest_s || t > slowest_s) {
    throw ValidationError(fmt::format("seed {} is impossible for {}: it must lie between {} (95 % "
                                      "of the legs' world records) and {} (a 2 m/s walk)",
                                      format_duration(t), event.id, format_duration(fastest_s),
                                      format_duration(slowest_s)),
                          where);
  }
  return t;
}

MeetEntry read_entry(const toml::table& t, const std::string& source, const std::string& prefix,
                     const Event& event) {
  static const std::set<std::string> kKnown = {"file", "roster", "order",     "sex",  "name",
                                               "seed", "sd_s",   "fail_rate", "model"};
  for (auto&& [key, value] : t) {
    if (!kKnown.contains(std::string(key.str()))) {
      throw ParseError(fmt::format("unknown field '{}' (known: file, roster, order, sex, name, "
                                   "seed, sd_s, fail_rate, model)",
                                   key.str()),
                       at(source, value, prefix + std::string(key.str())));
    }
  }
  MeetEntry e;
  e.line = static_cast<int>(t.source().begin.line);
  auto field = [&](const char* name) { return prefix + name; };
  if (const toml::node* n = t.get("name")) e.name = string_of(*n, at(source, *n, field("name")));
  const toml::node* file = t.get("file");
  const toml::node* roster = t.get("roster");
  const toml::node* seed = t.get("seed");
  if (roster) {
    const Location loc = at(source, *roster, field("roster"));
    const auto* flag = roster->as_boolean();
    if (!flag) throw ParseError("roster must be true or false", loc);
    e.roster = flag->get();
    if (e.roster && file) {
      throw ParseError(
          "give either file (a team file) or roster = true (the database roster), "
          "not both",
          loc);
    }
  }
  const bool own = file || e.roster;
  if (own && seed) {
    throw ParseError("give either file / roster (an own team) or seed (an opponent), not both",
                     at(source, *seed, field("seed")));
  }
  if (!own && !seed) {
    throw ParseError(
        "each team needs file = \"team.toml\", roster = true, or name and seed = \"38.10\"",
        Location{source, e.line, prefix.substr(0, prefix.size() - 1)});
  }
  if (own) {
    for (const char* opponent_only : {"sd_s", "fail_rate", "model"}) {
      if (const toml::node* n = t.get(opponent_only)) {
        throw ParseError("only for an opponent given by a seed",
                         at(source, *n, field(opponent_only)));
      }
    }
    if (file) {
      const Location loc = at(source, *file, field("file"));
      e.file = string_of(*file, loc);
      if (e.file.empty()) throw ParseError("file is empty", loc);
      const std::filesystem::path p(e.file);
      if (p.is_relative()) {
        e.file = (std::filesystem::path(source).parent_path() / p).lexically_normal().string();
      }
    }
    if (const toml::node* order = t.get("order")) {
      const Location oloc = at(source, *order, field("order"));
      const toml::array* list = order->as_array();
      if (!list) throw ParseError("order must be a list of names", oloc);
      for (const toml::node& n : *list)
        e.order.push_back(string_of(n, at(source, n, field("order"))));
    }
    if (const toml::node* sex = t.get("sex")) {
      const Location sloc = at(source, *sex, field("sex"));
      e.sex = parse_sex(string_of(*sex, sloc), sloc);
    }
    return e;
  }
  for (const char* own_only : {"order", "sex"}) {
    if (const toml::node* n = t.get(own_only)) {
      throw ParseError("only for an own team (file or roster)", at(source, *n, field(own_only)));
    }
  }
  if (e.name.empty()) {
    throw ParseError("an opponent needs a name", Location{source, e.line, field("name")});
  }
  e.seed_time_s = seed_time(*seed, at(source, *seed, field("seed")), event);
  if (const toml::node* n = t.get("sd_s")) {
    const Location loc = at(source, *n, field("sd_s"));
    e.sd_s = number(*n, loc);
    if (!(e.sd_s >= 0.0 && e.sd_s < e.seed_time_s)) {
      throw ValidationError("sd_s must be at least 0 s and below the seed time", loc);
    }
  }
  if (const toml::node* n = t.get("fail_rate")) {
    const Location loc = at(source, *n, field("fail_rate"));
    e.fail_rate = number(*n, loc);
    if (!(e.fail_rate >= 0.0 && e.fail_rate <= 1.0)) {
      throw ValidationError("fail_rate must be between 0 and 1", loc);
    }
  }
  if (const toml::node* n = t.get("model")) {
    const Location loc = at(source, *n, field("model"));
    const std::string m = string_of(*n, loc);
    if (m != "seed" && m != "exchanges") {
      throw ParseError("model must be \"seed\" or \"exchanges\" (got '" + m + "')", loc);
    }
    e.exchange_model = m == "exchanges";
  }
  return e;
}

toml::table parse_root(std::string_view toml_text, const std::string& source) {
  check_toml_nesting(toml_text, source);
  try {
    return toml::parse(toml_text, source);
  } catch (const toml::parse_error& e) {
    throw ParseError(std::string(e.description()),
                     Location{source, static_cast<int>(e.source().begin.line), ""});
  }
}

std::vector<double> read_scoring(const toml::node& scoring, const std::string& source,
                                 const std::string& name) {
  const Location loc = at(source, scoring, name);
  const toml::array* list = scoring.as_array();
  if (!list) throw ParseError("scoring must be a list of points such as [10, 8, 6]", loc);
  std::vector<double> out;
  for (const toml::node& n : *list) {
    const double p = number(n, at(source, n, name));
    if (!(p >= 0.0 && p <= 1e6)) {
      throw ValidationError("points must be between 0 and 1e6", at(source, n, name));
    }
    out.push_back(p);
  }
  return out;
}

RuleSet read_rules(const toml::table& root, const std::string& source) {
  if (const toml::node* rules = root.get("rules")) {
    const Location loc = at(source, *rules, "rules");
    return parse_rules(string_of(*rules, loc), loc);
  }
  return RuleSet::wa;
}

// The entries of a `[[team]]` array (`name` is "team" or "relay[i].team").
std::vector<MeetEntry> read_entries(const toml::node* teams, const std::string& source,
                                    const std::string& name, int line, const Event& event) {
  if (!teams) throw ParseError("no [[" + name + "]] entries", Location{source, line, name});
  const toml::array* list = teams->as_array();
  if (!list) {
    throw ParseError("teams must be written as [[" + name + "]] tables", at(source, *teams, name));
  }
  std::vector<MeetEntry> out;
  for (size_t i = 0; i < list->size(); ++i) {
    const toml::node& node = *list->get(i);
    const toml::table* t = node.as_table();
    if (!t) throw ParseError("each team must be a table", at(source, node, name));
    out.push_back(read_entry(*t, source, fmt::format("{}[{}].", name, i + 1), event));
  }
  return out;
}

MeetRelayField read_relay(const toml::table& t, const std::string& source, size_t index,
                          RuleSet rules, const std::vector<double>& scoring) {
  static const std::set<std::string> kKnown = {"event", "sex", "scoring", "team"};
  const std::string prefix = fmt::format("relay[{}]", index + 1);
  for (auto&& [key, value] : t) {
    if (!kKnown.contains(std::string(key.str()))) {
      throw ParseError(
          fmt::format("unknown field '{}' (known: event, sex, scoring, team)", key.str()),
          at(source, value, prefix + "." + std::string(key.str())));
    }
  }
  MeetRelayField relay;
  relay.line = static_cast<int>(t.source().begin.line);
  const toml::node* event = t.get("event");
  if (!event) {
    throw ParseError("no event (such as event = \"4x100\")",
                     Location{source, relay.line, prefix + ".event"});
  }
  const Location eloc = at(source, *event, prefix + ".event");
  relay.event = find_event(string_of(*event, eloc), rules, eloc);
  if (const toml::node* sex = t.get("sex")) {
    const Location sloc = at(source, *sex, prefix + ".sex");
    if (relay.event.sex_rule == SexRule::mixed_two_two) {
      throw ParseError(relay.event.name + " is run by men and women together: leave sex out", sloc);
    }
    relay.sex = parse_sex(string_of(*sex, sloc), sloc);
  }
  const toml::node* own_scoring = t.get("scoring");
  relay.scoring = own_scoring ? read_scoring(*own_scoring, source, prefix + ".scoring") : scoring;
  relay.teams = read_entries(t.get("team"), source, prefix + ".team", relay.line, relay.event);
  if (relay.teams.empty()) {
    throw ParseError("a relay needs opponents to score against ([[relay.team]] name and seed)",
                     Location{source, relay.line, prefix + ".team"});
  }
  for (const MeetEntry& e : relay.teams) {
    if (e.own()) {
      throw ParseError(
          "a relay's field lists opponents by name and seed; the lineups are the roster's",
          Location{source, e.line, prefix + ".team"});
    }
  }
  return relay;
}

// `conflicts = [["4x100/F", "4x200/F"], ...]`: each pair two different relays of the file, named
// by their labels (any case).
std::vector<MeetFileConflict> read_conflicts(const toml::node& node, const std::string& source,
                                             const MeetRelays& meet) {
  const char* example = "conflicts = [[\"4x100/F\", \"4x200/F\"]]";
  const toml::array* list = node.as_array();
  if (!list)
    throw ParseError(fmt::format("expected a list of pairs, e.g. {}", example),
                     at(source, node, "conflicts"));
  std::vector<MeetFileConflict> out;
  for (size_t i = 0; i < list->size(); ++i) {
    const toml::node& item = *list->get(i);
    const Location where = at(source, item, fmt::format("conflicts[{}]", i + 1));
    const toml::array* pair = item.as_array();
    if (!pair || pair->size() != 2) {
      throw ParseError(fmt::format("expected two relays, e.g. {}", example), where);
    }
    MeetFileConflict c;
    c.line = where.line;
    std::string* names[] = {&c.first, &c.second};
    for (size_t k = 0; k < 2; ++k) {
      const std::string label = string_of(*pair->get(k), where);
      const MeetRelayField* found = nullptr;
      std::vector<std::string> labels;
      for (const MeetRelayField& r : meet.relays) {
        labels.push_back(r.label());
        if (text::lowercase(r.label()) == text::lowercase(label)) found = &r;
      }
      if (!found) {
        throw ParseError(
            fmt::format("{} is not a relay of this file ({})", label, fmt::join(labels, ", ")),
            where);
      }
      *names[k] = found->label();
    }
    if (c.first == c.second) {
      throw ParseError(c.first + " cannot conflict with itself: name two relays", where);
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

std::string MeetRelayField::label() const {
  return sex ? event.id + "/" + std::string(to_string(*sex)) : event.id;
}

const MeetRelayField* MeetRelays::find(const std::string& event_id, std::optional<Sex> sex) const {
  const MeetRelayField* any_squad = nullptr;
  int of_event = 0;
  for (const MeetRelayField& r : relays) {
    if (r.event.id != event_id) continue;
    ++of_event;
    if (r.sex == sex) return &r;
    if (!r.sex) any_squad = &r;
  }
  return of_event == 1 ? any_squad : nullptr;
}

Meet parse_meet_toml(std::string_view toml_text, const std::string& source) {
  const toml::table root = parse_root(toml_text, source);
  if (const toml::node* relay = root.get("relay")) {
    throw ParseError(
        "this meet file lists several relays ([[relay]]); only lineup --events --objective "
        "points reads those: give one relay as event = and [[team]] entries",
        at(source, *relay, "relay"));
  }
  static const std::set<std::string> kKnown = {"event", "rules", "scoring", "team"};
  for (auto&& [key, value] : root) {
    if (!kKnown.contains(std::string(key.str()))) {
      throw ParseError(
          "unknown field '" + std::string(key.str()) + "' (known: event, rules, scoring, team)",
          at(source, value, std::string(key.str())));
    }
  }
  Meet meet;
  meet.source = source;
  meet.rules = read_rules(root, source);
  const toml::node* event = root.get("event");
  if (!event)
    throw ParseError("no event (such as event = \"4x100\")", Location{source, 1, "event"});
  const Location eloc = at(source, *event, "event");
  meet.event = find_event(string_of(*event, eloc), meet.rules, eloc);
  if (const toml::node* scoring = root.get("scoring")) {
    meet.scoring = read_scoring(*scoring, source, "scoring");
  }
  meet.teams = read_entries(root.get("team"), source, "team", 1, meet.event);
  return meet;
}

MeetRelays parse_meet_relays_toml(std::string_view toml_text, const std::string& source) {
  const toml::table root = parse_root(toml_text, source);
  const toml::node* relays = root.get("relay");
  MeetRelays out;
  out.source = source;
  if (!relays) {
    const Meet meet = parse_meet_toml(toml_text, source);
    out.rules = meet.rules;
    MeetRelayField relay;
    relay.event = meet.event;
    relay.scoring = meet.scoring;
    for (const MeetEntry& e : meet.teams) {
      if (e.own()) {
        if (e.sex && meet.event.sex_rule != SexRule::mixed_two_two) relay.sex = e.sex;
      } else {
        relay.teams.push_back(e);
      }
    }
    if (relay.teams.empty()) {
      throw ParseError("the meet has no opponents to score against ([[team]] with name and seed)",
                       Location{source, 1, "team"});
    }
    out.relays.push_back(std::move(relay));
    return out;
  }
  static const std::set<std::string> kKnown = {"rules", "scoring", "relay", "conflicts"};
  for (auto&& [key, value] : root) {
    if (!kKnown.contains(std::string(key.str()))) {
      throw ParseError(fmt::format("unknown field '{}' (known with [[relay]] tables: rules, "
                                   "scoring, conflicts, relay; event and [[team]] go inside "
                                   "each relay)",
                                   key.str()),
                       at(source, value, std::string(key.str())));
    }
  }
  out.rules = read_rules(root, source);
  std::vector<double> scoring;
  if (const toml::node* s = root.get("scoring")) scoring = read_scoring(*s, source, "scoring");
  const toml::array* list = relays->as_array();
  if (!list) {
    throw ParseError("relays must be written as [[relay]] tables", at(source, *relays, "relay"));
  }
  for (size_t i = 0; i < list->size(); ++i) {
    const toml::node& node = *list->get(i);
    const toml::table* t = node.as_table();
    if (!t) throw ParseError("each relay must be a table", at(source, node, "relay"));
    MeetRelayField relay = read_relay(*t, source, i, out.rules, scoring);
    for (const MeetRelayField& earlier : out.relays) {
      if (earlier.event.id == relay.event.id && earlier.sex == relay.sex) {
        throw ParseError(relay.label() + " is given twice",
                         Location{source, relay.line, fmt::format("relay[{}]", i + 1)});
      }
    }
    out.relays.push_back(std::move(relay));
  }
  if (const toml::node* c = root.get("conflicts")) out.conflicts = read_conflicts(*c, source, out);
  return out;
}

Meet load_meet(const std::string& path) { return parse_meet_toml(read_text_file(path), path); }

MeetRelays load_meet_relays(const std::string& path) {
  return parse_meet_relays_toml(read_text_file(path), path);
}

std::string meet_to_toml(const Meet& meet) {
  toml::table root;
  root.insert("event", meet.event.id);
  root.insert("rules", std::string(to_string(meet.rules)));
  if (!meet.scoring.empty()) {
    toml::array scoring;
    for (double p : meet.scoring) scoring.push_back(p);
    root.insert("scoring", scoring);
  }
  toml::array teams;
  for (const MeetEntry& e : meet.teams) {
    toml::table t;
    if (!e.name.empty()) t.insert("name", e.name);
    if (e.roster) t.insert("roster", true);
    if (!e.file.empty()) t.insert("file", e.file);
    if (e.own() && e.sex) t.insert("sex", std::string(to_string(*e.sex)));
    if (e.own() && !e.order.empty()) {
      toml::array order;
      for (const std::string& n : e.order) order.push_back(n);
      t.insert("order", order);
    }
    if (!e.own()) t.insert("seed", format_time(e.seed_time_s, 2));
    if (!e.own() && e.sd_s >= 0.0) t.insert("sd_s", e.sd_s);
    if (!e.own() && e.fail_rate >= 0.0) t.insert("fail_rate", e.fail_rate);
    if (!e.own() && e.exchange_model) t.insert("model", "exchanges");
    teams.push_back(t);
  }
  root.insert("team", teams);
  std::ostringstream out;
  out << root << "\n";
  return out.str();
}

}  // namespace baton
