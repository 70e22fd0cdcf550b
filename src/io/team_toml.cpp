// The TOML team file (the documented interface (docs/USER_GUIDE.md) and docs/FILE_FORMATS.md).
#include <toml++/toml.h>

#include <algorithm>
#include <set>

#include "baton/team_file.h"
#include "io/toml_limits.h"

namespace baton {
namespace {

Location at(const std::string& source, const toml::node& node, std::string field) {
  return Location{source, static_cast<int>(node.source().begin.line), std::move(field)};
}

std::string type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "text";
    case toml::node_type::integer:
    case toml::node_type::floating_point:
      return "a number";
    case toml::node_type::boolean:
      return "true/false";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "a list";
    default:
      return "a date or time";
  }
}

std::string require_string(const toml::node& node, const Location& where) {
  if (const auto* s = node.as_string()) return s->get();
  throw ParseError("expected text, found " + type_name(node), where);
}

double require_number(const toml::node& node, const Location& where) {
  if (const auto* i = node.as_integer()) return static_cast<double>(i->get());
  if (const auto* f = node.as_floating_point()) return f->get();
  throw ParseError("expected a number, found " + type_name(node), where);
}

// A mark is written as text ("12.31", "25.4h", "1:58.32") or as a plain number of seconds.
Mark read_mark(const toml::node& node, const Location& where) {
  if (const auto* s = node.as_string()) return parse_time(s->get(), where);
  const double seconds = require_number(node, where);
  if (!(seconds > 0.0)) throw ValidationError("time must be greater than zero", where);
  return Mark{seconds, false};
}

Athlete read_athlete(const toml::table& t, const std::string& source) {
  static const std::set<std::string> kKnown = {
      "name", "sex", "bests", "splits", "foot_length_m", "hand", "form_sd_percent", "entries"};
  const Location here = at(source, t, "athlete");
  for (auto&& [key, value] : t) {
    if (!kKnown.contains(std::string(key.str()))) {
      throw ParseError("unknown field '" + std::string(key.str()) +
                           "' (known: name, sex, bests, splits, foot_length_m, hand, "
                           "form_sd_percent, entries)",
                       at(source, value, std::string(key.str())));
    }
  }
  Athlete a;
  const toml::node* name = t.get("name");
  if (!name) throw ParseError("athlete has no name", with_field(here, "name"));
  a.name = require_string(*name, at(source, *name, "name"));
  const Location who = {source, here.line, ""};
  const toml::node* sex = t.get("sex");
  if (!sex)
    throw ParseError("athlete '" + a.name + "' has no sex (F or M)", with_field(who, "sex"));
  a.sex = parse_sex(require_string(*sex, at(source, *sex, "sex")), at(source, *sex, "sex"));

  if (const toml::node* bests = t.get("bests")) {
    const toml::table* table = bests->as_table();
    if (!table)
      throw ParseError("bests must be a table such as { \"100m\" = \"12.31\" }",
                       at(source, *bests, "bests"));
    for (auto&& [key, value] : *table) {
      const std::string field = "bests." + std::string(key.str());
      const Location loc = at(source, value, field);
      Best best;
      best.distance_m = parse_distance(key.str(), loc);
      best.mark = read_mark(value, loc);
      if (a.best_at(best.distance_m)) throw ParseError("distance given twice", loc);
      check_mark_plausible(best.distance_m, best.fat_s(), a.sex, loc);
      a.set_best(best);
    }
  }
  if (const toml::node* splits = t.get("splits")) {
    const toml::table* table = splits->as_table();
    if (!table)
      throw ParseError("splits must be a table such as { \"10\" = 1.95 }",
                       at(source, *splits, "splits"));
    for (auto&& [key, value] : *table) {
      const std::string field = "splits." + std::string(key.str());
      const Location loc = at(source, value, field);
      Split s;
      s.distance_m = parse_distance(key.str(), loc);
      s.time_s = value.is_string() ? parse_time(*value.value<std::string>(), loc).time_s
                                   : require_number(value, loc);
      a.splits.push_back(s);
    }
    std::sort(a.splits.begin(), a.splits.end(),
              [](const Split& x, const Split& y) { return x.distance_m < y.distance_m; });
  }
  if (const toml::node* foot = t.get("foot_length_m")) {
    a.foot_length_m = require_number(*foot, at(source, *foot, "foot_length_m"));
  }
  if (const toml::node* form = t.get("form_sd_percent")) {
    a.form_sd_percent = require_number(*form, at(source, *form, "form_sd_percent"));
  }
  if (const toml::node* entries = t.get("entries")) {
    const toml::array* list = entries->as_array();
    if (!list) {
      throw ParseError("entries must be a list such as [\"100m\", \"200m\"]",
                       at(source, *entries, "entries"));
    }
    for (size_t i = 0; i < list->size(); ++i) {
      const toml::node& e = *list->get(i);
      a.entries.push_back(require_string(e, at(source, e, "entries." + std::to_string(i))));
    }
  }
  if (const toml::node* hand = t.get("hand")) {
    const Location loc = at(source, *hand, "hand");
    a.hand = parse_hand(require_string(*hand, loc), loc);
  }
  try {
    validate_athlete(a, who);
    check_athlete_model(a, who);
  } catch (const ValidationError& e) {
    // Point at the line of the offending key ("splits.20" lives on the splits line).
    const std::string key = e.where().field.substr(0, e.where().field.find('.'));
    const toml::node* node = t.get(key);
    throw ValidationError(e.message(), node ? at(source, *node, e.where().field) : e.where());
  }
  return a;
}

}  // namespace

