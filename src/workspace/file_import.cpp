#include "baton/file_import.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "baton/date.h"
#include "baton/import_formats.h"
#include "baton/mark_history.h"
#include "baton/relay_result.h"
#include "baton/results.h"
#include "baton/team_file.h"
#include "core/text.h"
#include "workspace/name_match.h"

namespace baton {
namespace {

// ---- the file's teams -------------------------------------------------------------------

struct FileTeam {
  std::string code;
  std::string name;
  std::string label() const {
    if (name.empty()) return code;
    if (code.empty()) return name;
    return fmt::format("{} ({})", name, code);
  }
};

std::string team_key(const std::string& code, const std::string& name) {
  return text::lowercase(text::trim(code)) + "|" + text::lowercase(text::trim(name));
}

std::vector<FileTeam> teams_of(const ImportedFile& f) {
  std::vector<FileTeam> teams;
  std::set<std::string> seen;
  auto add = [&](const std::string& code, const std::string& name) {
    if (code.empty() && name.empty()) return;
    if (seen.insert(team_key(code, name)).second) teams.push_back({code, name});
  };
  for (const ImportedAthlete& a : f.athletes) add(a.team_code, a.team_name);
  for (const ImportedRelay& r : f.relays) add(r.team_code, r.team_name);
  return teams;
}

bool matches(const FileTeam& t, const std::string& wanted) {
  const std::string w = text::lowercase(text::trim(wanted));
  if (w.empty()) return false;
  if (w == text::lowercase(t.code) || w == text::lowercase(t.name)) return true;
  return !t.name.empty() && names::match_key(wanted) == names::match_key(t.name);
}

std::string list_teams(const std::vector<FileTeam>& teams) {
  std::vector<std::string> labels;
  for (const FileTeam& t : teams) labels.push_back(t.label());
  return fmt::format("{}", fmt::join(labels, "; "));
}

// The team to import: `wanted` by name or code, or the file's only team. No value: the file
// names no teams, so all of it is the team's.
std::optional<FileTeam> choose_team(const std::vector<FileTeam>& teams, const std::string& wanted,
                                    const std::string& file) {
  if (teams.empty()) return std::nullopt;
  if (wanted.empty()) {
    if (teams.size() == 1) return teams.front();
    throw ValidationError(fmt::format("the file holds {} teams; name the one to import by name or "
                                      "code: {}",
                                      teams.size(), list_teams(teams)),
                          Location{file, 0, "team"});
  }
  for (const FileTeam& t : teams) {
    if (matches(t, wanted)) return t;
  }
  throw NotFoundError(
      fmt::format("no team '{}' in the file; it holds: {}", wanted, list_teams(teams)),
      Location{file, 0, "team"});
}

bool ours(const std::optional<FileTeam>& team, size_t file_teams, const std::string& code,
          const std::string& name) {
  if (!team) return true;
  if (code.empty() && name.empty()) return file_teams <= 1;
  return team_key(code, name) == team_key(team->code, team->name);
}

// ---- people -------------------------------------------------------------------------------

struct Person {
  std::string name;  // as stored
  std::optional<Sex> sex;
  int line = 0;
  const Athlete* on_roster = nullptr;
  std::vector<ImportedMark> marks;
};

class People {
 public:
  People(const Team& roster, ImportReport& report) : roster_(roster), report_(report) {
    for (const Athlete& a : roster.athletes) roster_by_key_.emplace(names::match_key(a.name), &a);
  }

  // The person a name of the file stands for: someone already met in the file, someone on
  // the roster (same key), or someone new.
  size_t find_or_add(const ImportedAthlete& a, std::optional<Sex> sex_hint) {
    const std::string written = a.full_name();
    const std::string key = names::match_key(written);
    if (const auto it = by_key_.find(key); it != by_key_.end()) {
      Person& p = people_[it->second];
      note_merge(written, p.name, a.line);
      if (!p.sex) p.sex = a.sex ? a.sex : sex_hint;
      return it->second;
    }
    Person p;
    p.line = a.line;
    p.sex = a.sex ? a.sex : sex_hint;
    if (const auto r = roster_by_key_.find(key); r != roster_by_key_.end()) {
      p.on_roster = r->second;
      p.name = r->second->name;
      p.sex = r->second->sex;
      note_merge(written, p.name, a.line);
    } else {
      p.name = written;
      for (const Athlete& other : roster_.athletes) {
        if (names::likely_same(written, other.name)) {
          report_.likely_duplicates.push_back({written, other.name, a.line});
        }
      }
      for (const Person& other : people_) {
        if (!other.on_roster && names::likely_same(written, other.name)) {
          report_.likely_duplicates.push_back({written, other.name, a.line});
        }
      }
    }
    by_key_.emplace(key, people_.size());
    people_.push_back(std::move(p));
    return people_.size() - 1;
  }

