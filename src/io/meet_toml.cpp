// The TOML meet file.
#include <fmt/format.h>
#include <toml++/toml.h>

#include <cmath>
#include <filesystem>
#include <set>
#include <sstream>

#include "baton/meet.h"
#include "baton/team_file.h"
#include "io/toml_limits.h"

namespace baton {
namespace {

Location at(const std::string& source, const toml::node& node, std::string field) {
  return Location{source, static_cast<int>(node.source().begin.line), std::move(field)};
}

std::string text(const toml::node& node, const Location& where) {
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

MeetEntry read_entry(const toml::table& t, const std::string& source, size_t index,
                     const Event& event) {
  static const std::set<std::string> kKnown = {"file", "roster", "order",     "sex",  "name",
                                               "seed", "sd_s",   "fail_rate", "model"};
  const std::string prefix = fmt::format("team[{}].", index + 1);
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
  if (const toml::node* n = t.get("name")) e.name = text(*n, at(source, *n, field("name")));
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
      e.file = text(*file, loc);
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
      for (const toml::node& n : *list) e.order.push_back(text(n, at(source, n, field("order"))));
    }
    if (const toml::node* sex = t.get("sex")) {
      const Location sloc = at(source, *sex, field("sex"));
      e.sex = parse_sex(text(*sex, sloc), sloc);
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
    const std::string m = text(*n, loc);
    if (m != "seed" && m != "exchanges") {
      throw ParseError("model must be \"seed\" or \"exchanges\" (got '" + m + "')", loc);
    }
    e.exchange_model = m == "exchanges";
  }
  return e;
}

}  // namespace

Meet parse_meet_toml(std::string_view toml_text, const std::string& source) {
  check_toml_nesting(toml_text, source);
  toml::table root;
  try {
    root = toml::parse(toml_text, source);
  } catch (const toml::parse_error& e) {
    throw ParseError(std::string(e.description()),
                     Location{source, static_cast<int>(e.source().begin.line), ""});
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
  if (const toml::node* rules = root.get("rules")) {
    const Location loc = at(source, *rules, "rules");
    meet.rules = parse_rules(text(*rules, loc), loc);
  }
  const toml::node* event = root.get("event");
  if (!event)
    throw ParseError("no event (such as event = \"4x100\")", Location{source, 1, "event"});
  const Location eloc = at(source, *event, "event");
  meet.event = find_event(text(*event, eloc), meet.rules, eloc);
  if (const toml::node* scoring = root.get("scoring")) {
    const Location loc = at(source, *scoring, "scoring");
    const toml::array* list = scoring->as_array();
    if (!list) throw ParseError("scoring must be a list of points such as [10, 8, 6]", loc);
    for (const toml::node& n : *list) {
      const double p = number(n, at(source, n, "scoring"));
      if (!(p >= 0.0 && p <= 1e6)) {
        throw ValidationError("points must be between 0 and 1e6", at(source, n, "scoring"));
      }
      meet.scoring.push_back(p);
    }
  }
  const toml::node* teams = root.get("team");
  if (!teams) throw ParseError("no [[team]] entries", Location{source, 1, "team"});
  const toml::array* list = teams->as_array();
  if (!list) {
    throw ParseError("teams must be written as [[team]] tables", at(source, *teams, "team"));
  }
  std::set<std::string> names;
  for (size_t i = 0; i < list->size(); ++i) {
    const toml::node& node = *list->get(i);
    const toml::table* t = node.as_table();
    if (!t) throw ParseError("each team must be a table", at(source, node, "team"));
    meet.teams.push_back(read_entry(*t, source, i, meet.event));
  }
  return meet;
}

Meet load_meet(const std::string& path) { return parse_meet_toml(read_text_file(path), path); }

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
