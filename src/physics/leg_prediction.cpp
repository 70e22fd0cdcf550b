#include "baton/leg_prediction.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "baton/go_mark.h"
#include "baton/handoff.h"
#include "baton/level_profile.h"
#include "baton/units.h"
#include "physics/running_costs.h"

namespace baton {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Legs up to this length are run all-out on the sprint model; longer legs are paced from marks.
constexpr double kLongestSprintLegM = 250.0;
// Legs from this distance on are run slower than their open mark's pace
// (PredictOptions::middle_distance_leg_fraction).
constexpr double kShortestMiddleDistanceLegM = 800.0;

int lane_of(const Event& e, int l, const PredictOptions& o) {
  return e.legs[l].start_race_m < e.lanes_until_m - 1e-9 ? o.lane : kBreakLane;
}

// Speed at which a pace of `straight_s` over d (from a standing start, after the reaction) is
// run on the athlete's acceleration curve: MSS' with reaction + t(d; MSS', TAU) = straight_s.
double pace_speed_mps(double tau, double reaction, double d, double straight_s) {
  return find_root(
      [&](double mss) {
        return reaction + sprint_time_s({mss, tau}, d) - straight_s;
      },
      0.5, 16.0, 1e-13);
}

std::string join_notes(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) {
    if (!p.empty()) out += (out.empty() ? "" : "; ") + p;
  }
  return out;
}

struct Incoming {
  const AthleteModel* model = nullptr;
  double speed_mps = 0.0;     // at the zone's start
  double decel_mps2 = 0.0;    // at the zone's start
  double to_scratch_m = 0.0;  // metres from the incoming runner's start to the scratch line
};

// Time the incoming runner takes over the last `gap` metres before the scratch line, on their
// own (fatigued) curve: the same run their leg time uses, so the decomposition stays exact.
double incoming_time_s(const Incoming& in, double gap) {
  return model_time_s(*in.model, in.to_scratch_m) -
         model_time_s(*in.model, std::max(0.0, in.to_scratch_m - gap));
}

struct ExchangeOutcome {
  double cost_s = kInf;
  bool before_scratch = false;
  double go_mark_m = 0.0;
  double start_m = 0.0;  // where the outgoing runner stands, metres from the zone's start
  // The planned pass: seconds from the incoming runner crossing the scratch line (negative:
  // before it), and metres past the line; both 0 for a visual exchange, taken at the line.
  double pass_offset_s = 0.0;
  double pass_m = 0.0;
};

ExchangeOutcome blind_exchange(const Incoming& in, const AthleteModel& out, const ExchangeZone& z,
                               const PredictOptions& o) {
  ExchangeOutcome r;
  if (!in.model || !(in.speed_mps > 0.0) || !std::isfinite(in.speed_mps)) return r;
  HandoffParams p;
  p.incoming_speed_mps = std::min(in.speed_mps, 15.0);
  p.incoming_decel_mps2 = std::clamp(in.decel_mps2, 0.0, 5.0);
  p.outgoing = out.curve;
  const ExchangeSettings& x = o.exchange;
  p.reaction_s = x.blind_reaction_s;
  p.free_distance_m = x.exchange_reach_m(true);
  p.zone_length_m = z.zone_length_m;
  p.start_m = x.blind_start_m;
  p.ease_mps2 = x.ease_mps2;
  // The planned pass, the one relay_plan.h shows, cards print and the simulation races.
  const HandoffResult h = planned_blind_pass(p, x).pass;
  if (!h.exchanged || !h.legal) return r;
  const double scratch = z.scratch_from_zone_start_m;
  const double to_scratch_in = incoming_time_s(in, scratch - h.start_m + h.go_mark_m);
  const double to_scratch_out = p.reaction_s + model_time_s(out, scratch - h.start_m);
  r.cost_s = to_scratch_out - to_scratch_in +
             o.blind_exchange_loss_s.value_or(
                 level_profile(o.level.value_or(Level::high_school)).blind_exchange_loss_s) +
             o.learned_blind_exchange_s.value_or(0.0);
  r.before_scratch = h.baton_position_m < scratch;
  r.go_mark_m = h.go_mark_m;
  r.start_m = h.start_m;
  r.pass_offset_s = h.exchange_time_s - to_scratch_in;
  r.pass_m = h.baton_position_m - scratch;
  return r;
}