Team parse_team_toml(std::string_view text, const std::string& source) {
  check_toml_nesting(text, source);
  toml::table root;
  try {
    root = toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    throw ParseError(std::string(e.description()),
                     Location{source, static_cast<int>(e.source().begin.line), ""});
  }
  static const std::set<std::string> kKnown = {"name", "rules", "level", "athlete"};
  for (auto&& [key, value] : root) {
    if (!kKnown.contains(std::string(key.str()))) {
      throw ParseError(
          "unknown field '" + std::string(key.str()) + "' (known: name, rules, level, athlete)",
          at(source, value, std::string(key.str())));
    }
  }
  Team team;
  if (const toml::node* name = root.get("name")) {
    team.name = require_string(*name, at(source, *name, "name"));
  }
  if (const toml::node* rules = root.get("rules")) {
    const Location loc = at(source, *rules, "rules");
    team.rules = parse_rules(require_string(*rules, loc), loc);
  }
  if (const toml::node* level = root.get("level")) {
    const Location loc = at(source, *level, "level");
    team.level = parse_level(require_string(*level, loc), loc);
  }
  const toml::node* athletes = root.get("athlete");
  if (!athletes) throw ParseError("no [[athlete]] entries", Location{source, 1, "athlete"});
  const toml::array* list = athletes->as_array();
  if (!list)
    throw ParseError("athlete must be written as [[athlete]] tables",
                     at(source, *athletes, "athlete"));
  for (const toml::node& node : *list) {
    const toml::table* t = node.as_table();
    if (!t) throw ParseError("each athlete must be a table", at(source, node, "athlete"));
    Athlete a = read_athlete(*t, source);
    if (team.find(a.name)) {
      throw ValidationError("athlete '" + a.name + "' appears twice", at(source, *t, "name"));
    }
    team.athletes.push_back(std::move(a));
  }
  return team;
}

Team load_team(const std::string& path) {
  const std::string text = read_text_file(path);
  if (path.size() >= 4 && path.compare(path.size() - 4, 4, ".csv") == 0) {
    return parse_roster_csv(text, path);
  }
  return parse_team_toml(text, path);
}

}  // namespace baton