  std::vector<Person>& all() { return people_; }

 private:
  void note_merge(const std::string& written, const std::string& into, int line) {
    if (written == into || !merged_.insert(written).second) return;
    report_.merges.push_back({written, into, line});
  }

  const Team& roster_;
  ImportReport& report_;
  std::map<std::string, const Athlete*> roster_by_key_;
  std::map<std::string, size_t> by_key_;
  std::vector<Person> people_;
  std::set<std::string> merged_;
};

// ---- bests --------------------------------------------------------------------------------

bool same_mark(const Mark& a, const Mark& b) {
  return a.hand_timed == b.hand_timed && std::abs(a.time_s - b.time_s) < 1e-9;
}

// Sets `a`'s bests from the marks: the fastest (FAT-equivalent) per distance of all of them,
// kept only when it beats the roster's; or with `since`, the fastest from that date on, which
// replaces the roster's. Returns how many bests changed.
int update_bests(Athlete& a, const std::vector<DatedMark>& marks, const std::string& since) {
  std::map<double, const DatedMark*> best;
  for (const DatedMark& m : marks) {
    if (!since.empty() && (m.date.empty() || m.date < since)) continue;
    const DatedMark*& b = best[m.distance_m];
    if (!b || to_fat_s(m.mark, m.distance_m) < to_fat_s(b->mark, b->distance_m)) b = &m;
  }
  int changed = 0;
  for (const auto& [distance, m] : best) {
    const Best* old = a.best_at(distance);
    const double fat = to_fat_s(m->mark, distance);
    const bool better =
        !old || (since.empty() ? fat < old->fat_s() - 1e-9 : !same_mark(old->mark, m->mark));
    if (better) {
      a.set_best(Best{distance, m->mark});
      ++changed;
    }
  }
  return changed;
}

// ---- relay results ------------------------------------------------------------------------

// Why a relay the team did not run is no result. A relay that did not finish (DNF) was run:
// the results log keeps it, cause not recorded.
std::optional<std::string> status_reason(RelayStatus s) {
  switch (s) {
    case RelayStatus::dns:
      return "did not start (DNS)";
    case RelayStatus::scratched:
      return "scratched";
    default:
      return std::nullopt;
  }
}

bool already_logged(const std::vector<RelayResult>& log, const RelayResult& r) {
  for (const RelayResult& old : log) {
    if (old.event != r.event || old.date != r.date || old.dq != r.dq || old.dnf != r.dnf) continue;
    if (old.order.size() != r.order.size()) continue;
    bool same = true;
    for (size_t i = 0; i < r.order.size(); ++i) {
      same = same && text::lowercase(old.order[i]) == text::lowercase(r.order[i]);
    }
    const bool same_time = old.team_time_s.has_value() == r.team_time_s.has_value() &&
                           (!r.team_time_s || std::abs(*old.team_time_s - *r.team_time_s) < 0.005);
    if (same && same_time) return true;
  }
  return false;
}

}  // namespace

ImportReport import_file(const Workspace& ws, std::string_view text, const std::string& file,
                         const FileImportRequest& request) {
  Database& db = ws.database();
  ImportReport report;
  report.dry_run = request.dry_run;
  report.file = file;
  if (!request.since.empty()) report.since = parse_date(request.since, Location{"", 0, "since"});

  const ImportedFile f = read_import(text, file, request.format);
  report.format = f.format;
  const std::vector<FileTeam> teams = teams_of(f);
  for (const FileTeam& t : teams) report.teams.push_back(t.label());
  const std::optional<FileTeam> team = choose_team(teams, request.team, file);
  report.team = team ? (team->name.empty() ? team->code : team->name) : request.team;
  // The lines left out that are another team's are only counted: a meet's results file holds
  // every school's field events and scratches.
  for (const SkippedLine& s : f.skipped) {
    const bool a_teams = !s.team_code.empty() || !s.team_name.empty();
    if (a_teams && !ours(team, teams.size(), s.team_code, s.team_name)) {
      ++report.other_teams_lines;
    } else {
      report.skipped.push_back(s);
    }
  }

  const Team roster = Roster(db).team();
  People people(roster, report);
  for (const ImportedAthlete& a : f.athletes) {
    if (!ours(team, teams.size(), a.team_code, a.team_name)) continue;
    if (a.first.empty() && a.last.empty()) continue;
    Person& p = people.all()[people.find_or_add(a, std::nullopt)];
    p.marks.insert(p.marks.end(), a.marks.begin(), a.marks.end());
    report.marks += static_cast<int>(a.marks.size());
  }

  // The team's relays become results: runners in order, each a person of the roster.
  struct PendingResult {
    RelayResult result;
    std::vector<size_t> runners;
    int line = 0;
  };
  std::vector<PendingResult> pending;
  for (const ImportedRelay& r : f.relays) {
    if (!ours(team, teams.size(), r.team_code, r.team_name)) continue;
    if (r.is_entry) {
      report.skipped.push_back(
          {r.line, fmt::format("{} entry (seed time), not a result", r.event)});
      continue;
    }
    if (const auto why = status_reason(r.status)) {
      report.skipped.push_back({r.line, fmt::format("{}: {}", r.event, *why)});
      continue;
    }
    Event event;
    try {
      event = find_event(r.event, roster.rules);
    } catch (const NotFoundError&) {
      report.skipped.push_back({r.line, fmt::format("{}: not a relay Baton plans", r.event)});
      continue;
    }
    if (r.date.empty()) {
      report.skipped.push_back(
          {r.line, fmt::format("{}: no date, which the results log needs", r.event)});
      continue;
    }
    if (r.runners.size() != event.legs.size()) {
      report.skipped.push_back(
          {r.line, fmt::format("{}: {} named for {} legs; the results log needs the running order",
                               r.event, counted(static_cast<long long>(r.runners.size()), "runner"),
                               event.legs.size())});
      continue;
    }
    PendingResult p;
    p.line = r.line;
    p.result.event = event.id;
    p.result.date = r.date;
    p.result.meet = r.meet;
    p.result.dq = r.status == RelayStatus::dq;
    p.result.dnf = r.status == RelayStatus::dnf;
    // A DQ or DNF verdict stands for the time; a team that did not finish has no full splits.
    if (r.time && !p.result.dq && !p.result.dnf) {
      p.result.team_time_s = to_fat_s(*r.time, event.total_m());
    }
    if (r.splits_s.size() == event.legs.size() && !p.result.dnf) p.result.splits_s = r.splits_s;
    for (const ImportedAthlete& runner : r.runners)
      p.runners.push_back(people.find_or_add(runner, r.sex));
    pending.push_back(std::move(p));
  }

  // Athletes: the roster's record (or a new one) with the file's marks.
  Team changed;
  changed.rules = roster.rules;
  changed.has_team_info = roster.name.empty() && !report.team.empty();
  changed.name = changed.has_team_info ? report.team : roster.name;
  std::vector<std::pair<std::string, std::vector<DatedMark>>> history;
  for (Person& p : people.all()) {
    if (!p.sex) p.sex = request.sex;
    if (!p.sex) {
      throw ValidationError(fmt::format("{}: the file gives no sex for this new athlete; give one "
                                        "(F or M) for the import",
                                        p.name),
                            Location{file, p.line, "sex"});
    }
    Athlete a;
    if (p.on_roster) {
      a = *p.on_roster;
      ++report.athletes_updated;
    } else {
      a.name = p.name;
      a.sex = *p.sex;
      ++report.athletes_new;
    }
    std::vector<DatedMark> fresh;
    for (const ImportedMark& m : p.marks) {
      const Location at{file, m.line, distance_label(m.distance_m)};
      check_mark_plausible(m.distance_m, to_fat_s(m.mark, m.distance_m), a.sex, at);
      fresh.push_back(DatedMark{m.distance_m, m.mark, m.date, m.source});
    }
    std::vector<DatedMark> all = fresh;
    if (p.on_roster && !report.since.empty()) {
      for (DatedMark& old : MarkHistory(db).list(a.name)) all.push_back(std::move(old));
    }
    const int bests = update_bests(a, all, report.since);
    report.bests += bests;
    const Location where{file, p.line, ""};
    validate_athlete(a, where);
    check_athlete_model(a, where);
    if (!p.on_roster || bests > 0) changed.athletes.push_back(a);
    if (!fresh.empty()) history.emplace_back(a.name, std::move(fresh));
  }
  report.athletes_merged = static_cast<int>(report.merges.size());

  // Results: names as stored, checked against the roster the import leaves.
  Team after = roster;
  for (const Athlete& a : changed.athletes) {
    bool replaced = false;
    for (Athlete& old : after.athletes) {
      if (old.name == a.name) {
        old = a;
        replaced = true;
      }
    }
    if (!replaced) after.athletes.push_back(a);
  }
  const std::vector<RelayResult> log = Results(db).list();
  std::vector<RelayResult> results;
  std::vector<int> lines;
  for (PendingResult& p : pending) {
    for (size_t runner : p.runners) p.result.order.push_back(people.all()[runner].name);
    const RelayResult checked = validate_result(p.result, after, Location{file, p.line, ""});
    if (already_logged(log, checked)) {
      report.skipped.push_back({p.line, fmt::format("{} on {}: already in the results log",
                                                    checked.event, checked.date)});
      continue;
    }
    results.push_back(checked);
    lines.push_back(p.line);
  }
  report.results = static_cast<int>(results.size());
  std::stable_sort(report.skipped.begin(), report.skipped.end(),
                   [](const SkippedLine& a, const SkippedLine& b) { return a.line < b.line; });

  if (request.dry_run) return report;
  db.transaction([&] {
    if (!changed.athletes.empty() || changed.has_team_info) Roster(db).import(changed);
    MarkHistory marks(db);
    for (const auto& [name, dated] : history) marks.add(name, dated);
    if (!results.empty()) Results(db).import(results, file, lines);
  });
  return report;
}

Meet field_from_file(const Workspace& ws, std::string_view text, const std::string& file,
                     const FieldRequest& request) {
  const Location at_event{"", 0, "event"};
  const std::string spec(text::trim(request.event));
  const size_t slash = spec.find('/');
  Meet meet;
  meet.source = file;
  meet.rules = request.rules;
  meet.event = find_event(spec.substr(0, slash), request.rules, at_event);
  std::optional<Sex> sex;
  if (slash != std::string::npos) sex = parse_sex(spec.substr(slash + 1), at_event);
  if (meet.event.sex_rule == SexRule::mixed_two_two) sex.reset();

  const ImportedFile f = read_import(text, file, request.format);
  const std::vector<FileTeam> teams = teams_of(f);
  const Team roster = Roster(ws.database()).team();
  std::optional<FileTeam> us;
  const std::string wanted = request.team.empty() ? roster.name : request.team;
  for (const FileTeam& t : teams) {
    if (matches(t, wanted)) us = t;
  }
  if (!request.team.empty() && !us) {
    throw NotFoundError(
        fmt::format("no team '{}' in the file; it holds: {}", request.team, list_teams(teams)),
        Location{file, 0, "team"});
  }

  struct Seed {
    std::string name;
    double time_s;
  };
  std::map<std::string, Seed> seeds;  // team and letter -> fastest time
  for (const ImportedRelay& r : f.relays) {
    if (text::lowercase(r.event) != meet.event.id) continue;
    if (sex && r.sex && *r.sex != *sex) continue;
    if (!r.time || r.status != RelayStatus::finished) continue;
    if (us && team_key(r.team_code, r.team_name) == team_key(us->code, us->name)) continue;
    const std::string base = r.team_name.empty() ? r.team_code : r.team_name;
    if (base.empty()) continue;
    const bool second = !r.letter.empty() && text::lowercase(r.letter) != "a";
    const std::string name = second ? fmt::format("{} {}", base, r.letter) : base;
    const double t = to_fat_s(*r.time, meet.event.total_m());
    const auto it = seeds.find(text::lowercase(name));
    if (it == seeds.end() || t < it->second.time_s) seeds[text::lowercase(name)] = Seed{name, t};
  }
  if (seeds.empty()) {
    throw ValidationError(fmt::format("the file holds no other team's time for {}{}", meet.event.id,
                                      sex ? fmt::format(" ({})", to_string(*sex)) : ""),
                          at_event);
  }
  if (request.with_roster) {
    const bool runners = std::any_of(roster.athletes.begin(), roster.athletes.end(),
                                     [&](const Athlete& a) { return !sex || a.sex == *sex; });
    if (runners) {
      MeetEntry own;
      own.roster = true;
      own.sex = sex;
      own.name = roster.name;
      meet.teams.push_back(own);
    }
  }
  std::vector<Seed> sorted;
  for (const auto& [key, s] : seeds) sorted.push_back(s);
  std::sort(sorted.begin(), sorted.end(),
            [](const Seed& a, const Seed& b) { return a.time_s < b.time_s; });
  for (const Seed& s : sorted) {
    MeetEntry e;
    e.name = s.name;
    e.seed_time_s = s.time_s;
    meet.teams.push_back(e);
  }
  // What simulate --meet will read back: the seeds pass the same checks here.
  return parse_meet_toml(meet_to_toml(meet), file);
}

}  // namespace baton