ExchangeOutcome exchange_outcome(const AthleteModel& in, const LegPrediction& incoming_leg,
                                 const AthleteModel& out, const Event& e, int k,
                                 const PredictOptions& o) {
  const ExchangeZone& z = e.exchanges[k];
  if (!z.blind) {
    ExchangeOutcome r;
    r.cost_s = o.visual_exchange_loss_s + o.learned_visual_exchange_s.value_or(0.0);
    return r;
  }
  const double to_scratch = leg_run_up_m(e, k, o) + e.legs[k].distance_m;
  ExchangeOutcome r = blind_exchange(
      {&in, incoming_leg.end_speed_mps, incoming_leg.end_decel_mps2, to_scratch}, out, z, o);
  if (std::isfinite(r.cost_s) && r.start_m != o.exchange.blind_start_m) {
    // The outgoing runner stands further in than the leg prediction assumes, so their run-up
    // to the scratch line is shorter and their leg from it slower: the pair term carries the
    // difference, and the legs and pair terms still add up to the team time.
    PredictOptions moved = o;
    moved.exchange.blind_start_m = r.start_m;
    r.cost_s += predict_leg(out, e, k + 1, moved).split_s - predict_leg(out, e, k + 1, o).split_s;
  }
  return r;
}

std::optional<AthleteModel> try_model(const Athlete& a, const ModelOptions& o) {
  try {
    return model_athlete(a, o);
  } catch (const ValidationError&) {
    return std::nullopt;
  }
}

}  // namespace

PredictOptions options_for_team(const Team& team, const PredictOptions& options) {
  PredictOptions o = options;
  if (!o.level) o.level = team_level(team);
  if (!o.learned_blind_exchange_s) o.learned_blind_exchange_s = team.blind_exchange_learned_s;
  if (!o.learned_visual_exchange_s) o.learned_visual_exchange_s = team.visual_exchange_learned_s;
  return o;
}

double leg_run_up_m(const Event& e, int l, const PredictOptions& o) {
  if (l == 0) return 0.0;
  const ExchangeZone& z = e.exchanges[static_cast<size_t>(l - 1)];
  if (!z.blind) return o.visual_run_up_m;
  return std::max(0.0, z.scratch_from_zone_start_m - o.exchange.blind_start_m);
}

LegPrediction predict_leg(const AthleteModel& m, const Event& e, int l, const PredictOptions& o) {
  LegPrediction out;
  const Leg& leg = e.legs.at(static_cast<size_t>(l));
  const double d = leg.distance_m;
  const double r = leg_run_up_m(e, l, o);
  const int lane = lane_of(e, l, o);
  std::vector<std::string> notes;
  notes.push_back(l == 0 ? (leg.block_start
                                ? fmt::format("block start, reaction {:.2f} s", m.reaction_s)
                                : "standing start")
                         : fmt::format("flying start ({:g} m run-up)", r));
  double base = kInf;
  double run_s = kInf;  // running time without the reaction
  // Distance from this runner's start to the next zone's start (incoming speed taken there).
  const bool has_next = l + 1 < static_cast<int>(e.legs.size());
  const double to_next_zone =
      has_next ? r + d - e.exchanges[l].scratch_from_zone_start_m + o.exchange.blind_start_m : 0.0;
  if (d <= kLongestSprintLegM) {
    if (l == 0) {
      run_s = model_time_s(m, d);
      base = m.reaction_s + run_s;
    } else {
      run_s = model_time_s(m, r + d) - model_time_s(m, r);
      base = run_s;
    }
    const ModelMark* m100 = nullptr;
    for (const ModelMark& x : m.marks) {
      if (std::abs(x.distance_m - 100.0) < 1e-3) m100 = &x;
    }
    out.estimated = (m100 && m100->estimated) || (d > 150.0 && m.fatigue_estimated);
    if (out.estimated) notes.push_back(join_notes(m.notes));
    if (has_next && std::isfinite(base)) {
      const double t = model_time_s(m, to_next_zone);
      out.end_speed_mps = model_speed_mps(m, t);
      const double h = 1e-3;
      out.end_decel_mps2 =
          std::max(0.0, (model_speed_mps(m, t - h) - model_speed_mps(m, t + h)) / (2.0 * h));
    }
  } else {
    bool est = false;
    std::string source;
    const double open = open_time_s(m, d, &est, &source);
    if (!std::isfinite(open)) {
      out.split_s = kInf;
      out.estimated = true;
      out.note = fmt::format("no usable mark for {} ({})", distance_label(d), source);
      return out;
    }
    // The open mark contains the bends of its own race: remove them to get a straight pace.
    const double straight =
        open - bend_cost_s(open_race_bend_m(d), d / open, kOpenRaceLane, o.bend_cost_coefficient);
    const SprintCurve pace{pace_speed_mps(m.curve.tau_s, m.reaction_s, d, straight), m.curve.tau_s};
    if (l == 0) {
      run_s = sprint_time_s(pace, d);
    } else {
      run_s = sprint_time_s(pace, r + d) - sprint_time_s(pace, r);
    }
    out.estimated = est;
    notes.push_back(fmt::format("paced from {} {}", distance_label(d),
                                est ? "estimated " + source : "mark " + format_time(open)));
    if (d >= kShortestMiddleDistanceLegM && o.middle_distance_leg_fraction != 0.0) {
      run_s *= 1.0 + o.middle_distance_leg_fraction;
      notes.push_back(fmt::format("{:.1f} % over open pace, as relay legs of 800 m and more run",
                                  100.0 * o.middle_distance_leg_fraction));
    }
    base = l == 0 ? m.reaction_s + run_s : run_s;
    if (has_next) out.end_speed_mps = sprint_speed_mps(pace, sprint_time_s(pace, to_next_zone));
  }
  if (!std::isfinite(base)) {
    out.split_s = kInf;
    out.note = "speed endurance too low for " + distance_label(d);
    return out;
  }
  const double bend = bend_cost_s(leg.bend_m, d / run_s, lane, o.bend_cost_coefficient);
  if (leg.bend_m > 0.5)
    notes.push_back(fmt::format("{:.0f} m of bend in lane {}", leg.bend_m, lane));
  out.split_s = base + bend + o.baton_cost_fraction * base;
  out.note = join_notes(notes);
  return out;
}

