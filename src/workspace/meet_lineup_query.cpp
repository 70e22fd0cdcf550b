#include "baton/meet_lineup_query.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <optional>

#include "baton/athlete_model.h"
#include "baton/error.h"
#include "baton/leg_prediction.h"
#include "baton/points_by_time.h"
#include "baton/relay_splits.h"
#include "core/text.h"
#include "workspace/query_parts.h"

namespace baton {
namespace {

// The index of the relay labelled `label` (any case); ValidationError naming `field` and the
// relays there are otherwise.
int relay_index(const MeetLineupRequest& request, const std::string& label,
                const std::string& field) {
  std::vector<std::string> labels;
  for (size_t r = 0; r < request.relays.size(); ++r) {
    const std::string& have = request.relays[r].event;
    if (text::lowercase(have) == text::lowercase(label)) return static_cast<int>(r);
    labels.push_back(have);
  }
  throw ValidationError(
      fmt::format("{} is not one of the relays asked for ({})", label, fmt::join(labels, ", ")),
      Location{"", 0, field});
}

// Relays r1 and r2 (different) may share no athlete; each pair is kept once, lower index first.
void add_conflict(MeetLineupRequest& request, int r1, int r2) {
  const std::pair<int, int> pair{std::min(r1, r2), std::max(r1, r2)};
  if (std::find(request.conflicts.begin(), request.conflicts.end(), pair) ==
      request.conflicts.end()) {
    request.conflicts.push_back(pair);
  }
}

// The coach's locks, exclusions from one relay and schedule conflicts, resolved onto the
// request's relays.
void apply_relay_rules(const Team& team, const MeetLineupQuery& query,
                       const std::vector<Event>& events, MeetLineupRequest& request) {
  for (size_t i = 0; i < query.locks.size(); ++i) {
    const MeetLock& lock = query.locks[i];
    const std::string field = fmt::format("locks.{}", i);
    const int r = relay_index(request, lock.relay, field + ".relay");
    MeetRelay& relay = request.relays[static_cast<size_t>(r)];
    const int legs = static_cast<int>(events[static_cast<size_t>(r)].legs.size());
    if (lock.leg < 1 || lock.leg > legs) {
      throw ValidationError(fmt::format("{} has legs 1 to {}, not {}", relay.event, legs, lock.leg),
                            Location{"", 0, field + ".leg"});
    }
    const int who = detail::athlete_index(team, lock.name, field + ".name");
    if (relay.locked_legs.count(lock.leg - 1) > 0) {
      throw ValidationError(fmt::format("{} leg {} is locked twice", relay.event, lock.leg),
                            Location{"", 0, field});
    }
    for (const auto& [leg, other] : relay.locked_legs) {
      if (other == who) {
        throw ValidationError(fmt::format("{} is locked on legs {} and {} of {}",
                                          team.athletes[static_cast<size_t>(who)].name, leg + 1,
                                          lock.leg, relay.event),
                              Location{"", 0, field});
      }
    }
    relay.locked_legs[lock.leg - 1] = who;
  }
  for (size_t i = 0; i < query.exclude_from.size(); ++i) {
    const MeetRelayExclusion& out = query.exclude_from[i];
    const std::string field = fmt::format("exclude_from.{}", i);
    const int r = relay_index(request, out.relay, field + ".relay");
    MeetRelay& relay = request.relays[static_cast<size_t>(r)];
    const int who = detail::athlete_index(team, out.name, field + ".name");
    if (std::find(relay.excluded.begin(), relay.excluded.end(), who) == relay.excluded.end()) {
      relay.excluded.push_back(who);
    }
  }
  for (const MeetRelay& relay : request.relays) {
    for (const auto& [leg, who] : relay.locked_legs) {
      if (std::find(relay.excluded.begin(), relay.excluded.end(), who) != relay.excluded.end()) {
        throw ValidationError(
            fmt::format("{} is locked on leg {} of {} and left out of it",
                        team.athletes[static_cast<size_t>(who)].name, leg + 1, relay.event),
            Location{"", 0, "locks"});
      }
    }
  }
  std::vector<bool> weighted(request.relays.size(), false);
  for (size_t i = 0; i < query.weights.size(); ++i) {
    const MeetRelayWeight& w = query.weights[i];
    const std::string field = fmt::format("weights.{}", i);
    const size_t r = static_cast<size_t>(relay_index(request, w.relay, field + ".relay"));
    if (!(w.weight >= 0.0 && w.weight <= 100.0)) {
      throw ValidationError(fmt::format("must be 0 to 100 (got {:g})", w.weight),
                            Location{"", 0, field + ".weight"});
    }
    if (weighted[r]) {
      throw ValidationError(request.relays[r].event + " is weighted twice",
                            Location{"", 0, field + ".relay"});
    }
    weighted[r] = true;
    request.relays[r].weight = w.weight;
  }
  for (size_t i = 0; i < query.conflicts.size(); ++i) {
    const MeetConflict& c = query.conflicts[i];
    const std::string field = fmt::format("conflicts.{}", i);
    const int r1 = relay_index(request, c.first, field);
    const int r2 = relay_index(request, c.second, field);
    if (r1 == r2) {
      throw ValidationError(c.first + " cannot conflict with itself: name two relays",
                            Location{"", 0, field});
    }
    add_conflict(request, r1, r2);
  }
}

// Leaves out every leg whose prediction rests on a mark estimated from another distance
// (relay_costs() predicts each leg as predict_leg() does), except where the coach locked that
// runner. Returns how many were left out.
int drop_estimated_legs(const Team& team, const Event& event, MeetRelay& relay) {
  RelayCosts& costs = relay.costs;
  int dropped = 0;
  for (int a = 0; a < costs.athletes; ++a) {
    std::optional<AthleteModel> model;
    try {
      model = model_athlete(team.athletes[static_cast<size_t>(a)]);
    } catch (const Error&) {
      continue;  // no model: the athlete runs no leg anyway
    }
    for (int l = 0; l < costs.legs; ++l) {
      const auto lock = relay.locked_legs.find(l);
      if (lock != relay.locked_legs.end() && lock->second == a) continue;
      if (std::isfinite(costs.leg(a, l)) && predict_leg(*model, event, l).estimated) {
        costs.leg(a, l) = RelayCosts::kImpossible;
        ++dropped;
      }
    }
  }
  return dropped;
}

// Why the relays cannot be filled without estimated legs: the relays that cannot be filled
// even on their own without them, or, when each can, the relays whose best lineups together use
// them. Throws that (naming "allow_estimates"), or the solver's own reason when even estimated
// legs would not help.
[[noreturn]] void explain_estimates(const Team& team, const MeetLineupRequest& without,
                                    const std::vector<RelayCosts>& all_costs,
                                    const std::vector<Event>& events) {
  MeetLineupRequest with_estimates = without;
  for (size_t r = 0; r < without.relays.size(); ++r) {
    with_estimates.relays[r].costs = all_costs[r];
  }
  // With estimates: the solver's own reason when even they would not help. A search cut short
  // by the budget says nothing either way, so the relays alone decide the message then.
  MeetLineupResult result;
  try {
    result = best_meet_lineups(with_estimates);
  } catch (const ValidationError& e) {
    if (e.where().field != "budget") throw;
  }
  // Relays that cannot be filled even on their own (one relay solves quickly: no step limit).
  std::vector<std::string> alone;
  for (size_t r = 0; r < without.relays.size(); ++r) {
    MeetLineupRequest one = without;
    one.relays = {without.relays[r]};
    one.conflicts.clear();
    one.budget = {};
    try {
      best_meet_lineups(one);
    } catch (const ValidationError&) {
      alone.push_back(without.relays[r].event);
    }
  }
  std::vector<std::string> using_estimates;
  std::string example;
  for (const MeetRelayLineup& l : result.relays) {
    const std::string& label = without.relays[static_cast<size_t>(l.event_index)].event;
    const Event& event = events[static_cast<size_t>(l.event_index)];
    const std::vector<bool> estimated = estimated_legs(team, event, athlete_names(team, l.order));
    for (size_t leg = 0; leg < estimated.size(); ++leg) {
      if (!estimated[leg]) continue;
      const bool named = alone.empty() || std::count(alone.begin(), alone.end(), label) > 0;
      if (named && std::count(using_estimates.begin(), using_estimates.end(), label) == 0) {
        using_estimates.push_back(label);
      }
      if (named && example.empty()) {
        example = fmt::format("{} on the {:g} m leg",
                              team.athletes[static_cast<size_t>(l.order[leg])].name,
                              event.legs[leg].distance_m);
      }
    }
  }
  if (alone.empty() && using_estimates.empty()) {
    throw ValidationError(
        "the relays could not all be filled without legs estimated from marks at other "
        "distances within the time limit: allow estimates or give the solver longer",
        Location{"", 0, "allow_estimates"});
  }
  const std::string what = alone.empty()
                               ? fmt::format(
                                     "together the relays cannot all be filled without legs "
                                     "estimated from marks at other distances; with them {} do",
                                     fmt::join(using_estimates, ", "))
                               : fmt::format(
                                     "{} cannot be filled without legs estimated from marks at "
                                     "other distances",
                                     fmt::join(alone, ", "));
  throw ValidationError(
      fmt::format("{} (e.g. {}): add real marks at those distances or allow estimates", what,
                  example.empty() ? "a runner without one" : example),
      Location{"", 0, "allow_estimates"});
}

// Each relay's expected points by team time from the field's relay of the same event and squad.
void score_against_field(const Team& team, const MeetLineupQuery& query, MeetLineupAnswer& a) {
  if (!query.field) {
    throw ValidationError("expected points need the relays' fields: a meet file",
                          Location{"", 0, "field"});
  }
  a.request.objective = MeetObjective::points;
  for (size_t r = 0; r < a.request.relays.size(); ++r) {
    MeetRelay& relay = a.request.relays[r];
    const Event& event = a.events[r];
    const std::optional<Sex> squad =
        event.sex_rule == SexRule::single_sex ? relay.required_sex : std::nullopt;
    const MeetRelayField* field = query.field->find(event.id, squad);
    if (field == nullptr) {
      throw ValidationError(
          fmt::format("{}: the meet file {} has no field for this relay (add a [[relay]] with "
                      "event = \"{}\"{} and its [[relay.team]] seeds)",
                      relay.event, query.field->source, event.id,
                      squad ? fmt::format(", sex = \"{}\"", to_string(*squad)) : ""),
          Location{"", 0, "field"});
    }
    relay.points = expected_points_by_time(*field, query.field->rules, detail::race_name(team),
                                           query.simulation);
    a.field_relays.push_back(field->label());
  }
  // The meet file's schedule conflicts, between the relays asked for that they name.
  for (const MeetFileConflict& c : query.field->conflicts) {
    for (size_t r1 = 0; r1 < a.field_relays.size(); ++r1) {
      for (size_t r2 = 0; r2 < a.field_relays.size(); ++r2) {
        if (r1 == r2 || a.field_relays[r1] != c.first || a.field_relays[r2] != c.second) continue;
        add_conflict(a.request, static_cast<int>(r1), static_cast<int>(r2));
      }
    }
  }
}

}  // namespace

MeetLineupAnswer plan_meet_lineups(const Workspace& ws, const MeetLineupQuery& query) {
  const Team& team = ws.team();
  if (query.relays.empty()) {
    throw ValidationError("must name at least one relay", Location{"", 0, "relays"});
  }
  MeetLineupAnswer a;
  a.model = query.model;
  a.request = meet_lineup_request(team);
  a.request.max_relays_per_athlete = query.max_relays_per_athlete;
  a.request.max_events = query.max_events;
  a.request.budget = query.budget;
  // Individual entries take up events as the relays do.
  if (std::any_of(team.athletes.begin(), team.athletes.end(),
                  [](const Athlete& x) { return !x.entries.empty(); })) {
    for (const Athlete& x : team.athletes) {
      a.request.events_already.push_back(static_cast<int>(x.entries.size()));
    }
  }

  std::vector<int> excluded;
  for (const std::string& name : query.exclude) {
    const int i = detail::athlete_index(team, name, "exclude");
    if (std::find(excluded.begin(), excluded.end(), i) == excluded.end()) excluded.push_back(i);
  }
  const size_t available = team.athletes.size() - excluded.size();
  if (query.max_athletes > 0 && available > query.max_athletes) {
    throw ValidationError(fmt::format("{} athletes can run; a meet lineup takes at most {}: "
                                      "leave some out",
                                      available, query.max_athletes),
                          Location{"", 0, "exclude"});
  }

  // Each drilled pair's practice record priced into its pair terms, as find_lineups() does.
  const bool practice = query.practice && query.model == CostModel::physics;
  std::vector<RelayCosts> without_practice;
  for (size_t i = 0; i < query.relays.size(); ++i) {
    const MeetRelayChoice& choice = query.relays[i];
    const std::string field = fmt::format("relays.{}", i);
    const Event event = find_event(choice.event, team.rules, Location{"", 0, field + ".event"});
    MeetRelay relay;
    relay.event = choice.sex ? fmt::format("{}/{}", event.id, to_string(*choice.sex)) : event.id;
    relay.sex_rule = event.sex_rule;
    if (event.sex_rule == SexRule::single_sex) {
      relay.required_sex = choice.sex ? choice.sex : query.sex;
    } else if (choice.sex) {
      throw ValidationError(event.name + " is run by men and women together: leave sex out",
                            Location{"", 0, field + ".sex"});
    }
    for (const MeetRelay& earlier : a.request.relays) {
      if (earlier.event == relay.event) {
        throw ValidationError(relay.event + " is asked for twice", Location{"", 0, field});
      }
    }
    relay.teams = query.teams_per_relay;
    relay.excluded = excluded;
    detail::PricedCosts priced = detail::priced_costs(
        team, event, query.model, practice ? ws.practice(event) : PracticeLookup{},
        practice ? calibration_lookup(ws, event) : PairCalibrationLookup{});
    relay.costs = std::move(priced.costs);
    without_practice.push_back(std::move(priced.without_practice));
    a.request.relays.push_back(std::move(relay));
    a.events.push_back(event);
  }
  apply_relay_rules(team, query, a.events, a.request);
  if (query.objective == MeetObjective::points) score_against_field(team, query, a);
  // Estimated legs only when asked: a relay's real marks come first.
  std::vector<RelayCosts> with_estimates;
  int dropped = 0;
  if (query.model == CostModel::physics && !query.allow_estimates) {
    for (size_t r = 0; r < a.request.relays.size(); ++r) {
      with_estimates.push_back(a.request.relays[r].costs);
      dropped += drop_estimated_legs(team, a.events[r], a.request.relays[r]);
    }
  }
  try {
    a.result = best_meet_lineups(a.request);
  } catch (const ValidationError& e) {
    if (dropped == 0 || e.where().field == "budget") throw;
    explain_estimates(team, a.request, with_estimates, a.events);
  }
  a.athletes = meet_athlete_loads(a.request, a.result);
  for (size_t r = 0; r < a.result.relays.size(); ++r) {
    a.substitutes.push_back(meet_substitutes(a.request, a.result, r));
  }
  for (const MeetRelayLineup& l : a.result.relays) {
    const MeetRelay& relay = a.request.relays[static_cast<size_t>(l.event_index)];
    const Event& event = a.events[static_cast<size_t>(l.event_index)];
    a.estimated.push_back(query.model == CostModel::physics
                              ? estimated_legs(team, event, athlete_names(team, l.order))
                              : std::vector<bool>(l.order.size(), false));
    a.practice_s.push_back(
        relay.costs.team_time_s(l.order) -
        without_practice[static_cast<size_t>(l.event_index)].team_time_s(l.order));
    a.splits_s.push_back(baton_splits_s(relay.costs, l.order,
                                        query.model == CostModel::physics
                                            ? pass_offsets_s(team, event, l.order)
                                            : std::vector<double>{}));
  }
  return a;
}

MeetSearchBudget search_deadline(double seconds) {
  using Clock = std::chrono::steady_clock;
  auto end = std::make_shared<std::optional<Clock::time_point>>();
  MeetSearchBudget budget;
  budget.should_stop = [end, limit = std::chrono::duration<double>(seconds)] {
    const Clock::time_point now = Clock::now();
    if (!*end) *end = now + std::chrono::duration_cast<Clock::duration>(limit);
    return now >= **end;
  };
  return budget;
}

}  // namespace baton