double exchange_cost_s(const AthleteModel& incoming, const AthleteModel& outgoing, const Event& e,
                       int k, const PredictOptions& o, bool* before, double* go_mark,
                       double* start) {
  const LegPrediction in = predict_leg(incoming, e, k, o);
  const ExchangeOutcome x = exchange_outcome(incoming, in, outgoing, e, k, o);
  if (before) *before = x.before_scratch;
  if (go_mark) *go_mark = x.go_mark_m;
  if (start) *start = x.start_m;
  return x.cost_s;
}

RelayCosts relay_costs(const Team& team, const Event& e, const PredictOptions& options) {
  validate_exchange_settings(options.exchange);
  if (!options.order_practice_s.empty()) {
    throw ValidationError(
        "a cost table holds every pair: price practice records with add_practice_costs()",
        Location{"", 0, "order_practice_s"});
  }
  const PredictOptions o = options_for_team(team, options);
  const int n = static_cast<int>(team.athletes.size());
  const int legs = static_cast<int>(e.legs.size());
  RelayCosts c(n, legs);
  std::vector<std::optional<AthleteModel>> models;
  models.reserve(n);
  for (const Athlete& a : team.athletes) models.push_back(try_model(a, o.model));
  std::vector<LegPrediction> pred(static_cast<size_t>(n) * legs);
  for (int a = 0; a < n; ++a) {
    for (int l = 0; l < legs; ++l) {
      LegPrediction& p = pred[static_cast<size_t>(a) * legs + l];
      if (models[a]) p = predict_leg(*models[a], e, l, o);
      c.leg(a, l) = models[a] ? p.split_s : RelayCosts::kImpossible;
    }
  }
  for (int k = 0; k + 1 < legs; ++k) {
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < n; ++j) {
        double& cost = c.exchange(k, i, j);
        cost = RelayCosts::kImpossible;
        if (i == j || !models[i] || !models[j]) continue;
        if (e.sex_rule == SexRule::single_sex && team.athletes[i].sex != team.athletes[j].sex) {
          continue;
        }
        if (!std::isfinite(c.leg(i, k))) continue;
        cost = exchange_outcome(*models[i], pred[static_cast<size_t>(i) * legs + k], *models[j], e,
                                k, o)
                   .cost_s;
      }
    }
  }
  return c;
}

RelayPrediction predict_relay(const Team& team, const Event& e,
                              const std::vector<std::string>& order,
                              const PredictOptions& options) {
  validate_exchange_settings(options.exchange);
  const PredictOptions o = options_for_team(team, options);
  const Location where{"--order", 0, ""};
  const int legs = static_cast<int>(e.legs.size());
  if (static_cast<int>(order.size()) != legs) {
    throw ValidationError(
        fmt::format("{} has {} legs but the order names {} runners", e.name, legs, order.size()),
        where);
  }
  std::vector<const Athlete*> runners;
  for (const std::string& name : order) {
    const Athlete& a = team.athlete(name, where);
    for (const Athlete* r : runners) {
      if (r == &a) throw ValidationError(a.name + " is in the order twice", where);
    }
    runners.push_back(&a);
  }
  const int men = static_cast<int>(std::count_if(
      runners.begin(), runners.end(), [](const Athlete* a) { return a->sex == Sex::male; }));
  if (e.sex_rule == SexRule::single_sex && men != 0 && men != legs) {
    throw ValidationError(e.name + " is a single-sex relay but the order mixes men and women",
                          where);
  }
  if (e.sex_rule == SexRule::mixed_two_two && men * 2 != legs) {
    throw ValidationError(fmt::format("{} needs {} men and {} women; the order has {} men and {} "
                                      "women",
                                      e.name, legs / 2, legs - legs / 2, men, legs - men),
                          where);
  }
  std::vector<AthleteModel> models;
  for (const Athlete* a : runners) models.push_back(model_athlete(*a, o.model));

  std::vector<LegPrediction> leg(legs);
  for (int l = 0; l < legs; ++l) {
    leg[l] = predict_leg(models[l], e, l, o);
    if (!std::isfinite(leg[l].split_s)) {
      throw ValidationError(
          fmt::format("{} cannot be predicted on leg {} ({}): {}", runners[l]->name, l + 1,
                      distance_label(e.legs[l].distance_m), leg[l].note),
          Location{"", 0, "bests"});
    }
  }
  const std::vector<double>& practice = o.order_practice_s;
  if (!practice.empty() && practice.size() + 1 != static_cast<size_t>(legs)) {
    throw ValidationError(fmt::format("{} practice terms for the {} exchanges of the {}",
                                      practice.size(), legs - 1, e.name),
                          Location{"", 0, "order_practice_s"});
  }
  std::vector<ExchangeOutcome> ex(legs > 0 ? legs - 1 : 0);
  for (int k = 0; k + 1 < legs; ++k) {
    ex[k] = exchange_outcome(models[k], leg[k], models[k + 1], e, k, o);
    if (!std::isfinite(ex[k].cost_s)) {
      throw ValidationError(fmt::format("{} and {} cannot exchange in zone {}: the incoming "
                                        "runner never catches the outgoing one",
                                        runners[k]->name, runners[k + 1]->name, k + 1),
                            where);
    }
    if (!practice.empty()) {
      if (!std::isfinite(practice[k]) || std::abs(practice[k]) > 60.0) {
        throw ValidationError(fmt::format("practice term {} of exchange {} is not in [-60, 60] s",
                                          practice[k], k + 1),
                              Location{"", 0, "order_practice_s"});
      }
      ex[k].cost_s += practice[k];
    }
  }
  RelayPrediction out;
  out.event = e.id;
  // Summed in the same order as RelayCosts::team_time_s so both give the same number.
  double total = 0.0;
  for (int l = 0; l < legs; ++l) total += leg[l].split_s;
  for (int k = 0; k + 1 < legs; ++k) total += ex[k].cost_s;
  out.team_time_s = total;
  out.level = *o.level;
  // The team sets none, and the level used is the one its marks suggest (callers pass
  // options_for_team()'s, which is that one, unless they chose another).
  out.level_inferred = !team.level && out.level == team_level(team);
  const TimeInterval spread = team_time_interval(total, out.level);
  out.team_time_p10_s = spread.p10_s;
  out.team_time_p90_s = spread.p90_s;
  // Baton times at the scratch lines: the incoming runner's crossing, plus the exchange term
  // when the outgoing runner already carries the baton there.
  double body = 0.0;
  double last_baton = 0.0;
  for (int l = 0; l < legs; ++l) {
    body += leg[l].split_s;
    double baton = out.team_time_s;
    if (l + 1 < legs) baton = body + (ex[l].before_scratch ? ex[l].cost_s : 0.0);
    RelayLegResult r;
    r.leg = l + 1;
    r.athlete = runners[l]->name;
    r.distance_m = e.legs[l].distance_m;
    r.split_s = baton - last_baton;
    r.estimated = leg[l].estimated;
    r.note = leg[l].note;
    r.go_mark_m = l + 1 < legs ? ex[l].go_mark_m : 0.0;
    r.own_s = leg[l].split_s;
    r.pair_s = l + 1 < legs ? ex[l].cost_s : 0.0;
    r.pass_offset_s = l + 1 < legs ? ex[l].pass_offset_s : 0.0;
    r.pass_m = l + 1 < legs ? ex[l].pass_m : 0.0;
    out.legs.push_back(r);
    last_baton = baton;
    if (l + 1 < legs) body += ex[l].cost_s;
  }
  return out;
}

std::vector<bool> estimated_legs(const Team& team, const Event& event,
                                 const std::vector<std::string>& order,
                                 const PredictOptions& options) {
  std::vector<bool> out;
  for (const RelayLegResult& leg : predict_relay(team, event, order, options).legs) {
    out.push_back(leg.estimated);
  }
  return out;
}

}  // namespace baton
